"""「つづきから」: the code on a slip, typed on the home screen's number pad, reopens the lesson at its step."""

from __future__ import annotations

from kiosk.handoff import resume
from kiosk.handoff.printing import BackgroundPrinting
from kiosk.records.events import EventKind
from tests.helpers import look
from tests.test_handoff_screen import FakePrinter


def _type(window, code: str) -> None:  # type: ignore[no-untyped-def]
    for digit in code:
        window.resume_pad.digit_buttons[digit].click()


def test_code_from_a_printed_slip_reopens_the_lesson(make_window, qtbot, store) -> None:
    printer = FakePrinter()
    window = make_window(printing=BackgroundPrinting(printer))
    window.home.start_button.click()
    window.open_lesson("mynumber-card")
    while window.current() is window.player:
        window.player.go_next()
    window.finish.handoff_button.click()
    with qtbot.waitSignal(window.printing.printed, timeout=5000):
        window.handoff.print_button.click()
    code = printer.printed[0].resume_code
    assert code is not None and len(code) == 6
    window.go_home()

    window.home.resume_button.click()
    assert window.resume_pad.isVisible()
    _type(window, code)
    look.settle()
    assert not window.resume_pad.isVisible()
    assert window.current() is window.player
    assert window.player.lesson is not None and window.player.lesson.id == "mynumber-card"
    assert window.player.index == 0
    window.recorder.flush()
    assert EventKind.RESUMED in [e["kind"] for e in store.events(window.recorder.consultation_id)]


def test_code_reopens_at_its_step(make_window, library) -> None:
    lesson = library.get("power-on")
    window = make_window()
    window.home.resume_button.click()
    _type(window, resume.encode(lesson.id, 3))
    assert window.current() is window.player and window.player.index == 2


def test_wrong_code_asks_again_calmly(make_window, store) -> None:
    window = make_window()
    window.home.resume_button.click()
    good = resume.encode("power-on", 2)
    wrong = good[:5] + str((int(good[5]) + 1) % 10)  # one mistyped digit
    _type(window, wrong)
    assert window.resume_pad.isVisible()
    assert "もう一度" in window.resume_pad.body.text()
    assert window.resume_pad.digits == ""  # cleared, ready to try again
    assert window.current() is window.home
    window.recorder.flush()
    assert [e["kind"] for e in store.events()] == [EventKind.RESUME_WRONG]


def test_erase_and_cancel(make_window) -> None:
    window = make_window()
    window.home.resume_button.click()
    _type(window, "123")
    window.resume_pad.erase_button.click()
    assert window.resume_pad.digits == "12"
    assert window.resume_pad.display.text() == "1 2 ・ ・ ・ ・"
    window.resume_pad.cancel_button.click()
    assert not window.resume_pad.isVisible() and window.current() is window.home
    window.home.resume_button.click()
    assert window.resume_pad.digits == ""  # the last person's digits are gone


def test_idle_reset_wipes_the_pad(make_window) -> None:
    window = make_window()
    window.home.resume_button.click()
    _type(window, "12")
    window.reset()
    assert not window.resume_pad.isVisible() and window.resume_pad.digits == ""
