"""The checks that need no Qt: data folder, disk, records, clock, settings, content.

Each takes what it looks at as arguments (a folder, a clock, a free-space function),
so tests hand in a folder under a file, a clock years back or a nearly full disk.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from kiosk.content.problems import Problem
from kiosk.datadir import DATABASE_FILE
from kiosk.doctor.result import Result, fail, ok, warn
from kiosk.settings import SETTINGS_FILE, Settings, SettingsError, load_settings

GB = 1024**3
MB = 1024**2
LOW_SPACE = 1 * GB  # ⚠ below this: a year of records and backups wants room
NO_SPACE = 100 * MB  # ✗ below this: the next backup or a busy day can fill it
JAPAN = timedelta(hours=9)  # Asia/Tokyo has no summer time: +09:00 all year
SHOWN_PROBLEMS = 3


def check_settings(data_dir: Path) -> tuple[Result, Settings]:
    """settings.toml through the kiosk's own loader; the other checks go on with defaults if bad."""
    name = "設定（settings.toml）"
    file = data_dir / SETTINGS_FILE
    try:
        settings = load_settings(data_dir)
    except SettingsError as exc:
        return (
            fail(
                "settings",
                name,
                f"読めない 値が あります: {exc}",
                f"{file} の その 行を 直して ください（消すと 初期値に 戻ります）。"
                "ほかの 点検は 初期値で 続けました。",
            ),
            Settings(),
        )
    seen = "正しく 読めました" if file.exists() else "ファイルは ありません（初期値で 動きます）"
    return ok("settings", name, seen), settings


def check_data_folder(data_dir: Path) -> Result:
    """Made if missing (as the kiosk does at start), then a small file written and removed."""
    name = "データフォルダ（記録・設定・ログ）"
    probe = data_dir / f".doctor-{uuid.uuid4().hex}"
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        return fail(
            "data_folder",
            name,
            f"{data_dir} に 書き込めません（{exc.strerror or type(exc).__name__}）",
            "キオスクを 動かす アカウントが 書き込める フォルダに して ください"
            "（--data-dir か KIOSK_DATA_DIR で 場所を 指定できます）。",
        )
    return ok("data_folder", name, f"{data_dir} に 書き込めます")


def disk_free(path: Path) -> int:
    """Free bytes on the disk holding `path` (or its nearest existing parent)."""
    for folder in (path, *path.parents):
        if folder.exists():
            return shutil.disk_usage(folder).free
    raise FileNotFoundError(path)


def check_free_space(data_dir: Path, free_space: Callable[[Path], int] = disk_free) -> Result:
    name = "ディスクの 空き"
    free = free_space(data_dir)
    seen = f"空きは {free / GB:.1f} GB" if free >= GB else f"空きは {free / MB:.0f} MB"
    if free < NO_SPACE:
        return fail(
            "free_space",
            name,
            seen + "（記録が 書けなく なります）",
            "いらない ファイルを 消すか、古い バックアップを 別の 場所に 移して ください。",
        )
    if free < LOW_SPACE:
        return warn(
            "free_space",
            name,
            seen + "（1 GB より 少ない）",
            "近いうちに いらない ファイルを 消して、1 GB 以上 空けて ください。",
        )
    return ok("free_space", name, seen)


def check_database(data_dir: Path, kiosk_id: str) -> Result:
    """PRAGMA integrity_check through the records store (a missing file is fine: made at start)."""
    from kiosk.records.store import RecordsCorrupt, RecordStore, RecordsUnavailable

    name = "記録の データベース"
    path = data_dir / DATABASE_FILE
    if not path.exists():
        return ok("database", name, "まだ ありません（キオスクを はじめて 動かすと 作られます）")
    try:
        store = RecordStore(path, kiosk_id=kiosk_id)
    except RecordsCorrupt as exc:
        return fail(
            "database",
            name,
            f"こわれています（{exc}）",
            "キオスクを 起動すると、こわれた ファイルを 別の 名前で 残し、新しい 記録を 始めます。"
            "前の 記録は「kiosk backup」で 取った バックアップから 戻せます。",
        )
    except RecordsUnavailable as exc:
        return fail(
            "database",
            name,
            f"開けません（{exc}）",
            "データフォルダに 書き込めるか、ほかの プログラムが 使っていないかを 確かめて ください。",
        )
    try:
        result = store.check()
    finally:
        store.close()
    if not result.ok:
        return fail(
            "database",
            name,
            f"整合性の 点検で 問題が 見つかりました（{result.integrity}）",
            "「kiosk backup」で 写しを 取り、担当者に 相談して ください。",
        )
    return ok("database", name, f"問題ありません（相談 {result.consultations} 件）")


def newest_checked(procedures_dir: Path) -> date | None:
    """The newest `checked_on:` date in the procedure catalog: the shipped content is no older."""
    from kiosk.content.procedures import load_procedures

    procedures, _problems = load_procedures(procedures_dir)
    return max((p.checked_on for p in procedures.values()), default=None)


def check_clock(now: datetime, reference: date | None) -> Result:
    name = "時計（日付）"
    seen = f"いまは {now:%Y-%m-%d %H:%M}"
    if reference is None:
        return warn(
            "clock",
            name,
            seen + "（くらべる 日付が 見つかりません）",
            "日付が 正しいか 目で 確かめて ください。",
        )
    if now.date() < reference:
        return fail(
            "clock",
            name,
            seen + f"。内容の 確認日（{reference:%Y-%m-%d}）より 前です",
            "パソコンの 日付と 時刻を 正しく 合わせて ください"
            "（Windows: 設定 → 時刻と言語 → 時刻を自動的に設定する）。",
        )
    return ok("clock", name, seen + f"（内容の 確認日 {reference:%Y-%m-%d} より あと）")


def check_time_zone(now: datetime) -> Result:
    """Asia/Tokyo, or say what it is (slips and records would show other hours)."""
    name = "時間帯（タイムゾーン）"
    offset = now.utcoffset()
    label = now.tzname() or "不明"
    if offset is None:
        return warn(
            "time_zone", name, "わかりません", "時間帯を 日本（Asia/Tokyo、UTC+09:00）に して ください。"
        )
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    seen = f"{label}（UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}）"
    if offset != JAPAN:
        return warn(
            "time_zone",
            name,
            seen + "。日本の 時間では ありません",
            "時間帯を (UTC+09:00) 大阪、札幌、東京 に して ください"
            "（Linux: sudo timedatectl set-timezone Asia/Tokyo）。",
        )
    return ok("time_zone", name, seen + "。日本の 時間です")


def _problems_result(
    id: str, name: str, problems: Sequence[Problem], usable: int, what: str, command: str
) -> Result:
    if not problems:
        return ok(id, name, f"{usable} {what}、問題ありません")
    shown = "; ".join(str(p) for p in sorted(problems)[:SHOWN_PROBLEMS])
    more = f" ほか {len(problems) - SHOWN_PROBLEMS} 件" if len(problems) > SHOWN_PROBLEMS else ""
    return fail(
        id,
        name,
        f"問題が {len(problems)} 件（使える {what}は {usable}）: {shown}{more}",
        f"「{command}」で 全部を 見て、書かれた ファイルと 行を 直して ください。",
    )


def check_lessons(lessons_dir: Path, pictures_dir: Path, procedures_dir: Path) -> Result:
    """What `kiosk lessons check` checks, with the same loader."""
    from kiosk.content.library import load_library

    library = load_library(lessons_dir, pictures_dir, procedures_dir, check_style=True)
    return _problems_result(
        "lessons", "レッスン", library.problems, len(library.lessons), "レッスン", "kiosk lessons check"
    )


def check_procedures(procedures_dir: Path, allowlist: tuple[str, ...]) -> Result:
    """What `kiosk procedures check` checks, with the same loader and the settings' allow-list."""
    from kiosk.content.procedures import load_procedures
    from kiosk.content.urls import NOT_ALLOWED

    procedures, problems = load_procedures(procedures_dir, allowlist)
    off_list = {p.file for p in problems if p.field == "url" and NOT_ALLOWED in p.message}
    if off_list and not procedures:  # issue 23: an allowlist that lets no procedure through
        return fail(
            "procedures",
            "手続きの 案内",
            f"設定の url_allowlist が すべての 手続きを 断っています（{len(off_list)} 件、"
            f"使える 案内は 0）: {', '.join(allowlist)}",
            "settings.toml の url_allowlist に 手続きの URL の ホスト（例: digital.go.jp）を "
            "入れて ください。",
        )
    return _problems_result(
        "procedures", "手続きの 案内", problems, len(procedures), "案内", "kiosk procedures check"
    )
