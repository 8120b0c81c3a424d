"""Content taller than its room, moved by big ▲/▼ buttons, a finger's swipe or the wheel.

For screens whose text must stay at the chosen size: they scroll instead of shrinking it
or showing one sentence at a time. Usage::

    page = ScrollPage(content)       # content: any widget (a screen, a column of texts)
    page.content                     # that widget
    page.to_top()                    # a new thing to read
    page.show_widget(some_label)     # bring one part into view (a message that just arrived)

▼ moves on by about one view and lines the next part that was cut off up with the top
edge, so nobody has to find their place again; ▲ goes back the same way. The buttons
only show when there is more than fits; a thin bar between them tells how far along
the person is.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.retranslate import Retranslating

OVERLAP = 0.15  # of the view kept in sight when a part is too tall to line up: the eye finds its place


class _Position(QWidget):
    """A thin bar between ▲ and ▼: how much there is, and which part is in view (not a control)."""

    def __init__(self, page: ScrollPage) -> None:
        super().__init__(page)
        self._page = page
        self.setFixedWidth(16)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event: QPaintEvent) -> None:
        bar = self._page.area.verticalScrollBar()
        total = bar.maximum() + bar.pageStep()
        if total <= 0 or bar.maximum() <= 0:
            return
        colour = QColor(self.palette().windowText().color())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        track = QColor(colour)
        track.setAlphaF(0.2)
        painter.setBrush(track)
        painter.drawRoundedRect(self.rect(), 8, 8)
        height = max(32, round(self.height() * bar.pageStep() / total))
        top = round((self.height() - height) * bar.value() / bar.maximum())
        painter.setBrush(colour)
        painter.drawRoundedRect(0, top, self.width(), height, 8, 8)


class ScrollPage(Retranslating):
    moved = Signal()  # the part in view changed

    def __init__(self, content: QWidget, parent: QWidget | None = None, *, edge: int = 0) -> None:
        """`edge`: room between ▲/▼ and the window's edge, where the page has no margin of its own."""
        super().__init__(parent)
        self.area = QScrollArea()
        self.area.setObjectName("ScrollArea")  # the theme keeps these see-through
        self.area.viewport().setObjectName("ScrollViewport")
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        # Not widgetResizable: that sizes a page with wrapping text to its preferred height, so
        # a page that fits would scroll. The content gets the room, or its minimum if taller.
        self.area.setWidgetResizable(False)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The big buttons and the position bar replace the thin scroll bar a finger cannot hold.
        self.area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.viewport().setAutoFillBackground(False)
        self.content = content
        self.area.setWidget(content)
        content.setAutoFillBackground(False)
        # A finger dragging the text moves it and lets it glide, as on a phone. Touch only: a
        # mouse-button gesture holds every press back to tell a drag from a tap, so buttons
        # would answer late (and a quick click, as automation sends it, not at all).
        QScroller.grabGesture(self.area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        content.installEventFilter(self)
        self.area.viewport().installEventFilter(self)
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        for button in (self.up_button, self.down_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.up_button.setObjectName("ScrollUp")  # the theme makes these larger than other buttons
        self.down_button.setObjectName("ScrollDown")
        self.up_button.clicked.connect(lambda: self.scroll_step(-1))
        self.down_button.clicked.connect(lambda: self.scroll_step(+1))
        self.position = _Position(self)
        column = QVBoxLayout()
        column.setSpacing(16)
        column.addWidget(self.up_button)
        column.addWidget(self.position, 1, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.down_button)
        self._column = QWidget()
        self._column.setLayout(column)
        column.setContentsMargins(0, 12, edge, 12)  # the touch-target gap to buttons above and below the page
        self._column.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        layout.addWidget(self.area, 1)
        layout.addWidget(self._column)
        bar = self.area.verticalScrollBar()
        bar.valueChanged.connect(self._moved)
        bar.rangeChanged.connect(self._moved)
        self.retranslate()

    def retranslate(self) -> None:
        self.up_button.setText(self.tr("▲\n上へ"))
        self.down_button.setText(self.tr("下へ\n▼"))
        self.up_button.setAccessibleName(self.tr("上へ もどす"))
        self.down_button.setAccessibleName(self.tr("下の つづきを 見る"))

    # ---- what screens call -------------------------------------------------------------

    def to_top(self) -> None:
        QScroller.scroller(self.area.viewport()).stop()
        self.area.verticalScrollBar().setValue(0)

    def show_widget(self, widget: QWidget) -> None:
        """Bring a part of the content into view, its top edge first."""
        QScroller.scroller(self.area.viewport()).stop()
        layout = self.content.layout()
        if layout is not None:
            layout.activate()
        top = widget.mapTo(self.content, QPoint(0, 0)).y()
        bar = self.area.verticalScrollBar()
        if not bar.value() <= top <= bar.value() + bar.pageStep() - widget.height():
            bar.setValue(top)

    def can_scroll(self, direction: int) -> bool:
        bar = self.area.verticalScrollBar()
        return bar.value() < bar.maximum() if direction > 0 else bar.value() > bar.minimum()

    def scroll_step(self, direction: int) -> None:
        """▼ (+1) or ▲ (-1): about one view on, lined up with the top of a part of the text."""
        QScroller.scroller(self.area.viewport()).stop()
        bar = self.area.verticalScrollBar()
        value, view = bar.value(), self.area.viewport().height()
        step = max(1, round(view * (1 - OVERLAP)))
        spans = self._spans()
        if direction > 0:
            # The first part not wholly in view that starts below the top edge comes to the top.
            tops = [top for top, bottom in spans if bottom > value + view and value < top <= value + view]
            target = min(tops) if tops else value + step
        else:
            # Back by at most a view, to the first part that then shows from its top.
            lowest = value - view
            tops = [top for top, _ in spans if lowest <= top < value]
            target = min(tops) if tops else value - step
            if target >= value:
                target = value - step
        bar.setValue(max(bar.minimum(), min(bar.maximum(), target)))

    # ---- inside ------------------------------------------------------------------------

    def _spans(self) -> list[tuple[int, int]]:
        """(top, bottom) in content coordinates of every text shown in the content."""
        content = self.content
        spans = []
        for label in content.findChildren(QLabel):
            if label.isVisibleTo(content) and label.height() > 0:
                top = label.mapTo(content, QPoint(0, 0)).y()
                spans.append((top, top + label.height()))
        return spans

    def _moved(self) -> None:
        bar = self.area.verticalScrollBar()
        # Shown only when there is more than fits. This settles: text that needs the buttons still
        # needs them at the narrower width they leave, and text that fits beside them fits wider.
        more = bar.maximum() > 0
        if more != self._column.isVisibleTo(self):
            self._column.setVisible(more)
            # Shown or hidden in the middle of a resize, the row is not laid out again by
            # itself: the buttons would sit past the edge (seen at 特大 in English).
            QTimer.singleShot(0, self, self._relayout)  # not after the page is gone
        self.up_button.setEnabled(bar.value() > bar.minimum())
        self.down_button.setEnabled(bar.value() < bar.maximum())
        self.position.update()
        self.moved.emit()

    def _relayout(self) -> None:
        layout = self.layout()
        if layout is not None:
            layout.invalidate()
            layout.activate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_content()
        self._moved()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize) and (
            watched is self.area.viewport()
            or (watched is self.content and event.type() == QEvent.Type.LayoutRequest)
        ):
            self._fit_content()
        return False

    def needed_height(self, width: int) -> int:
        """The least height the content can take at `width` without squeezing a text."""
        layout = self.content.layout()
        if layout is None:
            return self.content.minimumSizeHint().height()
        if layout.hasHeightForWidth():
            return layout.totalMinimumHeightForWidth(width)
        return layout.totalMinimumSize().height()

    def _fit_content(self) -> None:
        room = self.area.viewport().size()
        width = max(room.width(), self.content.minimumSizeHint().width())
        size = QSize(width, max(room.height(), self.needed_height(width)))
        if self.content.size() != size:
            self.content.resize(size)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), 0)
