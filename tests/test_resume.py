"""「つづきから」: the code on a slip, typed on the home screen's number pad, reopens the lesson at its step."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QColor

from kiosk.handoff import resume
from kiosk.handoff.printing import BackgroundPrinting
from kiosk.records.events import EventKind
from tests.helpers import look
from tests.test_handoff_screen import FakePrinter


def _type(window, code: str) -> None:  # type: ignore[no-untyped-def]
    for digit in code:
        window.screens.resume_pad.digit_buttons[digit].click()


def test_code_from_a_printed_slip_reopens_the_lesson(make_window, qtbot, store) -> None:
    printer = FakePrinter()
    window = make_window(printing=BackgroundPrinting(printer))
    window.screens.home.start_button.click()
    window.lessons.open_lesson("mynumber-card")
    while window.current() is window.screens.player:
        window.screens.player.go_next()
    window.screens.finish.handoff_button.click()
    with qtbot.waitSignal(window.prints.printing.printed, timeout=5000):
        window.screens.handoff.print_button.click()
    code = printer.printed[0].resume_code
    assert code is not None and len(code) == 6
    window.go_home()

    window.screens.home.resume_button.click()
    assert window.screens.resume_pad.isVisible()
    _type(window, code)
    look.settle()
    assert not window.screens.resume_pad.isVisible()
    assert window.current() is window.screens.player
    assert window.screens.player.lesson is not None and window.screens.player.lesson.id == "mynumber-card"
    assert window.screens.player.index == 0
    window.state.recorder.flush()
    assert EventKind.RESUMED in [e["kind"] for e in store.events(window.state.recorder.consultation_id)]


def test_code_reopens_at_its_step(make_window, library) -> None:
    lesson = library.get("power-on")
    window = make_window()
    window.screens.home.resume_button.click()
    _type(window, resume.encode(lesson.id, 3))
    assert window.current() is window.screens.player and window.screens.player.index == 2


def test_wrong_code_stays_shown_with_a_calm_word_until_the_next_tap(make_window, store) -> None:
    """Issue 21: a wrong code vanished at once, so the person could not compare it with the slip."""
    window = make_window()
    window.screens.home.resume_button.click()
    pad = window.screens.resume_pad
    good = resume.encode("power-on", 2)
    wrong = good[:5] + str((int(good[5]) + 1) % 10)  # one mistyped digit
    _type(window, wrong)
    look.settle()
    assert pad.isVisible() and window.current() is window.screens.home
    assert "見つかりません" in pad.body.text() and "もう一度 見て" in pad.body.text()
    assert pad.slots.text() == wrong  # still there to check against the paper
    window.state.recorder.flush()
    assert [e["kind"] for e in store.events()] == [EventKind.RESUME_WRONG]
    # 「消す」 takes back the mistyped digit; the right one opens the lesson.
    pad.erase_button.click()
    assert pad.slots.text() == good[:5] and "見つかりません" not in pad.body.text()
    _type(window, good[5])
    assert not pad.isVisible() and window.current() is window.screens.player


def test_a_new_digit_after_a_wrong_code_starts_a_new_one(make_window) -> None:
    window = make_window()
    window.screens.home.resume_button.click()
    pad = window.screens.resume_pad
    _type(window, "000000")
    assert pad.slots.text() == "000000" and "見つかりません" in pad.body.text()
    _type(window, "7")
    assert pad.slots.text() == "7" and "見つかりません" not in pad.body.text()


def test_empty_places_look_empty(make_window) -> None:
    """Issue 21: the empty places were filled dots that looked like digits already typed."""
    window = make_window()
    window.screens.home.resume_button.click()
    look.settle()
    pad = window.screens.resume_pad
    _type(window, "12")
    look.settle()
    image = look.grab(window)
    offset = QPointF(pad.slots.mapTo(window, QPoint(0, 0)))
    ink = pad.slots.palette().windowText().color().rgb() & 0xFFFFFF

    def inked(rect) -> float:  # type: ignore[no-untyped-def]
        """Share of dark pixels in the middle of a box (its outline left out)."""
        inner = rect.adjusted(
            rect.width() * 0.25, rect.height() * 0.2, -rect.width() * 0.25, -rect.height() * 0.2
        )
        points = [
            (x, y)
            for x in range(int(inner.left()), int(inner.right()))
            for y in range(int(inner.top()), int(inner.bottom()))
        ]
        dark = [p for p in points if look.contrast(image.pixelColor(*p), QColor(ink)) < 2]
        return len(dark) / len(points)

    rects = [rect.translated(offset) for rect in pad.slots.slot_rects()]
    assert len(rects) == 6
    assert all(inked(rect) > 0.01 for rect in rects[:2])  # "1" and "2" are drawn
    assert all(inked(rect) == 0 for rect in rects[2:])  # nothing inside an empty box
    outline = rects[5]
    edge = image.pixelColor(int(outline.left()), int(outline.center().y()))
    assert look.contrast(edge, QColor(ink)) < 2  # but its outline shows the box is there


def test_erase_and_cancel(make_window) -> None:
    window = make_window()
    window.screens.home.resume_button.click()
    _type(window, "123")
    window.screens.resume_pad.erase_button.click()
    assert window.screens.resume_pad.digits == "12"
    assert window.screens.resume_pad.slots.text() == "12"
    window.screens.resume_pad.cancel_button.click()
    assert not window.screens.resume_pad.isVisible() and window.current() is window.screens.home
    window.screens.home.resume_button.click()
    assert window.screens.resume_pad.digits == ""  # the last person's digits are gone


def test_idle_reset_wipes_the_pad(make_window) -> None:
    window = make_window()
    window.screens.home.resume_button.click()
    _type(window, "12")
    window.idle.reset()
    assert not window.screens.resume_pad.isVisible() and window.screens.resume_pad.digits == ""
