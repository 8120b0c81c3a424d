"""The strip across the top in supporter and staff mode: who is helping, and their buttons.

Always standard Japanese (set directly, not through the translator): it belongs to the
supporter or staff member, not to the visitor whose language may be English.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class HelperBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HelperBar")  # the volunteer's strip keeps a standard size
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._helper: tuple[str, str] | None = None  # (name, role) while a helper is in
        self.who = QLabel()
        self.who.setProperty("role", "bar-title")
        self.start_button = QPushButton()
        self.course_button = QPushButton()
        self.end_button = QPushButton()
        self.end_button.setProperty("role", "primary")
        self.steps_button = QPushButton()
        self.settings_button = QPushButton()
        self.logout_button = QPushButton()
        self.exit_button = QPushButton()
        self.exit_button.setProperty("role", "alert")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 0, 24, 0)
        layout.setSpacing(24)
        layout.addWidget(self.who, 1)
        for button in (
            self.steps_button,
            self.course_button,
            self.start_button,
            self.end_button,
            self.settings_button,
            self.logout_button,
            self.exit_button,
        ):
            layout.addWidget(button)
        self.hide()
        self._set_texts()

    def _set_texts(self) -> None:
        self.start_button.setText("相談を はじめる")
        self.course_button.setText("サポーター講座")
        self.end_button.setText("相談を おわる")
        self.steps_button.setText("手順の 一覧")
        self.settings_button.setText("係員の 画面")
        self.logout_button.setText("モードを おわる")
        self.exit_button.setText("キオスクを 終了")
        self._show_who()

    def show_helper(self, name: str, role: str, *, consulting: bool) -> None:
        self._helper = (name, role)
        self._show_who()
        self.start_button.setVisible(not consulting)
        self.course_button.setVisible(not consulting)
        self.end_button.setVisible(consulting)
        self.exit_button.setVisible(role == "staff")
        self.settings_button.setVisible(role == "staff")
        self.show()

    def _show_who(self) -> None:
        if self._helper is None:
            return
        name, role = self._helper
        words = "係員" if role == "staff" else "サポーター"
        self.who.setText(f"{words}: {name}")
