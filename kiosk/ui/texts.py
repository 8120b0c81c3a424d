"""Words shown for data values (categories), kept in one place for translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.content.lessons import Category


def category_texts(category: Category) -> tuple[str, str]:
    """(title, one-line description) of a lesson category."""
    tr = QCoreApplication.translate
    return {
        Category.BASICS: (
            tr("categories", "スマホの基本"),
            tr("categories", "電源の入れ方、文字を大きくする など"),
        ),
        Category.MYNUMBER: (
            tr("categories", "マイナンバー・オンライン手続き"),
            tr("categories", "マイナンバーカードのこと、マイナポータル など"),
        ),
        Category.PRACTICE: (
            tr("categories", "練習する"),
            tr("categories", "タップやスワイプを 指で ためします"),
        ),
    }[category]
