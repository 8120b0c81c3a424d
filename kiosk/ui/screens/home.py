"""Home / attract screen: what this is, one huge way in, text size and colours."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.settings import TextSize, ThemeName
from kiosk.ui.screens.base import Screen
from kiosk.ui.theme import TEXT_SIZES
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.fitting import set_role
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.phrase_label import PhraseLabel
from kiosk.ui.widgets.ruby_text import RubyText

Placing = Literal["row", "pairs", "stacked"]


class HomeScreen(Screen):
    show_back = False
    show_home = False
    # The first screen fits whole on every panel (second lines give way, see _fit): a
    # person who has never used the kiosk should not have to find a scroll button first.
    scrolls = True

    start_requested = Signal()
    resume_requested = Signal()
    practice_requested = Signal()
    troubles_requested = Signal()
    card_check_requested = Signal()
    furigana_chosen = Signal(bool)
    slow_chosen = Signal(bool)
    text_size_chosen = Signal(str)
    theme_chosen = Signal(str)
    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.welcome = welcome = PhraseLabel()
        welcome.setProperty("role", "hero")
        welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        welcome.setWordWrap(True)
        # Each language in its own words, always: a person finds their language whatever is shown.
        self._languages = FlowLayout(centred=True)  # wraps on a narrow panel at 特大
        self.language_buttons: dict[str, QPushButton] = {}
        self._language_group = QButtonGroup(self)
        self._intro = intro = RubyText("")
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = BigButton("", centred=True)
        self.start_button.setProperty("emphasis", "hero")
        self.start_button.setProperty("role", "primary")
        self.start_button.clicked.connect(self.start_requested)
        self.resume_button = BigButton("", centred=True)
        self.resume_button.clicked.connect(self.resume_requested)
        # Other ways in, under the big one (finding by trouble and practice will join).
        self._entries = entries = QGridLayout()
        entries.setHorizontalSpacing(32)
        entries.setVerticalSpacing(16)
        self.troubles_button = BigButton("", centred=True)
        self.troubles_button.clicked.connect(self.troubles_requested)
        self.practice_button = BigButton("", centred=True)
        self.practice_button.clicked.connect(self.practice_requested)
        # 「カードを かざして 調べる」: only where a card reader is set up (show_card_check).
        self.card_button = BigButton("", centred=True)
        self.card_button.clicked.connect(self.card_check_requested)
        self.card_button.hide()
        self._entries_placed: Placing | None = None
        self._place_entries("row")

        self._size_label = QLabel()
        self.size_buttons: dict[TextSize, QPushButton] = {}
        size_group = QButtonGroup(self)
        for size in TEXT_SIZES:
            button = QPushButton()
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, s=size: self.text_size_chosen.emit(s))
            size_group.addButton(button)
            self.size_buttons[size] = button
        self.contrast_button = QPushButton()
        self.contrast_button.setCheckable(True)
        self.contrast_button.clicked.connect(self._toggle_theme)
        self.furigana_button = QPushButton()
        self.furigana_button.setCheckable(True)
        self.furigana_button.clicked.connect(self.furigana_chosen)
        self.slow_button = QPushButton()
        self.slow_button.setCheckable(True)
        self.slow_button.clicked.connect(self.slow_chosen)
        self._toggles = [self.contrast_button, self.furigana_button, self.slow_button]
        self._settings_rows = QGridLayout()
        self._settings_rows.setHorizontalSpacing(24)
        self._settings_rows.setVerticalSpacing(16)
        self._settings_layouts: list[QLayout] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 8, 48, 16)
        layout.setSpacing(12)
        # The room's name with the languages under it; side by side where height is short.
        self._head = QGridLayout()
        self._head.setHorizontalSpacing(24)
        self._head.setVerticalSpacing(12)
        self._head.addWidget(welcome, 0, 0)
        self._head.setColumnStretch(1, 1)  # side by side, the name keeps its one line
        self._head.addLayout(self._languages, 1, 0)
        self._head_side_by_side = False
        layout.addLayout(self._head)
        layout.addWidget(intro)
        layout.addWidget(self.start_button, 1)
        layout.addLayout(entries)
        layout.addLayout(self._settings_rows)
        self._text_size: TextSize = "standard"
        self._rows = 1
        self._arrange(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.welcome.setText(self.tr("デジタル何でも相談室"))
        self._intro.setText(
            self.tr("スマホの使い方や、マイナンバーカードの手続きを、ひとつずつ ごあんないします。")
        )
        self.start_button.set_texts(
            self.tr("画面に さわって ください"), self.tr("ここを 指で かるく おすと はじまります")
        )
        self.resume_button.set_texts(self.tr("つづきから"), self.tr("紙の 番号で 前の 続きを 見る"))
        self.practice_button.set_texts(self.tr("練習する"), self.tr("タップや 文字の 入力を ためす"))
        self.troubles_button.set_texts(
            self.tr("こまったことから さがす"), self.tr("こまりごとを 絵で えらぶ")
        )
        self.card_button.set_texts(
            self.tr("カードを かざして 調べる"), self.tr("電子証明書の 期限と 暗証番号")
        )
        self._size_label.setText(self.tr("文字の大きさ"))
        names = {"standard": self.tr("標準"), "large": self.tr("大"), "xlarge": self.tr("特大")}
        for size, button in self.size_buttons.items():
            button.setText(names[size])
            button.setAccessibleName(self.tr("文字の大きさ: {0}").format(names[size]))
        self.contrast_button.setText(self.tr("見やすい色"))
        self.contrast_button.setAccessibleName(self.tr("見やすい色: 黒地に 黄色い文字"))
        self.furigana_button.setText(self.tr("ふりがな"))
        self.furigana_button.setAccessibleName(self.tr("漢字に ふりがなを つける"))
        self.slow_button.setText(self.tr("ゆっくり よむ"))
        self.slow_button.setAccessibleName(self.tr("よみあげを ゆっくりに する"))
        for button in self.language_buttons.values():
            button.setAccessibleName(self.tr("ことば: {0}").format(button.text()))
        self._fit()  # new words may be longer: second lines give way again where needed

    def set_languages(self, languages: list[tuple[str, str]], current: str) -> None:
        """The language buttons: (code, the language's own name), in order; `current` is checked."""
        if [(code, button.text()) for code, button in self.language_buttons.items()] == languages:
            self.show_language(current)  # the same buttons again: nothing to build (nor to flicker)
            return
        for button in self.language_buttons.values():
            self._language_group.removeButton(button)
            self._languages.removeWidget(button)
            button.deleteLater()
        self.language_buttons.clear()
        while self._languages.count():
            self._languages.takeAt(0)
        if len(languages) < 2:
            return
        for code, name in languages:
            button = QPushButton(name)
            button.setCheckable(True)
            button.setProperty("lang", code)
            button.setAccessibleName(self.tr("ことば: {0}").format(name))
            button.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            self._language_group.addButton(button)
            self._languages.addWidget(button)
            self.language_buttons[code] = button
        self.show_language(current)

    def show_language(self, language: str) -> None:
        button = self.language_buttons.get(language)
        if button is not None:
            button.setChecked(True)

    def speech_text(self) -> str:
        return "。".join((self.welcome.text(), self._intro.text(), self.start_button.title()))

    def _shown_entries(self) -> list[BigButton]:
        entries = [self.troubles_button, self.practice_button, self.resume_button]
        return [*entries, self.card_button] if not self.card_button.isHidden() else entries

    def show_card_check(self, on: bool) -> None:
        """The card check's way in: shown when a card reader is set up."""
        if on != (not self.card_button.isHidden()):
            self.card_button.setVisible(on)
            self._entries_placed = None  # placed again, with or without it
            self._fit()

    def _place_entries(self, placing: Placing) -> None:
        """The other ways in: side by side ("row"); two by two ("pairs", four of them where
        a row would break their titles); or ("stacked", at 特大 or where pairs do not fit)
        the first across the width, two under it, and the card check across the width under
        those — so that no title has to break inside its words."""
        if placing == self._entries_placed:
            return
        self._entries_placed = placing
        for button in (self.troubles_button, self.practice_button, self.resume_button, self.card_button):
            self._entries.removeWidget(button)
        buttons = self._shown_entries()
        if placing == "row":
            for column, button in enumerate(buttons):
                self._entries.addWidget(button, 0, column)
        elif placing == "pairs":
            for index, button in enumerate(buttons):
                self._entries.addWidget(button, *divmod(index, 2))
        else:
            self._entries.addWidget(self.troubles_button, 0, 0, 1, 2)
            self._entries.addWidget(self.practice_button, 1, 0)
            self._entries.addWidget(self.resume_button, 1, 1)
            if self.card_button in buttons:
                self._entries.addWidget(self.card_button, 2, 0, 1, 2)
        for column in range(4):
            self._entries.setColumnStretch(
                column, 1 if column < (len(buttons) if placing == "row" else 2) else 0
            )

    def _placing(self, room: int) -> Placing:
        """How the other ways in fit `room` (measured, as the settings row is)."""
        entries = self._shown_entries()
        spacing = max(0, self._entries.horizontalSpacing())
        if self._text_size == "xlarge":
            return "stacked"
        if len(entries) < 4:
            # At 特大 a title would break inside its words in a third of the row; so it would on
            # a small panel at 大 in English ("Practice").
            widths = sum(b.minimumSizeHint().width() for b in entries) + spacing * (len(entries) - 1)
            return "row" if widths <= room else "stacked"
        if sum(b.one_line_width() for b in entries) + spacing * 3 <= room:
            return "row"
        return "pairs" if 2 * max(b.one_line_width() for b in entries) + spacing <= room else "stacked"

    def _toggle_theme(self, checked: bool) -> None:
        self.theme_chosen.emit("high-contrast" if checked else "standard")

    def _arrange(self, rows: int) -> None:
        """Text size and the three switches: one row; two (the switches under the sizes); or,
        where the sizes' own row does not fit (特大 in English on a small panel), three — the
        words 「文字の大きさ」 on their own line above the size buttons. On a row of their own,
        buttons wrap as the languages do."""
        for old in self._settings_layouts:
            while old.takeAt(0) is not None:
                pass
            self._settings_rows.removeItem(old)
            old.deleteLater()
        self._settings_rows.removeWidget(self._size_label)
        sizes: QLayout = QHBoxLayout() if rows < 3 else FlowLayout()
        toggles: QLayout = QHBoxLayout() if rows == 1 else FlowLayout()
        for layout in (sizes, toggles):
            layout.setSpacing(24)
        if rows < 3:
            sizes.addWidget(self._size_label)
        else:
            self._settings_rows.addWidget(self._size_label, 0, 0)
        for button in self.size_buttons.values():
            sizes.addWidget(button)
        for button in self._toggles:
            toggles.addWidget(button)
        if isinstance(sizes, QHBoxLayout):
            sizes.addStretch(1)
        self._settings_rows.addLayout(sizes, 1 if rows == 3 else 0, 0)
        self._settings_rows.addLayout(toggles, *((0, 1) if rows == 1 else (rows - 1, 0)))
        self._settings_layouts = [sizes, toggles]

    def show_look(
        self, text_size: TextSize, theme: ThemeName, *, furigana: bool = False, slow: bool = False
    ) -> None:
        self.size_buttons[text_size].setChecked(True)
        self.furigana_button.setChecked(furigana)
        self.slow_button.setChecked(slow)
        self.contrast_button.setChecked(theme == "high-contrast")
        self._text_size = text_size
        self._fit()

    def show_furigana(self, on: bool) -> None:
        self.furigana_button.setChecked(on)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """At 特大, or on a panel smaller than 1920×1080, second lines give way to the buttons."""
        roomy = self._text_size != "xlarge" and self.height() >= 800
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        # The view the home scrolls in (it never scrolls sideways): the home itself grows to
        # the least width of what it holds, so its own width cannot say what fits.
        view = self.parentWidget() or self
        room = view.width() - (margins.left() + margins.right() if margins is not None else 0)

        # Measured, not guessed from the text size: what fits one row stays on one row.
        def needed(widgets: list[QWidget]) -> int:
            return sum(w.sizeHint().width() for w in widgets) + 24 * (len(widgets) - 1)

        sizes = [self._size_label, *self.size_buttons.values()]
        rows = 1 if needed([*sizes, *self._toggles]) + 24 <= room else 2 if needed(sizes) <= room else 3
        if rows != self._rows:
            self._rows = rows
            self._arrange(rows)
        for button in (self.start_button, *self._shown_entries()):
            button.show_description(roomy)
        # Still read aloud; the big button says what to do. From 大 up its room goes to the buttons.
        self._intro.setVisible(roomy and self._text_size == "standard")
        self._place_entries(self._placing(room))
        side_by_side = self.height() < 800  # a short panel (1366×768): one row for name and languages
        if self._head_side_by_side != side_by_side:
            self._head_side_by_side = side_by_side
            self._head.removeItem(self._languages)
            self._head.addLayout(self._languages, *((0, 1) if self._head_side_by_side else (1, 0)))
        # The room's name steps down to a heading, leaving the big button its size.
        set_role(self.welcome, "hero" if roomy else "title")
        # Beside the languages the name keeps its one line (a word-wrapped label would take half).
        one_line = self.welcome.fontMetrics().horizontalAdvance(self.welcome.text()) + 8
        self.welcome.setMinimumWidth(min(one_line, room // 2) if side_by_side else 0)
