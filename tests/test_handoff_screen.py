"""The hand-off screen: the QR a phone can read, the PIN in view, every page fits, printing that fails calmly."""

from __future__ import annotations

import shutil
import subprocess
import threading

import pytest

from kiosk.content.procedures import Pin
from kiosk.handoff.printing import BackgroundPrinting, PrintFailed, QtSlipPrinter
from kiosk.handoff.slip import PAPERS, SlipContent
from kiosk.records.events import EventKind
from kiosk.settings import Settings
from tests.helpers import look

FAILED = "印刷できませんでした。画面の QRコードを スマホで 読み取って ください。"


class FakePrinter:
    """Stands in for the printer only: raises what a driver would, or blocks until released."""

    def __init__(self, error: Exception | None = None, *, hold: bool = False) -> None:
        self.error = error
        self.printed: list[SlipContent] = []
        self.release = threading.Event()
        if not hold:
            self.release.set()

    def print_slip(self, content: SlipContent) -> None:
        self.release.wait(10)
        if self.error is not None:
            raise self.error
        self.printed.append(content)


def _open(make_window, procedure_id: str = "mynaportal", printer: object | None = None, **kwargs):  # type: ignore[no-untyped-def]
    printing = BackgroundPrinting(printer) if printer is not None else None  # type: ignore[arg-type]
    window = make_window(printing=printing, **kwargs)
    window.home.start_button.click()
    window.open_handoff(procedure_id)
    look.settle()
    return window


def _kinds(store) -> list[str]:  # type: ignore[no-untyped-def]
    return [event["kind"] for event in store.events()]


def test_on_screen_qr_scans_to_the_official_url(make_window, library, tmp_path) -> None:
    for procedure_id in ("mynaportal", "mynumber-card-apply"):  # the shortest and the longest URL
        window = _open(make_window, procedure_id, settings=Settings(text_size="xlarge"))
        shot = tmp_path / f"{procedure_id}.png"
        assert window.grab().save(str(shot))
        scanned = subprocess.run(
            [shutil.which("zbarimg") or "zbarimg", "-q", "--raw", str(shot)], capture_output=True, text=True
        )
        assert scanned.stdout.strip() == library.procedures[procedure_id].url
        assert window.handoff.qr.height() >= 240  # ≈ 6 cm on a 21.5" panel: readable at arm's length
        window.close()


def test_the_pin_needed_is_in_view_on_every_page(make_window, library) -> None:
    window = _open(make_window, "e-tax")
    assert library.procedures["e-tax"].pin is Pin.SIGNATURE
    for _ in window.handoff.pages:
        assert window.handoff.pin_badge.isVisible()
        assert "6〜16けた" in window.handoff.pin_badge.text()
        window.handoff.next_button.click()
    pages = "\n".join(window.handoff.pages)
    assert "5回 まちがえると ロックされます" in pages and "市役所の 窓口" in pages


@pytest.mark.parametrize("furigana", [False, True])
def test_every_page_of_every_procedure_fits_at_200_percent(make_window, library, furigana: bool) -> None:
    window = make_window(settings=Settings(text_size="xlarge"))
    window.set_furigana(furigana)
    window.home.start_button.click()
    for procedure in library.procedures.values():
        window.open_handoff(procedure.id)
        for page in range(len(window.handoff.pages)):
            look.settle()
            assert window.size().width() == 1920 and window.size().height() == 1080
            assert look.clipped(window) == [], (procedure.id, page + 1)
            window.handoff.next_button.click()
        window.handoff.show_status(FAILED)
        look.settle()
        assert look.clipped(window) == [], (procedure.id, "print failed")


@pytest.mark.parametrize(
    "error",
    [
        PrintFailed("no printer is set up on this computer"),
        PrintFailed("printer kiosk-80 reports an error (offline or out of paper?)"),
        RuntimeError("driver crashed"),
    ],
    ids=["no-printer", "paper-out", "driver-crash"],
)
def test_print_failure_is_calm_keeps_the_qr_and_is_recorded(make_window, qtbot, store, error) -> None:
    window = _open(make_window, printer=FakePrinter(error))
    with qtbot.waitSignal(window.printing.failed, timeout=5000):
        window.handoff.print_button.click()
    assert window.handoff.page_text.text() == FAILED
    assert window.current() is window.handoff
    assert window.handoff.qr.isVisible() and window.handoff.qr.url == "https://myna.go.jp/"
    assert window.handoff.print_button.isEnabled()  # they may try again
    window.recorder.flush()
    failed = [e for e in store.events() if e["kind"] == EventKind.SLIP_PRINT_FAILED]
    assert len(failed) == 1 and failed[0]["procedure_id"] == "mynaportal"
    assert str(error) in failed[0]["detail"]  # the reason is for staff, not the screen
    assert str(error) not in window.handoff.page_text.text()
    window.handoff.next_button.click()
    assert window.handoff.page_text.text() != FAILED  # turning the page goes back to the steps


def test_printing_never_blocks_the_screen(make_window, qtbot, store) -> None:
    printer = FakePrinter(hold=True)
    window = _open(make_window, printer=printer)
    window.handoff.print_button.click()
    window.handoff.print_button.click()  # an impatient second tap starts no second job
    assert not window.handoff.print_button.isEnabled()
    assert window.handoff.print_button.text() == "印刷しています…"
    window.handoff.next_button.click()  # the screen still answers while the printer works
    assert window.handoff.page == 1
    with qtbot.waitSignal(window.printing.printed, timeout=5000):
        printer.release.set()
    assert len(printer.printed) == 1
    slip = printer.printed[0]
    assert slip.url == "https://myna.go.jp/" and any("3回" in line for line in slip.pin_lines)
    assert window.handoff.page_text.text() == "印刷しました。紙を お取りください。"
    window.recorder.flush()
    assert _kinds(store).count(EventKind.SLIP_PRINTED) == 1


def test_a_result_after_the_person_left_starts_no_new_consultation(make_window, qtbot, store) -> None:
    printer = FakePrinter(PrintFailed("paper out"), hold=True)
    window = _open(make_window, printer=printer)
    window.handoff.print_button.click()
    window.reset()
    with qtbot.waitSignal(window.printing.failed, timeout=5000):
        printer.release.set()
    window.recorder.flush()
    assert len(store.consultations()) == 1
    assert not window.recorder.started


def test_the_real_printer_path_says_why_it_cannot_print() -> None:
    """This machine has no printer: Qt's print support must say so, not hang or crash."""
    content = SlipContent(
        "相談室", "マイナポータル", "https://myna.go.jp/", ("a",), ("b",), ("c",), printed_on=_today()
    )
    with pytest.raises(PrintFailed, match="printer not found: no-such-printer"):
        QtSlipPrinter(PAPERS["80mm"], "no-such-printer").print_slip(content)


def _today():  # type: ignore[no-untyped-def]
    from datetime import date

    return date(2026, 11, 26)
