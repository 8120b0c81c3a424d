"""The review's filters: each box as wide as the words it shows, wrapping onto more rows as needed.

A grid of equal boxes cut 「ご相談の内容: す」; here a box grows with its choice and the
row wraps instead, so every word stays whole at any panel width.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from kiosk.records import review
from kiosk.records.labels import GROUPINGS, label

FILTERS = ("kiosk", "kiosk_mode", "mode", "topic", "outcome", "age_band", "device", "language")
ANY = "すべて"


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new row when the next one would not fit."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 16) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, *, move: bool) -> int:
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, row_height = rect.x(), y + row_height + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


class FilterBox(QComboBox):
    """A filter's choices, 「年代: すべて」 first; as wide as the choice it shows now."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.setAccessibleName(GROUPINGS[name][0])
        self.setToolTip(GROUPINGS[name][0])
        self.currentIndexChanged.connect(self.updateGeometry)

    def fill(self, codes: list[str]) -> None:
        self.clear()
        self.addItem(f"{GROUPINGS[self.name][0]}: {ANY}", None)
        for code in codes:
            self.addItem(f"{GROUPINGS[self.name][0]}: {label(self.name, code)}", code)

    def sizeHint(self) -> QSize:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        text = QSize(
            metrics.horizontalAdvance(self.currentText()) + metrics.averageCharWidth(), metrics.height()
        )
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)
        return QSize(size.width(), max(size.height(), super().sizeHint().height()))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class FilterPanel(QWidget):
    """The filter boxes, 次回 希望, the note search and 条件を 消す; `changed` when any of them does."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        flow = FlowLayout(self)
        self.boxes: dict[str, FilterBox] = {}
        for name in FILTERS:
            box = FilterBox(name)
            box.activated.connect(self.changed)
            flow.addWidget(box)
            self.boxes[name] = box
        self.follow_up = QPushButton("次回 希望")
        self.follow_up.setCheckable(True)
        self.follow_up.setAccessibleName("次回の相談を 希望した 人だけ")
        self.follow_up.toggled.connect(self.changed)
        self.note_search = QLineEdit()
        self.note_search.setClearButtonEnabled(True)
        self.note_search.setPlaceholderText("メモを さがす")
        self.note_search.setAccessibleName("メモを さがす")
        self.note_search.setMinimumWidth(320)
        self.note_search.editingFinished.connect(self.changed)
        self.clear_button = QPushButton("条件を 消す")
        self.clear_button.clicked.connect(self.clear)
        for widget in (self.follow_up, self.note_search, self.clear_button):
            flow.addWidget(widget)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.heightForWidth(width) if layout is not None else 0

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.heightForWidth(max(self.width(), 1)))

    def fill(self, kiosks: list[str]) -> None:
        for name, box in self.boxes.items():
            box.fill(kiosks if name == "kiosk" else list(GROUPINGS[name][1]))

    def clear(self) -> None:
        for box in self.boxes.values():
            box.setCurrentIndex(0)
        self.follow_up.blockSignals(True)
        self.follow_up.setChecked(False)
        self.follow_up.blockSignals(False)
        self.note_search.clear()
        self.changed.emit()

    def chosen(self, period: review.Filter) -> review.Filter:
        """The period with the filters chosen now."""
        return replace(
            period,
            **{name: box.currentData() for name, box in self.boxes.items()},
            follow_up=True if self.follow_up.isChecked() else None,
            note_contains=self.note_search.text().strip() or None,
        )
