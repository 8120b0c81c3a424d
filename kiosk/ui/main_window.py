"""The kiosk window: top bar, the screens, overlays; navigation and signals wired here."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from kiosk.content.freshness import lessons_due
from kiosk.content.lessons import COURSE, Category, Device, Lesson
from kiosk.content.library import LessonLibrary
from kiosk.content.markup import plain
from kiosk.content.translations import EASY_JAPANESE
from kiosk.drawing.language import SOURCE, Languages, locale_for
from kiosk.handoff import resume
from kiosk.handoff.certificate import build_certificate
from kiosk.handoff.printing import BackgroundPrinting, QtSlipPrinter
from kiosk.handoff.sheet import build_sheet
from kiosk.handoff.slip import PAPERS, build_slip, room_hours
from kiosk.records import course
from kiosk.records.accounts import Account, Accounts, Outcome, PinRejected, Role
from kiosk.records.events import EventKind
from kiosk.records.privacy import personal_data_in
from kiosk.records.recorder import Recorder
from kiosk.settings import Settings, SettingsError, TextSize, ThemeName, save_settings
from kiosk.ui.hidden_door import HOLD_MS, HiddenDoor
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.call_staff import CallStaffCard
from kiosk.ui.screens.confirm_card import Ask, ConfirmCard
from kiosk.ui.screens.device_card import DeviceCard
from kiosk.ui.screens.disaster_home import CARD_LESSONS, CARD_PROCEDURES, DisasterHomeScreen
from kiosk.ui.screens.finish import FinishScreen
from kiosk.ui.screens.glossary_card import GlossaryCard
from kiosk.ui.screens.handoff import HandoffScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.idle_warning import IdleWarning
from kiosk.ui.screens.lesson_list import LessonListScreen
from kiosk.ui.screens.menu import MenuScreen
from kiosk.ui.screens.no_speech import NoSpeechCard
from kiosk.ui.screens.note_card import NoteCard
from kiosk.ui.screens.pin_pad import PinPad
from kiosk.ui.screens.player import PlayerScreen
from kiosk.ui.screens.practice import PracticeMenuScreen, PracticeScreen
from kiosk.ui.screens.questions import CLOSE_OUT, INTAKE, QuestionCard
from kiosk.ui.screens.records_info import RecordsInfoCard
from kiosk.ui.screens.resume_pad import ResumePad
from kiosk.ui.screens.review import ReviewScreen
from kiosk.ui.screens.self_check import SelfCheckScreen
from kiosk.ui.screens.staff import StaffScreen
from kiosk.ui.screens.step_list import StepListCard
from kiosk.ui.screens.trouble_card import TroubleCard
from kiosk.ui.screens.troubles import TroublesScreen
from kiosk.ui.speech_client import SpeechClient
from kiosk.ui.staff_call import StaffCall, StaffCallBanner
from kiosk.ui.theme import style_sheet
from kiosk.ui.visit import Visit
from kiosk.ui.widgets.helper_bar import HelperBar
from kiosk.ui.widgets.overlay import Overlay
from kiosk.ui.widgets.page_stack import PageStack
from kiosk.ui.widgets.ruby_text import RubyText
from kiosk.ui.widgets.top_bar import TopBar

log = logging.getLogger("kiosk.ui")

CERTIFICATE = "course-certificate"  # what is printing, beside procedure ids
SHEET = "lesson-sheet"
ON_FINISH = (CERTIFICATE, SHEET)  # printed from the finish screen: it shows how it went


class KioskWindow(QWidget):
    def __init__(
        self,
        library: LessonLibrary,
        settings: Settings,
        recorder: Recorder,
        *,
        speech: SpeechClient | None = None,
        printing: BackgroundPrinting | None = None,
        kiosk_mode: bool = False,
        idle_ms: int | None = None,
        tick_ms: int = 1000,
        retry_ms: int = 5000,
        door_hold_ms: int = HOLD_MS,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("KioskWindow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if kiosk_mode:
            self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle(self.tr("デジタル何でも相談室"))
        self.base_library = library  # in Japanese, with every other language's texts
        self.library = library  # as the person now reads it (see choose_language)
        self.languages = Languages()
        self.settings = settings
        self.visit = Visit.fresh(settings)  # the person in front of the kiosk now
        self.data_dir = data_dir  # where staff changes to settings.toml go
        self.kiosk_mode = kiosk_mode
        self.recorder = recorder
        # (consultation, procedure) of the slip now printing; a late result for someone gone is logged.
        self._printing_for: tuple[str | None, str] | None = None
        self.speech = speech
        self.printing = printing or BackgroundPrinting(
            QtSlipPrinter(PAPERS[settings.paper], settings.printer_name)
        )
        self._history: list[Screen] = []
        self.training = False  # a signed-in supporter is taking the course (not helping a citizen)
        self.disaster = settings.disaster_mode  # 災害モード: the shelter's home leads
        self._allow_close = not kiosk_mode

        self.helper: Account | None = None  # the supporter or staff member signed in, if any
        # Staff setting a PIN on the pad: (account name, role, the first entry once typed).
        self._new_pin: tuple[str, Role, str | None] | None = None
        self.helper_bar = HelperBar()
        self.top_bar = TopBar()
        self.stack = PageStack()
        self.home = HomeScreen()
        self.disaster_home = DisasterHomeScreen()
        self.troubles = TroublesScreen()
        self.menu = MenuScreen()
        self.lesson_list = LessonListScreen()
        self.player = PlayerScreen(library)
        self.self_check = SelfCheckScreen()
        self.finish = FinishScreen()
        self.handoff = HandoffScreen()
        self.practice_menu = PracticeMenuScreen()
        self.practice = PracticeScreen(settings)
        self.staff = StaffScreen()
        self.review = ReviewScreen()
        for screen in (
            self.home,
            self.disaster_home,
            self.troubles,
            self.menu,
            self.lesson_list,
            self.player,
            self.self_check,
            self.finish,
            self.handoff,
            self.practice_menu,
            self.practice,
            self.staff,
            self.review,
        ):
            self.stack.addWidget(screen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.disaster_banner = QLabel()
        self.disaster_banner.setObjectName("DisasterBanner")
        self.disaster_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.disaster_banner)
        # 「係員を呼ぶ」 stays called, across screens and visits, until someone answers.
        self.staff_calls = StaffCall(recorder, lambda: self.settings, parent=self)
        self.staff_call_banner = StaffCallBanner(self.staff_calls)
        layout.addWidget(self.staff_call_banner)
        layout.addWidget(self.helper_bar)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.stack, 1)
        self.call_staff = CallStaffCard(self, self.staff_calls)
        self.records_info = RecordsInfoCard(self)
        self.no_speech = NoSpeechCard(self)
        self.resume_pad = ResumePad(self)
        self.pin_pad = PinPad(self)
        intake, close_out = (
            QT_TRANSLATE_NOOP("QuestionCard", "相談の はじめに"),
            QT_TRANSLATE_NOOP("QuestionCard", "相談の おわりに"),
        )
        self.intake = QuestionCard(self, str(intake), INTAKE)
        self.close_out = QuestionCard(self, str(close_out), CLOSE_OUT)
        self.step_list = StepListCard(self)
        self.note_card = NoteCard(self)
        self.trouble_card = TroubleCard(self)
        self.glossary_card = GlossaryCard(self)
        self.device_card = DeviceCard(self, library.pictures_dir)
        self.confirm_card = ConfirmCard(self)
        self.door = HiddenDoor(door_hold_ms, self)
        self.door.watch(self.top_bar.title)
        self.door.watch(self.home.welcome)
        self.idle_warning = IdleWarning(self, seconds=settings.warning_seconds, tick_ms=tick_ms)
        self.idle = IdleWatcher(idle_ms if idle_ms is not None else settings.idle_seconds * 1000, self)

        # Writes that failed (locked, full disk) are tried again in the background.
        self._retry = QTimer(self)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self.recorder.retry)
        self._retry.start()
        self._connect_signals()
        self.home.set_languages(
            [(code, self.languages.own_name(code)) for code in self.languages.available], SOURCE
        )
        self.apply_look(self.visit.text_size, self.visit.theme)
        self._apply_disaster()
        self._show(self.home_screen(), remember=False)
        app = QApplication.instance()
        assert app is not None
        self.idle.watch(app)

    # What this visitor chose (read-only here: the choices go through the visit).
    @property
    def language(self) -> str:
        return self.visit.language

    @property
    def text_size(self) -> TextSize:
        return self.visit.text_size

    @property
    def theme(self) -> ThemeName:
        return self.visit.theme

    @property
    def furigana(self) -> bool:
        return self.visit.furigana

    @property
    def slow_speech(self) -> bool:
        return self.visit.slow_speech

    def cards(self) -> list[Overlay]:
        """Every card laid over the screens, bottom to top (the one registry of them)."""
        return [child for child in self.children() if isinstance(child, Overlay)]

    def _connect_signals(self) -> None:
        self.top_bar.back_requested.connect(self.back)
        self.top_bar.home_requested.connect(self.go_home)
        self.top_bar.staff_requested.connect(self.call_for_staff)
        self.top_bar.info_requested.connect(self.show_records_info)
        self.top_bar.read_requested.connect(self.read_aloud)
        if self.speech is not None:
            self.speech.started.connect(lambda _id: self._show_reading(True))
            self.speech.finished.connect(lambda _id: self._show_reading(False))
            self.speech.unavailable.connect(lambda _reason: self.no_speech.open())
            self.speech.no_voice.connect(lambda _reason: self.no_speech.open(no_voice=True))
        for card in self.cards():  # a card covers the top bar and carries its buttons
            card.read_requested.connect(self.read_aloud)
            card.call_requested.connect(self.call_for_staff)
        self.home.start_requested.connect(self._start)
        self.home.resume_requested.connect(self.resume_pad.open)
        self.resume_pad.code_entered.connect(self.resume)
        self.home.practice_requested.connect(self.open_practice_menu)
        self.practice_menu.chosen.connect(self.open_practice)
        self.practice_menu.course_chosen.connect(self.open_practice_course)
        self.practice.result.connect(
            lambda detail: self.recorder.record(EventKind.PRACTICE_RESULT, detail=detail)
        )
        self.practice.finished_course.connect(self.back)
        self.home.language_chosen.connect(self.choose_language)
        self.home.text_size_chosen.connect(self._choose_text_size)
        self.home.theme_chosen.connect(self._choose_theme)
        self.home.furigana_chosen.connect(self._choose_furigana)
        self.home.slow_chosen.connect(self._choose_slow)
        self.menu.category_chosen.connect(self.open_category)
        self.lesson_list.lesson_chosen.connect(self.open_lesson)
        self.player.step_shown.connect(self._record_step)
        self.player.dont_understand.connect(self._record_dont_understand)
        self.player.finished.connect(self._lesson_done)
        self.self_check.answered.connect(self._record_answer)
        self.self_check.finished.connect(self._finish_lesson)
        self.finish.certificate_requested.connect(self.print_certificate)
        self.helper_bar.course_button.clicked.connect(self.start_training)
        self.player.left_at_start.connect(self.back)
        self.player.staff_requested.connect(self.call_for_staff)
        self.player.device_chosen.connect(self._device_chosen)
        self.finish.again_requested.connect(lambda lesson_id: self.open_lesson(lesson_id, remember=False))
        self.finish.more_requested.connect(self._more_lessons)
        self.finish.home_requested.connect(self.go_home)
        self.finish.handoff_requested.connect(self.open_handoff)
        self.handoff.print_requested.connect(self.print_slip)
        self.printing.printed.connect(self._printed)
        self.printing.failed.connect(self._print_failed)
        self.door.opened.connect(self.open_pin_pad)
        self.pin_pad.pin_entered.connect(self._pin_entered)
        self.pin_pad.dismissed.connect(self._forget_new_pin)
        self.intake.answered.connect(self._start_assisted)
        self.close_out.answered.connect(self.note_card.ask)
        self.note_card.done.connect(self._close_out)
        self.helper_bar.start_button.clicked.connect(self.intake.open)
        self.helper_bar.end_button.clicked.connect(self.close_out.open)
        self.helper_bar.logout_button.clicked.connect(lambda: self.sign_out("logout"))
        self.helper_bar.exit_button.clicked.connect(self.exit_kiosk)
        self.confirm_card.confirmed.connect(self._confirmed)
        self.helper_bar.settings_button.clicked.connect(self.open_staff)
        self.helper_bar.steps_button.clicked.connect(self._list_steps)
        self.step_list.chosen.connect(self._jump_to_step)
        self.staff.save_requested.connect(self._save_settings)
        self.staff.disable_requested.connect(self._disable_account)
        self.staff.pin_requested.connect(self._ask_new_pin)
        self.staff.review_requested.connect(self.open_review)
        self.staff.disaster_requested.connect(self.set_disaster_mode)
        self.disaster_home.card_chosen.connect(self.open_disaster_card)
        self.home.troubles_requested.connect(self.open_troubles)
        self.troubles.chosen.connect(self.open_trouble)
        self.trouble_card.lesson_requested.connect(lambda lesson_id, step: self.open_lesson(lesson_id, step))
        self.trouble_card.procedure_requested.connect(self.open_handoff)
        self.trouble_card.staff_requested.connect(self.call_for_staff)
        self.player.word_requested.connect(self.open_word)
        self.device_card.chosen.connect(self._device_chosen_on_card)
        self.finish.sheet_requested.connect(self.print_sheet)
        self.disaster_home.usual_requested.connect(lambda: self._show(self.home))
        self.idle.idle.connect(self._on_idle)
        self.idle_warning.extended.connect(self._on_extended)
        self.idle_warning.expired.connect(self.reset)

    # ---- navigation -------------------------------------------------------

    def current(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def _show(self, screen: Screen, *, remember: bool = True) -> None:
        self.stop_speech()
        if screen is not self.practice:
            self.practice.leave()
        if remember and self.stack.currentWidget() is not screen:
            self._history.append(self.current())
        self.stack.switch(screen, lambda: self.refresh_top_bar(screen))
        # No button starts out looking selected; keyboard users still Tab from here.
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh_top_bar(self, screen: Screen | None = None) -> None:
        screen = screen or self.current()
        self.helper_bar.steps_button.setVisible(self.helper is not None and screen is self.player)
        # In 災害モード the usual home is one step away from the shelter's: 「戻る」 leads back.
        back = screen.show_back or (self.disaster and screen is self.home)
        self.top_bar.configure(
            screen.screen_title(), back=back, home=screen.show_home, info=screen is self.home
        )

    def back(self) -> None:
        if self._history:
            screen = self._history.pop()
            self.stack.switch(screen, lambda: self.refresh_top_bar(screen))
        else:
            self.go_home()

    def go_home(self) -> None:
        """「はじめに戻る」 (top bar or finish screen): this person's visit ends here."""
        self.end_visit("home")

    def end_visit(self, reason: str) -> None:
        """The person has gone: close their consultation, wipe every screen and card, and greet
        the next person as the city set the kiosk up (Japanese, its text size and colours)."""
        self.practice.leave()
        self.stop_speech()
        self.recorder.end(reason)
        for card in self.cards():
            card.clear()
            card.hide()
        for index in range(self.stack.count()):
            screen = self.stack.widget(index)
            if isinstance(screen, Screen):
                screen.clear()
        self.choose_language(SOURCE)  # while the visit still says what it was in
        self.visit = Visit.fresh(self.settings)
        self.set_furigana(False)
        self.apply_look(self.visit.text_size, self.visit.theme)
        self._history.clear()
        self._show(self.home_screen(), remember=False)

    def home_screen(self) -> Screen:
        """Where everyone starts: the shelter's cards in 災害モード, the usual home otherwise."""
        return self.disaster_home if self.disaster else self.home

    def _start(self) -> None:
        self.recorder.ensure_started()
        self._show(self.menu)

    def resume(self, code: str) -> None:
        """A slip's 「つづきから」 code: back to that lesson and step, or a calm 「もう一度」."""
        found = resume.decode(code, [lesson.id for lesson in self.library.lessons])
        if found is None:
            self.recorder.record(EventKind.RESUME_WRONG)
            self.resume_pad.show_wrong()
            return
        lesson_id, step = found
        lesson = self.library.get(lesson_id)
        assert lesson is not None
        self.recorder.record(EventKind.RESUMED, lesson_id=lesson_id, step=step)
        self.resume_pad.hide()
        self.open_lesson(lesson_id, min(step, len(lesson.steps)) - 1)

    def open_category(self, category: str) -> None:
        chosen = Category(category)
        if chosen is Category.PRACTICE:
            self.open_practice_menu()
            return
        self.lesson_list.show_category(chosen, self.library.in_category(chosen))
        self._show(self.lesson_list)

    def open_practice_menu(self) -> None:
        self.recorder.ensure_started()
        self._show(self.practice_menu)

    def open_practice(self, gesture: str) -> None:
        self.practice.open(gesture)
        self._show(self.practice)
        self.refresh_top_bar()

    def open_practice_course(self) -> None:
        self.practice.start_course()
        self._show(self.practice)

    def open_lesson(self, lesson_id: str, step: int = 0, *, remember: bool = True) -> None:
        lesson = self.library.get(lesson_id)
        if lesson is None:
            log.error("unknown lesson asked for: %s", lesson_id)
            return
        self.recorder.record(EventKind.LESSON_STARTED, lesson_id=lesson.id)
        self.player.start(lesson, step)
        self._show(self.player, remember=remember)
        if lesson.has_variants and self.player.device is None and not self.visit.asked_device:
            self.visit.asked_device = True
            self.device_card.open()

    def _record_step(self, lesson_id: str, step: int) -> None:
        self.recorder.record(EventKind.STEP_SHOWN, lesson_id=lesson_id, step=step)
        self.stop_speech()
        if self.settings.auto_read and self.speech is not None and self.speech.available:
            # After the screen has changed (opening a lesson shows the step first).
            QTimer.singleShot(0, lambda: self._auto_read(lesson_id, step))

    def _auto_read(self, lesson_id: str, step: int) -> None:
        lesson = self.player.lesson
        if (
            self.current() is self.player
            and lesson
            and lesson.id == lesson_id
            and self.player.index + 1 == step
        ):
            self.read_aloud()

    def _record_dont_understand(self, lesson_id: str, step: int) -> None:
        self.recorder.record(EventKind.DONT_UNDERSTAND, lesson_id=lesson_id, step=step)

    def _lesson_done(self, lesson_id: str) -> None:
        """The last step's 「おわる」: a course lesson's self-check first, then the finish screen."""
        lesson = self.library.get(lesson_id)
        if lesson is not None and lesson.check:
            self.self_check.start(lesson)
            self._show(self.self_check, remember=False)
        else:
            self._finish_lesson(lesson_id)

    def _record_answer(self, lesson_id: str, question: int, right: bool) -> None:
        self.recorder.record(
            EventKind.CHECK_ANSWERED, lesson_id=lesson_id, step=question, detail="right" if right else "wrong"
        )

    def _finish_lesson(self, lesson_id: str) -> None:
        self.recorder.record(EventKind.LESSON_FINISHED, lesson_id=lesson_id)
        lesson = self.library.get(lesson_id)
        if lesson is not None and lesson.category == COURSE:
            self.visit.course_done.add(lesson_id)
        if not self.training:  # a supporter's course goes on in one session
            self.recorder.end("finished")
        if lesson:
            self.finish.show_lesson(lesson, certificate=self.course_complete())
        self._show(self.finish, remember=False)

    # ---- the supporter course ---------------------------------------------------

    def course_lessons(self) -> list[Lesson]:
        return self.library.in_category(COURSE)

    def course_complete(self) -> bool:
        """Every course lesson finished: by the supporter signed in (kept), or in this visit."""
        ids = [lesson.id for lesson in self.course_lessons()]
        if not ids:
            return False
        if all(lesson_id in self.visit.course_done for lesson_id in ids):
            return True
        store = self.recorder.store
        # With the writer thread, what this visit did may not be written yet: the visit's own
        # list above has it; the store has what earlier visits did.
        if not self.training or self.helper is None or store is None:
            return False
        try:
            return course.progress_of(store, self.helper.name).complete(ids)
        except Exception:  # progress unreadable: no slip offered now; the log says why
            log.exception("course progress not read")
            return False

    def start_training(self) -> None:
        """A signed-in supporter or staff member takes the course: its own session, not a consultation."""
        if self.helper is None:
            return
        self.recorder.begin(mode="training", supporter_id=self.helper.name)
        self.recorder.record(EventKind.INTAKE, detail=COURSE.value)
        self.training = True
        self._history = [self.home]
        self.open_category(COURSE.value)

    def print_certificate(self) -> None:
        if self.printing.busy or not self.course_complete():
            return
        content = build_certificate(
            [plain(lesson.title) for lesson in self.course_lessons()],
            room_name=self.settings.room_name,
            today=date.today(),
            contact=self.settings.room_contact,
            locale=locale_for(self.language),
        )
        self._printing_for = (self.recorder.consultation_id, CERTIFICATE)
        self.finish.show_status(self.tr("印刷しています。少し お待ちください。"))
        self.printing.print_slip(content)

    def _more_lessons(self) -> None:
        # Back to the list the lesson came from.
        while self._history and self._history[-1] is not self.lesson_list:
            self._history.pop()
        self.back()

    def open_handoff(self, procedure_id: str) -> None:
        procedure = self.library.procedures.get(procedure_id)
        if procedure is None:
            log.error("unknown procedure asked for: %s", procedure_id)
            return
        self.recorder.record(EventKind.HANDOFF_SHOWN, procedure_id=procedure.id)
        self.handoff.show_procedure(procedure)
        self.handoff.set_resume_code(self._resume_code())
        self._show(self.handoff)

    def _resume_code(self) -> str | None:
        """The つづきから number of the lesson just finished, shown with the hand-off and on its slip."""
        lesson = self.finish.lesson
        return resume.encode(lesson.id, 1) if lesson else None

    def print_slip(self, procedure_id: str) -> None:
        procedure = self.library.procedures.get(procedure_id)
        if procedure is None or self.printing.busy:
            return
        content = build_slip(
            procedure,
            room_name=self.settings.room_name,
            today=date.today(),
            contact=self.settings.room_contact,
            hours=room_hours(self.settings, locale_for(self.language)),
            resume_code=self.handoff.resume_code,
            locale=locale_for(self.language),
        )
        self._printing_for = (self.recorder.consultation_id, procedure.id)
        self.handoff.set_printing(True)
        self.handoff.show_status(self.tr("印刷しています。少し お待ちください。"))
        self.printing.print_slip(content)

    def _print_result(self) -> str | None:
        """The procedure (or CERTIFICATE) whose slip just finished, if the person who asked is still here."""
        asked, self._printing_for = self._printing_for, None
        self.handoff.set_printing(False)
        if asked is None or asked[0] != self.recorder.consultation_id:
            log.info("slip result arrived after the consultation ended")
            return None
        return asked[1]

    def _printed(self) -> None:
        printed = self._print_result()
        if printed is None:
            return
        done = self.tr("印刷しました。紙を お取りください。")
        if printed in ON_FINISH:
            self.recorder.record(EventKind.SLIP_PRINTED, detail=printed)
            self.finish.show_status(done)
            return
        self.recorder.record(EventKind.SLIP_PRINTED, procedure_id=printed)
        self.handoff.show_status(done)

    def _print_failed(self, reason: str) -> None:
        printed = self._print_result()
        if printed is None:
            return
        if printed in ON_FINISH:
            self.recorder.record(EventKind.SLIP_PRINT_FAILED, detail=f"{printed}: {reason}"[:200])
            self.finish.show_status(self.tr("印刷できませんでした。係員に 声を かけて ください。"))
            return
        self.recorder.record(EventKind.SLIP_PRINT_FAILED, procedure_id=printed, detail=reason[:200])
        self.handoff.show_status(
            self.tr("印刷できませんでした。画面の QRコードを スマホで 読み取って ください。"), failed=True
        )

    def call_for_staff(self) -> None:
        self.staff_calls.call(type(self.current()).__name__)
        self.call_staff.open()

    def speech_text(self) -> str:
        """What is in front of the person now: an open card, or the screen."""
        for card in reversed(self.cards()):
            if card.isVisible():
                return card.speech_text()
        return self.current().speech_text()

    def read_aloud(self) -> None:
        """「よみあげ」: read this screen; pressed again while reading, stop."""
        if self.speech is None:
            self.no_speech.open()
            return
        if self.speech.speaking is not None:
            self.stop_speech()
            return
        self.recorder.record(EventKind.READ_ALOUD, detail=type(self.current()).__name__)
        self.speech.speak(
            self.speech_text(),
            slow=self.slow_speech,
            volume=self.settings.speech_volume,
            language=self.language,
        )

    def stop_speech(self) -> None:
        if self.speech is not None:
            self.speech.stop()
        self._show_reading(False)

    def _show_reading(self, reading: bool) -> None:
        self.top_bar.show_reading(reading)
        for card in self.cards():
            card.bar.show_reading(reading)

    def show_records_info(self) -> None:
        self.records_info.open()

    # ---- supporter and staff mode ----------------------------------------------

    @property
    def staff_signed_in(self) -> bool:
        """The one staff-only guard: a staff member (not a supporter) is signed in now."""
        return self.helper is not None and self.helper.role is Role.STAFF

    def _accounts(self) -> Accounts | None:
        store = self.recorder.store
        if store is None:
            return None
        return Accounts(
            store, max_tries=self.settings.pin_max_tries, lock_minutes=self.settings.pin_lock_minutes
        )

    def _audit(self, action: str, detail: str = "") -> None:
        if self.helper is not None:
            self.recorder.audit(action, detail, actor=self.helper.name)

    def open_pin_pad(self) -> None:
        accounts = self._accounts()
        if accounts is None:
            self.pin_pad.open(self.tr("記録が 使えないため、いまは ひらけません。"))
        elif not any(account.active for account in accounts.list()):
            self.pin_pad.open(
                self.tr(
                    "まだ 暗証番号が ありません。管理者が「kiosk pin set 名前 --role staff」で 作ります。"
                )
            )
        else:
            self.pin_pad.open()

    def _pin_entered(self, pin: str) -> None:
        if self._new_pin is None:
            self._sign_in(pin)
        else:
            self._set_pin(pin)

    def _ask_new_pin(self, name: str, role: str) -> None:
        """Staff: a new account's PIN, or a new PIN for one, typed twice on the pad (never shown)."""
        if not self.staff_signed_in:
            return
        self._new_pin = (name, Role(role), None)
        self.pin_pad.open(self.tr("{0} の 新しい 暗証番号を 入れて ください。").format(name))

    def _forget_new_pin(self) -> None:
        self._new_pin = None

    def _set_pin(self, pin: str) -> None:
        assert self._new_pin is not None
        name, role, first = self._new_pin
        if first is None:
            self._new_pin = (name, role, pin)
            self.pin_pad.show_message(self.tr("確かめます。もう一度 入れて ください。"))
            return
        accounts = self._accounts()
        if pin != first or accounts is None or self.helper is None:
            self._new_pin = (name, role, None)
            self.pin_pad.show_message(self.tr("2回の 番号が ちがいました。はじめから 入れて ください。"))
            return
        try:
            accounts.set_pin(name, role, pin, actor=self.helper.name)
        except PinRejected as exc:
            self._new_pin = (name, role, None)
            self.pin_pad.show_message(str(exc))
            return
        self.pin_pad.dismiss()
        self.staff.new_name.clear()
        self.staff.message.setText(self.tr("{0} の 暗証番号を 設定しました。").format(name))
        self.staff.show_accounts(accounts.list())

    def _sign_in(self, pin: str) -> None:
        accounts = self._accounts()
        if accounts is None:
            return
        result = accounts.unlock(pin)
        if result.outcome is Outcome.OK and result.account is not None:
            self.end_visit("helper")  # whoever was at the kiosk before is not the supporter's citizen
            self.helper = result.account
            self.staff_calls.set_helper(self.helper.name)  # someone is here: the call is answered
            self.player.set_supporter(True)
            self.menu.set_helper(True)
            self._show(self.home, remember=False)
            self.helper_bar.show_helper(self.helper.name, self.helper.role.value, consulting=False)
            self.intake.open()
        elif result.outcome is Outcome.LOCKED and result.locked_until is not None:
            self.pin_pad.show_message(
                self.tr("いまは 使えません。{0} に もう一度 ためして ください。").format(
                    f"{result.locked_until:%H:%M}"
                )
            )
        else:
            self.pin_pad.show_message(
                self.tr("番号が ちがいます。あと {0} 回 まちがえると、しばらく 使えなくなります。").format(
                    result.tries_left
                )
            )

    def _start_assisted(self, answers: dict[str, str]) -> None:
        """The intake's four taps: a consultation with the supporter beside the citizen."""
        if self.helper is None:
            return
        self.choose_language(answers.get("language", self.language))
        self.training = False
        self.recorder.begin(
            language=self.language,
            mode=self.helper.role.value,
            supporter_id=self.helper.name,
            age_band=answers.get("age_band"),
            device=answers.get("device"),
        )
        topic = answers.get("topic", "other")
        self.recorder.record(EventKind.INTAKE, detail=topic)
        self.helper_bar.show_helper(self.helper.name, self.helper.role.value, consulting=True)
        self._history = [self.home]
        if topic in (Category.BASICS.value, Category.MYNUMBER.value):
            self.open_category(topic)
        elif topic == Category.PRACTICE.value:
            self._show(self.practice_menu)
        else:
            self._show(self.menu)

    def _close_out(self, answers: dict[str, str], note: str) -> None:
        """How it went, whether someone must follow up, a short note; then ready for the next person."""
        consultation = self.recorder.consultation_id
        if personal_data_in(note):
            self.note_card.refuse()
            return
        if consultation is not None:
            self.recorder.staff_write(
                "outcome",
                lambda store: store.write_outcome(
                    consultation,
                    outcome=answers["outcome"],
                    follow_up=answers.get("follow_up") == "yes",
                    note=note,
                ),
            )
        self.end_visit("closed_out")
        self._show(self.home, remember=False)
        if self.helper is not None:
            self.helper_bar.show_helper(self.helper.name, self.helper.role.value, consulting=False)

    def sign_out(self, reason: str, *, home: bool = True) -> None:
        """Back to the citizen kiosk: the supporter's or staff member's session ends."""
        if self.helper is None:
            return
        self._audit("logout", reason)
        if self.training:
            self.recorder.end("training_ended")
            self.training = False
        self.helper = None
        self.staff_calls.set_helper(None)
        self._new_pin = None
        self.helper_bar.hide()
        self.player.set_supporter(False)
        self.menu.set_helper(False)
        if home:
            self.end_visit("home")

    def _list_steps(self) -> None:
        if self.helper is not None and self.player.lesson is not None:
            self.step_list.show_lesson(self.player.lesson, self.player.index)

    def _jump_to_step(self, index: int) -> None:
        if self.player.lesson is not None:
            self.player.start(self.player.lesson, index)

    def open_staff(self) -> None:
        """Staff only: settings and accounts."""
        if not self.staff_signed_in:
            return
        accounts = self._accounts()
        self.staff.show_values(self.settings, accounts.list() if accounts else [])
        if not self.recorder.records_nothing:  # a screenshot records nothing: no warning for it
            self.staff.show_records(self.recorder.health, self.recorder.pending)
        self.staff.show_recheck(lessons_due(self.base_library.lessons, date.today()))
        self._show(self.staff)

    def open_review(self) -> None:
        """Staff only: the records, page by page, with counts and つまずき (audited)."""
        store = self.recorder.store
        if not self.staff_signed_in or store is None:
            return
        self.recorder.flush()
        self._audit("review", "opened")
        self.review.open(
            store,
            self._lesson_titles(),
            course_lessons=[lesson.id for lesson in self.course_lessons()],
            trouble_titles={t.id: plain(t.title) for t in self.base_library.troubles},
            procedure_titles={p.id: plain(p.title) for p in self.base_library.procedures.values()},
        )
        self._show(self.review)

    def _lesson_titles(self) -> dict[str, str]:
        # Staff read the records in Japanese, whatever the last visitor chose.
        return {lesson.id: plain(lesson.title) for lesson in self.base_library.lessons}

    def _save_settings(self, values: dict[str, Any]) -> None:
        if not self.staff_signed_in:
            return
        changed = {key: value for key, value in values.items() if getattr(self.settings, key) != value}
        if not changed:
            self.staff.message.setText(self.tr("変わった ところは ありません。"))
            return
        if self.data_dir is None:
            self.staff.message.setText(self.tr("この 画面からは 保存できません。"))
            return
        try:
            saved = save_settings(self.data_dir, changed)
        except SettingsError as exc:
            log.warning("settings not saved: %s", exc)
            self.staff.message.setText(
                self.tr("保存できませんでした。値を 確かめて ください。\n{0}").format(exc)
            )
            return
        for key, value in changed.items():
            if key == "shelter_wifi_password":  # shared with the shelter, but not copied into the log
                self._audit("settings_changed", f"{key}: (changed)")
                continue
            self._audit("settings_changed", f"{key}: {getattr(self.settings, key)!r} → {value!r}")
        self.settings = saved
        self.idle.set_interval(saved.idle_seconds * 1000)
        self.idle_warning.seconds = saved.warning_seconds
        self.printing.printer = QtSlipPrinter(PAPERS[saved.paper], saved.printer_name)
        self.disaster_home.show_settings(saved)
        self.staff.message.setText(self.tr("保存しました。"))

    def _disable_account(self, name: str) -> None:
        accounts = self._accounts()
        if not self.staff_signed_in or accounts is None:
            return
        assert self.helper is not None  # signed in
        accounts.disable(name, actor=self.helper.name)
        self.staff.show_accounts(accounts.list())

    def exit_kiosk(self) -> None:
        """Staff only: leave the kiosk (the one way out of kiosk mode), after 「はい、終了します」."""
        if not self.staff_signed_in:
            return
        self.confirm_card.ask(Ask.EXIT)

    def _confirmed(self, what: str) -> None:
        """The staff answered 「はい」 on the confirmation card."""
        if not self.staff_signed_in:
            return  # signed out meanwhile
        if what == Ask.EXIT:
            self._exit_now()
        else:
            self._switch_disaster(what == Ask.DISASTER_ON)

    def _exit_now(self) -> None:
        self._audit("exit", self.settings.kiosk_id)
        self.allow_close()
        self.close()

    # ---- help for people who don't know what to ask ------------------------------

    def open_troubles(self) -> None:
        self.recorder.ensure_started()
        self.troubles.show_troubles(self.library.troubles, self.library.pictures_dir)
        self._show(self.troubles)

    def open_trouble(self, trouble_id: str) -> None:
        trouble = next((t for t in self.library.troubles if t.id == trouble_id), None)
        if trouble is None:
            return
        self.recorder.record(EventKind.TROUBLE_CHOSEN, detail=trouble.id)
        self.trouble_card.show_trouble(trouble)

    def open_word(self, word: str, *, record: bool = True) -> None:
        found = self.library.glossary.get(word)
        if found is None:
            return
        if record:
            self.recorder.record(
                EventKind.WORD_OPENED,
                lesson_id=self.player.lesson.id if self.player.lesson else None,
                detail=found.word,
            )
        picture = self.library.picture_path(found.picture) if found.picture else None
        self.glossary_card.show_word(found, picture if picture and picture.is_file() else None)

    def _device_chosen(self, device: str) -> None:
        self.visit.device = Device(device)
        self.recorder.record(EventKind.DEVICE_CHOSEN, detail=device)

    def _device_chosen_on_card(self, code: str) -> None:
        if code:
            self.player.choose_device(Device(code))

    def print_sheet(self) -> None:
        """The finished lesson's steps on paper, to repeat at home."""
        lesson = self.finish.lesson
        if lesson is None or self.printing.busy:
            return
        content = build_sheet(
            lesson,
            self.library.pictures_dir,
            room_name=self.settings.room_name,
            today=date.today(),
            device=self.visit.device,
            contact=self.settings.room_contact,
            hours=room_hours(self.settings, locale_for(self.language)),
            locale=locale_for(self.language),
        )
        self._printing_for = (self.recorder.consultation_id, SHEET)
        self.finish.show_status(self.tr("印刷しています。少し お待ちください。"))
        self.printing.print_slip(content)

    # ---- 災害モード -------------------------------------------------------------

    def _apply_disaster(self) -> None:
        self.recorder.kiosk_mode = "disaster" if self.disaster else "normal"
        self.disaster_banner.setVisible(self.disaster)
        self.disaster_banner.setText(self.tr("災害モード：避難所の ご案内を しています"))
        self.disaster_home.show_settings(self.settings)
        self.staff.show_disaster(self.disaster)

    def set_disaster_mode(self, on: bool) -> None:
        """Staff only: the shelter's home from now on (or the usual one again), after 「はい」."""
        if not self.staff_signed_in or on == self.disaster:
            return
        self.confirm_card.ask(Ask.DISASTER_ON if on else Ask.DISASTER_OFF)

    def _switch_disaster(self, on: bool) -> None:
        """Saved and audited."""
        if on == self.disaster:
            return
        if self.data_dir is not None:
            try:
                self.settings = save_settings(self.data_dir, {"disaster_mode": on})
            except SettingsError as exc:  # still switched for now; the log and the screen say why
                log.warning("disaster mode not saved: %s", exc)
                self.staff.message.setText(self.tr("保存できませんでした。再起動すると 元に 戻ります。"))
        self._audit("disaster_mode", "on" if on else "off")
        self.recorder.end("mode_changed")
        self.disaster = on
        self._apply_disaster()
        self.refresh_top_bar()

    def open_disaster_card(self, key: str) -> None:
        """A card of the shelter's home: its lessons, or its official page's QR — never a dead end."""
        self.recorder.record(EventKind.DISASTER_CARD, detail=key)
        procedure = CARD_PROCEDURES.get(key)
        if procedure and procedure in self.library.procedures:
            self.open_handoff(procedure)
            return
        lessons = [self.library.get(i) for i in CARD_LESSONS.get(key, ())]
        found = [lesson for lesson in lessons if lesson is not None]
        if len(found) == 1:
            self.open_lesson(found[0].id)
            return
        shown = found or self.library.in_category(Category.DISASTER)
        if not shown:  # no disaster lessons at all (broken files): the usual menu
            self._show(self.menu)
            return
        self.lesson_list.show_category(Category.DISASTER, shown)
        self._show(self.lesson_list)

    # ---- look -----------------------------------------------------------------

    def apply_look(self, text_size: TextSize, theme: ThemeName) -> None:
        self.visit.text_size, self.visit.theme = text_size, theme
        self.setStyleSheet(style_sheet(text_size, theme))
        self.home.show_look(text_size, theme, furigana=self.furigana, slow=self.slow_speech)
        self.lesson_list.set_text_size(text_size)
        self.troubles.set_text_size(text_size)
        self.practice_menu.set_text_size(text_size)
        self.player.set_text_size(text_size)

    def _choose_text_size(self, size: str) -> None:
        self.recorder.record(EventKind.TEXT_SIZE_CHANGED, detail=size)
        self.apply_look(size, self.theme)  # type: ignore[arg-type]

    def set_furigana(self, on: bool) -> None:
        self.visit.furigana = on
        self.home.furigana_button.setChecked(on)
        for text in self.findChildren(RubyText):
            text.set_furigana(on)

    def _choose_furigana(self, on: bool) -> None:
        self.recorder.record(EventKind.FURIGANA_CHANGED, detail="on" if on else "off")
        self.set_furigana(on)

    def _choose_slow(self, on: bool) -> None:
        self.recorder.record(EventKind.READ_ALOUD_CHANGED, detail="slow" if on else "normal")
        self.visit.slow_speech = on

    def _choose_theme(self, theme: str) -> None:
        self.recorder.record(EventKind.THEME_CHANGED, detail=theme)
        self.apply_look(self.text_size, theme)  # type: ignore[arg-type]

    # ---- idle -----------------------------------------------------------------

    def _on_idle(self) -> None:
        nobody_here = self.current() in (self.home, self.disaster_home) and not self.recorder.started
        if nobody_here:
            self.idle.restart()
            return
        self.recorder.record(EventKind.IDLE_WARNING)
        self.idle_warning.start()

    def _on_extended(self) -> None:
        self.recorder.record(EventKind.IDLE_EXTENDED)
        self.idle.restart()

    def reset(self) -> None:
        """Idle timeout: end this person's consultation and wipe every screen."""
        self.practice.leave()
        if self.recorder.started:
            self.recorder.record(EventKind.IDLE_RESET)
        self.recorder.end("idle_reset")
        self.sign_out("idle", home=False)
        self.idle_warning.stop()
        self.end_visit("idle_reset")
        self.idle.restart()

    # ---- language ---------------------------------------------------------------

    def choose_language(self, language: str) -> None:
        """Everything on screen in `language` from now on, for this person (idle reset returns to Japanese).

        Fixed texts follow Qt's LanguageChange; what the current screen shows (a lesson step,
        a list, a procedure) is shown again from the library in the new language.
        """
        used = self.languages.use(language)
        self.home.show_language(used)
        if used == self.language:
            return
        self.visit.language = used
        self.recorder.language = used
        self.library = self.base_library.in_language(used)
        self.player.library = self.library
        # Qt posts LanguageChange to every widget: they retranslate now, not at the next turn of the loop.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        if self.recorder.started:
            self.recorder.record(EventKind.LANGUAGE_CHANGED, detail=used)
        if used == EASY_JAPANESE:  # its readers get furigana from the start (they may turn it off)
            self.set_furigana(True)
        self._show_again_in_language()

    def _show_again_in_language(self) -> None:
        screen = self.current()
        lesson = self.player.lesson
        if screen is self.player and lesson is not None:
            self.player.show_in_language(self.library.get(lesson.id) or lesson)
        elif screen is self.lesson_list and self.lesson_list.category is not None:
            category = self.lesson_list.category
            self.lesson_list.show_category(category, self.library.in_category(category))
        elif screen is self.troubles:
            self.troubles.show_troubles(self.library.troubles, self.library.pictures_dir)
        elif screen is self.self_check and self.self_check.lesson is not None:
            self.self_check.show_in_language(
                self.library.get(self.self_check.lesson.id) or self.self_check.lesson
            )
        elif screen is self.finish and self.finish.lesson is not None:
            self.finish.show_lesson(
                self.library.get(self.finish.lesson.id) or self.finish.lesson,
                certificate=self.finish.certificate_button.isVisible(),
            )
        elif screen is self.handoff and self.handoff.procedure is not None:
            procedure_id = self.handoff.procedure.id
            self.handoff.show_procedure(self.library.procedures.get(procedure_id) or self.handoff.procedure)
        self.refresh_top_bar()
        # An open card shows its words again in the new language too.
        shown = self.trouble_card.trouble
        if self.trouble_card.isVisible() and shown is not None:
            again = next((t for t in self.library.troubles if t.id == shown.id), shown)
            self.trouble_card.show_trouble(again)
        if self.glossary_card.isVisible() and self.glossary_card.word is not None:
            self.open_word(self.glossary_card.word.word, record=False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("デジタル何でも相談室"))
        super().changeEvent(event)

    # ---- closing --------------------------------------------------------------

    def allow_close(self) -> None:
        self._allow_close = True

    def end_for_session(self) -> None:
        """The computer is logging off, restarting or shutting down (Windows asks every app
        first, and may end it a few seconds later): the consultation ends as `closed` and is
        written now, and the window lets itself be closed so that quitting is not refused
        (a refused close hangs the logoff)."""
        self.allow_close()
        self._retry.stop()
        self.idle.pause()
        self.recorder.end("closed")
        self.recorder.written(timeout=3.0)  # the session may yet go on: the writer keeps running

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.kiosk_mode:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._allow_close:
            event.ignore()  # a citizen cannot close the kiosk; staff exit comes with supporter mode
            return
        self._retry.stop()
        self.idle.pause()
        self.recorder.end("closed")
        self.recorder.close()
        if self.speech is not None:
            self.speech.shutdown()
        event.accept()
