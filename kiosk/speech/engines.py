"""Speech engines behind one small interface. Each one is used on one thread only.

- `pyttsx3`: the platform's voice (SAPI5 on Windows reads kanji and speaks itself;
  espeak-ng on Linux does not, so it is fed kana, and its samples stream to `aplay`
  as they are made: kiosk/speech/espeak_stream.py).
- `openjtalk`: a natural Japanese voice from pyopenjtalk-plus; the first clause is
  synthesised alone and played (`aplay` on Linux, winsound on Windows) while the
  following sentences are made (kiosk/speech/playback.py).
- `timed`: no sound at all; takes as long as speech would. It stands in for a
  voice in tests that check the kiosk keeps working while speech plays.
"""

from __future__ import annotations

import contextlib
import io
import logging
import shutil
import sys
import time
import wave
from pathlib import Path
from typing import Any, ClassVar, Literal, Protocol

from kiosk.speech.playback import PlayerMissing, made_ahead, open_player, play, sentences

log = logging.getLogger("kiosk.speech")

Rate = Literal["slow", "normal"]
ENGINES = ("pyttsx3", "openjtalk", "timed")


class SpeechUnavailable(Exception):
    """This machine cannot speak with this engine; the message says why (for staff)."""


class NoVoice(SpeechUnavailable):
    """The engine works, but has no voice for this language (the kiosk says so and goes on)."""


def base_language(language: str) -> str:
    """The spoken language of a kiosk language: ja-easy is read as Japanese."""
    return language.split("-")[0].lower()


class Engine(Protocol):
    name: str
    needs_kana: bool

    def speak(self, text: str, *, rate: Rate, volume: float, language: str = "ja") -> None:
        """Speak and return when done (blocking: run it off the UI thread); NoVoice for a language."""

    def to_wav(self, text: str, path: Path, *, rate: Rate, volume: float, language: str = "ja") -> None: ...


class VoiceInfo(Protocol):
    """What pyttsx3 says of an installed voice (its `Voice`, from SAPI5 or espeak-ng)."""

    id: str
    name: str | None
    languages: list[str]


# Windows' Japanese voices by preference: Haruka (every Japanese Windows, SAPI5 "Desktop" and
# OneCore), Ayumi and Ichiro (OneCore), Sayaka; Nanami (a natural voice, reachable through SAPI
# only where a vendor exposes it). The first one installed reads; none: the calm no-voice card.
PREFERRED_VOICES: dict[str, tuple[str, ...]] = {
    "ja": ("haruka", "ayumi", "ichiro", "sayaka", "nanami"),
    "en": ("zira", "david", "mark", "aria", "jenny"),
}


def choose_voice(voices: list[VoiceInfo], language: str) -> str | None:
    """The installed voice that reads `language`, as pyttsx3 lists them on each platform.

    SAPI5 (Windows) names a voice «Microsoft Haruka Desktop - Japanese» with languages
    ["ja-JP"]; espeak-ng (Linux) gives ids ending in the code (`jpx/ja`, `gmw/en`,
    `gmw/en-029`). Of the voices for the language, a preferred Windows voice first, then
    an exact code before a regional one, then a name starting with the language's name.
    """
    code = base_language(language)

    def tags(voice: VoiceInfo) -> list[str]:
        tail = (voice.id or "").lower().replace("\\", "/").split("/")[-1]
        languages = getattr(voice, "languages", None) or []
        return [tail, *(str(lang).lower().replace("_", "-") for lang in languages)]

    exact = [v for v in voices if code in tags(v)]
    regional = [v for v in voices if v not in exact and any(t.startswith(code + "-") for t in tags(v))]
    word = {"ja": "japanese", "en": "english"}.get(code)
    named = [
        v for v in voices if v not in exact and v not in regional and word and word in (v.name or "").lower()
    ]
    speaking = exact + regional + named
    for preferred in PREFERRED_VOICES.get(code, ()):
        for voice in speaking:
            if preferred in (voice.name or "").lower() or preferred in (voice.id or "").lower():
                return str(voice.id)
    return str(speaking[0].id) if speaking else None


def audio_player() -> list[str]:
    if sys.platform == "win32":
        return []
    aplay = shutil.which("aplay")
    if aplay is None:
        raise SpeechUnavailable("aplay not found: install alsa-utils (Debian) to hear speech")
    return [aplay, "-q"]


class Pyttsx3Engine:
    name = "pyttsx3"
    # espeak-ng's Japanese voice spells every kanji out as "Japanese letter".
    needs_kana = sys.platform != "win32"
    WORDS_PER_MINUTE: ClassVar[dict[Rate, int]] = {"slow": 110, "normal": 160}

    def __init__(self) -> None:
        try:
            import pyttsx3

            self._engine = pyttsx3.init()
        except Exception as exc:  # pyttsx3 raises whatever its driver raises
            raise SpeechUnavailable(f"no speech engine: {exc}") from exc
        self._voices = list(self._engine.getProperty("voices") or [])
        if self.voice_for("ja") is None:
            raise SpeechUnavailable(
                "no Japanese voice installed (Debian: espeak-ng; Windows: a Japanese SAPI voice)"
            )

    def voice_for(self, language: str) -> str | None:
        """The installed voice that reads `language` (None: none does)."""
        return choose_voice(self._voices, language)

    def _configure(self, rate: Rate, volume: float, language: str) -> None:
        voice = self.voice_for(language)
        if voice is None:
            raise NoVoice(f"no voice for language {language!r} installed")
        self._engine.setProperty("voice", voice)
        self._engine.setProperty("rate", self.WORDS_PER_MINUTE[rate])
        self._engine.setProperty("volume", max(0.0, min(1.0, volume)))

    def speak(self, text: str, *, rate: Rate, volume: float, language: str = "ja") -> None:
        if not sys.platform.startswith("linux"):  # SAPI5 (Windows) plays its voice itself
            self._configure(rate, volume, language)
            self._engine.say(text)
            self._engine.runAndWait()
            return
        from kiosk.speech import espeak_stream

        voice = self.voice_for(language)
        if voice is None:
            raise NoVoice(f"no voice for language {language!r} installed")
        try:
            espeak_stream.speak(
                text, voice=voice, words_per_minute=self.WORDS_PER_MINUTE[rate], volume=volume
            )
        except (PlayerMissing, espeak_stream.EspeakFailed) as exc:
            raise SpeechUnavailable(str(exc)) from exc

    def to_wav(self, text: str, path: Path, *, rate: Rate, volume: float, language: str = "ja") -> None:
        self._configure(rate, volume, language)
        # pyttsx3 2.99 with espeak-ng may write nothing on the first call: try, check, try again.
        for _attempt in range(3):
            path.unlink(missing_ok=True)
            with contextlib.redirect_stdout(io.StringIO()):
                self._engine.save_to_file(text, str(path))
                self._engine.runAndWait()
            if path.exists() and path.stat().st_size > 44:
                return
        raise SpeechUnavailable("the speech engine wrote no audio")


class OpenJTalkEngine:
    name = "openjtalk"
    needs_kana = False
    SPEED: ClassVar[dict[Rate, float]] = {"slow": 0.8, "normal": 1.0}

    def __init__(self) -> None:
        from kiosk.speech.readings import ReadingsUnavailable, _analyzer

        try:
            self._jtalk = _analyzer()
        except ReadingsUnavailable as exc:
            raise SpeechUnavailable(str(exc)) from exc

    SAMPLE_RATE = 48000  # the bundled voice's
    SILENT = 200  # below this (of 32767) a sample is the silence around the voice
    # Open JTalk puts ~0.3 s of silence before each piece: the first keeps a little, so the
    # voice is heard sooner; later ones keep what makes the pause between sentences natural.
    LEAD_IN_S: ClassVar[tuple[float, float]] = (0.03, 0.15)

    def _samples(self, text: str, rate: Rate, volume: float, language: str) -> Any:
        if base_language(language) != "ja":
            raise NoVoice(f"Open JTalk speaks Japanese only, not {language!r}")
        samples, sample_rate = self._jtalk.tts(text, speed=self.SPEED[rate])
        if int(sample_rate) != self.SAMPLE_RATE:
            raise SpeechUnavailable(f"Open JTalk's voice speaks at {sample_rate} Hz, not {self.SAMPLE_RATE}")
        return (samples * max(0.0, min(1.0, volume))).clip(-32768, 32767).astype("<i2")

    def to_wav(self, text: str, path: Path, *, rate: Rate, volume: float, language: str = "ja") -> None:
        scaled = self._samples(text, rate, volume, language)
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(self.SAMPLE_RATE)
            out.writeframes(scaled.tobytes())

    def piece(self, text: str, *, first: bool, rate: Rate, volume: float, language: str = "ja") -> bytes:
        """One piece of an utterance as raw PCM, its lead-in silence shortened."""
        scaled = self._samples(text, rate, volume, language)
        loud = (abs(scaled) > self.SILENT).nonzero()[0]
        keep = int(self.LEAD_IN_S[0 if first else 1] * self.SAMPLE_RATE)
        start = max(0, int(loud[0]) - keep) if len(loud) else 0
        return bytes(scaled[start:].tobytes())

    def speak(self, text: str, *, rate: Rate, volume: float, language: str = "ja") -> None:
        if base_language(language) != "ja":
            raise NoVoice(f"Open JTalk speaks Japanese only, not {language!r}")
        try:
            player = open_player(self.SAMPLE_RATE)  # starts while the first piece is made
        except PlayerMissing as exc:
            raise SpeechUnavailable(str(exc)) from exc
        pieces = list(enumerate(sentences(text)))
        made = made_ahead(
            pieces,
            lambda numbered: self.piece(
                numbered[1], first=numbered[0] == 0, rate=rate, volume=volume, language=language
            ),
        )
        play(made, player)


class TimedEngine:
    """Silent: takes as long as speaking would (about 8 kana a second, slower when slow)."""

    name = "timed"
    needs_kana = True

    def __init__(self, languages: tuple[str, ...] | None = None) -> None:
        self.languages = languages  # None: every language; else only these (as a machine with few voices)

    def _check(self, language: str) -> None:
        if self.languages is not None and base_language(language) not in self.languages:
            raise NoVoice(
                f"no voice for language {language!r} (this stand-in speaks {', '.join(self.languages)})"
            )

    SECONDS_PER_CHAR: ClassVar[dict[Rate, float]] = {"slow": 0.18, "normal": 0.125}

    def speak(self, text: str, *, rate: Rate, volume: float, language: str = "ja") -> None:
        self._check(language)
        time.sleep(len(text) * self.SECONDS_PER_CHAR[rate])

    def to_wav(self, text: str, path: Path, *, rate: Rate, volume: float, language: str = "ja") -> None:
        frames = int(len(text) * self.SECONDS_PER_CHAR[rate] * 16000)
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(16000)
            out.writeframes(b"\0\0" * frames)


def make_engine(name: str) -> Engine:
    if name == "pyttsx3":
        return Pyttsx3Engine()
    if name == "openjtalk":
        return OpenJTalkEngine()
    if name == "timed":
        return TimedEngine()
    if name == "timed-ja":  # the silent stand-in with a Japanese voice only
        return TimedEngine(("ja",))
    raise SpeechUnavailable(f"unknown speech engine: {name} (known: {', '.join(ENGINES)})")


def text_for(engine: Engine, text: str, language: str = "ja") -> str:
    """What the engine is fed: kana for engines that cannot read kanji (Japanese), else the text."""
    from kiosk.content.markup import plain
    from kiosk.speech.readings import ReadingsUnavailable, kana_for_speech

    if not engine.needs_kana or base_language(language) != "ja":
        return plain(text)
    try:
        return kana_for_speech(text)
    except ReadingsUnavailable as exc:
        raise SpeechUnavailable(f"no readings for this engine: {exc}") from exc
