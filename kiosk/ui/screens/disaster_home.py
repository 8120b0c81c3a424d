"""The home in 災害モード: the shelter's four calm cards, its own Wi-Fi, the usual menu below.

Every card leads somewhere that needs no internet on the kiosk: a lesson, a short list
of lessons, or the QR of an official page for the person's own phone.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.handoff.wifi import wifi_uri
from kiosk.settings import Settings
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.phrase_label import PhraseLabel
from kiosk.ui.widgets.qr_view import QrView

# (key, title, one line): the cards, in reading order.
CARDS = (
    (
        "connect",
        str(QT_TRANSLATE_NOOP("DisasterHome", "つながる")),
        str(QT_TRANSLATE_NOOP("DisasterHome", "無料の Wi-Fi「00000JAPAN」、電池の 節約、緊急速報")),
    ),
    (
        "safety",
        str(QT_TRANSLATE_NOOP("DisasterHome", "安否を 伝える・確かめる")),
        str(QT_TRANSLATE_NOOP("DisasterHome", "災害用伝言ダイヤル 171 と web171")),
    ),
    (
        "certificate",
        str(QT_TRANSLATE_NOOP("DisasterHome", "罹災証明書")),
        str(QT_TRANSLATE_NOOP("DisasterHome", "片づける 前の 写真、スマホでの 申請")),
    ),
    (
        "city",
        str(QT_TRANSLATE_NOOP("DisasterHome", "市の 災害情報")),
        str(QT_TRANSLATE_NOOP("DisasterHome", "避難所や 給水の お知らせを スマホで 見る")),
    ),
)

# Where each card leads: its lessons (one opens directly, more as a list) or an official page.
CARD_LESSONS = {
    "connect": ("disaster-00000japan", "disaster-battery", "disaster-alerts"),
    "safety": ("disaster-171",),
    "certificate": ("disaster-damage-photos", "risai-certificate"),
}
CARD_PROCEDURES = {"city": "city-disaster-info"}


class DisasterHomeScreen(Screen):
    show_back = False
    show_home = False

    card_chosen = Signal(str)
    usual_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = PhraseLabel()
        self.heading.setProperty("role", "title")
        self.heading.setWordWrap(True)
        self.cards: dict[str, BigButton] = {}
        grid = QGridLayout()
        grid.setSpacing(20)
        for place, (key, _title, _line) in enumerate(CARDS):
            card = BigButton()
            card.setProperty("emphasis", "hero")
            card.clicked.connect(lambda _=False, k=key: self.card_chosen.emit(k))
            grid.addWidget(card, place // 2, place % 2)
            self.cards[key] = card
        self.wifi_box = QWidget()
        self.wifi_box.setObjectName("Card")
        self.wifi_box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.wifi_text = PhraseLabel()
        self.wifi_text.setWordWrap(True)
        self.wifi_qr = QrView()
        self.wifi_qr.setFixedSize(240, 240)
        wifi = QHBoxLayout(self.wifi_box)
        wifi.setContentsMargins(24, 12, 24, 12)
        wifi.addWidget(self.wifi_text, 1)
        wifi.addWidget(self.wifi_qr)
        self.usual_button = QPushButton()
        self.usual_button.clicked.connect(self.usual_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 8, 48, 16)
        layout.setSpacing(16)
        layout.addWidget(self.heading)
        layout.addLayout(grid, 1)
        layout.addWidget(self.wifi_box)
        layout.addWidget(self.usual_button)
        self._wifi: tuple[str, str, str] = ("", "", "")
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("災害の ときの ご案内です。知りたい ことを 押して ください。"))
        for key, title, line in CARDS:
            self.cards[key].set_texts(
                QCoreApplication.translate("DisasterHome", title),
                QCoreApplication.translate("DisasterHome", line),
            )
        self.usual_button.setText(self.tr("ふだんの メニュー・文字の 大きさ・ことば"))
        self.wifi_qr.setAccessibleName(self.tr("この 避難所の Wi-Fi に つなぐ QRコード"))
        self._show_wifi()

    def show_settings(self, settings: Settings) -> None:
        """The shelter's own Wi-Fi from settings; nothing is shown while it has no name."""
        self._wifi = (settings.shelter_wifi_ssid, settings.shelter_wifi_password, settings.shelter_wifi_note)
        self._show_wifi()

    def _show_wifi(self) -> None:
        ssid, password, note = self._wifi
        self.wifi_box.setVisible(bool(ssid))
        if not ssid:
            self.wifi_qr.set_url("")
            return
        lines = [self.tr("この 避難所の Wi-Fi: {0}").format(ssid)]
        lines.append(
            self.tr("パスワード: {0}").format(password) if password else self.tr("パスワードは いりません。")
        )
        lines.append(self.tr("スマホの カメラで 右の QRコードを 読むと つながります。"))
        if note:
            lines.append(note)
        self.wifi_text.setText("\n".join(lines))
        self.wifi_qr.set_url(wifi_uri(ssid, password))

    def screen_title(self) -> str:
        return self.tr("災害モード")

    def speech_text(self) -> str:
        parts = [self.heading.text(), *(card.title() for card in self.cards.values())]
        if self.wifi_box.isVisibleTo(self):
            parts.append(self.wifi_text.text())
        return "。".join(parts)
