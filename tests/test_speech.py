"""Read-aloud: correct readings, real speech from espeak-ng, a worker that never blocks the screen."""

from __future__ import annotations

import os
import shutil
import subprocess
import wave
from array import array

import pytest
from pyttsx3.voice import Voice

from kiosk.content.markup import has_kanji, plain
from kiosk.speech import engines, worker
from kiosk.speech.engines import SpeechUnavailable, choose_voice, make_engine, text_for
from kiosk.speech.readings import kana_for_speech, ruby
from kiosk.ui.speech_client import SpeechClient
from tests.helpers.cli import kiosk
from tests.helpers.processes import ended

CITY_HALL_WORDS = {
    "申請": "シンセー",
    "暗証番号": "アンショーバンゴー",
    "市役所": "シヤクショ",
    "今日": "キョー",
    "お問い合わせ": "オトイアワセ",
    "鳴門市": "ナルトシ",
    "公金受取口座": "コーキンウケトリコーザ",
    "利用者証明用電子証明書": "リヨーシャショーメーヨーデンシショーメーショ",
    "係員を呼ぶ": "カカリインヲヨブ",
}
SENTENCE = "鳴門市役所で、マイナンバーカードの暗証番号を確かめます。"


@pytest.mark.parametrize(("word", "reading"), CITY_HALL_WORDS.items())
def test_readings_of_everyday_city_hall_words(word: str, reading: str) -> None:
    got = kana_for_speech(word)
    assert got == reading
    assert not has_kanji(got)


def test_reading_command(tmp_path) -> None:
    done = kiosk("reading", SENTENCE, data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ナルトシヤクショデ、マイナンバーカードノアンショーバンゴーヲタシカメマス。"


def test_lesson_text_can_fix_a_reading() -> None:
    marked = "{鳴門|なると}の {渦潮|うずしお}を 見ます。"
    assert plain(marked) == "鳴門の 渦潮を 見ます。"
    assert kana_for_speech(marked).startswith("ナルトノウズシオヲ")
    pieces = {p.text: p.reading for p in ruby(marked)}
    assert pieces["鳴門"] == "なると" and pieces["渦潮"] == "うずしお"


def test_furigana_pieces_keep_the_text_as_written() -> None:
    text = "よく使う暗証番号は、4けたの数字です。"
    pieces = ruby(text)
    assert "".join(p.text for p in pieces) == text, "digits stay digits"
    assert ("暗証番号", "あんしょうばんごう") in [(p.text, p.reading) for p in pieces]
    assert all(not has_kanji(p.reading or "") for p in pieces)


def _wav_seconds_and_loudness(path) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    with wave.open(str(path)) as wav:
        frames = wav.readframes(wav.getnframes())
        seconds = wav.getnframes() / wav.getframerate()
        assert wav.getsampwidth() == 2
    samples = array("h", frames)
    rms = (sum(s * s for s in samples) / max(1, len(samples))) ** 0.5
    return seconds, rms


@pytest.mark.parametrize("engine", ["pyttsx3", "openjtalk"])
def test_say_writes_real_speech(tmp_path, engine: str) -> None:
    out = tmp_path / "speech.wav"
    done = kiosk("say", SENTENCE, "--wav", str(out), "--engine", engine, data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    seconds, rms = _wav_seconds_and_loudness(out)
    assert 2.0 < seconds < 15.0, seconds  # a 25-kana sentence
    assert rms > 300, "not silence"


@pytest.mark.linux
def test_espeak_is_fed_no_kanji() -> None:
    espeak = shutil.which("espeak-ng")
    assert espeak, "./test.sh installs espeak-ng"
    fed = text_for(make_engine("pyttsx3"), SENTENCE)

    def phonemes(text: str) -> str:
        return subprocess.run(
            [espeak, "-q", "-v", "ja", "-x", text], capture_output=True, text=True, check=True
        ).stdout

    assert "l'et@" in phonemes(SENTENCE), "the check itself: raw kanji become 'Japanese letter'"
    assert "l'et@" not in phonemes(fed) and "(en)" not in phonemes(fed)


@pytest.mark.linux
def test_no_aplay_means_unavailable_not_silence(monkeypatch) -> None:
    monkeypatch.setattr(engines.shutil, "which", lambda _name: None)
    monkeypatch.setattr(engines.sys, "platform", "linux")
    with pytest.raises(SpeechUnavailable, match="alsa-utils"):
        engines.audio_player()


@pytest.mark.linux
def test_no_sound_card_is_told_unless_alsa_has_a_default_device(tmp_path, monkeypatch) -> None:
    cards = tmp_path / "cards"
    cards.write_text("--- no soundcards ---\n")
    monkeypatch.setattr(worker, "alsa_devices", lambda: ["null"])
    assert worker.audio_device_problem(cards) == "no sound card (ALSA lists none)"
    monkeypatch.setattr(worker, "alsa_devices", lambda: ["null", "default"])
    assert worker.audio_device_problem(cards) is None, "a configured default: a network speaker, a file"
    cards.write_text(" 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n")
    monkeypatch.setattr(worker, "alsa_devices", lambda: [])
    assert worker.audio_device_problem(cards) is None


@pytest.fixture
def sound_to_file(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """ALSA's default device writes what is played to a WAV file (a sound card stand-in)."""
    home = tmp_path / "home"
    home.mkdir()
    played = tmp_path / "played.wav"
    (home / ".asoundrc").write_text(
        f'pcm.!default {{\n type file\n slave.pcm "null"\n file "{played}"\n format "wav"\n}}\n'
    )
    monkeypatch.setenv("HOME", str(home))  # the worker process inherits it
    assert "default" in worker.alsa_devices(), "the real aplay -L reads the file"
    return played


# ---- the worker and the screen --------------------------------------------------------------


LONG = "マイナンバーカードノアンショーバンゴーワ、ダレニモオシエマセン。" * 3  # about 10 s at 8 kana/s


def test_speech_runs_in_its_own_process_while_the_screen_keeps_working(make_window, qtbot) -> None:
    speech = SpeechClient("timed")
    window = make_window(speech=speech)
    events: list[dict] = []
    speech.worker_event.connect(events.append)
    window.screens.home.start_button.click()
    window.lessons.open_lesson("power-on")
    window.screens.device_card.choices[
        ""
    ].click()  # 「わたしのスマホ」: わからない (the card would be read first)
    window.screens.player.instruction.setText(LONG)
    with qtbot.waitSignal(speech.started, timeout=20_000):
        window.top_bar.read_button.click()
    started = next(e for e in events if e["event"] == "started")
    assert started["pid"] != os.getpid(), "the engine speaks in the worker process"
    assert started["fed"] == LONG
    assert window.top_bar.read_button.text() == "とめる"
    # While it speaks, the screen handles touches and timers as usual.
    window.screens.player.go_next()  # a step change stops speech: start again on this step
    assert speech.speaking is None
    with qtbot.waitSignal(speech.started, timeout=20_000):
        speech.speak(LONG)
    ticks: list[int] = []
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 20, timeout=5000)
    timer.stop()
    assert speech.speaking is not None, "still speaking while the screen ran 20 timer ticks"
    window.top_bar.home_button.click()  # navigating stops speech
    assert speech.speaking is None
    assert window.top_bar.read_button.text() == "よみあげ"
    speech.shutdown()


@pytest.mark.linux
def test_read_aloud_plays_real_espeak_speech(make_window, qtbot, sound_to_file) -> None:
    """Waits for the worker to say it has played the words — not for a time: on a busy machine
    the worker's start (the reading dictionary) once outran the client's watchdog, which then
    ended the utterance before a sound was played (2 of 2 full runs failed that way). And
    played.wav once was missing after "done": pyttsx3's espeak driver played from espeak's own
    thread, and on a new engine its runAndWait returned before that; the worker now streams
    the samples to aplay itself and says done once aplay has finished."""
    speech = SpeechClient("pyttsx3", start_timeout_ms=600_000, hang_base_ms=600_000)
    events: list[dict] = []
    speech.worker_event.connect(events.append)
    window = make_window(speech=speech)
    window.screens.home.start_button.click()
    window.lessons.open_lesson("power-on")
    window.screens.device_card.choices[""].click()
    window.top_bar.read_button.click()
    ended = ("done", "error", "no_voice", "unavailable")
    qtbot.waitUntil(lambda: any(e.get("event") in ended for e in events), timeout=600_000)
    assert [e["event"] for e in events if e.get("event") in ended] == ["done"], events
    qtbot.waitUntil(lambda: speech.speaking is None, timeout=10_000)
    assert speech.available, speech.reason
    seconds, rms = _wav_seconds_and_loudness(sound_to_file)
    assert seconds > 1.0, "the step's words were played"
    assert rms > 300, "not silence"
    assert window.top_bar.read_button.text() == "よみあげ"
    speech.shutdown()


def test_navigation_kills_the_worker_and_its_sound(make_window, qtbot) -> None:
    speech = SpeechClient("timed")
    events: list[dict] = []
    speech.worker_event.connect(events.append)
    with qtbot.waitSignal(speech.started, timeout=20_000):
        speech.speak(LONG)
    pid = next(e for e in events if e["event"] == "started")["pid"]
    speech.stop()
    qtbot.waitUntil(lambda: ended(pid), timeout=5000)
    speech.shutdown()


def test_a_hung_engine_is_restarted(qtbot) -> None:
    speech = SpeechClient("timed", hang_base_ms=300, hang_seconds_per_char=0)
    with qtbot.waitSignal(speech.finished, timeout=20_000):
        speech.speak(LONG)  # takes 10 s; the client gives up after 0.3 s
    assert speech.speaking is None
    with qtbot.waitSignal(speech.started, timeout=20_000):
        speech.speak("ハイ")  # however slowly the new worker starts: that clock is apart
    speech.shutdown()


def test_a_worker_that_never_starts_speaking_is_given_up(qtbot, caplog) -> None:
    speech = SpeechClient("timed", start_timeout_ms=1)  # no worker starts in 1 ms
    with qtbot.waitSignal(speech.finished, timeout=20_000):
        speech.speak("ハイ")
    assert speech.speaking is None
    assert any("did not finish in time" in r.message for r in caplog.records)
    speech.shutdown()


def test_no_speech_engine_gets_a_calm_card(make_window, qtbot, caplog) -> None:
    speech = SpeechClient("no-such-engine")
    window = make_window(speech=speech)
    with qtbot.waitSignal(speech.unavailable, timeout=20_000):
        window.reader.read_aloud()
    assert window.screens.no_speech.isVisible()
    assert window.screens.no_speech.heading.text() == "よみあげは いま つかえません。"
    assert any(
        "read-aloud not available" in r.message and "unknown speech engine" in r.message
        for r in caplog.records
    )
    window.screens.no_speech.back_button.click()
    window.reader.read_aloud()  # known now: the card comes at once, no new worker
    assert window.screens.no_speech.isVisible()
    speech.shutdown()


def test_auto_read_reads_each_step(make_window, qtbot, fonts, library, store) -> None:
    from kiosk.records.recorder import Recorder
    from kiosk.settings import Settings
    from kiosk.ui.main_window import KioskWindow

    speech = SpeechClient("timed")
    window = KioskWindow(library, Settings(auto_read=True), Recorder(store), speech=speech, idle_ms=3_600_000)
    qtbot.addWidget(window)
    window.allow_close()
    events: list[dict] = []
    speech.worker_event.connect(events.append)
    with qtbot.waitSignal(speech.started, timeout=20_000):
        window.lessons.open_lesson("power-on")
    assert [e["fed"] for e in events if e["event"] == "started"][-1] == kana_for_speech(
        library.get("power-on").steps[0].text
    )
    with qtbot.waitSignal(speech.started, timeout=20_000):
        window.screens.player.go_next()
    assert [e["fed"] for e in events if e["event"] == "started"][-1] == kana_for_speech(
        library.get("power-on").steps[1].text
    )
    speech.shutdown()


# Voices as pyttsx3's SAPI5 driver lists them on Windows (ids and names as Windows 10/11 install them).
TOKENS = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Speech\\Voices\\Tokens\\"
ONECORE = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Speech_OneCore\\Voices\\Tokens\\"
ZIRA = Voice(TOKENS + "TTS_MS_EN-US_ZIRA_11.0", "Microsoft Zira Desktop - English (United States)", ["en-US"])
HARUKA = Voice(TOKENS + "TTS_MS_JA-JP_HARUKA_11.0", "Microsoft Haruka Desktop - Japanese", ["ja-JP"])
AYUMI = Voice(ONECORE + "MSTTS_V110_jaJP_AyumiM", "Microsoft Ayumi - Japanese (Japan)", ["ja-JP"])
ICHIRO = Voice(ONECORE + "MSTTS_V110_jaJP_IchiroM", "Microsoft Ichiro - Japanese (Japan)", ["ja-JP"])


@pytest.mark.parametrize(
    ("installed", "language", "chosen"),
    [
        ([ZIRA, ICHIRO, AYUMI, HARUKA], "ja", HARUKA),  # Haruka first, wherever it is listed
        ([ZIRA, ICHIRO, AYUMI], "ja", AYUMI),
        ([ZIRA, ICHIRO], "ja-easy", ICHIRO),  # やさしい日本語 is read by a Japanese voice
        ([HARUKA, ZIRA], "en", ZIRA),
        ([ZIRA], "ja", None),  # an English-only Windows: the calm no-voice card
        ([HARUKA], "en", None),
    ],
)
def test_windows_voices_are_chosen_by_language(installed, language: str, chosen) -> None:
    assert choose_voice(installed, language) == (chosen.id if chosen else None)


def test_espeak_voices_are_chosen_by_language() -> None:
    """As espeak-ng lists them on Debian: exact code before a regional variant."""
    voices = [
        Voice("gmw/en-029", "English_(Caribbean)", ["en-029"]),
        Voice("gmw/en", "English_(Great_Britain)", ["en-gb"]),
        Voice("jpx/ja", "Japanese", ["ja"]),
    ]
    assert choose_voice(voices, "en") == "gmw/en"
    assert choose_voice(voices, "ja") == "jpx/ja"


def test_a_long_text_is_read_a_sentence_at_a_time() -> None:
    """Open JTalk refuses a long input; `kiosk reading` with 36,000 characters stopped with a
    traceback ("Input text is too long after normalization")."""
    spoken = kana_for_speech("市役所で暗証番号を設定します。" * 3000)
    assert spoken == "シヤクショデアンショーバンゴーヲセッテーシマス。" * 3000
    long_vowel = kana_for_speech("あ" * 5000)  # no sentence end at all
    assert set(long_vowel) <= {"ア", "ー"} and len(long_vowel) == 5000


def test_a_worker_started_ahead_is_ready_for_the_first_read_aloud(qtbot) -> None:
    """After start-up (and a moment after a stop) the worker loads its voice before anyone
    asks; the first 「よみあげ」 then speaks through that same worker."""
    speech = SpeechClient("timed", prepare_after_stop_ms=50)
    events: list[dict] = []
    speech.worker_event.connect(events.append)
    speech.prepare()
    qtbot.waitUntil(lambda: any(e["event"] == "ready" for e in events), timeout=20_000)
    ready = next(e for e in events if e["event"] == "ready")["pid"]
    with qtbot.waitSignal(speech.started, timeout=20_000):
        speech.speak(LONG)
    assert next(e for e in events if e["event"] == "started")["pid"] == ready
    speech.stop()  # ends that worker; another is started a moment later
    qtbot.waitUntil(lambda: ended(ready), timeout=5000)
    qtbot.waitUntil(lambda: sum(e["event"] == "ready" for e in events) == 2, timeout=20_000)
    speech.shutdown()


def test_a_worker_started_ahead_on_a_machine_without_sound_says_nothing_until_asked(
    qtbot, monkeypatch
) -> None:
    """No card pops up by itself after start-up: the person hears of it at their first tap."""
    monkeypatch.setenv("PATH", "")  # no aplay: the worker reports read-aloud unavailable
    speech = SpeechClient("pyttsx3")
    told: list[str] = []
    speech.unavailable.connect(told.append)
    events: list[dict] = []
    speech.worker_event.connect(events.append)
    speech.prepare()
    qtbot.waitUntil(lambda: any(e["event"] == "unavailable" for e in events), timeout=30_000)
    assert told == [] and not speech.available
    speech.speak("ハイ")
    assert told == [speech.reason]
    speech.shutdown()
