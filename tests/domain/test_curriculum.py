"""The curriculum: enough lessons, each complete, written to the rules a machine can check."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from kiosk.content.style import is_polite, sentences, unread_kanji
from kiosk.paths import LESSONS_DIR
from tests.helpers.cli import kiosk


@pytest.mark.slow
def test_every_lesson_passes_the_checker_with_the_writing_rules(tmp_path) -> None:
    done = kiosk("lessons", "check", data_dir=tmp_path)
    assert done.returncode == 0, done.stdout


def test_enough_complete_lessons_in_each_category(tmp_path) -> None:
    done = kiosk("lessons", "list", "--json", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert len(rows) == len(list(LESSONS_DIR.glob("*.yaml")))  # every file loads
    counts = Counter(row["category"] for row in rows)
    assert counts["basics"] >= 14 and counts["mynumber"] >= 12, counts
    for row in rows:
        assert row["steps"] >= 5, row["id"]
        assert row["with_picture"] == row["with_help"] == row["with_tip"] == row["steps"], row


def test_the_mynumber_lessons_hand_off_to_procedures(tmp_path) -> None:
    rows = json.loads(kiosk("lessons", "list", "--json", data_dir=tmp_path).stdout)
    linked = [row for row in rows if row["category"] == "mynumber" and row["procedure"]]
    assert len(linked) >= 8, [row["id"] for row in linked]


def test_writing_rules_find_what_they_should(tmp_path) -> None:
    """The rules themselves, on a lesson written badly on purpose: each problem named with its line."""
    (tmp_path / "bad.yaml").write_text(
        "id: bad\n"
        "category: basics\n"
        "title: わるい例\n"
        "summary: TODO あとで書きます。\n"
        "learned:\n"
        "  - できる\n"
        "steps:\n"
        "  - text: ボタンを押す。\n"
        "    picture: tap-swipe-tap.svg\n"
        "    help: これはとても長い説明の文で、ひとつの文にいくつもの考えを入れてしまっているので読みにくいです。\n"
        "    tip: 𠮷野さんに聞きます。\n"
        "  - text: 次へ進みます。\n"
        "    picture: tap-swipe-tap.svg\n"
        "    help: 押します。\n",
        encoding="utf-8",
    )
    done = kiosk("lessons", "check", str(tmp_path), data_dir=tmp_path)
    out = done.stdout
    assert done.returncode == 1
    assert f"{tmp_path / 'bad.yaml'}:4: summary: 仮の文が残っています" in out
    assert ":8: steps[1].text: 「です・ます」で終えてください" in out
    assert ":10: steps[1].help: 文が長すぎます" in out
    assert ":11: steps[1].tip: 読みがわかりません" in out and "𠮷" in out
    assert ":12: steps[2]: サポーター向けのコツ (tip) がありません" in out
    assert ":7: steps: 手順は 5 つ以上にしてください" in out


def test_rule_details() -> None:
    assert sentences("ひとつめです。ふたつめです！\nみっつめ") == [
        "ひとつめです。",
        "ふたつめです！",
        "みっつめ",
    ]
    assert (
        is_polite("「次へ」を押します（右下です）。")
        and is_polite("大丈夫ですよ。")
        and is_polite("・カード")
    )
    assert not is_polite("ボタンを押す。")
    assert unread_kanji("{罹災|りさい}証明書を申請します。") == []
