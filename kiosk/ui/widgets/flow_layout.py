"""A row of buttons that wraps onto the next line when the panel is too narrow for it.

Buttons keep their size (their words are never cut or shrunk); at 特大, in English or on
a 1280-wide tablet they move down a line instead. Laid out like Qt's flow layout example,
with height-for-width so the page around it makes room (or scrolls).

With `fill`, each line's buttons share its whole width (by their stretch, as in a box
layout): a row of equal choices that wraps only where its words would not fit.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        spacing: int = 24,
        centred: bool = False,
        last_at_end: bool = False,
        fill: bool = False,
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._fill = fill  # each line's items widened to fill it
        self._stretch: dict[QWidget, int] = {}
        self._spacing = spacing
        self._centred = centred  # each line centred in the room (else from the left)
        self._last_at_end = last_at_end  # the last item at the right end of its line (a page count)
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def setStretchFactor(self, widget: QWidget, stretch: int) -> None:
        """How much of a filled line's spare room `widget` takes (1 unless set)."""
        self._stretch[widget] = stretch

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
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self._spacing * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        # With the margins, as `_arrange` takes them off: a row that holds its items only
        # without them wraps, and must not tell the layout around it that it takes one line.
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        """As narrow as the widest button: the others go to the next line."""
        size = QSize()
        for item in self._shown():
            # A button keeps its whole width; a wrapping row inside (hfw) can be as narrow as its own minimum.
            size = size.expandedTo(item.minimumSize() if item.hasHeightForWidth() else item.sizeHint())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _size(self, item: QLayoutItem, width: int) -> QSize:
        """An item's size on a line `width` wide: its hint, narrowed (and taller) if need be."""
        hint = item.sizeHint()
        if hint.width() <= width:
            return hint
        narrow = max(width, item.minimumSize().width())
        height = item.heightForWidth(narrow) if item.hasHeightForWidth() else hint.height()
        return QSize(narrow, max(height, hint.height()))

    def _lines(self, width: int) -> list[list[tuple[QLayoutItem, QSize]]]:
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        used = 0
        for item in self._shown():
            size = self._size(item, width)
            if lines[-1] and used + self._spacing + size.width() > width:
                lines.append([])
                used = 0
            used += (self._spacing if lines[-1] else 0) + size.width()
            lines[-1].append((item, size))
        return lines

    def _filled(self, line: list[tuple[QLayoutItem, QSize]], spare: int) -> list[tuple[QLayoutItem, QSize]]:
        """The line's items widened by their share of `spare` pixels."""
        spare = max(0, spare)
        stretches = [self._stretch.get(widget, 1) if (widget := item.widget()) else 1 for item, _ in line]
        total = sum(stretches) or 1
        shares = [spare * stretch // total for stretch in stretches]
        shares[-1] += spare - sum(shares)
        return [
            (item, QSize(size.width() + share, size.height()))
            for (item, size), share in zip(line, shares, strict=True)
        ]

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = area.y()
        lines = [line for line in self._lines(area.width()) if line]
        for number, line in enumerate(lines):
            width = sum(size.width() for _, size in line) + self._spacing * (len(line) - 1)
            tallest = max(size.height() for _, size in line)
            x = area.x() + (max(0, area.width() - width) // 2 if self._centred else 0)
            if self._fill:
                line = self._filled(line, area.width() - width)
                x = area.x()
            if place:
                for index, (item, size) in enumerate(line):
                    last = number == len(lines) - 1 and index == len(line) - 1
                    if last and self._last_at_end:
                        x = max(x, area.x() + area.width() - size.width())
                    item.setGeometry(QRect(QPoint(x, y + (tallest - size.height()) // 2), size))  # centred
                    x += size.width() + self._spacing
            y += tallest + self._spacing
        return max(0, y - self._spacing - rect.y()) + margins.bottom()
