"""Bar charts of counts (QtCharts), for the staff review screen and the monthly report PDF.

Every bar carries its figure, so a chart never has to be read from the axis alone, and
each chart view's accessible description lists the same figures for screen readers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsSimpleTextItem

from kiosk.drawing.fonts import FONT_FAMILY

BAR = QColor("#1C7ED6")
INK = QColor("#1A1A1A")
EMPTY = "まだ 記録が ありません"


def _font(pixels: int, *, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def count_chart(
    title: str, rows: Sequence[tuple[str, int]], *, font_px: int = 20, across: bool = True
) -> QChart:
    """Bars for (label, count) rows, in the order given: across (one row per label) or upright."""
    chart = QChart()
    chart.setTitle(title)
    chart.setTitleFont(_font(round(font_px * 1.2), bold=True))
    chart.setTitleBrush(INK)
    chart.legend().hide()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(chart.margins() * 0)
    if not any(count for _, count in rows):
        _say_empty(chart, font_px)
        return chart
    labels = [label for label, _ in rows]
    counts = [count for _, count in rows]
    if across:  # the first row at the top
        labels.reverse()
        counts.reverse()
    bars = QBarSet(title)
    bars.append([float(n) for n in counts])
    bars.setColor(BAR)
    bars.setBorderColor(BAR)
    bars.setLabelColor(INK)
    bars.setLabelFont(_font(font_px))
    series: QAbstractBarSeries = QHorizontalBarSeries() if across else QBarSeries()
    series.append(bars)
    series.setBarWidth(0.7)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append(labels)
    names.setLabelsFont(_font(font_px))
    names.setGridLineVisible(False)
    values = QValueAxis()
    step, top = count_ticks(max(counts))
    values.setRange(0, top)
    # Ticks at whole numbers only: a count of 1 never gets the axis "0 0 0 0 0 1".
    values.setTickType(QValueAxis.TickType.TicksDynamic)
    values.setTickAnchor(0)
    values.setTickInterval(step)
    values.setLabelFormat("%d")
    values.setLabelsFont(_font(round(font_px * 0.8)))
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft if across else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom if across else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(names)
    series.attachAxis(values)
    return chart


def count_ticks(largest: int, *, most: int = 5) -> tuple[int, int]:
    """(tick step, axis end) for counts up to `largest`: a whole step of 1, 2 or 5 × 10ⁿ, at most
    `most` steps, and room past the longest bar for its figure."""
    wanted = max(largest * 1.15, 1)
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if wanted / step <= most:
                return step, math.ceil(wanted / step) * step
        magnitude *= 10


def _say_empty(chart: QChart, font_px: int) -> None:
    """No counts: the chart says so in words instead of drawing an axis of zeros."""
    note = QGraphicsSimpleTextItem(EMPTY, chart)
    note.setFont(_font(font_px))
    note.setBrush(INK)

    def centre() -> None:
        box = note.boundingRect()
        area = chart.rect()
        note.setPos(area.center().x() - box.width() / 2, area.center().y() - box.height() / 2 + font_px)

    chart.geometryChanged.connect(centre)
    centre()


def figures(rows: Sequence[tuple[str, int]]) -> str:
    """The counts as words, for screen readers and tests: 「60代 12件、70代 30件」."""
    return "、".join(f"{label} {count}件" for label, count in rows) or "なし"


def render_chart(chart: QChart, painter: QPainter, target: QRectF, *, width_px: float) -> None:
    """Draw a chart into a painter (a PDF page): laid out at width_px logical pixels, scaled to target."""
    scale = target.width() / width_px
    size = QSizeF(width_px, target.height() / scale)
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.resize(size)
    QApplication.processEvents()  # let the chart lay out its axes and labels at this size
    scene.setSceneRect(QRectF(0, 0, size.width(), size.height()))
    scene.render(painter, target, scene.sceneRect())
    scene.removeItem(chart)
