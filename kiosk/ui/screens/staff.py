"""係員の 画面: the settings staff change most, and the accounts.

Only staff reach it; every change is audited. Its texts are standard Japanese, set
directly rather than through the translator: staff read it the same whatever language
the last visitor chose.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.records.accounts import Account, Role
from kiosk.records.recorder import Health
from kiosk.settings import Settings
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.doctor_panel import DoctorPanel
from kiosk.ui.widgets.stepper import Stepper

PAPER_NAMES = {"80mm": "レシート 80mm", "58mm": "レシート 58mm", "a4": "A4"}


class StaffScreen(Screen):
    scrolls = False  # its settings scroll on their own
    save_requested = Signal(dict)
    disable_requested = Signal(str)
    pin_requested = Signal(str, str)  # account name, role: set or change its PIN on the pad
    review_requested = Signal()
    disaster_requested = Signal(bool)  # 災害モード on / off

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accounts: list[Account] = []
        self.idle = Stepper("", "", 30, 3600, 30)
        self.warning = Stepper("", "", 20, 300, 10)
        self.retention = Stepper("", "", 30, 3650, 30)
        self.paper_buttons: dict[str, QPushButton] = {}
        papers = QHBoxLayout()
        papers.setSpacing(16)
        self._paper_label = QLabel()
        papers.addWidget(self._paper_label, 1)
        group = QButtonGroup(self)
        for code in PAPER_NAMES:
            button = QPushButton()
            button.setCheckable(True)
            group.addButton(button)
            papers.addWidget(button)
            self.paper_buttons[code] = button
        self.contact = self._line("")
        self.hours = self._line("")
        self.allowlist = self._line("")
        self.wifi_ssid = self._line("")
        self.wifi_password = self._line("")
        self.wifi_note = self._line("")
        self._disaster = False
        self.disaster_button = QPushButton()
        self.disaster_button.setProperty("role", "alert")
        self.disaster_button.clicked.connect(lambda: self.disaster_requested.emit(not self._disaster))
        self.save_button = QPushButton()
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self._save)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.new_name = QLineEdit()
        self.new_name.setMinimumHeight(80)
        new_row = QHBoxLayout()
        new_row.setSpacing(16)
        new_row.addWidget(self.new_name, 1)
        self.new_buttons: dict[Role, QPushButton] = {}
        for role in (Role.SUPPORTER, Role.STAFF):
            button = QPushButton()
            button.clicked.connect(lambda _=False, r=role: self._create(r))
            new_row.addWidget(button)
            self.new_buttons[role] = button
        self.accounts_box = QVBoxLayout()
        self.accounts_box.setSpacing(12)
        self.disable_buttons: dict[str, QPushButton] = {}

        inner = QWidget()
        inner.setObjectName("Screen")  # the kiosk's own background, not the scroll area's grey
        inner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        column = QVBoxLayout(inner)
        column.setSpacing(20)
        self.review_button = QPushButton()
        self.review_button.setProperty("role", "primary")
        self.review_button.clicked.connect(self.review_requested)
        # 「前回は 異常終了しました」 and the log's last lines, when the last run did not stop cleanly.
        self.last_end = QLabel()
        self.last_end.setWordWrap(True)
        self.last_end.setTextFormat(Qt.TextFormat.PlainText)  # a log line may hold a '<'
        self.last_end.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_end.hide()
        column.addWidget(self.last_end)
        # 「記録を 書けていません」 while the database cannot be written (full disk, locked).
        self.records_state = QLabel()
        self.records_state.setWordWrap(True)
        self.records_state.setTextFormat(Qt.TextFormat.PlainText)
        self.records_state.setProperty("role", "warning")
        self.records_state.hide()
        column.addWidget(self.records_state)
        # How many lessons are due for a re-check of their facts (checked_on 12 months ago).
        self.recheck = QLabel()
        self.recheck.setWordWrap(True)
        column.addWidget(self.recheck)
        column.addWidget(self.review_button)
        # 「点検」: is this PC ready (screen, voices, printer, data, clock, content)? Audited.
        self.doctor = DoctorPanel(lambda: None)  # staff mode gives it the kiosk's data folder
        column.addWidget(self.doctor)
        column.addWidget(self.disaster_button)
        self._settings_heading = heading = QLabel()
        heading.setProperty("role", "title")
        column.addWidget(heading)
        for widget in (self.idle, self.warning, self.retention):
            column.addWidget(widget)
        column.addLayout(papers)
        self.fields = QGridLayout()
        self.fields.setSpacing(12)
        lines = (self.contact, self.hours, self.allowlist, self.wifi_ssid, self.wifi_password, self.wifi_note)
        for row, (label, edit) in enumerate(lines):
            self.fields.addWidget(label, row, 0)
            self.fields.addWidget(edit, row, 1)
        column.addLayout(self.fields)
        column.addWidget(self.save_button)
        column.addWidget(self.message)
        self._accounts_heading = accounts = QLabel()
        accounts.setProperty("role", "title")
        accounts.setWordWrap(True)
        column.addWidget(accounts)
        column.addLayout(self.accounts_box)
        column.addLayout(new_row)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 8, 48, 16)
        layout.addWidget(scroll)
        self._set_texts()

    def _set_texts(self) -> None:
        seconds = "秒"
        self.idle.set_texts("だれも さわらないとき、たずねるまで", seconds)
        self.warning.set_texts("「まだ 続けますか？」の 残り時間", seconds)
        self.retention.set_texts("記録を 残す 日数", "日")
        self._paper_label.setText("印刷する 紙")
        for code, button in self.paper_buttons.items():
            button.setText(PAPER_NAMES[code])
        for (label, edit), title in (
            (self.contact, "相談室の 連絡先（紙に 印刷）"),
            (self.hours, "受付の 時間（紙に 印刷）"),
            (self.allowlist, "QRで 案内してよい サイト（, で 区切る）"),
            (self.wifi_ssid, "避難所の Wi-Fi の 名前（災害モードで 表示）"),
            (self.wifi_password, "避難所の Wi-Fi の パスワード（なければ 空）"),
            (self.wifi_note, "避難所の Wi-Fi の ひとこと"),
        ):
            label.setText(title)
            edit.setAccessibleName(title)
        self.save_button.setText("設定を 保存する")
        self.show_disaster(self._disaster)
        self.new_name.setAccessibleName("新しい アカウントの 呼び名")
        self.new_name.setPlaceholderText("呼び名（例: supporter-3）")
        self.new_buttons[Role.SUPPORTER].setText("サポーターを 作る")
        self.new_buttons[Role.STAFF].setText("係員を 作る")
        self.review_button.setText("記録を 見る（一覧・集計・つまずき）")
        self._settings_heading.setText("設定")
        self._accounts_heading.setText("暗証番号の アカウント（本名では なく 呼び名で）")

    def _line(self, title: str) -> tuple[QLabel, QLineEdit]:
        label = QLabel(title)
        label.setWordWrap(True)
        edit = QLineEdit()
        edit.setAccessibleName(title)
        edit.setMinimumHeight(80)
        return label, edit

    def screen_title(self) -> str:
        return "係員の 画面"

    def speech_text(self) -> str:
        return self.screen_title()

    def show_values(self, settings: Settings, accounts: list[Account]) -> None:
        self.idle.set_value(settings.idle_seconds)
        self.warning.set_value(settings.warning_seconds)
        self.retention.set_value(settings.retention_days)
        self.paper_buttons[settings.paper].setChecked(True)
        self.contact[1].setText(settings.room_contact)
        self.hours[1].setText(settings.room_hours)
        self.allowlist[1].setText(", ".join(settings.url_allowlist))
        self.wifi_ssid[1].setText(settings.shelter_wifi_ssid)
        self.wifi_password[1].setText(settings.shelter_wifi_password)
        self.wifi_note[1].setText(settings.shelter_wifi_note)
        self.message.clear()
        self.show_accounts(accounts)

    def show_records(self, health: Health, waiting: int) -> None:
        """Whether the records are being written; what waits in memory, and what was lost."""
        lines = []
        if not health.writing:
            lines += [
                f"記録を 書けていません。{waiting} 件を メモリーで 待たせています。",
                f"理由: {health.problem}",
                "データフォルダの ディスクの 空きと、ほかの プログラムが 記録の ファイルを "
                "使っていないかを 確かめて ください。"
                "書けるように なると、待っている 記録は 自動で 書かれます。",
            ]
        if health.lost:
            lines.append(f"待てる 数を こえたため、{health.lost} 件の 記録が 失われました。")
        self.records_state.setText("\n".join(lines))
        self.records_state.setVisible(bool(lines))

    def show_recheck(self, due: int) -> None:
        """The count of lessons whose facts were last checked 12 months ago or more."""
        if due:
            self.recheck.setText(
                f"確かめなおしが 必要な レッスン: {due} 件"
                "（公式の ページで 確かめて、checked_on を 新しく します。"
                "一覧は「kiosk lessons check」で 出ます）"
            )
        else:
            self.recheck.setText("レッスンの 内容は、どれも 12か月 以内に 確かめて あります。")

    def show_abnormal_end(self, notice: str, log_tail: tuple[str, ...]) -> None:
        """The kiosk did not stop cleanly last time: say when, with how its log ended."""
        lines = "\n".join(log_tail) if log_tail else "（記録の ファイルが ありません）"
        self.last_end.setText(f"{notice}\n記録（ログ）の 最後:\n{lines}")
        self.last_end.show()

    def show_disaster(self, on: bool) -> None:
        self._disaster = on
        self.disaster_button.setText(
            "ふだんの モードに 戻す（いまは 災害モード）" if on else "災害モードに する（避難所の ご案内）"
        )

    def show_accounts(self, accounts: list[Account]) -> None:
        while self.accounts_box.count():
            item = self.accounts_box.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None:
                widget.deleteLater()
        self._accounts = list(accounts)
        self.disable_buttons = {}
        self.change_buttons: dict[str, QPushButton] = {}
        for account in accounts:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            role = "係員" if account.role is Role.STAFF else "サポーター"
            state = "" if account.active else "（使えません）"
            line.addWidget(QLabel(f"{account.name}　{role}{state}"), 1)
            change = QPushButton("暗証番号を 変える")
            change.setAccessibleName(f"{account.name} の 暗証番号を 変える")
            change.clicked.connect(
                lambda _=False, n=account.name, r=account.role.value: self.pin_requested.emit(n, r)
            )
            line.addWidget(change)
            self.change_buttons[account.name] = change
            if account.active:
                button = QPushButton("使えなくする")
                button.setAccessibleName(f"{account.name} を 使えなくする")
                button.clicked.connect(lambda _=False, n=account.name: self.disable_requested.emit(n))
                line.addWidget(button)
                self.disable_buttons[account.name] = button
            self.accounts_box.addWidget(row)

    def values(self) -> dict[str, Any]:
        paper = next(code for code, button in self.paper_buttons.items() if button.isChecked())
        hosts = tuple(h.strip() for h in self.allowlist[1].text().split(",") if h.strip())
        return {
            "idle_seconds": self.idle.value,
            "warning_seconds": self.warning.value,
            "retention_days": self.retention.value,
            "paper": paper,
            "room_contact": self.contact[1].text().strip(),
            "room_hours": self.hours[1].text().strip(),
            "url_allowlist": hosts,
            "shelter_wifi_ssid": self.wifi_ssid[1].text().strip(),
            "shelter_wifi_password": self.wifi_password[1].text().strip(),
            "shelter_wifi_note": self.wifi_note[1].text().strip(),
        }

    def _create(self, role: Role) -> None:
        name = self.new_name.text().strip()
        if not name:
            self._ask_for_name()
            return
        self.pin_requested.emit(name, role.value)

    def _ask_for_name(self) -> None:
        self.show_message("呼び名を 入れて ください。")

    def show_message(self, text: str) -> None:
        """What staff mode says about the last action (saved, not saved, a PIN set)."""
        self.message.setText(text)

    def show_pin_set(self, text: str, accounts: list[Account]) -> None:
        """A PIN was set: the name field is emptied for the next account, the list shown again."""
        self.new_name.clear()
        self.show_message(text)
        self.show_accounts(accounts)

    def _save(self) -> None:
        self.save_requested.emit(self.values())

    def clear(self) -> None:
        self.message.clear()
        self.doctor.clear()
        for _label, edit in (
            self.contact,
            self.hours,
            self.allowlist,
            self.wifi_ssid,
            self.wifi_password,
            self.wifi_note,
        ):
            edit.clear()
