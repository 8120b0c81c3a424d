"""Read-aloud: each kiosk language speaks a test phrase to a WAV, which must not be silent.

The engine is made and used on one worker thread (pyttsx3 wants that) and waited for
with a time limit, so a hung engine is a ✗, not a kiosk that never answers.
"""

from __future__ import annotations

import array
import sys
import tempfile
import threading
import wave
from collections.abc import Callable
from pathlib import Path

from kiosk.doctor.result import Result, fail, ok
from kiosk.speech.engines import Engine, NoVoice, SpeechUnavailable, text_for

EngineFactory = Callable[[], Engine]

PHRASES = {
    "ja": "こちらは 声の 点検です。",
    "ja-easy": "こえの てんけん です。",
    "en": "This is a voice check.",
}
LANGUAGE_NAMES = {"ja": "日本語", "ja-easy": "やさしい日本語", "en": "英語"}
QUIET = 0.01  # loudest sample below 1 % of full scale: nothing anyone would hear
SHORTEST_S = 0.2
FIX_NO_VOICE = (
    "声を 入れて ください（Windows: 設定 → 時刻と言語 → 音声 で その 言語の 音声を 追加。"
    "Debian: sudo apt install espeak-ng）。"
)


def kiosk_languages(i18n_dir: Path) -> list[str]:
    """Japanese, then one language per `kiosk_<language>.ts` or compiled `.qm` (as the kiosk offers them)."""
    found = {
        path.stem.removeprefix("kiosk_")
        for path in i18n_dir.glob("kiosk_*.*")
        if path.suffix in (".ts", ".qm")
    }
    return ["ja", *sorted(found)]


def loudness(path: Path) -> tuple[float, float]:
    """(seconds, loudest sample as a fraction of full scale) of a PCM WAV file."""
    with wave.open(str(path), "rb") as wav:
        width, frames, rate = wav.getsampwidth(), wav.getnframes(), wav.getframerate()
        data = wav.readframes(frames)
    seconds = frames / rate if rate else 0.0
    if width == 1:  # 8-bit WAV is unsigned around 128
        peak = max((abs(b - 128) for b in data), default=0) / 128
    elif width in (2, 4):
        samples = array.array("h" if width == 2 else "i", data[: len(data) // width * width])
        if sys.byteorder == "big":
            samples.byteswap()
        peak = max((abs(s) for s in samples), default=0) / (2 ** (8 * width - 1))
    else:
        raise wave.Error(f"{8 * width}-bit samples")
    return seconds, peak


def _judge(language: str, path: Path) -> Result:
    id, name = f"voice:{language}", f"声（{LANGUAGE_NAMES.get(language, language)}）"
    try:
        seconds, peak = loudness(path)
    except (OSError, EOFError, wave.Error) as exc:
        return fail(id, name, f"音の ファイルが 読めません（{exc}）", FIX_NO_VOICE)
    if seconds < SHORTEST_S or peak < QUIET:
        return fail(
            id, name, f"音が 入っていません（{seconds:.1f} 秒、いちばん 大きい 音 {peak:.1%}）", FIX_NO_VOICE
        )
    return ok(id, name, f"読み上げられます（{seconds:.1f} 秒の 音）")


def _speak_all(
    make: EngineFactory, languages: list[str], folder: Path, outcomes: dict[str, Result | Exception]
) -> None:
    try:
        engine = make()
    except Exception as exc:
        for language in languages:
            outcomes[language] = exc
        return
    for language in languages:
        path = folder / f"{language}.wav"
        try:
            phrase = PHRASES.get(language, PHRASES["en"])
            engine.to_wav(
                text_for(engine, phrase, language), path, rate="normal", volume=1.0, language=language
            )
            outcomes[language] = _judge(language, path)
        except Exception as exc:
            outcomes[language] = exc


def check_voices(make: EngineFactory, languages: list[str], *, timeout_s: float = 60.0) -> list[Result]:
    outcomes: dict[str, Result | Exception] = {}
    with tempfile.TemporaryDirectory(prefix="kiosk-doctor-") as folder:
        worker = threading.Thread(
            target=_speak_all,
            args=(make, languages, Path(folder), outcomes),
            name="doctor-voice",
            daemon=True,
        )
        worker.start()
        worker.join(timeout_s)
        results = [_result(language, outcomes.get(language)) for language in languages]
    return results


def _result(language: str, outcome: Result | Exception | None) -> Result:
    if isinstance(outcome, Result):
        return outcome
    id, name = f"voice:{language}", f"声（{LANGUAGE_NAMES.get(language, language)}）"
    if outcome is None:
        return fail(
            id,
            name,
            "声の 点検が 時間内に 終わりませんでした",
            "パソコンを 再起動して、もう一度 点検して ください。",
        )
    if isinstance(outcome, NoVoice):
        return fail(id, name, f"この 言語の 声が ありません（{outcome}）", FIX_NO_VOICE)
    if isinstance(outcome, SpeechUnavailable):
        return fail(id, name, f"読み上げが 使えません（{outcome}）", FIX_NO_VOICE)
    return fail(
        id,
        name,
        f"読み上げの 途中で 止まりました（{type(outcome).__name__}: {outcome}）",
        "もう一度 点検して ください。同じ ときは、この 行を 担当者に 伝えて ください。",
    )


def check_sound_output(problem: Callable[[], str | None]) -> Result:
    """Speech that is written but cannot be played is still silence for the person at the kiosk."""
    name = "スピーカー（音の 出口）"
    try:
        found = problem()
    except SpeechUnavailable as exc:
        found = str(exc)
    if found:
        return fail(
            "sound_output",
            name,
            f"音を 出せません（{found}）",
            "スピーカーを つなぎ、音が 出るか 確かめて ください（Debian: alsa-utils を 入れる）。",
        )
    return ok("sound_output", name, "音を 出す 準備が できています")


def sound_problem() -> str | None:
    """Why this machine cannot play speech, as the speech worker would find it (None: it can)."""
    from kiosk.speech.engines import audio_player
    from kiosk.speech.worker import audio_device_problem

    audio_player()  # raises SpeechUnavailable without aplay (Linux)
    return audio_device_problem()
