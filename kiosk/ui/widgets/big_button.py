"""A large push button whose label wraps: a title line and an optional description.

QPushButton cannot wrap its text, and at 特大 Japanese titles need two lines.
The labels inside ignore the mouse, so the whole area is one real button; the
accessible name carries the full text (without readings) for screen readers and
automation. The labels are ButtonTexts: with furigana on, their kanji carry readings
like body text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.markup import plain
from kiosk.ui.widgets.button_text import ButtonText
from kiosk.ui.widgets.fitting import COMPACT_ROLE, set_role


class LaidOutButton(QPushButton):
    """A push button sized by the layout of what it holds (QPushButton sizes by its own text)."""

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint().expandedTo(QSize(80, 80)) if layout else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.minimumSize().expandedTo(QSize(80, 80)) if layout else super().minimumSizeHint()


class BigButton(QPushButton):
    def __init__(
        self,
        title: str = "",
        description: str = "",
        parent: QWidget | None = None,
        *,
        centred: bool = False,
        title_role: str | None = "title",
    ) -> None:
        """`title_role` None: the title at the body size (a button among the text, as a word's)."""
        super().__init__(parent)
        # Wrapped between phrases: a title never breaks inside a word (マイナンバー／カード).
        self._title = ButtonText()
        self._title.setProperty("role", title_role)
        self._description = ButtonText()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 12, 32, 12)
        layout.setSpacing(6)
        for label in (self._title, self._description):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            if centred:
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.set_texts(title, description)

    def set_texts(self, title: str, description: str = "") -> None:
        self._title.setText(title)
        self._description.setText(description)
        self._description.setVisible(bool(description))
        self.setAccessibleName(f"{plain(title)}　{plain(description)}".strip())
        self.updateGeometry()

    def show_description(self, shown: bool) -> None:
        self._description.setVisible(shown and bool(self._description.text()))

    def set_compact(self, on: bool) -> None:
        """The title one size smaller (only where it would not fit otherwise)."""
        set_role(self._title, COMPACT_ROLE if on else "title")

    def title(self) -> str:
        return self._title.text()

    def one_line_width(self) -> int:
        """How wide the button is with its title on one line (its margins included)."""
        layout = self.layout()
        sides = 0
        if layout is not None:
            margins = layout.contentsMargins()
            sides = margins.left() + margins.right()
        return self._title.fontMetrics().horizontalAdvance(plain(self._title.text())) + sides + 8

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange):
            # The theme's min-width for push buttons (80 px and the padding) becomes a fixed
            # minimum, which a layout takes instead of what the words need: a row then squeezed
            # "Practice" below its width at 大. The words' own width (never under 80 px, see
            # minimumSizeHint) is what a big button may not go under. The theme's min-height
            # stays: it keeps a one-line button at a touch target's 80 px.
            self.setMinimumWidth(0)
        return handled

    def sizeHint(self) -> QSize:
        layout = self.layout()
        assert layout is not None
        return layout.sizeHint().expandedTo(QSize(80, 80))

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        assert layout is not None
        return layout.minimumSize().expandedTo(QSize(80, 80))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        assert layout is not None
        return max(80, layout.totalHeightForWidth(width))
