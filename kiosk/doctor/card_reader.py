"""The card reader of 「カードを かざして 調べる」, checked only when settings name one.

A missing reader is a ⚠, not a ✗: the kiosk runs without it (the card check says calmly
that there is no reader). The smart-card service, the readers it lists and whether the
configured one is among them come from the same survey as `kiosk card readers`.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.card.problems import CardProblem
from kiosk.card.reader import ANY_READER, survey_readers
from kiosk.doctor.result import Result, ok, warn

ID, NAME = "card_reader", "カード読み取り機"
FIX_SERVICE = (
    "読み取り機を USB に つないで ください。Linux: sudo apt-get install pcscd libccid、"
    "Windows: 読み取り機を つなぐと スマートカードの サービスが 動きます"
    '（pyscard が ないときは pip install "naruto-kiosk[card]"）。'
)
FIX_READER = (
    "読み取り機を USB に つなぎ直して ください。名前は「kiosk card readers」で 見られます"
    "（settings.toml の card_reader を その 名前か any に）。"
)


def check_card_reader(setting: str, readers: Callable[[], list[str]]) -> Result:
    """The configured reader (`card_reader` "any" or a name; the doctor asks only when set)."""
    setting = setting.strip() or ANY_READER
    try:
        survey = survey_readers(setting, readers)
    except CardProblem as problem:
        return warn(ID, NAME, f"スマートカードの サービスが 答えません（{problem.detail}）", FIX_SERVICE)
    connected = "、".join(survey.readers) or "なし"
    if survey.found:
        which = "どれでも（any）" if setting == ANY_READER else f"「{setting}」"
        return ok(ID, NAME, f"設定は {which}。つながっています: {connected}")
    if survey.wanted is None:
        return warn(ID, NAME, "設定は any ですが、読み取り機が つながっていません", FIX_READER)
    return warn(ID, NAME, f"設定の「{setting}」が ありません（つながっている もの: {connected}）", FIX_READER)
