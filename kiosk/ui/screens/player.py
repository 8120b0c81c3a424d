"""Lesson player: one instruction and its picture per step, 戻る / わからない / 次へ."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.lessons import Device, Lesson, Step
from kiosk.content.library import LessonLibrary
from kiosk.content.markup import plain
from kiosk.settings import TextSize
from kiosk.ui.retranslate import Retranslating
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.page_stack import CurrentPageStack
from kiosk.ui.widgets.phrase_label import PhraseLabel
from kiosk.ui.widgets.picture import PictureView
from kiosk.ui.widgets.ruby_text import RubyText


class HelpCard(Retranslating):
    """What 「わからない」 opens: the step explained another way, and a way to a person."""

    staff_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._heading = heading = PhraseLabel()
        heading.setProperty("role", "title")
        heading.setWordWrap(True)
        self.text = RubyText()
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.staff_button = QPushButton()
        self.staff_button.setProperty("role", "alert")
        self.close_button = QPushButton()
        self.close_button.setProperty("role", "primary")
        self.staff_button.clicked.connect(self.staff_requested)
        self.close_button.clicked.connect(self.closed)
        buttons = FlowLayout(fill=True)  # one row, or two where the words do not fit
        buttons.addWidget(self.staff_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(20)
        layout.addWidget(heading)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self._heading.setText(self.tr("だいじょうぶです。"))
        self.staff_button.setText(self.tr("係員を呼ぶ"))
        self.close_button.setText(self.tr("わかりました"))


MAX_WORDS = 3  # word buttons under a step (the first ones in the text)


class PlayerScreen(Screen):
    show_back = False  # the footer's 戻る steps back; one 戻る on screen is enough
    show_home = True
    # A step fits by giving the picture less room (its words keep their size); only a step
    # too long for that (the checker's longest, furigana at 特大, a small panel) scrolls.

    step_shown = Signal(str, int)
    dont_understand = Signal(str, int)
    finished = Signal(str)
    left_at_start = Signal()
    staff_requested = Signal()
    device_chosen = Signal(str)
    word_requested = Signal(str)  # a glossary word in the step: open its meaning

    def __init__(self, library: LessonLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.lesson: Lesson | None = None
        self.index = 0
        self.device: Device | None = None
        self._help_fills_screen = False

        self.progress = QLabel()
        self.progress.setProperty("role", "progress")
        self.device_row = QWidget()
        device_layout = FlowLayout(self.device_row)  # wraps at 特大 in English, on a tablet
        self._device_label = QLabel()
        device_layout.addWidget(self._device_label)
        self.device_buttons: dict[Device, QPushButton] = {}
        self._device_group = group = QButtonGroup(self)
        for device in Device:
            button = QPushButton()
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, d=device: self._choose_device(d))
            group.addButton(button)
            device_layout.addWidget(button)
            self.device_buttons[device] = button
        # The phone buttons, and 「手順 3 / 8」 at the right (below them when the row is full).
        header = FlowLayout(last_at_end=True)
        header.addWidget(self.device_row)
        header.addWidget(self.progress)

        self.picture = PictureView()
        # The picture takes the room the words leave and asks for none (its drawing is 600×800).
        # Asked for, that height became the row's least when the page is laid out for its width,
        # above what the page is sized by: a short panel squeezed the phone buttons' row to make
        # up for it, and 「手順 2 / 7」 under them was cut.
        self.picture.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.instruction = RubyText(role="instruction")
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.instruction.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.help_card = HelpCard()
        # Supporter mode: the step's tip for the volunteer beside the citizen.
        self.tip = RubyText(role="tip")  # for the volunteer: stays at the standard size
        self.tip.setObjectName("Card")
        self.tip.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.tip.setContentsMargins(24, 6, 24, 6)
        self.tip.hide()
        self.supporter = False
        self.step_page = QWidget()
        step_layout = QVBoxLayout(self.step_page)
        step_layout.setContentsMargins(0, 0, 0, 0)
        step_layout.setSpacing(8)
        step_layout.addWidget(self.instruction, 1)
        # Words of the step that stop people (アプリ, Wi-Fi …): one big button each, for their meaning.
        self.word_row = QWidget()
        self._word_layout = FlowLayout(self.word_row, spacing=16)
        self.word_buttons: list[BigButton] = []
        for _ in range(MAX_WORDS):
            # Wraps: 「マイナポータル」って なに？ at 特大 is wider than a small panel's text column.
            button = BigButton(centred=True, title_role=None)
            button.clicked.connect(lambda _=False, b=button: self.word_requested.emit(b.property("word")))
            self._word_layout.addWidget(button)
            self.word_buttons.append(button)
        step_layout.addWidget(self.word_row)
        step_layout.addWidget(self.tip)
        self.text_side = CurrentPageStack()
        self.text_side.addWidget(self.step_page)
        self.text_side.addWidget(self.help_card)
        body = QHBoxLayout()
        body.setSpacing(40)
        body.addWidget(self.picture, 2)
        body.addWidget(self.text_side, 3)

        self.back_button = QPushButton()
        self.help_button = QPushButton()
        self.help_button.setProperty("role", "help")
        self.next_button = QPushButton()
        self.next_button.setProperty("role", "primary")
        # Side by side, 次へ the widest; where their words do not fit (特大 on a small panel)
        # the buttons wrap onto a second row instead of being cut.
        footer = FlowLayout(spacing=32, fill=True)
        for button in (self.back_button, self.help_button, self.next_button):
            footer.addWidget(button)
        footer.setStretchFactor(self.next_button, 2)

        self.header = QWidget()
        self.header.setLayout(header)
        self.footer = QWidget()
        self.footer.setLayout(footer)
        self._hidden_by_big_help: tuple[QWidget, ...] = (self.picture, self.header, self.footer)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 8, 48, 24)
        layout.setSpacing(20)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        layout.addWidget(self.footer)

        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.help_button.clicked.connect(self.show_help)
        self.help_card.closed.connect(self.hide_help)
        self.help_card.staff_requested.connect(self.staff_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self._device_label.setText(self.tr("お使いのスマホ"))
        self.device_buttons[Device.IPHONE].setText(self.tr("iPhone"))
        self.device_buttons[Device.IPHONE].setAccessibleName(self.tr("アイフォーン"))
        self.device_buttons[Device.ANDROID].setText(self.tr("Android"))
        self.device_buttons[Device.ANDROID].setAccessibleName(self.tr("アンドロイド"))
        self.device_buttons[Device.RAKU].setText(self.tr("らくらくスマホ"))
        self.device_buttons[Device.RAKU].setAccessibleName(self.tr("らくらくスマートフォン"))
        self.back_button.setText(self.tr("◀ 戻る"))
        self.help_button.setText(self.tr("わからない"))
        self._show_step_texts()

    def screen_title(self) -> str:
        return self.lesson.title if self.lesson else ""

    def start(self, lesson: Lesson, step: int = 0) -> None:
        self.lesson = lesson
        self.index = min(max(0, step), len(lesson.steps) - 1)
        self._show()

    def show_in_language(self, library: LessonLibrary) -> None:
        """The same lesson and step, in another language (no new step is recorded); help stays open."""
        self.library = library
        if self.lesson is None:
            return
        helping = self.text_side.currentWidget() is self.help_card
        self.lesson = library.get(self.lesson.id) or self.lesson
        self._show(announce=False)
        step = self.current_step()
        if helping and step is not None:
            self.help_card.text.setText(step.help)
            self.text_side.setCurrentWidget(self.help_card)
            for part in self._hidden_by_big_help:
                part.setVisible(not self._help_fills_screen)

    def step_text(self) -> str:
        """The current step's instruction as written (with its reading marks)."""
        return self.instruction.source()

    def speech_text(self) -> str:
        if self.text_side.currentWidget() is self.help_card:
            return self.tr("だいじょうぶです。") + self.help_card.text.source()
        return self.instruction.source()

    def current_step(self) -> Step | None:
        if self.lesson is None:
            return None
        return self.lesson.steps[self.index].for_device(self.device)

    def go_next(self) -> None:
        if self.lesson is None:
            return
        if self.index + 1 >= len(self.lesson.steps):
            self.finished.emit(self.lesson.id)
            return
        self.index += 1
        self._show()

    def go_back(self) -> None:
        if self.lesson is None or self.index == 0:
            self.left_at_start.emit()
            return
        self.index -= 1
        self._show()

    def show_help(self) -> None:
        step = self.current_step()
        if step is None or self.lesson is None:
            return
        self.help_card.text.setText(step.help)
        self.text_side.setCurrentWidget(self.help_card)
        # At 特大 the help takes the whole screen; all comes back with 「わかりました」.
        for part in self._hidden_by_big_help:
            part.setVisible(not self._help_fills_screen)
        self.dont_understand.emit(self.lesson.id, self.index + 1)

    def hide_help(self) -> None:
        self.text_side.setCurrentWidget(self.step_page)
        for part in self._hidden_by_big_help:
            part.setVisible(True)
        if self.lesson is not None:
            self._show_device_row(self.lesson)

    def set_supporter(self, on: bool) -> None:
        """Show the supporter tips (supporter and staff mode only)."""
        self.supporter = on
        # The helper bar and the tip need room: a little less air between the parts.
        self._layout.setSpacing(8 if on else 20)
        self._layout.setContentsMargins(48, 0, 48, 8 if on else 24)
        self._show(announce=False)

    def _show_device_row(self, lesson: Lesson) -> None:
        """The phone buttons of a lesson that differs by phone; らくらく only where it has its own steps."""
        self.device_row.setVisible(lesson.has_variants)
        raku = any(Device.RAKU in step.variants for step in lesson.steps)
        self.device_buttons[Device.RAKU].setVisible(raku)

    def set_text_size(self, size: TextSize) -> None:
        # From 大 up, a long help text with furigana needs the whole screen.
        self._help_fills_screen = size != "standard"
        # At 特大 the phone buttons speak for themselves: 「お使いのスマホ」 gives them its room.
        self._device_label.setVisible(size != "xlarge")

    def clear(self) -> None:
        self.lesson, self.index, self.device = None, 0, None
        self._device_group.setExclusive(False)
        for button in self.device_buttons.values():
            button.setChecked(False)
        self._device_group.setExclusive(True)
        self.instruction.clear()
        self.help_card.text.clear()
        self.progress.clear()
        self.picture.show_file(None)
        self.word_row.hide()
        self.tip.clear()
        self.tip.hide()
        self.hide_help()

    def choose_device(self, device: Device) -> None:
        """The person's phone, chosen on the 「わたしのスマホ」 card: its steps from now on."""
        self.device_buttons[device].setChecked(True)
        self._choose_device(device)

    def _choose_device(self, device: Device) -> None:
        self.device = device
        self.device_chosen.emit(device.value)
        self._show(announce=False)

    def _show_step_texts(self) -> None:
        """The words around the current step: where it is in the lesson, the tip, 次へ or おわる."""
        step = self.current_step()
        if step is None or self.lesson is None:
            self.next_button.setText(self.tr("次へ ▶"))
            return
        total = len(self.lesson.steps)
        self.progress.setText(self.tr("手順 {0} / {1}").format(self.index + 1, total))
        self.progress.setAccessibleName(self.tr("{1} のうち {0} 番目の手順").format(self.index + 1, total))
        self.tip.setText(self.tr("サポーターの コツ: {0}").format(step.tip) if step.tip else "")
        self._show_words(step)
        last = self.index + 1 == total
        self.next_button.setText(self.tr("おわる ▶") if last else self.tr("次へ ▶"))

    def _show_words(self, step: Step) -> None:
        words = self.library.glossary.find_words(plain(step.text))[:MAX_WORDS]
        for button, word in zip(self.word_buttons, [*words, *[None] * MAX_WORDS], strict=False):
            button.setVisible(word is not None)
            if word is not None:
                button.setProperty("word", word.word)
                button.set_texts(self.tr("「{0}」とは？").format(word.shown))
                button.setAccessibleName(self.tr("{0} の 意味").format(word.shown))
        self.word_row.setVisible(bool(words))

    def _show(self, *, announce: bool = True) -> None:
        step = self.current_step()
        if step is None or self.lesson is None:
            return
        self.hide_help()
        self._show_device_row(self.lesson)
        self.instruction.setText(step.text)
        self._show_step_texts()
        self.tip.setVisible(self.supporter and bool(step.tip))
        self.picture.show_file(self.library.picture_path(step.picture))
        if announce:
            self.step_shown.emit(self.lesson.id, self.index + 1)
