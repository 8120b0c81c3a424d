"""A lesson file the checker has nothing to say about, for tests that write lessons of their own."""

from __future__ import annotations

from datetime import date

GOOD = """\
id: {id}
category: basics
title: よい レッスン
summary: まちがいの ない レッスンです。
learned:
  - ひとつ できる
steps:
  - text: ボタンを おします。
    picture: power-on-find-button.svg
    help: 右の 横に あります。
    tip: ご本人の 指で おして もらいます。
"""
# Four more steps: a curriculum lesson has at least five.
GOOD += (
    """\
  - text: つぎの ボタンを おします。
    picture: power-on-find-button.svg
    help: 左の 横に あります。
    tip: ゆっくりで 大丈夫です。
"""
    * 4
    + "checked_on: {checked_on}\n"
)


def good(lesson_id: str, checked_on: date | None = None) -> str:
    """A lesson with nothing to say about it, checked `checked_on` (default: today)."""
    return GOOD.format(id=lesson_id, checked_on=(checked_on or date.today()).isoformat())
