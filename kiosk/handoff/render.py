"""Draw a slip with QPainter, laid out in millimetres on the device's own dots.

The same drawing goes to a PDF (`kiosk slip`) and to a printer. QR modules are
a whole number of device dots, at least 4 (0.5 mm at 203 dpi) and 1 mm where
the paper allows, with a 4-module quiet zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgRenderer

from kiosk.drawing.fonts import FONT_FAMILY
from kiosk.handoff.card_slip import CardSlipContent
from kiosk.handoff.certificate import CertificateContent
from kiosk.handoff.qr import QUIET_ZONE, qr_modules
from kiosk.handoff.sheet import SheetContent
from kiosk.handoff.slip import PaperSpec, SlipContent

MIN_MODULE_MM = 0.5
BEST_MODULE_MM = 1.0


Printable = SlipContent | CertificateContent | SheetContent | CardSlipContent
SHEET_PICTURE_MM = 32  # a step's picture on A4 (3:4, beside its words), at most …
SHEET_STEPS_MM = 200  # … and the steps share this much of the page, so that one A4 holds them all


class SlipTooNarrow(Exception):
    """The QR would need modules smaller than the printer can print reliably."""


@dataclass(frozen=True)
class Geometry:
    dots_per_mm: float
    width_dots: int  # printable width
    left_dots: int  # left margin

    def mm(self, value: float) -> float:
        return value * self.dots_per_mm


def module_dots(modules: int, geometry: Geometry) -> int:
    fit = int(geometry.width_dots * 0.9) // (modules + 2 * QUIET_ZONE)
    best = max(1, round(geometry.mm(BEST_MODULE_MM)))
    chosen = min(fit, best)
    if chosen < geometry.mm(MIN_MODULE_MM) - 1e-6:
        raise SlipTooNarrow(f"QR needs {modules + 8} modules of ≥ 0.5 mm; the paper is too narrow")
    return chosen


def _font(geometry: Geometry, size_mm: float, *, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(max(1, round(geometry.mm(size_mm))))
    font.setBold(bold)
    return font


class _Pen:
    """Writes lines down the slip; with no painter it only measures."""

    def __init__(self, painter: QPainter | None, geometry: Geometry) -> None:
        self.painter = painter
        self.geometry = geometry
        self.y = geometry.mm(3)

    def text(
        self,
        line: str,
        size_mm: float,
        *,
        bold: bool = False,
        centre: bool = False,
        gap_mm: float = 1.5,
        anywhere: bool = False,
    ) -> None:
        geometry = self.geometry
        font = _font(geometry, size_mm, bold=bold)
        wrap = int(Qt.TextFlag.TextWrapAnywhere if anywhere else Qt.TextFlag.TextWordWrap)
        align = wrap | int(Qt.AlignmentFlag.AlignHCenter if centre else Qt.AlignmentFlag.AlignLeft)
        width = geometry.width_dots
        box = QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), align, line)
        if self.painter is not None:
            self.painter.setFont(font)
            self.painter.drawText(QRectF(geometry.left_dots, self.y, width, box.height()), align, line)
        self.y += box.height() + geometry.mm(gap_mm)

    def rule(self, *, gap_mm: float = 2.5) -> None:
        if self.painter is not None:
            self.painter.fillRect(
                QRectF(
                    self.geometry.left_dots, self.y, self.geometry.width_dots, max(1.0, self.geometry.mm(0.3))
                ),
                QColor("black"),
            )
        self.y += self.geometry.mm(gap_mm)

    def qr(self, url: str) -> None:
        matrix = qr_modules(url)
        geometry = self.geometry
        dots = module_dots(len(matrix), geometry)
        side = (len(matrix) + 2 * QUIET_ZONE) * dots
        origin_x = geometry.left_dots + (geometry.width_dots - side) // 2
        if self.painter is not None:
            self.painter.fillRect(QRectF(origin_x, self.y, side, side), QColor("white"))
            for row, cells in enumerate(matrix):
                for column, dark in enumerate(cells):
                    if dark:
                        self.painter.fillRect(
                            QRectF(
                                origin_x + (column + QUIET_ZONE) * dots,
                                self.y + (row + QUIET_ZONE) * dots,
                                dots,
                                dots,
                            ),
                            QColor("black"),
                        )
        self.y += side + geometry.mm(1)

    def picture_beside(self, picture: Path, line: str, size_mm: float, picture_mm: float) -> None:
        """A small picture at the left, the words beside it; the taller of the two moves down."""
        geometry = self.geometry
        side_w, side_h = geometry.mm(picture_mm * 0.75), geometry.mm(picture_mm)
        if self.painter is not None:
            renderer = QSvgRenderer(str(picture))
            if renderer.isValid():
                renderer.render(self.painter, QRectF(geometry.left_dots, self.y, side_w, side_h))
        font = _font(geometry, size_mm)
        gap = geometry.mm(4)
        width = geometry.width_dots - side_w - gap
        align = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignVCenter)
        box = QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), align, line)
        if self.painter is not None:
            self.painter.setFont(font)
            rect = QRectF(geometry.left_dots + side_w + gap, self.y, width, max(side_h, box.height()))
            self.painter.drawText(rect, align, line)
        self.y += max(side_h, box.height()) + geometry.mm(3)

    def end(self) -> float:
        return self.y + self.geometry.mm(8)  # room for the cutter


def _paint_handoff(pen: _Pen, content: SlipContent) -> None:
    pen.text(content.room_name, 3.5, centre=True)
    pen.text(content.title, 5.5, bold=True, centre=True, gap_mm=3)
    pen.qr(content.url)
    words = content.labels
    pen.text(words["scan"], 3.5, centre=True)
    pen.text(content.url, 3, centre=True, gap_mm=3, anywhere=True)  # a URL has no spaces to wrap at
    pen.rule()
    pen.text(words["pin"], 4.5, bold=True)
    for line in content.pin_lines:
        pen.text(line, 4)
    pen.rule()
    pen.text(words["steps"], 4.5, bold=True)
    for number, step in enumerate(content.steps, start=1):
        pen.text(f"{number}. {step}", 4)
    pen.rule()
    pen.text(words["bring"], 4.5, bold=True)
    for item in content.bring:
        pen.text(f"・{item}", 4)
    if content.note:
        pen.rule()
        pen.text(content.note, 4)
    pen.rule()
    pen.text(content.date_text or f"{content.printed_on:%Y年%m月%d日}", 3.5)
    if content.contact:
        pen.text(words["contact"].format(content.contact), 3.5)
    if content.hours:
        pen.text(words["hours"].format(content.hours), 3.5)
    if content.resume_code:
        pen.rule()
        pen.text(words["resume"].format(content.resume_code), 5, bold=True)
        pen.text(words["resume_help"], 3.5)


def _paint_certificate(pen: _Pen, content: CertificateContent) -> None:
    words = content.labels
    pen.text(content.room_name, 3.5, centre=True)
    pen.text(content.title, 6.5, bold=True, centre=True, gap_mm=3)
    pen.text(words["done"].format(len(content.lessons)), 4.5, gap_mm=3)
    pen.rule()
    pen.text(words["lessons"], 4.5, bold=True)
    for title in content.lessons:
        pen.text(f"✓ {title}", 4)
    pen.rule()
    pen.text(words["name"], 4, gap_mm=10)  # room to write by hand
    pen.rule(gap_mm=4)
    pen.text(content.date_text or f"{content.printed_on:%Y年%m月%d日}", 4)
    pen.text(words["thanks"], 4)
    if content.contact:
        pen.text(words["contact"].format(content.contact), 3.5)


def _paint_sheet(pen: _Pen, content: SheetContent) -> None:
    words = content.labels
    pen.text(content.room_name, 3.5, centre=True)
    pen.text(content.title, 5.5, bold=True, centre=True, gap_mm=2)
    pen.text(words["intro"], 3.5, centre=True, gap_mm=3)
    pen.rule()
    geometry = pen.geometry
    with_pictures = geometry.width_dots >= geometry.mm(120)  # A4: room for a picture beside each step
    for number, (step, picture) in enumerate(zip(content.steps, content.pictures, strict=True), start=1):
        if with_pictures and picture is not None:
            size = min(SHEET_PICTURE_MM, SHEET_STEPS_MM / len(content.steps) - 3)
            pen.picture_beside(picture, f"{number}. {step}", 4.5, size)
        else:
            pen.text(f"{number}. {step}", 4.5, gap_mm=2.5)
    pen.rule()
    pen.text(content.date_text or f"{content.printed_on:%Y年%m月%d日}", 3.5)
    if content.contact:
        pen.text(words["contact"].format(content.contact), 3.5)
    if content.hours:
        pen.text(words["hours"].format(content.hours), 3.5)


def _paint_card(pen: _Pen, content: CardSlipContent) -> None:
    words = content.labels
    pen.text(content.room_name, 3.5, centre=True)
    pen.text(content.title, 5.5, bold=True, centre=True, gap_mm=3)
    pen.text(words["checked"], 4)
    pen.text(content.expiry, 4.5, bold=True, gap_mm=3)
    pen.rule()
    pen.text(words["todo_heading"], 4.5, bold=True)
    for line in content.todo:
        pen.text(f"・{line}", 4)
    pen.rule()
    if content.contact:
        pen.text(words["contact"].format(content.contact), 3.5)
    if content.hours:
        pen.text(words["hours"].format(content.hours), 3.5)


def paint_slip(painter: QPainter | None, content: Printable, geometry: Geometry) -> float:
    """Draw the slip (or, with no painter, only measure it); returns its height in dots."""
    pen = _Pen(painter, geometry)
    if isinstance(content, CertificateContent):
        _paint_certificate(pen, content)
    elif isinstance(content, SheetContent):
        _paint_sheet(pen, content)
    elif isinstance(content, CardSlipContent):
        _paint_card(pen, content)
    else:
        _paint_handoff(pen, content)
    return pen.end()


def geometry_for(spec: PaperSpec, dpi: float) -> Geometry:
    per_mm = dpi / 25.4
    margin = (spec.width_mm - spec.printable_mm) / 2
    return Geometry(per_mm, int(spec.printable_mm * per_mm), round(margin * per_mm))


def write_pdf(content: Printable, spec: PaperSpec, path: Path) -> None:
    geometry = geometry_for(spec, spec.dpi)
    height_mm = spec.height_mm or paint_slip(None, content, geometry) / geometry.dots_per_mm
    writer = QPdfWriter(str(path))
    writer.setResolution(spec.dpi)
    writer.setCreator("naruto-kiosk")
    writer.setTitle(content.title)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QSizeF(spec.width_mm, height_mm), QPageSize.Unit.Millimeter, "slip"),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    painter = QPainter(writer)
    try:
        paint_slip(painter, content, geometry)
    finally:
        painter.end()
