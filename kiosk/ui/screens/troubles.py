"""「こまったことから さがす」: everyday troubles as picture tiles, a page at a time.

Where a page cannot hold one row of tiles and the page buttons at the chosen text size
(特大 on a 1366×768 or 1280×800 panel), the troubles become one list of wide buttons —
picture left, words right — that scrolls with the big ▲/▼ buttons instead of paging.

A tile is one real button (picture and words inside ignore the mouse). The window
opens the trouble's card, which always leads on: a lesson step, an official page's
QR, or 係員を呼ぶ.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.library import LessonLibrary
from kiosk.content.troubles import Trouble
from kiosk.settings import TextSize
from kiosk.ui.screens.base import Screen
from kiosk.ui.texts import page_button_texts
from kiosk.ui.widgets.big_button import LaidOutButton
from kiosk.ui.widgets.button_text import ButtonText
from kiosk.ui.widgets.fitting import set_role
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.phrase_label import PhraseLabel
from kiosk.ui.widgets.picture import PictureView
from kiosk.ui.widgets.scroll_page import ScrollPage

# Tiles a page: columns × rows by text size (a tile stays big enough to read and touch).
ROW_PICTURE_PX = 160  # a picture beside its words, in the list
FEWEST_A_PAGE = 4  # fewer tiles than this a page (特大 in English): one scrolling list reads easier
SIDE_PX = 48  # the screen's margin left and right
MIN_GAP_PX = 12  # between the page buttons and the page number
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
        self.label = ButtonText()  # wraps between phrases; readings over kanji when furigana is on
        self.label.setProperty("role", "title")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._in_row = False
        self._big = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(4)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.label)
        for child in (self.picture, self.label):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # A push button keeps its hint's height (a fixed vertical policy): the grid's rows then
        # could not grow, and a title needing a third line would be cut while the room went
        # to the question above. Tiles share the page; the picture takes what is left.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The words keep the height they need at this width; the picture takes what is left.
        super().resizeEvent(event)
        layout = self.layout()
        if layout is not None and self.label.hasHeightForWidth():
            margins, edge = layout.contentsMargins(), self.contentsMargins()
            inner = event.size().width() - margins.left() - margins.right() - edge.left() - edge.right()
            if self._in_row:
                inner -= ROW_PICTURE_PX + layout.spacing()
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
        self._big = on
        set_role(self.label, None if on else "title")
        if not self._in_row:
            self.picture.setMinimumSize(self.grid_picture_px(), self.grid_picture_px())
        layout = self.layout()
        if layout is not None:
            layout.invalidate()  # its height-for-width was cached for the old size of the words

    def grid_picture_px(self) -> int:
        """The least a picture keeps in a tile of the grid (less at 特大, whose words take more)."""
        return 100 if self._big else 120

    def set_in_row(self, on: bool) -> None:
        """A wide button of the list: the picture at its smallest on the left, words beside it."""
        self._in_row = on
        layout = self.layout()
        if isinstance(layout, QBoxLayout):
            direction = QBoxLayout.Direction.LeftToRight if on else QBoxLayout.Direction.TopToBottom
            layout.setDirection(direction)
            layout.setSpacing(24 if on else 4)
            layout.setStretch(0, 0 if on else 1)
            layout.setStretch(1, 1 if on else 0)
        if on:
            self.picture.setFixedSize(ROW_PICTURE_PX, ROW_PICTURE_PX)
        else:
            self.picture.setMaximumSize(16_777_215, 16_777_215)
            self.picture.setMinimumSize(self.grid_picture_px(), self.grid_picture_px())
        vertical = QSizePolicy.Policy.Fixed if on else QSizePolicy.Policy.Ignored
        self.picture.setSizePolicy(QSizePolicy.Policy.Fixed if on else QSizePolicy.Policy.Expanding, vertical)
        self.label.setAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter if on else Qt.AlignmentFlag.AlignCenter
        )
        self.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum if on else QSizePolicy.Policy.Expanding
        )
        if layout is not None:
            layout.invalidate()

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
        self._listed = False  # one scrolling list of wide buttons instead of pages of tiles
        self.question = PhraseLabel()
        self.question.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setSpacing(20)
        tiles = QWidget()
        self._scrolled = QVBoxLayout(tiles)  # a list scrolls with the question above it
        self._scrolled.setContentsMargins(0, 0, 0, 0)
        self._scrolled.setSpacing(16)
        self._scrolled.addLayout(self.grid, 1)
        self.body = ScrollPage(tiles)  # scrolls only as a list; a page of tiles fits its room
        self.tiles: list[TroubleTile] = []
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setProperty("role", "primary")
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_button.clicked.connect(lambda: self._turn(-1))
        self.next_button.clicked.connect(lambda: self._turn(1))
        pages = FlowLayout(fill=True)  # 次の ページ wraps below where the words do not fit
        pages.addWidget(self.previous_button)
        pages.addWidget(self.page_label)
        pages.addWidget(self.next_button)
        pages.setStretchFactor(self.previous_button, 0)
        pages.setStretchFactor(self.next_button, 0)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(SIDE_PX, 8, SIDE_PX, 16)
        layout.setSpacing(16)
        layout.addWidget(self.question)
        layout.addWidget(self.body, 1)
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
        self._place_tiles()  # a list holds every trouble
        self._fill()

    def show_in_language(self, library: LessonLibrary) -> None:
        if self.troubles:
            self.show_troubles(library.troubles, library.pictures_dir)

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
        listed = False
        if self.height() > 0:
            tile = self.tiles[0]
            words = tile.label.fontMetrics().lineSpacing() * 2  # a title may take two lines
            tallest = tile.grid_picture_px() + words + TILE_FRAME_PX
            room = self.height() - self.question.sizeHint().height() - self.next_button.sizeHint().height()
            fit = room // (tallest + self.grid.verticalSpacing())
            number = self.page_label.fontMetrics().horizontalAdvance(self._page_words(88, 88))
            pager = self.previous_button.sizeHint().width() + number + self.next_button.sizeHint().width()
            rows = max(1, min(rows, fit))
            listed = (
                fit < 1
                or columns * rows < FEWEST_A_PAGE
                or pager + 2 * MIN_GAP_PX > self.width() - 2 * SIDE_PX
            )
        if listed:
            columns, rows = 1, 0
        if (columns, rows, listed) != (self._columns, self._rows, self._listed):
            self._columns, self._rows, self._listed = columns, rows, listed
            for tile in self.tiles:
                tile.set_in_row(listed)
            self._move_question(into_list=listed)
            self._page = 0 if listed else min(self._page, self.page_count - 1)
            self._place_tiles()
            self._fill()
            self.body.to_top()

    def _move_question(self, *, into_list: bool) -> None:
        """In a list the question scrolls away with it, so that the list has the whole screen
        (on a 1280×800 tablet at 特大 two lines of question left ▲/▼ no room)."""
        self._layout.removeWidget(self.question)
        self._scrolled.removeWidget(self.question)
        if into_list:
            self._scrolled.insertWidget(0, self.question)
        else:
            self._layout.insertWidget(0, self.question)

    @property
    def per_page(self) -> int:
        if self._listed:
            return max(1, len(self.troubles))
        return self._columns * self._rows

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self.troubles) // self.per_page))

    def clear(self) -> None:
        self.troubles, self._page = [], 0  # shown again, in the next person's language, when opened
        self._fill()

    def _build_tiles(self) -> None:
        """Tiles are made for the biggest page, and only re-placed after (a list adds more)."""
        for _ in range(max(columns * rows for columns, rows in GRID.values())):
            self._add_tile()
        self._place_tiles()

    def _add_tile(self) -> None:
        place = len(self.tiles)
        tile = TroubleTile()
        tile.clicked.connect(lambda _=False, p=place: self._choose(p))
        tile.set_big_text(self._big)
        tile.set_in_row(self._listed)
        self.tiles.append(tile)

    def _place_tiles(self) -> None:
        while len(self.tiles) < self.per_page:  # a list may hold more than the biggest page
            self._add_tile()
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
        for part in (self.previous_button, self.page_label, self.next_button):
            part.setVisible(many)
        self.previous_button.setEnabled(self._page > 0)
        self.next_button.setEnabled(self._page + 1 < self.page_count)
        self.page_label.setText(self._page_words(self._page + 1, self.page_count) if many else "")

    def _page_words(self, page: int, count: int) -> str:
        return self.tr("{0} / {1} ページ").format(page, count)

    def _turn(self, delta: int) -> None:
        self._page = min(max(0, self._page + delta), self.page_count - 1)
        self._fill()
        self.body.to_top()

    def _choose(self, place: int) -> None:
        index = self._page * self.per_page + place
        if 0 <= index < len(self.troubles):
            self.chosen.emit(self.troubles[index].id)
