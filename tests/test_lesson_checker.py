"""`kiosk lessons check`: every mistake named by file, line and field; broken files never stop the rest."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.library import load_library
from kiosk.paths import LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR, PROJECT_ROOT
from tests.helpers.lessons import good


def _write(folder: Path, name: str, text: str) -> Path:
    file = folder / f"{name}.yaml"
    file.write_text(text, encoding="utf-8")
    return file


def _check(folder: Path, capsys) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    code = main(["lessons", "check", str(folder)])
    out = capsys.readouterr().out
    return code, out.splitlines()


def test_shipped_lessons_are_clean(capsys) -> None:
    """No problem, every lesson and procedure checked within 12 months; what is left are the
    未確認 marks, each a fact that could not be confirmed, listed with its line."""
    code, lines = _check(LESSONS_DIR, capsys)
    assert code == 0
    assert [line for line in lines if not line.startswith("note: ") or "未確認" not in line] == []


def test_good_file_passes(tmp_path, capsys) -> None:
    _write(tmp_path, "good", good("good"))
    assert _check(tmp_path, capsys) == (0, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            good("x").replace("title: よい レッスン\n", ""),
            ":1: title: 必要な項目がありません",
        ),
        (good("x") + "colour: red\n", ":29: colour: 知らない項目です"),
        (
            good("x").replace("    help:", "    halp:"),
            ":10: steps[1].halp: 知らない項目です",
        ),
        (
            good("x").replace("    help: 右の 横に あります。\n", ""),
            ":8: steps[1].help: 必要な項目がありません",
        ),
        (
            good("x").replace("category: basics", "category: cooking"),
            ":2: category: 次のどれかにしてください",
        ),
        (
            good("x").replace("summary: まちがいの ない レッスンです。", "summary: no"),
            ":4: summary: 文字で書いてください",
        ),
        (
            good("x").replace("summary: まちがいの ない レッスンです。", 'summary: ""'),
            ":4: summary: 空です",
        ),
        (good("x").replace("id: x", "id: Bad Id"), ":1: id: 使えない文字があります"),
        (
            good("x").replace("learned:\n  - ひとつ できる\n", "learned: []\n"),
            ":5: learned: 少なすぎます",
        ),
        (
            good("x").replace("  - text: ボタンを おします。", "  - text: [ボタン\n"),
            ": -: YAML の書き方に誤りがあります",
        ),
        (good("x") + "title: もう一度\n", ":29: title: 同じ項目が二度あります"),
        ("", ":1: -: ファイルが空です"),
        ("- just\n- a list\n", ":1: -: 「項目: 値」の形で書いてください"),
    ],
)
def test_each_mistake_is_located(tmp_path, capsys, text: str, expected: str) -> None:
    file = _write(tmp_path, "x", text)
    code, lines = _check(tmp_path, capsys)
    assert code == 1
    assert any(line.startswith(str(file)) and expected in line for line in lines), lines


def test_missing_picture_and_unknown_procedure(tmp_path, capsys) -> None:
    text = good("pic").replace("power-on-find-button.svg", "nowhere.svg")
    text = text.replace("learned:", "procedure: no-such-procedure\nlearned:")
    file = _write(tmp_path, "pic", text)
    code, lines = _check(tmp_path, capsys)
    assert code == 1
    assert (
        f"{file}:5: procedure: 手続き 'no-such-procedure' は procedures/ にありません (unknown procedure id)"
        in lines
    )
    assert f"{file}:10: steps[1].picture: 絵のファイルがありません (missing picture: nowhere.svg)" in lines


def test_duplicate_ids_and_file_name(tmp_path, capsys) -> None:
    _write(tmp_path, "a", good("a"))
    second = _write(tmp_path, "b", good("a"))
    code, lines = _check(tmp_path, capsys)
    assert code == 1
    assert any(line.startswith(f"{second}:1: id:") and "a.yaml でも使われています" in line for line in lines)
    assert any(line.startswith(f"{second}:1: id:") and "ファイル名" in line for line in lines)


def test_not_utf8(tmp_path, capsys) -> None:
    file = tmp_path / "sjis.yaml"
    file.write_bytes(good("sjis").encode("shift_jis"))
    code, lines = _check(tmp_path, capsys)
    assert code == 1
    assert lines == [f"{file}:1: -: UTF-8 の文字として読めません (file is not UTF-8 text)"]


def test_broken_lessons_are_skipped_and_the_rest_play(tmp_path) -> None:
    for source in LESSONS_DIR.glob("*.yaml"):
        shutil.copy(source, tmp_path)
    _write(tmp_path, "broken", "id: broken\nsteps: [\n")
    _write(tmp_path, "half", good("half").replace("title: よい レッスン\n", ""))
    _write(tmp_path, "nopic", good("nopic").replace("power-on-find-button.svg", "gone.png", 1))
    library = load_library(tmp_path, PICTURES_DIR, PROCEDURES_DIR)
    ids = {lesson.id for lesson in library.lessons}
    shipped = {source.stem for source in LESSONS_DIR.glob("*.yaml")}
    assert ids == shipped | {"nopic"}, "a missing picture still plays (with a placeholder)"
    assert len(library.problems) == 3


def test_missing_folder(tmp_path, capsys) -> None:
    code, lines = _check(tmp_path / "nope", capsys)
    assert code == 1 and "レッスンのフォルダがありません" in lines[0]


def test_list_json(capsys) -> None:
    import json

    assert main(["lessons", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {row["id"] for row in rows} == {f.stem for f in LESSONS_DIR.glob("*.yaml")}
    assert all(row["steps"] >= 1 and row["title"] for row in rows)


def test_checker_as_a_real_command(tmp_path) -> None:
    _write(tmp_path, "x", good("x") + "colour: red\n")
    done = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "lessons", "check", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert (
        done.stdout.strip()
        == f"{tmp_path / 'x.yaml'}:29: colour: 知らない項目です。綴りを確かめてください (unknown field)"
    )
    assert "Traceback" not in done.stderr


def test_too_long_text_is_reported_but_the_lesson_plays(tmp_path, capsys) -> None:
    long_help = "右の 横に あります。" * 10
    file = _write(tmp_path, "long", good("long").replace("右の 横に あります。", long_help))
    code, lines = _check(tmp_path, capsys)
    assert code == 1
    assert lines == [
        f"{file}:10: steps[1].help: 長すぎます。特大の文字で入りきるよう 90 文字までにしてください "
        f"(too long: {len(long_help)} characters, at most 90)"
    ]
    assert [lesson.id for lesson in load_library(tmp_path, PICTURES_DIR, PROCEDURES_DIR).lessons] == ["long"]


# ---- freshness: when the facts were checked, and what could not be confirmed -----------------


def test_a_lesson_not_checked_for_twelve_months_is_noted(tmp_path, capsys) -> None:
    today = date.today()
    _write(tmp_path, "old", good("old", checked_on=today - timedelta(days=366)))
    _write(tmp_path, "recent", good("recent", checked_on=today - timedelta(days=330)))
    _write(tmp_path, "undated", good("undated").replace(f"checked_on: {today.isoformat()}\n", ""))
    code, lines = _check(tmp_path, capsys)
    assert code == 0, "a note, not an error: the lessons still play"
    assert len(lines) == 2, lines
    assert (
        lines[0].startswith(f"note: {tmp_path / 'old.yaml'}:28: checked_on: ") and "re-check due" in lines[0]
    )
    assert (
        lines[1].startswith(f"note: {tmp_path / 'undated.yaml'}:1: checked_on: ")
        and "no checked_on" in lines[1]
    )


def test_each_unconfirmed_mark_is_listed_with_its_line(tmp_path, capsys) -> None:
    text = good("marked").replace(
        "    tip: ご本人の 指で おして もらいます。\n",
        "    tip: ご本人の 指で おして もらいます。\n    sources:\n      - 未確認：ボタンの 場所\n",
        1,
    )
    _write(tmp_path, "marked", text + "sources:\n  - 未確認：機種ごとの 名前\n  - アップル サポート\n")
    code, lines = _check(tmp_path, capsys)
    assert code == 0
    assert sorted(lines) == [
        f"note: {tmp_path / 'marked.yaml'}:13: steps[1].sources[1]: 未確認：ボタンの 場所",
        f"note: {tmp_path / 'marked.yaml'}:32: sources[1]: 未確認：機種ごとの 名前",
    ]


def test_every_shipped_lesson_and_procedure_says_when_and_from_where() -> None:
    library = load_library(LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR)
    undated = [lesson.id for lesson in library.lessons if lesson.checked_on is None or not lesson.sources]
    assert undated == []
    official = ("go.jp", "lg.jp", "naruto.tokushima.jp", "apple.com", "google.com", "police")
    for procedure in library.procedures.values():
        assert any(word in source for source in procedure.sources for word in official), procedure.id


def test_staff_mode_counts_the_lessons_due_for_a_recheck(qtbot, fonts, tmp_path) -> None:
    from kiosk.records.accounts import Account, Role
    from kiosk.records.recorder import Recorder
    from kiosk.settings import Settings
    from kiosk.ui.main_window import KioskWindow

    today = date.today()
    _write(tmp_path, "old", good("old", checked_on=today - timedelta(days=400)))
    _write(tmp_path, "undated", good("undated").replace(f"checked_on: {today.isoformat()}\n", ""))
    _write(tmp_path, "recent", good("recent"))
    library = load_library(tmp_path, PICTURES_DIR, PROCEDURES_DIR)
    window = KioskWindow(library, Settings(), Recorder(None), idle_ms=3_600_000)
    qtbot.addWidget(window)
    window.allow_close()
    window.state.helper = Account("staff-1", Role.STAFF, True, "", None)  # as after a sign-in
    window.desk.open_staff()
    assert window.current() is window.screens.staff
    assert "確かめなおしが 必要な レッスン: 2 件" in window.screens.staff.recheck.text()
