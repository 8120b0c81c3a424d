"""A stack of screens that asks for the room of the screen shown, not of the largest screen.

QStackedWidget's minimum size and height-for-width are the largest of all its pages;
a screen that is not shown (a long list in English at 特大) would otherwise push the
window past the panel on every other screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QStackedLayout, QWidget

from kiosk.ui.widgets.scroll_page import ScrollPage


class _CurrentPageLayout(QStackedLayout):
    def _page(self) -> QWidget | None:
        return self.currentWidget()

    def minimumSize(self) -> QSize:
        page = self._page()
        return page.minimumSizeHint().expandedTo(page.minimumSize()) if page else QSize()

    def sizeHint(self) -> QSize:
        page = self._page()
        return page.sizeHint() if page else QSize()

    def hasHeightForWidth(self) -> bool:
        page = self._page()
        return bool(page and page.hasHeightForWidth())

    def heightForWidth(self, width: int) -> int:
        page = self._page()
        return page.heightForWidth(width) if page is not None and page.hasHeightForWidth() else -1


class CurrentPageStack(QWidget):
    """QStackedWidget's calls, sized by the page shown: a hidden page (the lesson's help card,
    whose buttons wrap at its least width) does not make the shown one taller."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages = _CurrentPageLayout(self)
        self._pages.currentChanged.connect(self._changed)

    def addWidget(self, page: QWidget) -> int:
        return self._pages.addWidget(page)

    def setCurrentWidget(self, page: QWidget) -> None:
        self._pages.setCurrentWidget(page)

    def currentWidget(self) -> QWidget | None:
        return self._pages.currentWidget()

    def _changed(self, _index: int) -> None:
        self._pages.invalidate()
        self.updateGeometry()


class PageStack(QWidget):
    """The screens, one at a time (QStackedWidget's calls, sized by the screen on show)."""

    currentChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages = _CurrentPageLayout(self)
        self._between = QWidget()  # an empty page, shown while the bars around change
        self._pages.addWidget(self._between)
        self._pages.currentChanged.connect(self._changed)

    def switch(self, page: QWidget, change_around: Callable[[], None]) -> None:
        """Show `page`, with `change_around` (the top bar's new title …) done while nothing is shown.

        Done the other way, for a moment the old page and the new bars (or the new page and
        the old bars) are on screen together, and a window cannot shrink back once grown.
        """
        self._pages.setCurrentWidget(self._between)
        change_around()
        self.setCurrentWidget(page)

    def _changed(self, index: int) -> None:
        self._pages.invalidate()
        self.updateGeometry()
        if index > 0:
            self.currentChanged.emit(index - 1)

    def addWidget(self, page: QWidget) -> int:
        # ▲/▼ keep the top bar's 24 px from the window's edge (a screen's margin is inside the page).
        holder = ScrollPage(page, edge=24) if getattr(page, "scrolls", False) else page
        return self._pages.addWidget(holder)

    def _holder(self, page: QWidget) -> QWidget:
        holder = page.parentWidget()
        while holder is not None and holder is not self and not isinstance(holder, ScrollPage):
            holder = holder.parentWidget()
        return holder if isinstance(holder, ScrollPage) and holder.content is page else page

    def scroll_page(self, page: QWidget) -> ScrollPage | None:
        """The scrolling page around `page`, if it scrolls."""
        holder = self._holder(page)
        return holder if isinstance(holder, ScrollPage) else None

    def setCurrentWidget(self, page: QWidget) -> None:
        holder = self._holder(page)
        if isinstance(holder, ScrollPage):
            holder.to_top()
        self._pages.setCurrentWidget(holder)

    def currentWidget(self) -> QWidget | None:
        return _unwrapped(self._pages.currentWidget())

    def widget(self, index: int) -> QWidget | None:
        return _unwrapped(self._pages.widget(index + 1))

    def count(self) -> int:
        return self._pages.count() - 1


def _unwrapped(page: QWidget | None) -> QWidget | None:
    return page.content if isinstance(page, ScrollPage) else page
