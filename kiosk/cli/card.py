"""`kiosk card check|readers`: staff test a card reader with the kiosk's own check.

The check is the screen's (`read_card` over `pcsc_opener`): no PIN is sent and nothing is
written, neither to the records nor to the audit log (it reads no records and changes no
settings, like `kiosk doctor`). Exit 0: a result; 3: no result, one calm sentence (the
`--json` answer names the kind); 2: a bad setting or option. Never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kiosk.card.check import CardCheck, PinTries, today_in_japan
from kiosk.card.pcsc import list_readers
from kiosk.card.problems import CardProblem
from kiosk.card.reader import ANY_READER, CardOpener, pcsc_opener, read_card, survey_readers
from kiosk.card.report import check_report, problem_report
from kiosk.settings import load_settings

EXIT_RESULT, EXIT_USAGE, EXIT_CARD_PROBLEM = 0, 2, 3
LONGEST_WAIT_S = 120


@dataclass
class CardAccess:
    """How the command reaches a card: PC/SC by default; tests put in the software card."""

    opener: Callable[[str], CardOpener] = pcsc_opener  # from a `card_reader` value
    readers: Callable[[], list[str]] = list_readers
    today: Callable[[], date] = today_in_japan


ACCESS = CardAccess()

BANDS = {
    "over_1_year": "✓ 1年より 先まで 使えます",
    "within_1_year": "✓ 使えます（1年以内に 切れます）",
    "within_3_months": "⚠ 3か月以内に 切れます → 更新の 手続きを ご案内ください",
    "expired": "✗ 切れています → 市役所の 窓口で 更新",
}
PINS = (
    ("auth_pin", "利用者証明用（数字 4けた）"),
    ("sign_pin", "署名用（英数字 6〜16けた）"),
    ("kenhojo_pin", "券面事項入力補助用（数字 4けた）"),
)
PROBLEMS = {
    "no_reader": "カード読み取り機が 見つかりません。USB を つなぎ直して ください"
    "（Linux: pcscd が 動いているか、Windows: 読み取り機の ドライバーが 入っているかも 確かめて ください）。",
    "no_card": "カードが のせられませんでした。読み取り機の 上に カードを 置いて、"
    "もう一度 ためして ください。",
    "not_my_number_card": "マイナンバーカードとして 読めませんでした。ほかの カードが 重なって いないか "
    "確かめて ください。",
    "card_removed": "読み取りの 途中で カードが 離れました。カードを 置いたまま、"
    "もう一度 ためして ください。",
    "timeout": "カードが 答えませんでした。ケースから 出して、もう一度 ゆっくり のせて ください。",
}


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    card = commands.add_parser("card", help="「カードを かざして 調べる」の 読み取り機を 試す（係員用）")
    card_commands = card.add_subparsers(dest="card_command", required=True, parser_class=type(card))
    check = card_commands.add_parser("check", help="のせた カードの 有効期限と 暗証番号の 残り回数")
    check.add_argument("--json", action="store_true", help="categories and the date only, for scripts")
    check.add_argument("--reader", metavar="NAME", help="this reader, not settings' (kiosk card readers)")
    check.add_argument("--wait", type=_seconds, metavar="SECONDS", help="wait for a card (card_wait_seconds)")
    readers = card_commands.add_parser("readers", help="つながっている 読み取り機と 設定の card_reader")
    readers.add_argument("--json", action="store_true")


def _seconds(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= LONGEST_WAIT_S:
        raise argparse.ArgumentTypeError(f"--wait must be 1 to {LONGEST_WAIT_S} seconds, not {text!r}")
    return int(text)


def run(args: argparse.Namespace, data_dir: Path) -> int:
    _quiet_card_log()
    settings = load_settings(data_dir)
    setting = settings.card_reader.strip()
    if args.card_command == "readers":
        return _readers(setting, args.json)
    wait_s = args.wait or settings.card_wait_seconds
    return _check(args.reader.strip() if args.reader else setting, wait_s, args.json)


def _quiet_card_log() -> None:
    """read_card logs a driver's bug with its traceback for the kiosk's log file; a command with
    no log file would print it through logging's last resort, so here it goes nowhere."""
    logger = logging.getLogger("kiosk.card")
    if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
        logger.addHandler(logging.NullHandler())


def _check(setting: str, wait_s: int, as_json: bool) -> int:
    if not setting:
        print("設定の card_reader が 空です。つながっている どの 読み取り機でも 調べます。", file=sys.stderr)
        setting = ANY_READER
    if not as_json:
        print(f"カードを 読み取り機に のせて ください（{wait_s} 秒 待ちます）…", file=sys.stderr)
    today = ACCESS.today()
    try:
        result = read_card(ACCESS.opener(setting), wait_s, today)
    except CardProblem as problem:
        if as_json:
            print(json.dumps(problem_report(problem), ensure_ascii=False))
        else:
            print(PROBLEMS.get(problem.kind, PROBLEMS["timeout"]))
            print(f"（くわしく: {problem.kind}: {problem.detail or '-'}）", file=sys.stderr)
        return EXIT_CARD_PROBLEM
    if as_json:
        print(json.dumps(check_report(result), ensure_ascii=False, indent=2))
    else:
        for line in result_lines(result, today):
            print(line)
    return EXIT_RESULT


def result_lines(result: CardCheck, today: date) -> list[str]:
    """The result as a clerk reads it aloud to the person: the date, then each PIN."""
    day = result.expires_on
    left = (day - today).days
    when = f"あと {left}日" if left >= 0 else f"{-left}日 前に 切れました"
    lines = [
        f"電子証明書の 有効期限: {day.year}年{day.month}月{day.day}日（{when}）",
        f"  {BANDS[result.expiry_band]}",
        "暗証番号の 残り回数:",
    ]
    for field, name in PINS:
        tries: PinTries = getattr(result, field)
        lines.append(f"  {name}: {_pin_words(tries)}")
    return lines


def _pin_words(tries: PinTries) -> str:
    if tries.state == "locked":
        return "✗ ロック されています → 市役所の 窓口で 解除"
    if tries.state == "low":
        return "⚠ あと 1回です。ためさないで、窓口へ"
    return f"✓ あと {tries.left}回 まちがえられます"


def _readers(setting: str, as_json: bool) -> int:
    try:
        survey = survey_readers(setting, ACCESS.readers)
    except CardProblem as problem:
        if as_json:
            print(json.dumps({"service": False, **problem_report(problem)}, ensure_ascii=False))
        else:
            print("スマートカードの サービスが 答えません。" + PROBLEMS["no_reader"])
            print(f"（くわしく: {problem.detail or '-'}）", file=sys.stderr)
        return EXIT_CARD_PROBLEM
    if as_json:
        report = {"service": True, "readers": list(survey.readers), "card_reader": setting}
        print(json.dumps(report | {"found": survey.found}, ensure_ascii=False, indent=2))
        return EXIT_RESULT if survey.found else EXIT_CARD_PROBLEM
    print(f"つながっている 読み取り機: {len(survey.readers)} 台")
    for name in survey.readers:
        print(f"  {name}")
    print(f"設定の card_reader: {_setting_words(setting)}")
    if not survey.found:
        print(PROBLEMS["no_reader"])
    elif survey.wanted is not None:
        print("  ✓ その 読み取り機が つながっています")
    return EXIT_RESULT if survey.found else EXIT_CARD_PROBLEM


def _setting_words(setting: str) -> str:
    if not setting:
        return "空（キオスクに「カードを かざして 調べる」は 出ません）"
    if setting == ANY_READER:
        return "any（カードが のった 最初の 読み取り機）"
    return f"「{setting}」"
