"""One consultation, as staff read it: who and what at the top, then a timeline of plain sentences."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.records.event_words import Names, timeline
from kiosk.records.labels import label
from kiosk.ui.screens.review_model import started


def _words(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""


class ConsultationDetail(QWidget):
    """The events of one consultation, time and sentence per row (「10:02 レッスン: … — 手順 1 を見た」)."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back_button = QPushButton("◀ 一覧に 戻る")
        self.back_button.clicked.connect(self.back_requested)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setProperty("role", "bar-title")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.events = QTableWidget(0, 2)
        self.events.setHorizontalHeaderLabels(["時刻", "できごと"])
        self.events.setAccessibleName("えらんだ 相談の できごと")
        self.events.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.events.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.events.setWordWrap(True)
        self.events.verticalHeader().setVisible(False)
        header = self.events.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.events.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        top.setSpacing(24)
        top.addWidget(self.back_button)
        top.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.events, 1)

    def show_consultation(
        self, row: Mapping[str, Any], events: Sequence[Mapping[str, Any]], names: Names | None = None
    ) -> None:
        facts = [
            started(row.get("started_at")),
            str(row.get("kiosk_id") or ""),
            *(
                label(name, row[name])
                for name in ("mode", "topic", "age_band", "device", "outcome")
                if row.get(name)
            ),
        ]
        self.heading.setText("　".join(fact for fact in facts if fact))
        note = str(row.get("note") or "")
        self.note.setText(f"メモ: {note}" if note else "")
        self.note.setVisible(bool(note))
        lines = timeline(events, names) or [("", "できごとの 記録は ありません")]
        self.events.setRowCount(len(lines))
        for place, (at, words) in enumerate(lines):
            self.events.setItem(place, 0, QTableWidgetItem(at))
            self.events.setItem(place, 1, QTableWidgetItem(words))
        self.events.scrollToTop()

    def lines(self) -> list[tuple[str, str]]:
        """What the timeline shows, row by row."""
        cells = self.events.item
        return [(_words(cells(r, 0)), _words(cells(r, 1))) for r in range(self.events.rowCount())]

    def text(self) -> str:
        """The timeline as lines of text (read aloud, and what a test can read)."""
        return "\n".join(f"{at} {words}".strip() for at, words in self.lines())

    def clear(self) -> None:
        self.heading.clear()
        self.note.clear()
        self.events.setRowCount(0)
