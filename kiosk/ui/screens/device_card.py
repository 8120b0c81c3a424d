"""「わたしのスマホ」: which phone the person has, with pictures to tell them apart.

Asked once a consultation, at the start of the first lesson whose steps differ by
phone; 「わからない」 shows the steps that fit every phone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.widgets.big_button import LaidOutButton
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


class DeviceCard(Overlay):
    chosen = Signal(str)  # iphone / android / raku, or "" for わからない

    def __init__(self, parent: QWidget, pictures: Path) -> None:
        super().__init__(parent)
        self.choices: dict[str, DeviceChoice] = {}
        row = QHBoxLayout()
        row.setSpacing(24)
        for code, picture, _title, _hint in CHOICES:
            choice = DeviceChoice()
            choice.picture.show_file(pictures / picture)
            choice.clicked.connect(lambda _=False, c=code: self._choose(c))
            row.addWidget(choice, 1)
            self.choices[code] = choice
        self.content.insertLayout(3, row, 1)
        self.retranslate()

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

    def speech_text(self) -> str:
        return "。".join(
            [self.heading.text(), self.body.text(), *(c.accessibleName() for c in self.choices.values())]
        )

    def _choose(self, code: str) -> None:
        self.hide()
        self.chosen.emit(code)
