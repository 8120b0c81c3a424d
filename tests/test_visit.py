"""One visit, one state: however a visit ends, the next person sees nothing of the last.

The visitor walks every screen of the page stack and every card of the window (found from
the window itself, so a new screen or card is covered, or this test says it is not), with
their own language, text size, colours, furigana and phone; then the visit ends one of the
four ways people leave. Afterwards every screen must show only what a fresh kiosk shows.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.app import SCREENS
from kiosk.records.accounts import Accounts, Role
from kiosk.settings import Settings
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.confirm_card import Ask
from kiosk.ui.screenshot import show_screen
from kiosk.ui.widgets.overlay import Overlay
from tests.helpers import look

pytestmark = pytest.mark.slow  # every way a visit ends, through every screen and card

STAFF_PIN = "739164"
LESSON = "power-on"  # has iPhone / Android steps: the phone question belongs to it


def _pages(window: KioskWindow) -> list[Screen]:
    pages = [window.stack.widget(i) for i in range(window.stack.count())]
    return [page for page in pages if isinstance(page, Screen)]


# Screens and cards that no `kiosk run --screen` name opens, and how a visitor meets them.
OPENERS: dict[str, Callable[[KioskWindow], None]] = {
    "disaster_home": lambda w: w.screens.disaster_home.card_chosen.emit("connect"),
    "practice_menu": lambda w: w.screens.home.practice_button.click(),
    "no_speech": lambda w: w.screens.no_speech.open(no_voice=True),
    "step_list": lambda w: w.screens.step_list.show_lesson(w.state.library.lessons[0], 1),
    "note_card": lambda w: w.screens.note_card.ask({"outcome": "solved"}),
    "confirm_card": lambda w: w.screens.confirm_card.ask(Ask.EXIT),
}


def _open_directly(window: KioskWindow, part: QWidget) -> bool:
    for name, opener in OPENERS.items():
        if getattr(window.screens, name, None) is part:
            opener(window)
            return True
    return False


def _walk_everything(window: KioskWindow) -> tuple[set[Screen], set[Overlay]]:
    """The visitor's afternoon: every screen and card, in their own language and look."""
    window.screens.home.language_buttons["en"].click()
    window.screens.home.size_buttons["xlarge"].click()
    window.screens.home.contrast_button.click()
    window.screens.home.slow_button.click()
    window.lessons.open_lesson(LESSON)
    window.screens.player.device_buttons[next(iter(window.screens.player.device_buttons))].click()
    pages: set[Screen] = set()
    cards: set[Overlay] = set()
    for name in SCREENS:
        window.show_screen(window.screens.home, remember=False)  # from home, as a visitor finds each screen
        pages.add(window.current())
        show_screen(window, name, LESSON, 2, practice="tap" if name == "practice" else None)
        look.settle()
        pages.add(window.current())
        cards.update(card for card in window.screens.cards() if card.isVisible())
    for page in _pages(window):
        if page not in pages and _open_directly(window, page):
            window.show_screen(page)
            pages.add(page)
    for card in window.screens.cards():
        if card not in cards and _open_directly(window, card):
            cards.add(card)
    # Staff and supporter screens were seen with a helper signed in; the helper has gone.
    window.helpers.sign_out("logout", home=False)
    # The bug of the last visitor's trouble card: one is open under whatever comes next.
    window.lessons.open_trouble(window.state.library.troubles[0].id)
    window.look.set_furigana(True)
    return pages, cards


def _texts(widget: QWidget) -> set[str]:
    shown = [w for w in widget.findChildren(QWidget) if w.isVisibleTo(widget)]
    return {w.text() for w in shown if isinstance(w, QLabel | QAbstractButton) and w.text().strip()}


def _what_each_page_shows(window: KioskWindow) -> dict[str, set[str]]:
    """The texts of every screen a citizen can reach. The staff screens are left out: only a
    signed-in staff member opens them, and each opening fills them afresh from the records."""
    seen = {}
    for page in _pages(window):
        if page in (window.screens.staff, window.screens.review):
            continue
        window.show_screen(page, remember=False)
        look.settle()
        seen[type(page).__name__] = _texts(page)
    return seen


def _end_by_top_bar(window: KioskWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.top_bar.home_button.click()


def _end_on_finish_screen(window: KioskWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    for card in window.screens.cards():
        card.hide()  # the finish screen is in front of the person: they press its green button
    window.lessons.open_lesson(LESSON, len(window.state.library.get(LESSON).steps) - 1)  # type: ignore[union-attr]
    window.screens.player.next_button.click()
    assert window.current() is window.screens.finish
    window.screens.finish.home_button.click()


def _end_by_idle_reset(window: KioskWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.idle.watcher.idle.emit()  # nobody touched the kiosk for the idle time
    assert window.screens.idle_warning.isVisible()
    while window.screens.idle_warning.isVisible():
        window.screens.idle_warning.tick()


def _end_by_staff_sign_out(window: KioskWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    for card in window.screens.cards():
        card.hide()
    window.helpers.open_pin_pad()
    for digit in STAFF_PIN:
        window.screens.pin_pad.digit_buttons[digit].click()
    window.screens.pin_pad.open_button.click()
    assert window.state.helper is not None and window.state.helper.role is Role.STAFF
    window.screens.intake.dismiss()
    window.helpers.bar.logout_button.click()
    assert window.state.helper is None


ENDINGS = {
    "top bar はじめに戻る": _end_by_top_bar,
    "finish screen はじめに戻る": _end_on_finish_screen,
    "idle reset": _end_by_idle_reset,
    "staff sign-out": _end_by_staff_sign_out,
}


@pytest.mark.parametrize("ending", ENDINGS)
def test_nothing_of_the_last_visitor_is_left(make_window, store, qtbot, ending: str) -> None:
    Accounts(store).set_pin("yamada", Role.STAFF, STAFF_PIN, actor="test")
    settings = Settings()
    fresh = make_window(settings=settings)
    expected = _what_each_page_shows(fresh)

    window = make_window(settings=settings)
    pages, cards = _walk_everything(window)
    assert pages == set(_pages(window)), "a screen no visitor reaches: add it to kiosk.app.SCREENS"
    assert cards == set(window.screens.cards()), "a card this test cannot open: add it to SCREENS or OPENERS"

    ENDINGS[ending](window, qtbot)
    look.settle()

    assert window.current() is window.screens.home
    assert [type(c).__name__ for c in window.screens.cards() if c.isVisible()] == []
    assert window.state.visit.language == "ja" and window.language.languages.current == "ja"
    assert window.screens.home.welcome.text() == "デジタル何でも相談室"  # the translator went too
    assert window.state.library.get(LESSON).title == window.state.base_library.get(LESSON).title  # type: ignore[union-attr]
    assert (window.state.visit.text_size, window.state.visit.theme) == (settings.text_size, settings.theme)
    assert not window.state.visit.furigana and not window.state.visit.slow_speech
    assert window.screens.home.size_buttons[settings.text_size].isChecked()
    assert (
        not window.screens.home.contrast_button.isChecked()
        and not window.screens.home.furigana_button.isChecked()
    )
    # The next person changes the language (or the intake does): no old card comes back.
    window.language.choose("en")
    window.language.choose("ja")
    assert [type(c).__name__ for c in window.screens.cards() if c.isVisible()] == []
    # Every screen shows what a fresh kiosk's does: no old lesson, list, answer or look.
    leftovers = {
        page: sorted(texts - expected[page])
        for page, texts in _what_each_page_shows(window).items()
        if texts - expected[page]
    }
    assert leftovers == {}, leftovers
    # The phone is asked again, and the lesson shows no phone chosen.
    window.show_screen(window.screens.home, remember=False)
    window.lessons.open_lesson(LESSON)
    assert window.screens.device_card.isVisible()
    assert window.state.visit.device is None
    assert not any(button.isChecked() for button in window.screens.player.device_buttons.values())
