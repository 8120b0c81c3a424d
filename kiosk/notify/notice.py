"""What a staff call tells staff: the kiosk id, the time and the screen, in one line (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# The screen's class name, as the kiosk records it, in words staff read in a chat.
SCREEN_WORDS = {
    "HomeScreen": "はじめの画面",
    "DisasterHomeScreen": "災害モードの画面",
    "TroublesScreen": "こまりごとの一覧",
    "MenuScreen": "メニュー",
    "LessonListScreen": "レッスンの一覧",
    "PlayerScreen": "レッスン",
    "SelfCheckScreen": "確かめ問題",
    "FinishScreen": "レッスンの終わり",
    "HandoffScreen": "手続きの案内（QRコード）",
    "PracticeMenuScreen": "操作の練習の一覧",
    "PracticeScreen": "操作の練習",
}


@dataclass(frozen=True)
class StaffCallNotice:
    """What staff are told. Deliberately only these three things."""

    kiosk_id: str
    at: datetime
    screen: str

    @property
    def text(self) -> str:
        """The one line staff read in their chat."""
        screen = SCREEN_WORDS.get(self.screen, self.screen)
        return f"【係員呼び出し】{self.kiosk_id} で 係員が呼ばれています（{self.at:%H:%M}、画面: {screen}）"
