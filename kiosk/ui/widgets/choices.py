"""A row of checkable buttons where one choice holds at a time (text size, phone, period …)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QPushButton, QWidget

K = TypeVar("K")


def add_choices(
    owner: QWidget, layout: QBoxLayout, items: Iterable[tuple[K, str]], chosen: Callable[[K], None]
) -> dict[K, QPushButton]:
    """One checkable button per (key, words) added to `layout`; clicking calls `chosen(key)`."""
    group = QButtonGroup(owner)
    buttons: dict[K, QPushButton] = {}
    for key, words in items:
        button = QPushButton(words)
        button.setCheckable(True)
        button.clicked.connect(lambda _=False, k=key: chosen(k))
        group.addButton(button)
        layout.addWidget(button)
        buttons[key] = button
    return buttons
