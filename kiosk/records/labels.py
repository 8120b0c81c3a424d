"""Words for the codes the records keep, for people: staff screens, reports, open data.

One table per grouping; a code that is not listed is shown as it is by `label`, so
staff always see what was stored. Open data uses `OTHER` instead (see export.py).
"""

from __future__ import annotations

TOPIC_LABELS = {
    "basics": "スマホの基本",
    "mynumber": "マイナンバー・オンライン手続き",
    "practice": "操作の練習",
    "supporter": "サポーター講座",
    "disaster": "災害のとき",
    "other": "その他",
}
AGE_LABELS = {
    "-59": "59歳以下",
    "60s": "60代",
    "70s": "70代",
    "80+": "80歳以上",
    "unknown": "回答なし",
}
OUTCOME_LABELS = {
    "solved": "解決",
    "next_time": "次回に継続",
    "referred_city": "市の窓口を案内",
    "referred_carrier": "携帯電話会社の店舗を案内",
    "referred_other": "ほかの窓口を案内",
}
DEVICE_LABELS = {
    "iphone": "iPhone",
    "android": "Android",
    "raku": "らくらくスマホ",
    "feature": "携帯電話（ボタンの電話）",
    "none": "持っていない",
}
MODE_LABELS = {
    "self": "おひとりで",
    "supporter": "サポーターと",
    "staff": "職員と",
    "training": "サポーター講座（受講）",
}
KIOSK_MODE_LABELS = {"normal": "ふだん", "disaster": "災害モード（避難所）"}
LANGUAGE_LABELS = {"ja": "日本語", "ja-easy": "やさしい日本語", "en": "English"}
WEEKDAY_LABELS = {str(n): day for n, day in enumerate("日月火水木金土")}  # 0 = Sunday, as SQLite's %w
NOT_RECORDED = "記録なし"
# 「カードを かざして 調べる」 (card_checks.py): when the e-certificate expires, and each PIN.
EXPIRY_BAND_LABELS = {
    "over_1_year": "1年より先",
    "within_1_year": "1年以内",
    "within_3_months": "3か月以内",
    "expired": "切れている",
}
CARD_PIN_LABELS = {"auth": "利用者証明用", "sign": "署名用", "kenhojo": "券面事項入力補助用"}
PIN_STATE_LABELS = {"ok": "まだ ためせる", "low": "あと1回", "locked": "ロック"}

# Grouping (as in review.Statistics.by) → its heading and words.
GROUPINGS: dict[str, tuple[str, dict[str, str]]] = {
    "topic": ("ご相談の内容", TOPIC_LABELS),
    "month": ("月", {}),
    "weekday": ("曜日", WEEKDAY_LABELS),
    "hour": ("時間帯", {f"{h:02d}": f"{h}時" for h in range(24)}),
    "age_band": ("年代", AGE_LABELS),
    "device": ("お使いの電話", DEVICE_LABELS),
    "outcome": ("結果", OUTCOME_LABELS),
    "mode": ("だれと", MODE_LABELS),
    "kiosk_mode": ("運用", KIOSK_MODE_LABELS),
    "kiosk": ("端末", {}),
    "language": ("言葉", LANGUAGE_LABELS),
}


def label(grouping: str, code: str) -> str:
    """The word for a stored code in a grouping; 記録なし for an empty one; the code itself if unknown."""
    if not code:
        return NOT_RECORDED
    if grouping == "month" and len(code) == 7:  # 2026-03 → 2026年3月: "26/3" read as a day or a year
        return f"{code[:4]}年{int(code[5:])}月"
    return GROUPINGS.get(grouping, ("", {}))[1].get(code, code)
