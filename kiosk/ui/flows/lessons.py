"""Learning: the menu, lesson lists, the player, the self-check, the finish screen, the hand-off,
troubles and words — each tap recorded as the event it is."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from kiosk.content.lessons import COURSE, Category, Device
from kiosk.handoff import resume
from kiosk.records.events import EventKind
from kiosk.ui.flows.course import Course
from kiosk.ui.flows.navigator import Flow, Navigator
from kiosk.ui.screen_set import Screens
from kiosk.ui.screens.glossary_card import picture_of
from kiosk.ui.state import KioskState

log = logging.getLogger("kiosk.ui")


class Lessons(Flow):
    def __init__(
        self, state: KioskState, screens: Screens, nav: Navigator, parent: QObject | None = None
    ) -> None:
        super().__init__(state, screens, nav, parent)
        self.course = Course(state)
        self._connect(screens)

    def _connect(self, s: Screens) -> None:
        record = self.state.recorder.record
        s.home.start_requested.connect(self.start)
        s.home.resume_requested.connect(s.resume_pad.open)
        s.resume_pad.code_entered.connect(self.resume)
        s.home.practice_requested.connect(self.open_practice_menu)
        s.home.troubles_requested.connect(self.open_troubles)
        s.practice_menu.chosen.connect(self.open_practice)
        s.practice_menu.course_chosen.connect(self.open_practice_course)
        s.practice.result.connect(lambda detail: record(EventKind.PRACTICE_RESULT, detail=detail))
        s.practice.finished_course.connect(self.nav.back)
        s.menu.category_chosen.connect(self.open_category)
        s.lesson_list.lesson_chosen.connect(self.open_lesson)
        s.player.step_shown.connect(
            lambda lesson, step: record(EventKind.STEP_SHOWN, lesson_id=lesson, step=step)
        )
        s.player.dont_understand.connect(
            lambda lesson, step: record(EventKind.DONT_UNDERSTAND, lesson_id=lesson, step=step)
        )
        s.player.finished.connect(self._lesson_done)
        s.player.left_at_start.connect(self.nav.back)
        s.player.device_chosen.connect(self._device_chosen)
        s.player.word_requested.connect(self.open_word)
        s.device_card.chosen.connect(lambda code: s.player.choose_device(Device(code)) if code else None)
        s.self_check.answered.connect(
            lambda lesson, question, right: record(
                EventKind.CHECK_ANSWERED,
                lesson_id=lesson,
                step=question,
                detail="right" if right else "wrong",
            )
        )
        s.self_check.finished.connect(self._finish_lesson)
        s.finish.again_requested.connect(lambda lesson_id: self.open_lesson(lesson_id, remember=False))
        s.finish.more_requested.connect(lambda: self.nav.back_to(s.lesson_list))
        s.finish.home_requested.connect(lambda: self.nav.end_visit("home"))
        s.finish.handoff_requested.connect(self.open_handoff)
        s.troubles.chosen.connect(self.open_trouble)
        s.trouble_card.lesson_requested.connect(lambda lesson_id, step: self.open_lesson(lesson_id, step))
        s.trouble_card.procedure_requested.connect(self.open_handoff)

    def start(self) -> None:
        self.state.recorder.ensure_started()
        self.nav.show_screen(self.screens.menu)

    def resume(self, code: str) -> None:
        """A slip's 「つづきから」 code: back to that lesson and step, or a calm 「もう一度」."""
        library = self.state.library
        found = resume.decode(code, [lesson.id for lesson in library.lessons])
        if found is None:
            self.state.recorder.record(EventKind.RESUME_WRONG)
            self.screens.resume_pad.show_wrong()
            return
        lesson_id, step = found
        lesson = library.get(lesson_id)
        assert lesson is not None
        self.state.recorder.record(EventKind.RESUMED, lesson_id=lesson_id, step=step)
        self.screens.resume_pad.hide()
        self.open_lesson(lesson_id, min(step, len(lesson.steps)) - 1)

    def open_category(self, category: str) -> None:
        chosen = Category(category)
        if chosen is Category.PRACTICE:
            self.open_practice_menu()
            return
        self.screens.lesson_list.show_category(chosen, self.state.library.in_category(chosen))
        self.nav.show_screen(self.screens.lesson_list)

    def open_practice_menu(self) -> None:
        self.state.recorder.ensure_started()
        self.nav.show_screen(self.screens.practice_menu)

    def open_practice(self, gesture: str) -> None:
        self.screens.practice.open(gesture)
        self.nav.show_screen(self.screens.practice)
        self.nav.refresh_top_bar()

    def open_practice_course(self) -> None:
        self.screens.practice.start_course()
        self.nav.show_screen(self.screens.practice)

    def open_lesson(self, lesson_id: str, step: int = 0, *, remember: bool = True) -> None:
        lesson = self.state.library.get(lesson_id)
        if lesson is None:
            log.error("unknown lesson asked for: %s", lesson_id)
            return
        player, visit = self.screens.player, self.state.visit
        self.state.recorder.record(EventKind.LESSON_STARTED, lesson_id=lesson.id)
        player.start(lesson, step)
        self.nav.show_screen(player, remember=remember)
        if lesson.has_variants and player.device is None and not visit.asked_device:
            visit.asked_device = True
            self.screens.device_card.open()

    def _device_chosen(self, device: str) -> None:
        self.state.visit.device = Device(device)
        self.state.recorder.record(EventKind.DEVICE_CHOSEN, detail=device)

    def _lesson_done(self, lesson_id: str) -> None:
        """The last step's 「おわる」: a course lesson's self-check first, then the finish screen."""
        lesson = self.state.library.get(lesson_id)
        if lesson is not None and lesson.check:
            self.screens.self_check.start(lesson)
            self.nav.show_screen(self.screens.self_check, remember=False)
        else:
            self._finish_lesson(lesson_id)

    def _finish_lesson(self, lesson_id: str) -> None:
        state = self.state
        state.recorder.record(EventKind.LESSON_FINISHED, lesson_id=lesson_id)
        lesson = state.library.get(lesson_id)
        if lesson is not None and lesson.category == COURSE:
            state.visit.course_done.add(lesson_id)
        if not state.training:  # a supporter's course goes on in one session
            state.recorder.end("finished")
        if lesson:
            self.screens.finish.show_lesson(lesson, certificate=self.course.complete())
        self.nav.show_screen(self.screens.finish, remember=False)

    def start_training(self) -> None:
        """「講座を受ける」 on the helper bar: the course's lessons, in a training session."""
        if self.course.begin_training():
            self.nav.start_from(self.screens.home)
            self.open_category(COURSE.value)

    def open_handoff(self, procedure_id: str) -> None:
        procedure = self.state.library.procedures.get(procedure_id)
        if procedure is None:
            log.error("unknown procedure asked for: %s", procedure_id)
            return
        self.state.recorder.record(EventKind.HANDOFF_SHOWN, procedure_id=procedure.id)
        handoff = self.screens.handoff
        handoff.show_procedure(procedure)
        # The つづきから number of the lesson just finished, shown with the hand-off and on its slip.
        finished = self.screens.finish.lesson
        handoff.set_resume_code(resume.encode(finished.id, 1) if finished else None)
        self.nav.show_screen(handoff)

    def open_troubles(self) -> None:
        self.state.recorder.ensure_started()
        library = self.state.library
        self.screens.troubles.show_troubles(library.troubles, library.pictures_dir)
        self.nav.show_screen(self.screens.troubles)

    def open_trouble(self, trouble_id: str) -> None:
        trouble = next((t for t in self.state.library.troubles if t.id == trouble_id), None)
        if trouble is None:
            return
        self.state.recorder.record(EventKind.TROUBLE_CHOSEN, detail=trouble.id)
        self.screens.trouble_card.show_trouble(trouble)

    def open_word(self, word: str) -> None:
        library = self.state.library
        found = library.glossary.get(word)
        if found is None:
            return
        lesson = self.screens.player.lesson
        self.state.recorder.record(
            EventKind.WORD_OPENED, lesson_id=lesson.id if lesson else None, detail=found.word
        )
        self.screens.glossary_card.show_word(found, picture_of(library, found))
