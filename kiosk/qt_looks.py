"""「点検」's Qt side: looks at the screen, touch devices, the bundled font and the printer.

The judging is in kiosk/doctor/devices.py; what is looked at can be handed in (tests).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication, QInputDevice, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.doctor.devices import (
    PrinterFacts,
    ScreenFacts,
    check_paper,
    check_printer,
    check_screen,
    check_touch,
)
from kiosk.doctor.result import Result, fail, guarded, ok
from kiosk.drawing.fonts import FONT_FAMILY
from kiosk.paths import FONTS_DIR
from kiosk.settings import Settings

PrinterLookup = Callable[[str], PrinterFacts | None]


def screen_facts() -> ScreenFacts:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return ScreenFacts("no Qt application", None)
    screen = app.primaryScreen()
    size = (screen.size().width(), screen.size().height()) if screen is not None else None
    return ScreenFacts(app.platformName(), size)


def touch_devices(devices: Sequence[QInputDevice] | None = None) -> list[str]:
    found = QInputDevice.devices() if devices is None else devices
    return [d.name() or "（名前なし）" for d in found if d.type() == QInputDevice.DeviceType.TouchScreen]


def printer_facts(name: str) -> PrinterFacts | None:
    """The printer named in settings, or the system's default; None when there is none."""
    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        return None
    sizes = []
    for page in info.supportedPageSizes():
        mm = page.size(QPageSize.Unit.Millimeter)
        sizes.append((page.name(), min(mm.width(), mm.height()), max(mm.width(), mm.height())))
    return PrinterFacts(
        name=info.printerName(),
        error=info.state() == QPrinter.PrinterState.Error,
        page_sizes=tuple(sizes),
        custom_sizes=info.supportsCustomPageSizes(),
    )


def check_font(fonts_dir: Path = FONTS_DIR) -> Result:
    """The bundled UD font loads from its files and has Japanese (else Japanese shows as boxes)."""
    name = "文字（同梱の フォント）"
    fix = "キオスクを 入れ直して ください（assets/fonts の フォントが 足りません）。"
    ids = [QFontDatabase.addApplicationFont(str(file)) for file in sorted(fonts_dir.glob("*.ttf"))]
    try:
        families = {family for i in ids if i >= 0 for family in QFontDatabase.applicationFontFamilies(i)}
        if FONT_FAMILY not in families:
            return fail("font", name, f"{FONT_FAMILY} が 読み込めません（{fonts_dir}）", fix)
        if QFontDatabase.WritingSystem.Japanese not in QFontDatabase.writingSystems(FONT_FAMILY):
            return fail("font", name, f"{FONT_FAMILY} に 日本語の 文字が ありません", fix)
    finally:
        for i in ids:  # this check's own copies only; the kiosk's loaded font stays
            if i >= 0:
                QFontDatabase.removeApplicationFont(i)
    return ok("font", name, f"{FONT_FAMILY} を 読み込めます")


@dataclass
class QtLooks:
    """What the Qt checks look at; the defaults are this machine's."""

    screen: Callable[[], ScreenFacts] = screen_facts
    touch: Callable[[], list[str]] = touch_devices
    printer: PrinterLookup = printer_facts
    fonts_dir: Path = field(default=FONTS_DIR)


def qt_checks(settings: Settings, looks: QtLooks | None = None) -> list[Result]:
    """The checks that need Qt (on the UI thread), each one guarded."""
    looks = looks or QtLooks()
    printer: list[PrinterFacts | None] = []

    def find_printer() -> PrinterFacts | None:
        if not printer:
            printer.append(looks.printer(settings.printer_name))
        return printer[0]

    return [
        guarded("screen", "画面の 大きさ", lambda: check_screen(looks.screen())),
        guarded("touch", "タッチパネル", lambda: check_touch(looks.touch())),
        guarded("font", "文字（同梱の フォント）", lambda: check_font(looks.fonts_dir)),
        guarded("printer", "プリンター", lambda: check_printer(find_printer(), settings.printer_name)),
        guarded("paper", "紙の 大きさ", lambda: check_paper(find_printer(), settings.paper)),
    ]
