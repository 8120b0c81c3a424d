"""The staff review's charts on screen: a chart view announced with its figures.

The charts themselves are drawn by kiosk/drawing/charts.py, which the printed monthly
report uses too.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QChartView
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from kiosk.drawing.charts import count_chart, figures


class CountChartView(QChartView):
    """A chart on screen, tall enough for its bars, announced with its figures."""

    def __init__(
        self,
        title: str,
        rows: Sequence[tuple[str, int]],
        *,
        font_px: int = 20,
        across: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(count_chart(title, rows, font_px=font_px, across=across), parent)
        self.rows = list(rows)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(title)
        self.setAccessibleDescription(figures(rows))
        per_bar = round(font_px * 2.2)
        self.setMinimumHeight(max(5 * font_px, font_px * 6 + per_bar * len(rows)) if across else font_px * 16)
