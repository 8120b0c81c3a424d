"""`kiosk run --screenshot`: put the window on one screen and save it as a PNG."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QScrollArea

from kiosk.card.check import CardCheck, PinTries, expiry_band, today_in_japan
from kiosk.content.lessons import Category, Lesson
from kiosk.content.markup import plain
from kiosk.practice.exercises import EXERCISES, Gesture
from kiosk.records.accounts import Account, Role

if TYPE_CHECKING:
    from kiosk.run_options import RunOptions
    from kiosk.ui.main_window import KioskWindow


# Shown as signed in for a screenshot, never stored (an account needs a PIN to exist).
SAMPLE_STAFF = Account("staff-1", Role.STAFF, True, "", None)
SAMPLE_SUPPORTER = Account("supporter-1", Role.SUPPORTER, True, "", None)


class ScreenshotError(Exception):
    """The asked-for screen cannot be shown (unknown lesson, step out of range, unwritable file)."""


def show_screen(
    window: KioskWindow, screen: str, lesson_id: str | None, step: int, practice: str | None = None
) -> None:
    """Drive the window to `screen` the way a person would get there."""
    if practice is not None and practice not in {e.id.value for e in EXERCISES}:
        raise ScreenshotError(f"unknown exercise: {practice} (see: kiosk practice list)")
    lesson = window.state.library.get(lesson_id) if lesson_id else None
    if lesson_id and lesson is None:
        raise ScreenshotError(f"unknown lesson: {lesson_id}")
    if lesson is None and screen in ("lesson", "help", "finish", "handoff"):
        first = next(iter(window.state.library.lessons), None)
        if first is None:
            raise ScreenshotError("no lessons to show")
        lesson = first
    if lesson and not 1 <= step <= len(lesson.steps):
        raise ScreenshotError(f"step {step} is not in {lesson.id} (1–{len(lesson.steps)})")
    if screen in ("troubles", "trouble"):
        window.screens.home.troubles_button.click()
        if screen == "trouble":
            if not window.state.library.troubles:
                raise ScreenshotError("no troubles to show (see: kiosk troubles list)")
            window.lessons.open_trouble(window.state.library.troubles[0].id)
        return
    if screen == "glossary":
        _glossary(window, lesson)
        return
    if screen == "device":
        chosen = lesson if lesson is not None and lesson.has_variants else None
        chosen = chosen or next((x for x in window.state.library.lessons if x.has_variants), None)
        if chosen is None:
            raise ScreenshotError("no lesson with phone variants")
        window.screens.home.start_button.click()
        window.lessons.open_lesson(chosen.id)
        return
    if screen == "self-check":
        _self_check(window, lesson)
        return
    if screen in ("card-check", "card-result"):
        _card(window, screen)
        return
    if screen == "records-info":
        window.screens.records_info.open()
        return
    if screen == "pin-pad":
        window.screens.pin_pad.open()  # as a supporter sees it once accounts exist
        return
    if screen in (
        "review",
        "review-filters",
        "review-stats",
        "review-cards",
        "review-stumbles",
        "review-course",
    ):
        _review(window, screen)
        return
    if screen == "staff":
        _sign_in(window, SAMPLE_STAFF)
        window.desk.open_staff()
        return
    if screen in ("intake", "supporter-lesson", "close-out"):
        _as_supporter(window, screen, lesson)
        return
    if screen == "resume":
        window.screens.home.resume_button.click()
        return
    if screen == "home":
        return
    if screen == "practice":
        window.screens.home.practice_button.click()
        if practice:
            window.screens.practice_menu.buttons[Gesture(practice)].click()
        return
    window.screens.home.start_button.click()
    if screen == "menu":
        return
    window.lessons.open_category((lesson.category if lesson else Category.BASICS).value)
    if screen == "lessons":
        return
    if screen == "idle-warning":
        window.screens.idle_warning.start()
        return
    if screen == "call-staff":
        window.call_for_staff()
        return
    assert lesson is not None
    if screen == "handoff":
        procedure = lesson.procedure or next(iter(window.state.library.procedures), None)
        if procedure is None:
            raise ScreenshotError("no procedures to show")
        window.lessons.open_handoff(procedure)
        return
    window.lessons.open_lesson(lesson.id, step - 1)
    window.screens.device_card.hide()  # the phone question has its own screenshot (device)
    if screen == "help":
        window.screens.player.show_help()
    elif screen == "finish":
        window.screens.player.start(lesson, len(lesson.steps) - 1)
        window.screens.player.go_next()


def _card(window: KioskWindow, screen: str) -> None:
    """「カードを かざして 調べる」: waiting for the card, or a sample result (no card is read:
    an e-certificate expiring in 75 days, the signature PIN on its last try)."""
    cards = window.screens.card_check
    window.show_screen(cards)
    if screen == "card-result":
        today = today_in_japan()
        expires = today + timedelta(days=75)
        sample = CardCheck(
            expires, expiry_band(expires, today), PinTries("ok", 3), PinTries("low", 1), PinTries("ok", 3)
        )
        cards.show_result(sample, today, window.state.visit.language)


def _glossary(window: KioskWindow, lesson: Lesson | None) -> None:
    """The meaning of the first glossary word in a lesson step, as a tap on its button opens it."""
    lessons = ([lesson] if lesson is not None else []) + window.state.library.lessons
    for candidate in lessons:
        for index, step in enumerate(candidate.steps):
            if window.state.library.glossary.find_words(plain(step.text)):
                window.screens.home.start_button.click()
                window.lessons.open_lesson(candidate.id, index)
                window.screens.device_card.hide()
                window.screens.player.word_buttons[0].click()
                return
    raise ScreenshotError("no glossary word in the lesson text (see: kiosk glossary list)")


def _self_check(window: KioskWindow, lesson: Lesson | None) -> None:
    """The first self-check question of a course lesson, reached from the menu's marked entry."""
    with_check = [candidate for candidate in window.lessons.course.lessons() if candidate.check]
    chosen = lesson if lesson is not None and lesson.check else next(iter(with_check), None)
    if chosen is None or not chosen.check:
        raise ScreenshotError("no course lesson with a self-check to show (see: kiosk lessons list)")
    window.screens.home.start_button.click()
    window.screens.menu.course_entry.click()
    window.lessons.open_lesson(chosen.id, len(chosen.steps) - 1)
    window.screens.device_card.hide()
    window.screens.player.go_next()


def _sign_in(window: KioskWindow, account: Account, *, ask_intake: bool = False) -> None:
    """As after a real sign-in (which starts afresh in Japanese), in the language asked for."""
    language = window.state.visit.language
    window.helpers.welcome(account, ask_intake=ask_intake)
    window.language.choose(language)


def _review(window: KioskWindow, screen: str) -> None:
    """The staff review of the data folder's records (nothing is written, not even an audit row)."""
    store = window.state.recorder.store
    if store is None:
        raise ScreenshotError("no records to review in this data folder (try: kiosk demo-data)")
    _sign_in(window, SAMPLE_STAFF)
    window.desk.open_review()  # the recorder is read-only here: not even the audit row is written
    review = window.screens.review
    review.period_buttons["all"].click()
    view = {
        "review-stats": "stats",
        "review-cards": "stats",
        "review-stumbles": "stumbles",
        "review-course": "course",
    }.get(screen, "list")
    review.view_buttons[view].click()
    if screen == "review-filters":
        review.filter_button.click()
    if screen == "review-cards" and review.card_checks is not None:  # 集計, scrolled to the cards
        QApplication.processEvents()
        page = review.view_pages["stats"]
        if isinstance(page, QScrollArea):
            page.ensureWidgetVisible(review.card_checks)


def _as_supporter(window: KioskWindow, screen: str, lesson: Lesson | None) -> None:
    """The supporter screens, as a signed-in supporter sees them (a sample account, not stored)."""
    _sign_in(window, SAMPLE_SUPPORTER, ask_intake=screen == "intake")
    if screen == "intake":
        return
    chosen = lesson or window.state.library.in_category(Category.MYNUMBER)[0]
    window.screens.intake.answered.emit(
        {"age_band": "70s", "device": "android", "topic": "mynumber", "language": "ja"}
    )
    window.lessons.open_lesson(chosen.id, 2)
    window.screens.device_card.hide()
    if screen == "close-out":
        window.screens.close_out.open()


def render_screen(window: KioskWindow, options: RunOptions) -> None:
    assert options.screenshot is not None
    window.resize(*options.size)
    window.show()
    window.look.set_furigana(options.furigana)
    if options.language:
        offered = window.language.languages.available
        if options.language not in offered:
            raise ScreenshotError(f"unknown language: {options.language} (have: {', '.join(offered)})")
        window.language.choose(options.language)
    show_screen(window, options.screen, options.lesson, options.step, options.practice)
    QApplication.processEvents()
    image = window.grab()
    if not image.save(str(options.screenshot), "PNG"):
        raise ScreenshotError(f"cannot write {options.screenshot}")
