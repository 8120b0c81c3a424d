"""What happened in a consultation, in plain Japanese: one sentence per stored event.

The staff review shows a consultation as a timeline of these sentences instead of the
stored codes (`lesson_started text-size`). Titles of lessons, procedures, troubles and
practice come in through `Names`, so this module reads no content and imports no Qt.
Staff read standard Japanese whatever language the visitor chose.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kiosk.records.card_checks import parse_card_detail
from kiosk.records.events import EventKind
from kiosk.records.labels import (
    CARD_PIN_LABELS,
    DEVICE_LABELS,
    LANGUAGE_LABELS,
    PIN_STATE_LABELS,
    TOPIC_LABELS,
)


@dataclass(frozen=True)
class Names:
    """Titles for the ids events carry; an id not listed is shown as it is."""

    lessons: Mapping[str, str] = field(default_factory=dict)
    procedures: Mapping[str, str] = field(default_factory=dict)
    troubles: Mapping[str, str] = field(default_factory=dict)
    exercises: Mapping[str, str] = field(default_factory=dict)


TEXT_SIZES = {"standard": "標準", "large": "大", "xlarge": "特大"}
THEMES = {"standard": "ふつうの色", "high-contrast": "見やすい色（黒地に黄色）"}
SPEEDS = {"slow": "ゆっくり", "normal": "ふつう"}
DISASTER_CARDS = {
    "connect": "つながる（Wi-Fi・電池）",
    "safety": "安否を伝える（171）",
    "certificate": "罹災証明書",
    "city": "市の災害情報",
}
WINDOW_GONE = {
    "minimised": "最小化",
    "hidden": "非表示",
    "unmapped": "表示の取り消し",
    "not full screen": "全画面の解除",
}
CERTIFICATE_EXPIRY = {
    "over_1_year": "電子証明書は 1年より先まで 使える",
    "within_1_year": "電子証明書は 1年以内に 切れる",
    "within_3_months": "電子証明書は 3か月以内に 切れる",
    "expired": "電子証明書は 切れている",
}
PRINTED = {
    "course-certificate": "講座の修了の紙",
    "lesson-sheet": "レッスンの手順の紙",
    "card-check": "カードを 調べた 結果の紙",
}
# Where a button was pressed: the screen's class name, as the window records it.
SCREENS = {
    "HomeScreen": "はじめの画面",
    "CardCheckScreen": "カードを 調べる",
    "MenuScreen": "メニュー",
    "LessonListScreen": "レッスンの一覧",
    "PlayerScreen": "レッスン",
    "FinishScreen": "レッスンの終わり",
    "HandoffScreen": "手続きの案内",
    "PracticeMenuScreen": "練習の一覧",
    "PracticeScreen": "練習",
    "TroublesScreen": "こまったことから さがす",
    "TroubleCard": "こまりごとの説明",
    "GlossaryCard": "ことばの意味",
    "DisasterHomeScreen": "災害モードの画面",
    "SelfCheckScreen": "講座の確かめ問題",
    "DeviceCard": "スマホの種類",
    "HelpCard": "「わからない」の案内",
}


def sentence(event: Mapping[str, Any], names: Names | None = None) -> str:
    """One event as a sentence: 「レッスン: 文字を大きくする — 手順 1 を見た」."""
    names = names or Names()
    kind = str(event.get("kind") or "")
    detail = str(event.get("detail") or "")
    step = event.get("step")
    lesson_id = event.get("lesson_id")
    lesson = f"レッスン: {names.lessons.get(lesson_id, lesson_id)} — " if lesson_id else ""
    procedure_id = event.get("procedure_id")
    procedure = f"手続きの案内: {names.procedures.get(procedure_id, procedure_id)} — " if procedure_id else ""
    where = f"（{SCREENS.get(detail, detail)}）" if detail else ""
    match kind:
        case EventKind.LESSON_STARTED:
            return f"{lesson}はじめた"
        case EventKind.STEP_SHOWN:
            return f"{lesson}手順 {step} を見た"
        case EventKind.DONT_UNDERSTAND:
            return f"{lesson}手順 {step} で「わからない」を押した"
        case EventKind.LESSON_FINISHED:
            return f"{lesson}最後まで終えた"
        case EventKind.RESUMED:
            return f"{lesson}つづきの番号で 手順 {step} から再開した"
        case EventKind.CHECK_ANSWERED:
            result = "正しく答えた" if detail == "right" else "まちがえた"
            return f"{lesson.replace('レッスン', '講座の確かめ問題', 1)}問 {step} に{result}"
        case EventKind.WORD_OPENED:
            return f"{lesson}ことば「{detail}」の意味を見た"
        case EventKind.HANDOFF_SHOWN:
            return f"{procedure}QRコードを見せた"
        case EventKind.SLIP_PRINTED:
            return f"{procedure or _printed(detail)}紙を印刷した"
        case EventKind.SLIP_PRINT_FAILED:
            if procedure:
                return f"{procedure}印刷できなかった（{detail or '理由の記録なし'}）"
            what, _, reason = detail.partition(": ")
            return f"{_printed(what)}印刷できなかった（{reason or '理由の記録なし'}）"
        case EventKind.STAFF_CALLED:
            return f"「係員を呼ぶ」を押した{where}"
        case "staff_notified":  # the staff-call message: 'sent (1 try)' / 'failed: why (3 tries)'
            if detail.startswith("sent"):
                return "係員の連絡先に 知らせを 送った"
            return f"係員の連絡先に 知らせを 送れなかった（{detail.removeprefix('failed: ')}）"
        case EventKind.READ_ALOUD:
            return f"「よみあげ」を押した{where}"
        case EventKind.TEXT_SIZE_CHANGED:
            return f"文字の大きさを「{TEXT_SIZES.get(detail, detail)}」にした"
        case EventKind.THEME_CHANGED:
            return f"画面の色を「{THEMES.get(detail, detail)}」にした"
        case EventKind.DEVICE_CHOSEN:
            return f"お使いの電話を えらんだ: {DEVICE_LABELS.get(detail, detail)}"
        case EventKind.READ_ALOUD_CHANGED:
            return f"読み上げの速さを「{SPEEDS.get(detail, detail)}」にした"
        case EventKind.FURIGANA_CHANGED:
            return "ふりがなを つけた" if detail == "on" else "ふりがなを はずした"
        case EventKind.LANGUAGE_CHANGED:
            return f"言葉を「{LANGUAGE_LABELS.get(detail, detail)}」にした"
        case EventKind.IDLE_WARNING:
            return "しばらく操作がなく、「まだ 続けますか？」を出した"
        case EventKind.IDLE_EXTENDED:
            return "「続ける」を押した"
        case EventKind.IDLE_RESET:
            return "操作がないまま時間が来て、はじめに戻った（途中で終了）"
        case EventKind.PRACTICE_RESULT:
            return _practice(detail, names)
        case EventKind.INTAKE:
            return f"ご相談の内容: {TOPIC_LABELS.get(detail, detail)}"
        case EventKind.RESUME_WRONG:
            return "つづきの番号が ちがっていた"
        case EventKind.TROUBLE_CHOSEN:
            return f"こまりごとを えらんだ: {names.troubles.get(detail, detail)}"
        case EventKind.WINDOW_RESTORED:
            return f"画面が 隠れたため（{WINDOW_GONE.get(detail, detail)}）、元に 戻した"
        case EventKind.DISASTER_CARD:
            return f"災害モード: 「{DISASTER_CARDS.get(detail, detail)}」を えらんだ"
        case EventKind.CARD_CHECKED:
            return _card(detail)
    # A kind this version does not know (a newer kiosk's bundle): what was stored, as it is.
    return " ".join(str(x) for x in (kind, lesson_id, step, procedure_id, detail) if x)


def _printed(what: str) -> str:
    return f"{PRINTED.get(what, what)} — " if what else ""


def _card(detail: str) -> str:
    """「カードを 調べた: 電子証明書は 3か月以内に 切れる／署名用の暗証番号 あと1回」: PINs in need."""
    found = parse_card_detail(detail)
    if found is None:  # not a detail the kiosk writes: not shown, as it might hold anything
        return "カードを 調べた（結果の 記録が 読めない）"
    care = [
        f"{CARD_PIN_LABELS[name]}の暗証番号 {PIN_STATE_LABELS[state]}"
        for name, state in found.pins().items()
        if state != "ok"
    ]
    pins = care or ["暗証番号は どれも まだ ためせる"]
    return "／".join([f"カードを 調べた: {CERTIFICATE_EXPIRY[found.expiry_band]}", *pins])


def _practice(detail: str, names: Names) -> str:
    try:
        result = json.loads(detail)
        exercise = str(result["exercise"])
        attempts, successes = int(result["attempts"]), int(result["successes"])
    except (ValueError, KeyError, TypeError):
        return f"練習をした（{detail}）" if detail else "練習をした"
    end = "最後まで" if result.get("finished") else "途中まで"
    title = names.exercises.get(exercise, exercise)
    return f"練習: {title} — {attempts} 回 ためして {successes} 回 できた（{end}）"


def timeline(events: Sequence[Mapping[str, Any]], names: Names | None = None) -> list[tuple[str, str]]:
    """(時刻 HH:MM, sentence) for each event in order, as the review's detail view shows them."""
    return [(str(event.get("at") or "")[11:16], sentence(event, names)) for event in events]
