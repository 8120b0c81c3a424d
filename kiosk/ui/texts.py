"""Words shown for data values (categories), kept in one place for translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.content.lessons import Category


def category_texts(category: Category) -> tuple[str, str]:
    """(title, one-line description) of a lesson category."""
    return {
        Category.BASICS: (
            QCoreApplication.translate("categories", "スマホの基本"),
            QCoreApplication.translate("categories", "電源の入れ方、文字を大きくする など"),
        ),
        Category.MYNUMBER: (
            QCoreApplication.translate("categories", "マイナンバー・オンライン手続き"),
            QCoreApplication.translate("categories", "マイナンバーカードのこと、マイナポータル など"),
        ),
        Category.PRACTICE: (
            QCoreApplication.translate("categories", "練習する"),
            QCoreApplication.translate("categories", "タップやスワイプを 指で ためします"),
        ),
        Category.DISASTER: (
            QCoreApplication.translate("categories", "災害のとき"),
            QCoreApplication.translate("categories", "Wi-Fi、安否の伝え方、被害の写真 など"),
        ),
        Category.SUPPORTER: (
            QCoreApplication.translate("categories", "サポーター講座"),
            QCoreApplication.translate("categories", "教え方、暗証番号の守り方、詐欺の見分け方 など"),
        ),
    }[category]


def page_button_texts() -> tuple[str, str]:
    """The words of ◀ / ▶ on every screen that shows its items page by page (one wording everywhere)."""
    return (
        QCoreApplication.translate("pages", "◀ 前の ページ"),
        QCoreApplication.translate("pages", "次の ページ ▶"),
    )
