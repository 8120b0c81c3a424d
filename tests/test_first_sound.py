"""Read-aloud starts while the rest is still being made, and still stops, slows and softens.

The player is a stand-in for aplay (tests/helpers/recording_player.py) that records what
it is handed: no wall-clock thresholds here (bench/first_sound.py has the figures).
"""

from __future__ import annotations

import os
import shlex
import sys
import threading
import wave
from array import array
from pathlib import Path

import pytest

from kiosk.speech import playback
from kiosk.speech.engines import OpenJTalkEngine, make_engine, text_for
from kiosk.speech.playback import PLAYER_ENV, sentences, wav_bytes
from kiosk.ui.speech_client import SpeechClient
from tests.helpers.processes import ended

PLAYER = Path(__file__).parent / "helpers" / "recording_player.py"
STEPS = (
    "マイナンバーカードを、カードの 置き場に 置きます。"
    "画面に 出る 数字を 確かめます。"
    "暗証番号を 四けた 入れます。"
    "終わったら、カードを 取ります。"
)


def _record_to(folder: Path, monkeypatch: pytest.MonkeyPatch, *extra: str) -> Path:
    command = [sys.executable, str(PLAYER), str(folder), "{rate}", *extra]
    monkeypatch.setenv(PLAYER_ENV, shlex.join(command))  # the speech worker inherits it
    return folder


@pytest.fixture
def recorded(tmp_path, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    """Speech goes to the recording player (at once, unpaced); its folder is tmp_path/played."""
    return _record_to(tmp_path / "played", monkeypatch)


def _samples(folder: Path) -> array:
    return array("h", (folder / "played.raw").read_bytes())


def _wait_for(path: Path, timeout_s: float = 60.0) -> bool:
    """On a helper thread: whether `path` appears (a failing engine makes this time out)."""
    appeared = threading.Event()
    for _ in range(int(timeout_s * 100)):
        if path.exists():
            appeared.set()
            break
        appeared.wait(0.01)
    return appeared.is_set()


def test_a_long_first_sentence_starts_with_its_first_clause() -> None:
    pieces = sentences("鳴門市役所で、マイナンバーカードの暗証番号を確かめます。番号は、四けたです。")
    assert pieces == ["鳴門市役所で、", "マイナンバーカードの暗証番号を確かめます。", "番号は、四けたです。"]
    assert sentences("はい、そうです。") == ["はい、そうです。"], "a short one is read whole"
    assert "".join(sentences(STEPS)) == STEPS


def test_open_jtalk_plays_the_first_sentence_before_the_last_is_made(recorded, monkeypatch) -> None:
    engine = OpenJTalkEngine()
    made = engine.piece
    heard_before_last: list[bool] = []
    last = sentences(STEPS)[-1]

    def piece(text: str, **kwargs) -> bytes:  # type: ignore[no-untyped-def]
        if text == last:  # the player must have had the first samples by now
            heard_before_last.append(_wait_for(recorded / "first"))
        return made(text, **kwargs)

    monkeypatch.setattr(engine, "piece", piece)
    engine.speak(STEPS, rate="normal", volume=1.0)
    assert heard_before_last == [True], "the voice started while the last sentence was still to be made"
    assert (recorded / "done").exists(), "speak() returns once everything is handed over"
    assert (recorded / "rate").read_text() == str(engine.SAMPLE_RATE)
    samples = _samples(recorded)
    assert len(samples) / engine.SAMPLE_RATE > 6.0, "all four sentences were played"
    assert max(samples) > 3000


@pytest.mark.linux
def test_espeak_streams_its_voice_through_one_player(recorded) -> None:
    engine = make_engine("pyttsx3")
    engine.speak(text_for(engine, STEPS), rate="normal", volume=1.0)
    assert (recorded / "done").exists()
    assert (recorded / "rate").read_text() == "22050"
    samples = _samples(recorded)
    assert len(samples) / 22050 > 4.0, "the whole text, not only its first buffer"
    assert max(samples) > 3000


@pytest.mark.linux
@pytest.mark.parametrize("name", ["pyttsx3", "openjtalk"])
def test_slow_speech_is_longer_and_a_lower_volume_is_quieter(name: str, recorded, tmp_path) -> None:
    engine = make_engine(name)
    fed = text_for(engine, "暗証番号を 四けた 入れます。")
    played = {}
    for rate, volume in (("normal", 1.0), ("slow", 1.0), ("normal", 0.3)):
        engine.speak(fed, rate=rate, volume=volume)  # type: ignore[arg-type]
        samples = _samples(recorded)
        played[rate, volume] = (len(samples), max(abs(s) for s in samples))
        (recorded / "played.raw").unlink()
    assert played["slow", 1.0][0] > played["normal", 1.0][0] * 1.15
    assert played["normal", 0.3][1] < played["normal", 1.0][1] * 0.5


@pytest.mark.linux
def test_done_comes_after_the_player_has_everything(recorded, qtbot) -> None:
    """pyttsx3's own espeak driver could say done before it played (the flaky played.wav)."""
    speech = SpeechClient("pyttsx3", start_timeout_ms=600_000, hang_base_ms=600_000)
    events: list[dict] = []
    speech.worker_event.connect(events.append)
    seen_at_done: list[bool] = []
    speech.finished.connect(lambda _id: seen_at_done.append((recorded / "done").exists()))
    with qtbot.waitSignal(speech.finished, timeout=600_000):
        speech.speak(STEPS)
    assert [e["event"] for e in events if e["event"] in ("done", "error", "unavailable")] == ["done"], events
    assert seen_at_done == [True]
    speech.shutdown()


@pytest.mark.linux
@pytest.mark.parametrize("name", ["pyttsx3", "openjtalk"])
def test_stop_ends_the_player_at_once(name: str, tmp_path, monkeypatch, qtbot) -> None:
    recorded = _record_to(tmp_path / "played", monkeypatch, "paced")  # as long as a sound card
    speech = SpeechClient(name, start_timeout_ms=600_000, hang_base_ms=600_000)
    with qtbot.waitSignal(speech.started, timeout=600_000):
        speech.speak(STEPS * 3)
    qtbot.waitUntil(lambda: (recorded / "first").exists(), timeout=60_000)
    pid = int((recorded / "pid").read_text())
    speech.stop()
    qtbot.waitUntil(lambda: ended(pid), timeout=5000)
    assert not (recorded / "done").exists(), "stopped before the end, not played out"
    speech.shutdown()


def test_windows_plays_each_piece_from_a_wav_in_memory(tmp_path) -> None:
    pcm = array("h", [0, 1000, -1000, 0] * 100).tobytes()
    (tmp_path / "piece.wav").write_bytes(wav_bytes(pcm, 48000))
    with wave.open(str(tmp_path / "piece.wav")) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 48000)
        assert wav.readframes(wav.getnframes()) == pcm


def test_without_a_player_program_speech_is_unavailable(monkeypatch) -> None:
    monkeypatch.delenv(PLAYER_ENV, raising=False)
    monkeypatch.setattr(playback.shutil, "which", lambda _name: None)
    monkeypatch.setattr(playback.sys, "platform", "linux")
    with pytest.raises(playback.PlayerMissing, match="alsa-utils"):
        playback.open_player(22050)
    assert os.environ.get(PLAYER_ENV) is None
