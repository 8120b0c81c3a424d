"""The whole 「点検」: what it looks at (all of it injectable) and the checks in the order shown."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kiosk.card.pcsc import list_readers
from kiosk.doctor import card_reader, checks, voice
from kiosk.doctor.result import Result, all_well, crashed, guarded
from kiosk.settings import Settings
from kiosk.speech.engines import Engine, make_engine


def _local_now() -> datetime:
    return datetime.now().astimezone()


def _default_dirs() -> dict[str, Path]:
    from kiosk import paths

    return {
        "lessons": paths.LESSONS_DIR,
        "pictures": paths.PICTURES_DIR,
        "procedures": paths.PROCEDURES_DIR,
        "i18n": paths.I18N_DIR,
    }


@dataclass
class Doctor:
    """What the checks look at. The defaults are the real machine; tests hand in their own."""

    data_dir: Path
    now: Callable[[], datetime] = _local_now
    free_space: Callable[[Path], int] = checks.disk_free
    # The speech engine for the settings' engine name (the kiosk's own by default).
    engine: Callable[[str], Engine] = make_engine
    sound_problem: Callable[[], str | None] = voice.sound_problem
    content: dict[str, Path] = field(default_factory=_default_dirs)
    voice_timeout_s: float = 60.0
    # The PC/SC readers (pyscard and the smart-card service), looked at only when configured.
    card_readers: Callable[[], list[str]] = list_readers

    def settings(self) -> tuple[Result, Settings]:
        """The settings check, and the settings the other checks use (defaults when unreadable)."""
        try:
            return checks.check_settings(self.data_dir)
        except Exception as exc:
            return crashed("settings", "設定（settings.toml）", exc), Settings()

    def checks(self, settings: Settings) -> list[Result]:
        """Every check that needs no Qt (safe to run off the UI thread); each one guarded."""
        dirs = self.content
        now = self.now()
        results = self._voices(settings)
        if not settings.speech_engine.startswith("timed"):
            results.append(
                guarded(
                    "sound_output",
                    "スピーカー（音の 出口）",
                    lambda: voice.check_sound_output(self.sound_problem),
                )
            )
        if settings.card_reader.strip():  # no reader configured: the card check is off, nothing to say
            results.append(
                guarded(
                    card_reader.ID,
                    card_reader.NAME,
                    lambda: card_reader.check_card_reader(settings.card_reader, self.card_readers),
                )
            )
        results += [
            guarded(
                "data_folder",
                "データフォルダ（記録・設定・ログ）",
                lambda: checks.check_data_folder(self.data_dir),
            ),
            guarded(
                "free_space",
                "ディスクの 空き",
                lambda: checks.check_free_space(self.data_dir, self.free_space),
            ),
            guarded(
                "database",
                "記録の データベース",
                lambda: checks.check_database(self.data_dir, settings.kiosk_id),
            ),
            guarded(
                "clock",
                "時計（日付）",
                lambda: checks.check_clock(now, checks.newest_checked(dirs["procedures"])),
            ),
            guarded("time_zone", "時間帯（タイムゾーン）", lambda: checks.check_time_zone(now)),
            guarded(
                "lessons",
                "レッスン",
                lambda: checks.check_lessons(dirs["lessons"], dirs["pictures"], dirs["procedures"]),
            ),
            guarded(
                "procedures",
                "手続きの 案内",
                lambda: checks.check_procedures(dirs["procedures"], settings.url_allowlist),
            ),
        ]
        return results

    def _voices(self, settings: Settings) -> list[Result]:
        languages = voice.kiosk_languages(self.content["i18n"])
        try:
            return voice.check_voices(
                lambda: self.engine(settings.speech_engine), languages, timeout_s=self.voice_timeout_s
            )
        except Exception as exc:
            return [crashed(f"voice:{language}", f"声（{language}）", exc) for language in languages]


def json_report(results: list[Result]) -> str:
    return json.dumps(
        {"ok": all_well(results), "checks": [result.as_dict() for result in results]},
        ensure_ascii=False,
        indent=2,
    )
