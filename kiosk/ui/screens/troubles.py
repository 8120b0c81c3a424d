"""「こまったことから さがす」: everyday troubles as picture tiles, a page at a time.

A tile is one real button (picture and words inside ignore the mouse). The window
opens the trouble's card, which always leads on: a lesson step, an official page's
QR, or 係員を呼ぶ.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.troubles import Trouble
from kiosk.settings import TextSize
from kiosk.ui.screens.base import Screen
from kiosk.ui.texts import page_button_texts
from kiosk.ui.widgets.big_button import LaidOutButton
from kiosk.ui.widgets.fitting import set_role
from kiosk.ui.widgets.phrase_label import PhraseLabel
from kiosk.ui.widgets.picture import PictureView

# Tiles a page: columns × rows by text size (a tile stays big enough to read and touch).
TILE_FRAME_PX = 80  # a tile's border, padding, margins and the gap between picture and words
GRID: dict[TextSize, tuple[int, int]] = {"standard": (4, 2), "large": (3, 2), "xlarge": (2, 2)}


class TroubleTile(LaidOutButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = PictureView()
        self.picture.setMinimumSize(120, 120)
        # The tile asks for the picture at its smallest (its drawing is 600×800); rows that have
        # room give it more. Otherwise one row of tiles would ask for a page's height.
        self.picture.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.label = PhraseLabel()
        self.label.setProperty("role", "title")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(4)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.label)
        for child in (self.picture, self.label):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The words keep the height they need at this width; the picture takes what is left.
        super().resizeEvent(event)
        layout = self.layout()
        if layout is not None and self.label.hasHeightForWidth():
            margins, edge = layout.contentsMargins(), self.contentsMargins()
            inner = event.size().width() - margins.left() - margins.right() - edge.left() - edge.right()
            self.label.setMinimumHeight(self.label.heightForWidth(inner))

    def minimumSizeHint(self) -> QSize:
        """Never shorter than its words need at the width it has (a row may not squeeze them)."""
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is None or self.width() <= 0:
            return hint
        return hint.expandedTo(QSize(hint.width(), layout.totalMinimumHeightForWidth(self.width())))

    def set_big_text(self, on: bool) -> None:
        """At 特大 the words take the body size (larger than 大's headings); the picture keeps its size
        and the page scrolls if it must."""
        set_role(self.label, None if on else "title")
        self.picture.setMinimumSize(*((100, 100) if on else (120, 120)))
        layout = self.layout()
        if layout is not None:
            layout.invalidate()  # its height-for-width was cached for the old size of the words

    def show_trouble(self, title: str, picture: Path | None) -> None:
        self.label.setText(title)
        self.setAccessibleName(title)
        self.picture.show_file(picture)


class TroublesScreen(Screen):
    # A page of tiles fits the screen (fewer tiles a page at 特大); the words are never cut and
    # the pictures keep at least 100 px, so the grid pages instead of scrolling.
    scrolls = False
    chosen = Signal(str)  # trouble id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.troubles: list[Trouble] = []
        self.pictures = Path()
        self._page = 0
        self._columns, self._rows = GRID["standard"]
        self._size: TextSize = "standard"
        self._big = False
        self.question = PhraseLabel()
        self.question.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setSpacing(20)
        self.tiles: list[TroubleTile] = []
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setProperty("role", "primary")
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_button.clicked.connect(lambda: self._turn(-1))
        self.next_button.clicked.connect(lambda: self._turn(1))
        pages = QHBoxLayout()
        pages.addWidget(self.previous_button)
        pages.addWidget(self.page_label, 1)
        pages.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 8, 48, 16)
        layout.setSpacing(16)
        layout.addWidget(self.question)
        layout.addLayout(self.grid, 1)
        layout.addLayout(pages)
        self._build_tiles()
        self.retranslate()

    def retranslate(self) -> None:
        self.question.setText(self.tr("こまって いる ことに 近い ものを 押して ください。"))
        previous, following = page_button_texts()
        self.previous_button.setText(previous)
        self.next_button.setText(following)
        self._fill()

    def screen_title(self) -> str:
        return self.tr("こまったことから さがす")

    def speech_text(self) -> str:
        return "。".join([self.question.text(), *(t.label.text() for t in self.tiles if t.isVisibleTo(self))])

    def show_troubles(self, troubles: list[Trouble], pictures: Path) -> None:
        self.troubles, self.pictures = troubles, pictures
        self._page = min(self._page, self.page_count - 1)
        self._fill()

    def set_text_size(self, size: TextSize) -> None:
        self._size = size
        self._big = size == "xlarge"
        for tile in self.tiles:
            tile.set_big_text(self._big)
        self._page = 0
        self._fit_grid()
        self._fill()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_grid()

    def _fit_grid(self) -> None:
        """The size's grid, with fewer rows where the panel is short (1366×768, 1280×800): tiles
        keep their picture and whole words, and the grid pages instead."""
        columns, rows = GRID[self._size]
        if self.height() > 0:
            tile = self.tiles[0]
            words = tile.label.fontMetrics().lineSpacing() * 2  # a title may take two lines
            tallest = tile.picture.minimumHeight() + words + TILE_FRAME_PX
            room = self.height() - self.question.sizeHint().height() - self.next_button.sizeHint().height()
            rows = max(1, min(rows, room // (tallest + self.grid.verticalSpacing())))
        if (columns, rows) != (self._columns, self._rows):
            self._columns, self._rows = columns, rows
            self._page = min(self._page, self.page_count - 1)
            self._place_tiles()
            self._fill()

    @property
    def per_page(self) -> int:
        return self._columns * self._rows

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self.troubles) // self.per_page))

    def clear(self) -> None:
        self.troubles, self._page = [], 0  # shown again, in the next person's language, when opened
        self._fill()

    def _build_tiles(self) -> None:
        """Tiles are made once, enough for the biggest page, and only re-placed after."""
        for place in range(max(columns * rows for columns, rows in GRID.values())):
            tile = TroubleTile()
            tile.clicked.connect(lambda _=False, p=place: self._choose(p))
            self.tiles.append(tile)
        self._place_tiles()

    def _place_tiles(self) -> None:
        for tile in self.tiles:
            self.grid.removeWidget(tile)
        for place, tile in enumerate(self.tiles[: self.per_page]):
            self.grid.addWidget(tile, place // self._columns, place % self._columns)

    def _fill(self) -> None:
        start = self._page * self.per_page
        shown = self.troubles[start : start + self.per_page]
        for place, tile in enumerate(self.tiles):
            if place < len(shown):  # shown holds one page at most
                trouble = shown[place]
                tile.show_trouble(trouble.title, self.pictures / trouble.picture)
                tile.setVisible(True)
            else:
                tile.setVisible(False)
        many = self.page_count > 1
        self.previous_button.setVisible(many)
        self.next_button.setVisible(many)
        self.previous_button.setEnabled(self._page > 0)
        self.next_button.setEnabled(self._page + 1 < self.page_count)
        self.page_label.setText(
            self.tr("{0} / {1} ページ").format(self._page + 1, self.page_count) if many else ""
        )

    def _turn(self, delta: int) -> None:
        self._page = min(max(0, self._page + delta), self.page_count - 1)
        self._fill()

    def _choose(self, place: int) -> None:
        index = self._page * self.per_page + place
        if 0 <= index < len(self.troubles):
            self.chosen.emit(self.troubles[index].id)
