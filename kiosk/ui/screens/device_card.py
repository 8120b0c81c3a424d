"""「わたしのスマホ」: which phone the person has, with pictures to tell them apart.

Asked once a consultation, at the start of the first lesson whose steps differ by
phone; 「わからない」 shows the steps that fit every phone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.widgets.big_button import LaidOutButton
from kiosk.ui.widgets.button_grid import columns_that_fit, view_room
from kiosk.ui.widgets.fitting import COMPACT_ROLE
from kiosk.ui.widgets.overlay import Overlay
from kiosk.ui.widgets.phrase_label import PhraseLabel
from kiosk.ui.widgets.picture import PictureView

CHOICES = (
    (
        "iphone",
        "device-iphone.svg",
        str(QT_TRANSLATE_NOOP("DeviceCard", "iPhone")),
        # Not "no button under the screen": the SE and 8 have a round home button there.
        # The apple on the back is on every iPhone (the picture shows both kinds).
        str(QT_TRANSLATE_NOOP("DeviceCard", "うらに りんごの マーク")),
    ),
    (
        "android",
        "device-android.svg",
        str(QT_TRANSLATE_NOOP("DeviceCard", "Android")),
        str(QT_TRANSLATE_NOOP("DeviceCard", "画面の 下に 小さな 印が ある")),
    ),
    (
        "raku",
        "device-raku.svg",
        str(QT_TRANSLATE_NOOP("DeviceCard", "らくらくスマホ")),
        str(QT_TRANSLATE_NOOP("DeviceCard", "大きな ボタンの 画面")),
    ),
    (
        "",
        "device-unknown.svg",
        str(QT_TRANSLATE_NOOP("DeviceCard", "わからない")),
        str(QT_TRANSLATE_NOOP("DeviceCard", "どれでも 使える 説明")),
    ),
)


class DeviceChoice(LaidOutButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = PictureView()
        self.picture.setMinimumSize(160, 200)
        self.title = PhraseLabel()  # the body size: phone names stay whole in a quarter of the screen
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.hint = PhraseLabel()
        self.hint.setProperty("role", COMPACT_ROLE)  # a hint under the name: the standard size at every size
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        for child in (self.picture, self.title, self.hint):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def minimumSizeHint(self) -> QSize:
        """Wide enough for the phone's name unbroken («わから／ない» would be read as two words)."""
        hint = super().minimumSizeHint()
        layout, edge = self.layout(), self.contentsMargins()
        around = edge.left() + edge.right()
        if layout is not None:
            around += layout.contentsMargins().left() + layout.contentsMargins().right()
        return hint.expandedTo(QSize(self.title.widest_phrase() + around, 0))


class DeviceCard(Overlay):
    chosen = Signal(str)  # iphone / android / raku, or "" for わからない

    def __init__(self, parent: QWidget, pictures: Path) -> None:
        super().__init__(parent)
        self.choices: dict[str, DeviceChoice] = {}
        for code, picture, _title, _hint in CHOICES:
            choice = DeviceChoice()
            choice.picture.show_file(pictures / picture)
            choice.clicked.connect(lambda _=False, c=code: self._choose(c))
            self.choices[code] = choice
        # Four side by side; two by two, or one under another, where a phone's name would
        # break (特大, a small panel). Rows of box layouts: a grid would size the rows by the
        # names' heights at their least width, and the tiles grew twice as tall.
        self.columns = 0
        self._rows = QVBoxLayout()
        self._rows.setSpacing(24)
        self.content.insertLayout(3, self._rows, 1)
        self._place(len(CHOICES))
        self.retranslate()
        inner = self.content.parentWidget()
        if inner is not None:  # the names' widths change with the text size and the language
            inner.installEventFilter(self)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("わたしの スマホは どれ？"))
        self.body.setText(self.tr("スマホに よって 画面が ちがいます。近い ものを 押して ください。"))
        for code, _picture, title, hint in CHOICES:
            choice = self.choices[code]
            choice.title.setText(QCoreApplication.translate("DeviceCard", title))
            choice.hint.setText(QCoreApplication.translate("DeviceCard", hint))
            choice.setAccessibleName(f"{choice.title.text()}　{choice.hint.text()}")

    def open(self) -> None:
        self.setGeometry(self._host.rect())
        self.show()
        self.raise_()
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.content.parentWidget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        inner = self.content.parentWidget()
        if inner is None or inner.parentWidget() is None:
            return
        widest = max(choice.minimumSizeHint().width() for choice in self.choices.values())
        # 4, 2 or 1 a row: every row full, never three and one.
        room, count = view_room(inner), len(CHOICES)
        self._place(columns_that_fit(widest, count, self._rows.spacing(), room, full_rows_of=count))

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        while (old := self._rows.takeAt(0)) is not None:
            row = old.layout()
            if row is not None:
                while row.takeAt(0) is not None:
                    pass
                row.deleteLater()
        choices = list(self.choices.values())
        for start in range(0, len(choices), columns):
            row = QHBoxLayout()
            row.setSpacing(self._rows.spacing())
            for choice in choices[start : start + columns]:
                row.addWidget(choice, 1)
            self._rows.addLayout(row, 1)

    def speech_text(self) -> str:
        return "。".join(
            [self.heading.text(), self.body.text(), *(c.accessibleName() for c in self.choices.values())]
        )

    def _choose(self, code: str) -> None:
        self.hide()
        self.chosen.emit(code)
