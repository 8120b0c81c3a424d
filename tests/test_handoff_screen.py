"""The hand-off screen: the QR a phone can read, everything on one scrolling screen at every size,
the つづきから number beside the slip's, printing that fails unmistakably and calmly."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import threading
from datetime import date

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.content.markup import plain
from kiosk.content.procedures import Pin
from kiosk.handoff.printing import BackgroundPrinting, PrintFailed, QtSlipPrinter
from kiosk.handoff.slip import PAPERS, SlipContent, build_slip
from kiosk.records.events import EventKind
from kiosk.settings import Settings
from kiosk.ui.theme import BODY_PX, TEXT_SIZES
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
    window.screens.home.start_button.click()
    window.lessons.open_handoff(procedure_id)
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
        assert window.screens.handoff.qr.height() >= 240  # ≈ 6 cm on a 21.5" panel: readable at arm's length
        window.close()


def _read_through(window) -> set[int]:  # type: ignore[no-untyped-def]
    """Press ▼ until the end, as a person reading would; which texts were seen whole (ids).

    At every stop nothing is cut off, no text is below the chosen size, every button is big enough.
    """
    page, screen = (
        window.screens.handoff.pager,
        window.screens.handoff,
    )  # the top bar is measured by its own tests
    seen: set[int] = set()
    for _ in range(40):
        look.settle()
        assert look.clipped(screen) == []
        assert look.small_text(screen) == []
        assert look.small_targets(screen) == []
        assert look.crowded_targets(screen) == []
        seen |= {id(text) for text in look.text_widgets(screen)}
        if not page.down_button.isVisible() or not page.down_button.isEnabled():
            return seen
        page.down_button.click()
    raise AssertionError("▼ never reached the end")


def _texts(window) -> list:  # type: ignore[no-untyped-def]
    """Every text the hand-off shows in its scrolling part."""
    return [
        w
        for w in look.visible_widgets(window, QLabel)
        if window.screens.handoff.details.isAncestorOf(w) and w.text()
    ]


def test_everything_is_on_one_screen_without_paging(make_window, library) -> None:
    """Before: 11 presses of 次へ, one sentence each, to reach the lock rule, the steps and what to bring."""
    window = _open(make_window, "e-tax")
    procedure = library.procedures["e-tax"]
    assert procedure.pin is Pin.SIGNATURE
    handoff = window.screens.handoff
    shown = [w.text() for w in _texts(window)]
    assert "暗証番号: 英数字 6〜16けた" in shown
    assert "5回 まちがえると ロックされます。\nロックは 市役所の 窓口で 直せます。" in shown
    assert any("だれにも 教えないでください" in text for text in shown)
    assert [step.text() for step in handoff.shown_steps()] == list(procedure.steps)
    assert all(step.isVisibleTo(window) for step in handoff.shown_steps())
    assert [item.text() for item in handoff.shown_bring()] == [f"・{item}" for item in procedure.bring]
    assert not [b for b in look.buttons(window) if "次へ" in b.text() or "前へ" in b.text()]
    # The PIN warning is the first thing beside the QR, in view without scrolling.
    assert not look.scrolled_away(handoff.pin_secret, window) and not look.scrolled_away(
        handoff.pin_lock, window
    )


@pytest.mark.parametrize(
    ("text_size", "size"),
    [("xlarge", (1920, 1080)), ("xlarge", (1280, 800)), ("large", (1366, 768)), ("standard", (1280, 800))],
)
def test_every_part_can_be_read_whole_by_scrolling(make_window, library, text_size: str, size) -> None:
    window = make_window(settings=Settings(text_size=text_size), size=size)
    window.screens.home.start_button.click()
    for procedure in library.procedures.values():
        window.lessons.open_handoff(procedure.id)
        window.screens.handoff.set_resume_code("123456")
        look.settle()
        assert (window.width(), window.height()) == size, procedure.id
        texts = _texts(window)
        seen = _read_through(window)
        assert [t.text() for t in texts if id(t) not in seen] == [], (procedure.id, "never seen whole")
        while window.screens.handoff.pager.up_button.isEnabled():
            window.screens.handoff.pager.up_button.click()
        assert not window.screens.handoff.pager.can_scroll(-1), "▲ goes back to the top"


def test_text_is_never_smaller_than_at_standard(make_window) -> None:
    """Before: at 特大 the card shrank its text to about 26 px to fit one sentence."""
    sizes = {}
    for text_size in TEXT_SIZES:
        window = make_window(settings=Settings(text_size=text_size), size=(1280, 800))
        window.screens.home.start_button.click()
        window.lessons.open_handoff("e-tax")
        window.screens.handoff.set_resume_code("123456")
        window.screens.handoff.show_status(FAILED, failed=True)
        look.settle()
        panel = window.screens.handoff.qr_panel  # beside the text or inside it, depending on the room
        texts = [t for t in _texts(window) if not panel.isAncestorOf(t)] + [window.screens.handoff.caption]
        sizes[text_size] = [text.font().pixelSize() for text in texts]
        assert min(sizes[text_size]) >= BODY_PX[text_size]
        window.close()
    for smaller, larger in itertools.pairwise(TEXT_SIZES):
        assert all(a <= b for a, b in zip(sizes[smaller], sizes[larger], strict=True)), (smaller, larger)


@pytest.mark.parametrize("furigana", [False, True])
def test_every_procedure_fits_at_200_percent_with_a_failed_print(
    make_window, library, furigana: bool
) -> None:
    window = make_window(settings=Settings(text_size="xlarge"))
    window.look.set_furigana(furigana)
    window.screens.home.start_button.click()
    for procedure in library.procedures.values():
        window.lessons.open_handoff(procedure.id)
        window.screens.handoff.show_status(FAILED, failed=True)
        look.settle()
        assert window.size().width() == 1920 and window.size().height() == 1080
        assert look.clipped(window) == [], procedure.id
        assert not look.scrolled_away(window.screens.handoff.status_text, window), "the failure is in view"
        if furigana:
            assert window.screens.handoff.steps[0].furigana, (
                "texts made for a longer procedure get furigana too"
            )


def test_the_resume_code_on_screen_is_the_one_on_the_slip(make_window, qtbot, library) -> None:
    """Before: the つづきから number was only on the slip, lost when the printer failed."""
    printer = FakePrinter()
    window = make_window(printing=BackgroundPrinting(printer), settings=Settings(text_size="xlarge"))
    window.screens.home.start_button.click()
    window.lessons.open_lesson("mynumber-card")
    while window.current() is window.screens.player:
        window.screens.player.go_next()
    window.screens.finish.handoff_button.click()
    look.settle()
    handoff = window.screens.handoff
    code = handoff.shown_code()
    assert len(code) == 6 and code.isdigit()
    assert handoff.code_digits.font().pixelSize() > BODY_PX["xlarge"]  # large digits
    assert " ".join(code) in window.reader.speech_text()
    with qtbot.waitSignal(window.prints.printing.printed, timeout=5000):
        handoff.print_button.click()
    assert printer.printed[0].resume_code == code


def test_no_lesson_no_code(make_window) -> None:
    window = _open(make_window, "mynaportal")
    assert window.screens.handoff.shown_code() == ""
    assert not window.screens.handoff.code_box.isVisibleTo(window)


def test_read_aloud_reads_everything_shown(make_window, library) -> None:
    window = _open(make_window, "e-tax")
    window.screens.handoff.set_resume_code("123456")
    spoken = window.reader.speech_text()
    for text in _texts(window):
        if text is window.screens.handoff.code_digits:
            assert "1 2 3 4 5 6" in spoken
        else:
            assert text.text().lstrip("・") in plain(spoken), text.text()
    assert "スマホで 読み取って ください" in spoken


def test_the_qr_is_in_view_on_a_small_panel(make_window, library, tmp_path) -> None:
    """At 特大 on a 10-inch tablet the QR moves above the text and still scans."""
    window = _open(
        make_window, "mynumber-card-apply", settings=Settings(text_size="xlarge"), size=(1280, 800)
    )
    shot = tmp_path / "small.png"
    assert window.grab().save(str(shot))
    scanned = subprocess.run(
        [shutil.which("zbarimg") or "zbarimg", "-q", "--raw", str(shot)], capture_output=True, text=True
    )
    assert scanned.stdout.strip() == library.procedures["mynumber-card-apply"].url
    assert window.screens.handoff.qr.height() >= 240


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
    with qtbot.waitSignal(window.prints.printing.failed, timeout=5000):
        window.screens.handoff.print_button.click()
    handoff = window.screens.handoff
    assert handoff.status_text.text() == FAILED
    assert handoff.status_box.property("state") == "failed" and handoff.print_failed()
    assert handoff.status_icon.text() == "⚠"
    assert not look.scrolled_away(handoff.status_text, window)
    assert window.current() is window.screens.handoff
    assert window.screens.handoff.qr.isVisible() and window.screens.handoff.qr.url == "https://myna.go.jp/"
    assert window.screens.handoff.print_button.isEnabled()  # they may try again
    window.state.recorder.flush()
    failed = [e for e in store.events() if e["kind"] == EventKind.SLIP_PRINT_FAILED]
    assert len(failed) == 1 and failed[0]["procedure_id"] == "mynaportal"
    assert str(error) in failed[0]["detail"]  # the reason is for staff, not the screen
    assert str(error) not in handoff.status_text.text()
    assert FAILED in window.reader.speech_text()


def test_printing_never_blocks_the_screen(make_window, qtbot, store) -> None:
    printer = FakePrinter(hold=True)
    window = _open(make_window, printer=printer)
    window.screens.handoff.print_button.click()
    window.screens.handoff.print_button.click()  # an impatient second tap starts no second job
    assert not window.screens.handoff.print_button.isEnabled()
    assert window.screens.handoff.print_button.title() == "印刷しています…"
    window.screens.handoff.pager.down_button.click()  # the screen still answers while the printer works
    assert window.screens.handoff.pager.can_scroll(-1)
    with qtbot.waitSignal(window.prints.printing.printed, timeout=5000):
        printer.release.set()
    assert len(printer.printed) == 1
    slip = printer.printed[0]
    assert slip.url == "https://myna.go.jp/" and any("3回" in line for line in slip.pin_lines)
    assert window.screens.handoff.status_text.text() == "印刷しました。紙を お取りください。"
    assert window.screens.handoff.status_box.property("state") == "done"  # calm, not the alert colour
    window.state.recorder.flush()
    assert _kinds(store).count(EventKind.SLIP_PRINTED) == 1


def test_a_result_after_the_person_left_starts_no_new_consultation(make_window, qtbot, store) -> None:
    printer = FakePrinter(PrintFailed("paper out"), hold=True)
    window = _open(make_window, printer=printer)
    window.screens.handoff.print_button.click()
    window.idle.reset()
    with qtbot.waitSignal(window.prints.printing.failed, timeout=5000):
        printer.release.set()
    window.state.recorder.flush()
    assert len(store.consultations()) == 1
    assert not window.state.recorder.started


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


def test_the_slip_is_in_the_visitors_language_whatever_the_screens_translator_says(
    make_window, qtbot, library
) -> None:
    """The slip's own words come from the visit's language, named when it is built, not from
    whichever translator the application has installed at that moment."""
    printer = FakePrinter()
    window = _open(make_window, printer=printer)
    window.language.choose("en")
    window.screens.handoff.print_button.click()
    qtbot.waitUntil(lambda: bool(printer.printed), timeout=5000)
    english = printer.printed[0]
    assert english.labels["scan"] == "Scan with your phone camera"
    assert "PIN" in " ".join(english.pin_lines)
    # The screens still in English, a slip asked for in Japanese: Japanese words and date.
    procedure = library.procedures["mynaportal"]
    japanese = build_slip(procedure, room_name="相談室", today=date(2026, 12, 6), language="ja")
    assert japanese.labels["scan"] == "スマホの カメラで 読み取ってください"
    assert japanese.date_text.startswith("2026年12月6日")
    assert "回 まちがえると" in " ".join(japanese.pin_lines)
