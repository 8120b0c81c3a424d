"""Lessons of one category, a few per page (paging is easier than scrolling for a first-time user)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.content.lessons import Category, Lesson
from kiosk.content.library import LessonLibrary
from kiosk.content.markup import plain
from kiosk.settings import TextSize
from kiosk.ui.screens.base import Screen
from kiosk.ui.texts import category_texts, page_button_texts
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.phrase_label import PhraseLabel
from kiosk.ui.widgets.ruby_text import RubyText

# Lessons a page at each size; a page taller than the room scrolls (its texts never shrink).
PER_PAGE: dict[TextSize, int] = {"standard": 4, "large": 4, "xlarge": 3}


class LessonListScreen(Screen):
    lesson_chosen = Signal(str)
    card_check_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category: Category | None = None
        self._lessons: list[Lesson] = []
        self._page = 0
        self._per_page = PER_PAGE["standard"]

        self.heading = PhraseLabel()
        self.heading.setWordWrap(True)
        # 「カードを かざして 調べる」 above the My Number lessons, where a reader is set up.
        self._card_category: Category | None = None
        self.card_button = BigButton(centred=True, title_role=None)  # wraps where the row is narrow
        self.card_button.clicked.connect(self.card_check_requested)
        self.card_button.hide()
        self.empty_note = RubyText()
        self.slots = [BigButton() for _ in range(max(PER_PAGE.values()))]
        self.prev_button = QPushButton()
        self.next_button = QPushButton()
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prev_button.clicked.connect(lambda: self._turn(-1))
        self.next_button.clicked.connect(lambda: self._turn(+1))

        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 8, 48, 24)
        layout.setSpacing(20)
        # The card check beside the heading (under it where the row is short): the lessons
        # and the pager keep their room.
        top = FlowLayout()
        top.setSpacing(24)
        top.addWidget(self.heading)
        top.addWidget(self.card_button)
        layout.addLayout(top)
        layout.addWidget(self.empty_note)
        for slot in self.slots:
            slot.clicked.connect(lambda _=False, s=slot: self._choose(s))
            layout.addWidget(slot)
        layout.addStretch(1)
        pager = FlowLayout(fill=True)  # 次の ページ wraps below where the words do not fit
        pager.addWidget(self.prev_button)
        pager.addWidget(self.page_label)
        pager.addWidget(self.next_button)
        pager.setStretchFactor(self.prev_button, 0)
        pager.setStretchFactor(self.next_button, 0)
        layout.addLayout(pager)
        self.retranslate()

    def retranslate(self) -> None:
        self.empty_note.setText(self.tr("ここには まだ レッスンが ありません。係員に お声がけ ください。"))
        self.card_button.set_texts(self.tr("カードを 読み取り機に のせて、期限と 暗証番号を 調べる"))
        previous, following = page_button_texts()
        self.prev_button.setText(previous)
        self.next_button.setText(following)
        if self._lessons:
            self.heading.setText(self.tr("レッスンを えらんで ください。"))

    def screen_title(self) -> str:
        return category_texts(self.category)[0] if self.category else ""

    def speech_text(self) -> str:
        if not self._lessons:
            return self.empty_note.text()
        start = self._page * self._per_page
        titles = [
            lesson.title for lesson in self._lessons[start : start + self._per_page]
        ]  # with reading marks
        return "。".join([self.screen_title(), self.heading.text(), *titles])

    @property
    def lessons(self) -> list[Lesson]:
        """Every lesson of the category shown, over all its pages."""
        return list(self._lessons)

    def show_category(self, category: Category, lessons: list[Lesson]) -> None:
        self.category = category
        self._lessons = lessons
        self._page = 0
        self._fill()

    def show_in_language(self, library: LessonLibrary) -> None:
        """The same category and page, in the language just chosen."""
        if self.category is not None:
            self._lessons = library.in_category(self.category)
            self._fill()

    def offer_card_check(self, category: Category | None) -> None:
        """Lessons of `category` (None: none) offer the card check above them."""
        self._card_category = category
        self._fill()

    def set_text_size(self, size: TextSize) -> None:
        self._per_page = PER_PAGE[size]
        self._page = 0
        self._fill()

    def clear(self) -> None:
        self.category, self._lessons, self._page = None, [], 0
        self._fill()

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self._lessons) // self._per_page))

    def _turn(self, delta: int) -> None:
        self._page = min(max(0, self._page + delta), self.page_count - 1)
        self._fill()

    def _choose(self, slot: BigButton) -> None:
        lesson_id = slot.property("lesson_id")
        if lesson_id:
            self.lesson_chosen.emit(lesson_id)

    def _fill(self) -> None:
        start = self._page * self._per_page
        shown = self._lessons[start : start + self._per_page]
        for index, slot in enumerate(self.slots):
            lesson = shown[index] if index < len(shown) else None
            slot.setVisible(lesson is not None)
            slot.setProperty("lesson_id", lesson.id if lesson else None)
            if lesson:
                slot.set_texts(plain(lesson.title), plain(lesson.summary))
        self.heading.setText(self.tr("レッスンを えらんで ください。") if self._lessons else "")
        self.heading.setVisible(bool(self._lessons))
        self.card_button.setVisible(self.category is not None and self.category == self._card_category)
        self.empty_note.setVisible(not self._lessons)
        paged = self.page_count > 1
        for widget in (self.prev_button, self.next_button, self.page_label):
            widget.setVisible(paged)
        self.prev_button.setEnabled(self._page > 0)
        self.next_button.setEnabled(self._page < self.page_count - 1)
        self.page_label.setText(f"{self._page + 1} / {self.page_count}")
