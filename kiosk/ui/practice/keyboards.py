"""Typing practice: the smartphone kana keyboard (フリック入力) and a QWERTY ローマ字 keyboard.

Keys are real buttons. A flick is read from where the finger (or mouse) went
down and came up, so the keys work with touch (Qt turns an unhandled touch
into mouse events), a mouse, and screen readers (a plain click types the key).
"""

from __future__ import annotations

import jaconv
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QTouchEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.practice import flick
from kiosk.practice.exercises import WORDS, Exercise
from kiosk.practice.flick import Direction
from kiosk.practice.romaji import RomajiBuffer
from kiosk.settings import Settings
from kiosk.ui.practice.area import ExerciseArea

HINT_AT = {
    Direction.LEFT: Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    Direction.UP: Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter,
    Direction.RIGHT: Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    Direction.DOWN: Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter,
}
FLICK_PX = 30
HINT_PX = 26  # the other kana on a key: small beside the 44 px key letter, but readable at arm's length
HINT_CLEAR = 8  # from the key's outer edge to a hint's ink: the 4 px border and 4 px of air
HINT_GAP = 1  # between a hint above / below and the key letter (not touching; more does not fit 特大 ja-easy)


class FlickKeyButton(QPushButton):  # its words are kana to type: nothing to translate
    """One key: tap for its first kana; slide left / up / right / down for the others (shown small)."""

    flicked = Signal(str, str)  # key label, direction

    def __init__(self, key: flick.FlickKey, parent: QWidget | None = None) -> None:
        super().__init__(key.label, parent)
        self.key = key
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setProperty("role", "key")
        others = "、".join(key.kana[d] for d in HINT_AT if d in key.kana)
        self.setAccessibleName(f"{key.label}（{others}）" if others else key.label)
        self._down: QPointF | None = None
        self.show_hints = True

    # A finger and a mouse do the same: down, slide, up.

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QTouchEvent) and event.points():
            where = event.points()[0].position()
            if event.type() == QEvent.Type.TouchBegin:
                self._press(where)
            elif event.type() == QEvent.Type.TouchUpdate:
                self._slide(where)
            elif event.type() in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
                self._release(where)
            event.accept()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._slide(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._release(event.position())

    def _press(self, where: QPointF) -> None:
        self._down = where
        self.setDown(True)

    def _slide(self, where: QPointF) -> None:
        if self._down is not None:  # show what letting go here would type
            moved = where - self._down
            direction = flick.direction_of(moved.x(), moved.y(), FLICK_PX)
            self.setText(self.key.kana.get(direction, self.key.label) or self.key.label)

    def _release(self, where: QPointF) -> None:
        down, self._down = self._down, None
        self.setText(self.key.label)
        self.setDown(False)
        if down is not None:
            moved = where - down
            self.flicked.emit(self.key.label, flick.direction_of(moved.x(), moved.y(), FLICK_PX).value)

    def hint_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(HINT_PX)
        return font

    def sizeHint(self) -> QSize:
        """Tall enough for a hint above and below the key letter, none of them touching."""
        hint = super().sizeHint()
        glyph = QFontMetricsF(self.hint_font()).tightBoundingRect("あ").height()
        letter = QFontMetricsF(self.font()).tightBoundingRect("あ").height()
        return QSize(hint.width(), max(hint.height(), round(2 * (HINT_CLEAR + glyph + HINT_GAP) + letter)))

    def hint_boxes(self) -> dict[Direction, QRectF]:
        """Where each hint's glyphs are drawn (inside the key, clear of its border)."""
        metrics = QFontMetricsF(self.hint_font())
        inner = QRectF(self.rect()).adjusted(HINT_CLEAR, HINT_CLEAR, -HINT_CLEAR, -HINT_CLEAR)
        # Above and below the key letter (its ink is centred in the key), not at the far edges of a tall key.
        half_letter = QFontMetricsF(self.font()).tightBoundingRect("あ").height() / 2
        letter_top, letter_bottom = inner.center().y() - half_letter, inner.center().y() + half_letter
        boxes = {}
        for direction in HINT_AT:
            text = self.key.kana.get(direction)
            if not text:
                continue
            ink = metrics.tightBoundingRect(text)
            w, h = ink.width(), ink.height()
            if direction is Direction.UP:
                x, y = inner.center().x() - w / 2, max(inner.top(), letter_top - HINT_GAP - h)
            elif direction is Direction.DOWN:
                x, y = inner.center().x() - w / 2, min(inner.bottom() - h, letter_bottom + HINT_GAP)
            elif direction is Direction.LEFT:
                x, y = inner.left(), inner.center().y() - h / 2
            else:
                x, y = inner.right() - w, inner.center().y() - h / 2
            boxes[direction] = QRectF(x, y, w, h)
        return boxes

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._down is not None or not self.show_hints:
            return
        painter = QPainter(self)
        painter.setFont(self.hint_font())
        painter.setPen(self.palette().buttonText().color())
        metrics = QFontMetricsF(painter.font())
        for direction, box in self.hint_boxes().items():
            text = self.key.kana[direction]
            ink = metrics.tightBoundingRect(text)
            # Put the glyphs' ink (not the line box) where hint_boxes() says.
            painter.drawText(box.topLeft() - ink.topLeft(), text)


class _TypingExercise(ExerciseArea):
    """Shared by both keyboards: the word to type, what has been typed, 消す, feedback on the next letter."""

    def __init__(self, info: Exercise, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(info, settings, parent)
        # The keys take the touches: a touch the area accepted would never become a key's click.
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, False)
        self.word_label = QLabel()
        self.word_label.setProperty("role", "title")
        self.word_label.setWordWrap(True)
        self.typed_label = QLabel()
        self.typed_label.setObjectName("Card")
        self.typed_label.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.typed_label.setProperty("role", "typed")
        self.typed_label.setMinimumHeight(96)
        self.erase_button = QPushButton()
        self.erase_button.clicked.connect(self.erase)
        self.left = QVBoxLayout()
        self.left.setSpacing(16)
        self.left.addWidget(self.word_label)
        self.left.addWidget(self.typed_label)
        self.keys = QGridLayout()
        self.keys.setHorizontalSpacing(14)
        self.keys.setVerticalSpacing(12)  # the keys' height goes to the flick hints
        self.row = row = QHBoxLayout(self)
        row.setContentsMargins(24, 8, 24, 8)
        row.setSpacing(32)
        row.addLayout(self.left, 2)
        row.addLayout(self.keys, 3)

    def retranslate(self) -> None:
        super().retranslate()
        self.erase_button.setText(self.tr("消す"))
        self.erase_button.setAccessibleName(self.tr("1文字 消す"))
        self.show_word()

    @property
    def word(self) -> str:
        """The kana to type this round."""
        return WORDS[self.done % len(WORDS)][0]

    @property
    def goal(self) -> str:
        """What the round ends with (kanji after 変換 on the flick keyboard, else the kana)."""
        return self.word

    def typed(self) -> str:
        raise NotImplementedError

    def erase(self) -> None:
        raise NotImplementedError

    def reset_round(self) -> None:
        self.show_word()

    def show_word(self) -> None:
        if self.goal == self.word:
            self.word_label.setText(self.tr("「{0}」と 打ちます").format(self.word))
        else:
            self.word_label.setText(
                self.tr("「{0}」と 打って、「変換」で「{1}」に します").format(self.word, self.goal)
            )
        self.typed_label.setText(self.typed() + "｜")
        self.typed_label.setAccessibleName(
            self.tr("打った 文字: {0}").format(self.typed() or self.tr("なし"))
        )

    def settled(self) -> str:
        """The text as it stands if the person stopped typing now."""
        return self.typed()

    def check(self) -> None:
        text = self.settled()
        self.show_word()
        if text == self.goal:
            self.succeed(self.tr("いいですね。「{0}」と 打てました。").format(text))
        elif text == self.word:
            self.feedback.emit(
                self.tr("いいですね。「変換」を 押して「{0}」を えらびます。").format(self.goal)
            )
        elif not self.word.startswith(text) and not self.pending():
            self.not_yet("wrong", self.hint(text))

    def pending(self) -> bool:
        return False

    def hint(self, text: str) -> str:
        return self.tr("ちがう 文字に なりました。「消す」で 1文字 もどせます。")


class FlickExercise(_TypingExercise):
    def __init__(self, info: Exercise, settings: Settings, parent: QWidget | None = None) -> None:
        self.text = ""
        super().__init__(info, settings, parent)
        self.key_buttons: dict[str, FlickKeyButton | QPushButton] = {}
        for index, key in enumerate(flick.KEYS):
            if key.label == flick.MODIFIER:
                button: FlickKeyButton | QPushButton = QPushButton(key.label)
                button.setProperty("role", "key")
                button.clicked.connect(self.modify)
            else:
                flick_button = FlickKeyButton(key)
                flick_button.flicked.connect(self.type_key)
                button = flick_button
            # Keys take the height the screen has to spare (up to a phone key's proportions).
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
            button.setMaximumHeight(160)
            self.key_buttons[key.label] = button
            self.keys.addWidget(button, *divmod(index, 3))
        self.convert_button = QPushButton()
        self.convert_button.clicked.connect(self.show_candidates)
        self.keys.addWidget(self.erase_button, 0, 3)
        self.keys.addWidget(self.convert_button, 1, 3, 2, 1)
        self.candidates = QHBoxLayout()
        self.candidates.setSpacing(12)
        self.left.addLayout(self.candidates)
        self.left.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.key_buttons[flick.MODIFIER].setAccessibleName(self.tr("濁点・小さい文字"))
        self.convert_button.setText(self.tr("変換"))
        for place in range(self.candidates.count()):
            item = self.candidates.itemAt(place)
            button = item.widget() if item else None
            if isinstance(button, QPushButton):
                button.setAccessibleName(self.tr("変換: {0}").format(button.text()))

    @property
    def goal(self) -> str:
        return WORDS[self.done % len(WORDS)][1]

    def typed(self) -> str:
        return self.text

    def reset_round(self) -> None:
        self.text = ""
        self._clear_candidates()
        super().reset_round()

    def type_key(self, label: str, direction: str) -> None:
        kana = flick.flick(label, Direction(direction))
        if kana:
            self.text += kana
            self._clear_candidates()
            self.check()

    def modify(self) -> None:
        self.text = flick.apply_modifier(self.text)
        self.check()

    def erase(self) -> None:
        self.text = self.text[:-1]
        self._clear_candidates()
        self.show_word()

    def show_candidates(self) -> None:
        self._clear_candidates()
        for candidate in flick.candidates(self.text) if self.text else ():
            button = QPushButton(candidate)
            button.setAccessibleName(self.tr("変換: {0}").format(candidate))
            button.clicked.connect(lambda _=False, c=candidate: self.choose(c))
            self.candidates.addWidget(button)

    def choose(self, candidate: str) -> None:
        self.text = candidate
        self._clear_candidates()
        self.check()

    def _clear_candidates(self) -> None:
        while self.candidates.count():
            item = self.candidates.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None:
                widget.deleteLater()

    def hint(self, text: str) -> str:
        """Where the next letter is: which key, and which way to slide."""
        good = 0
        while good < len(text) and good < len(self.word) and text[good] == self.word[good]:
            good += 1
        wanted = self.word[good] if good < len(self.word) else ""
        for key in flick.KEYS:
            for direction, kana in key.kana.items():
                if kana == wanted:
                    way = {
                        "tap": self.tr("そのまま トンと"),
                        "left": self.tr("左へ"),
                        "up": self.tr("上へ"),
                        "right": self.tr("右へ"),
                        "down": self.tr("下へ"),
                    }
                    return self.tr("「{0}」は「{1}」の キーを {2} です。「消す」で もどせます。").format(
                        wanted, key.label, way[direction.value]
                    )
        return self.tr("「{0}」は 大きい 文字を 打ってから「{1}」を 押します。").format(
            wanted, flick.MODIFIER
        )

    def demo_path(self) -> list[tuple[QPointF, bool]]:
        key = self.key_buttons["な"]
        c = QPointF(key.mapTo(self, QPoint(key.width() // 2, key.height() // 2)))
        return [(c, False), (c, True), (c, False), (c + QPointF(0, -5), True), (c + QPointF(-60, 0), True)]


QWERTY_ROWS = ("qwertyuiop", "asdfghjkl-", "zxcvbnm")


class QwertyExercise(_TypingExercise):
    def __init__(self, info: Exercise, settings: Settings, parent: QWidget | None = None) -> None:
        self.buffer = RomajiBuffer()
        super().__init__(info, settings, parent)
        self.romaji_label = QLabel()
        self.left.insertWidget(1, self.romaji_label)
        self.left.addStretch(1)
        self.key_buttons: dict[str, QPushButton] = {}
        for row, letters in enumerate(QWERTY_ROWS):
            for column, letter in enumerate(letters):
                button = QPushButton("ー" if letter == "-" else letter.upper())
                button.setProperty("role", "key")
                button.setAccessibleName(letter.upper())
                button.clicked.connect(lambda _=False, x=letter: self.press(x))
                self.key_buttons[letter] = button
                self.keys.addWidget(button, row, column)
        self.keys.addWidget(self.erase_button, 2, 7, 1, 3)
        self.row.setStretch(0, 1)  # ten keys a row need the width
        self.row.setStretch(1, 2)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.key_buttons["-"].setAccessibleName(self.tr("のばす 記号"))

    def typed(self) -> str:
        return self.buffer.text

    def pending(self) -> bool:
        return self.buffer.text != self.buffer.kana

    def settled(self) -> str:
        return self.buffer.finish()  # a last lone n is ん

    def reset_round(self) -> None:
        self.buffer.clear()
        super().reset_round()

    def show_word(self) -> None:
        super().show_word()
        if hasattr(self, "romaji_label"):
            self.romaji_label.setText(
                self.tr("ローマ字: {0}").format(jaconv.kana2alphabet(self.word).upper())
            )

    def press(self, letter: str) -> None:
        self.buffer.press(letter)
        self.check()

    def erase(self) -> None:
        self.buffer.backspace()
        self.show_word()

    def demo_path(self) -> list[tuple[QPointF, bool]]:
        path: list[tuple[QPointF, bool]] = []
        for letter in jaconv.kana2alphabet(self.word)[:4]:
            key = self.key_buttons.get(letter)
            if key is not None:
                c = QPointF(key.mapTo(self, QPoint(key.width() // 2, key.height() // 2)))
                path += [(c, False), (c, True), (c, False)]
        return path
