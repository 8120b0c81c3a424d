"""The monthly report as an A4 PDF (Qt's PDF writer, the bundled Japanese font embedded)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.card.check import EXPIRY_BANDS
from kiosk.drawing.charts import count_chart, render_chart
from kiosk.drawing.fonts import FONT_FAMILY
from kiosk.practice.exercises import TITLES
from kiosk.records.card_checks import card_month_words
from kiosk.records.labels import EXPIRY_BAND_LABELS, GROUPINGS, label
from kiosk.report.monthly import Monthly

DPI = 300


def write_monthly_pdf(report: Monthly, out: Path, *, room: str, titles: dict[str, str]) -> None:
    writer = QPdfWriter(str(out))
    writer.setResolution(DPI)
    writer.setCreator("naruto-kiosk")
    writer.setTitle(f"{room} {report.month}")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15)
        )
    )
    painter = QPainter(writer)
    try:
        _draw(painter, writer.width(), writer.height(), report, room, titles, writer)
    finally:
        painter.end()


def _draw(
    painter: QPainter,
    width: int,
    height: int,
    report: Monthly,
    room: str,
    titles: dict[str, str],
    writer: QPdfWriter,
) -> None:
    per_mm = DPI / 25.4
    y = 0.0

    def text(line: str, size_mm: float, *, bold: bool = False, gap_mm: float = 1.5) -> None:
        nonlocal y
        if y + size_mm * per_mm * 1.6 > height:
            writer.newPage()
            y = 0.0
        font = QFont(FONT_FAMILY)
        font.setPixelSize(round(size_mm * per_mm))
        font.setBold(bold)
        painter.setFont(font)
        box = painter.boundingRect(QRectF(0, y, width, height), int(Qt.TextFlag.TextWordWrap), line)
        painter.drawText(box, int(Qt.TextFlag.TextWordWrap), line)
        y += box.height() + gap_mm * per_mm

    def chart(heading: str, rows: list[tuple[str, int]]) -> None:
        """A bar chart with every figure printed on its bar, as wide as the page."""
        nonlocal y
        tall = (14 + 8 * len(rows)) * per_mm
        if y + tall > height:
            writer.newPage()
            y = 0.0
        drawn = count_chart(heading, rows, font_px=22)
        render_chart(drawn, painter, QRectF(0, y, width, tall), width_px=1400)
        y += tall + 4 * per_mm

    change = report.consultations - report.previous_consultations
    sign = "+" if change >= 0 else "−"
    stats = report.stats
    text(f"{room} 月次報告 {report.month}", 7, bold=True, gap_mm=4)
    before = f"前月 {report.previous} は {report.previous_consultations} 件、{sign}{abs(change)}"
    text(f"相談件数: {report.consultations} 件（{before}）", 4.5)
    text(
        f"手続きの案内 {stats.handoffs_shown} 件（紙の印刷 {stats.slips_printed} 件）・"
        f"係員を呼ぶ {stats.staff_calls} 件・途中で終了 {stats.idle_resets} 件",
        4,
        gap_mm=4,
    )
    for name in ("topic", "age_band", "outcome"):
        rows = [(label(name, k), n) for k, n in stats.by.get(name, []) if k]
        if rows:
            chart(GROUPINGS[name][0], rows)
    text("つまずき（上位 10 レッスン）", 5, bold=True)
    for number, lesson in enumerate(report.stumbles, start=1):
        worst = lesson.worst_step
        title = titles.get(lesson.lesson_id, lesson.lesson_id)
        text(
            f"{number}. {title}: 開始 {lesson.started}・最後まで {lesson.finished}・"
            f"「わからない」 {sum(lesson.dont_understand.values())}・"
            f"途中で終了 {sum(lesson.left_at.values())}"
            + (f"（手順 {worst} が いちばん 多い）" if worst else ""),
            3.5,
            gap_mm=1,
        )
    if report.practice:
        y += 2 * per_mm
        text("練習で むずかしかった 動き", 5, bold=True)
        for item in report.practice:
            name = TITLES.get(item.exercise, item.exercise)
            text(f"{name}: {item.attempts} 回中 {item.successes} 回 できた", 3.5, gap_mm=1)
    y += 2 * per_mm
    text("カードの 確認（マイナンバーカードを かざして 調べた 件数）", 5, bold=True)
    text(card_month_words(report.cards), 3.5)
    if report.cards.checks:
        bands = [(EXPIRY_BAND_LABELS[band], report.cards.bands[band]) for band in EXPIRY_BANDS]
        chart("電子証明書が 切れるまで（更新の 見込み）", bands)
    y += 3 * per_mm
    text("この報告には、お名前・住所・電話番号・マイナンバー・暗証番号・メモは 含まれていません。", 3)
