"""日本語, やさしい日本語 and English: the screens, lessons, slip and voice follow the person's choice."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from kiosk.drawing.language import Languages, ts_files
from kiosk.handoff.slip import opening_hours
from kiosk.paths import I18N_DIR, PROJECT_ROOT
from kiosk.records.store import RecordStore
from kiosk.settings import Settings
from kiosk.ui.screenshot import show_screen
from tests.helpers import look
from tests.helpers.cli import kiosk

SHIPPED = sorted(ts_files())
PLACEHOLDER = "{0}"


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def test_shipped_languages_compile_and_name_themselves() -> None:
    assert {"en", "ja-easy"} <= set(SHIPPED)
    languages = Languages()
    assert languages.available == ["ja", *SHIPPED], "run scripts/bootstrap.sh: a .qm is missing"
    assert languages.own_name("ja") == "日本語"
    assert languages.own_name("en") == "English"
    assert languages.own_name("ja-easy") == "やさしい にほんご"


@pytest.mark.parametrize("language", SHIPPED)
def test_every_screen_text_is_translated(language: str) -> None:
    unfinished = []
    for message in _messages(I18N_DIR / f"kiosk_{language}.ts"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
            unfinished.append(source)
        elif any(f"{{{n}}}" in source and f"{{{n}}}" not in text for n in range(4)):
            unfinished.append(f"{source} (a {{n}} placeholder is lost)")
    assert unfinished == []


def test_the_ts_files_hold_every_text_the_screens_use(tmp_path) -> None:
    """A new self.tr() text without a translation fails here: run scripts/update_translations.sh."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (PROJECT_ROOT / "kiosk").rglob("*.py"))
    lupdate = (
        shutil.which("pyside6-lupdate", path=str(Path(PROJECT_ROOT / ".venv" / "bin"))) or "pyside6-lupdate"
    )
    subprocess.run(
        [lupdate, *sources, "-source-language", "ja", "-ts", str(fresh)], check=True, capture_output=True
    )

    def entries(ts: Path) -> set[tuple[str, str]]:
        return {
            (context.findtext("name") or "", message.findtext("source") or "")
            for context in ET.parse(ts).getroot().iter("context")
            for message in context.iter("message")
        }

    wanted = entries(fresh)
    assert len(wanted) > 300
    for language in SHIPPED:
        assert wanted - entries(I18N_DIR / f"kiosk_{language}.ts") == set(), language


# (screen, practice exercise): every screen a citizen meets, and practice with and without an exercise.
CITIZEN_SCREENS = (
    *((screen, None) for screen in ("home", "menu", "lessons", "lesson", "help", "finish", "handoff")),
    *((screen, None) for screen in ("resume", "idle-warning", "call-staff", "records-info", "practice")),
    *((screen, None) for screen in ("card-check", "card-result")),
    ("practice", "long-press"),
    ("practice", "flick"),
)


@pytest.mark.parametrize("language", SHIPPED)
def test_citizen_screens_fit_at_200_percent(make_window, language: str) -> None:
    window = make_window(settings=Settings(text_size="xlarge"))
    for screen, practice in CITIZEN_SCREENS:
        window.idle.reset()
        # Each screen alone: a staff call stays open across resets until answered (its banner
        # takes 44 px; tests/test_staff_call.py), so answer the one "call-staff" made.
        window.staff_calls.answer()
        window.language.choose(language)
        show_screen(window, screen, "mynumber-card", 8, practice)
        look.settle()
        assert window.size().width() == 1920 and window.size().height() == 1080, (screen, language)
        assert look.clipped(window) == [], (screen, language)
        assert look.small_targets(window) == [], (screen, language)
        assert look.crowded_targets(window) == [], (screen, language)


def test_switching_language_in_the_middle_of_a_lesson(make_window, store: RecordStore, library) -> None:
    window = make_window()
    window.screens.home.start_button.click()
    window.lessons.open_lesson("mynumber-card", 2)
    japanese = window.screens.player.step_text()
    window.language.choose("en")
    english = library.in_language("en").get("mynumber-card")
    assert window.screens.player.index == 2, "the person stays on the same step"
    assert window.screens.player.step_text() == english.steps[2].text != japanese
    assert window.top_bar.title.text() == english.title
    window.language.choose("ja-easy")
    easy = library.in_language("ja-easy").get("mynumber-card")
    assert window.screens.player.step_text() == easy.steps[2].text
    window.state.recorder.flush()
    row = store.db.execute("SELECT language FROM consultations").fetchone()
    assert row[0] == "ja-easy"  # the consultation keeps the language chosen last
    changes = [e["detail"] for e in store.events() if e["kind"] == "language_changed"]
    assert changes == ["en", "ja-easy"]


def test_a_language_is_read_when_first_chosen_and_reads_the_same() -> None:
    """The kiosk starts without reading English and やさしい日本語; the first person to choose
    one gets exactly what reading everything at the start gives."""
    from kiosk.content.library import load_library
    from kiosk.paths import LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR

    eager = load_library(LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR)
    lazy = load_library(LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR, translate_now=False)
    assert lazy.translations == {} and sorted(lazy.languages) == sorted(eager.languages)
    for language in ("en", "ja-easy"):
        assert lazy.in_language(language).lessons == eager.in_language(language).lessons
        assert lazy.in_language(language).troubles == eager.in_language(language).troubles
        assert lazy.in_language(language).procedures == eager.in_language(language).procedures
        assert lazy.in_language(language).glossary == eager.in_language(language).glossary
    assert lazy.unread == {}
    assert sorted(map(str, lazy.problems)) == sorted(map(str, eager.problems))
    assert lazy.coverage == eager.coverage


def test_idle_reset_returns_to_japanese(make_window) -> None:
    window = make_window()
    window.screens.home.language_buttons["en"].click()
    assert window.state.visit.language == "en"
    assert window.screens.home.welcome.text() != "デジタル何でも相談室"
    assert window.screens.home.language_buttons["en"].isChecked()
    window.screens.home.start_button.click()
    window.idle.reset()
    assert window.state.visit.language == "ja"
    assert window.screens.home.welcome.text() == "デジタル何でも相談室"
    assert window.screens.home.language_buttons["ja"].isChecked()


def test_a_new_consultation_starts_in_the_chosen_language(make_window, store: RecordStore) -> None:
    window = make_window()
    window.screens.home.language_buttons["en"].click()
    window.screens.home.start_button.click()
    window.state.recorder.flush()
    assert store.db.execute("SELECT language FROM consultations").fetchone()[0] == "en"


def test_the_slip_prints_in_english_and_scans_to_the_official_page(tmp_path) -> None:
    pdf = tmp_path / "slip.pdf"
    (tmp_path / "settings.toml").write_text(
        'open_days = [1, 2, 3, 4, 5]\nopen_from = 09:00:00\nopen_until = 16:30:00\nroom_hours = "祝日は お休み"\n',
        encoding="utf-8",
    )
    done = kiosk(
        "slip", "mynaportal", "--pdf", str(pdf), "--language", "en", "--paper", "a4", data_dir=tmp_path
    )
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.replace("\u202f", " ").split())  # Qt writes "9:00 AM" with a narrow space
    assert "Mynaportal" in flat  # the Digital Agency's English name
    assert "4-digit" in flat or "4 digits" in flat  # the PIN line, in English
    assert date.today().strftime("%B") in flat  # the date as English writes it
    assert "Mon–Fri 9:00 AM–4:30 PM" in flat  # the room's hours, as English writes them
    assert "暗証番号について" not in flat and "祝日" not in flat  # staff's Japanese note stays off
    subprocess.run(["pdftoppm", "-r", "203", "-png", str(pdf), str(tmp_path / "page")], check=True)
    page = sorted(tmp_path.glob("page*.png"))[0]
    scanned = subprocess.run(["zbarimg", "-q", "--raw", str(page)], capture_output=True, text=True)
    assert scanned.stdout.strip() == "https://myna.go.jp/"


def test_opening_hours_are_written_as_each_language_writes_them() -> None:
    weekdays = (1, 2, 3, 4, 5)
    japanese = opening_hours(QLocale(QLocale.Language.Japanese), weekdays, time(9), time(17))
    english = opening_hours(QLocale(QLocale.Language.English), weekdays, time(9), time(17))
    assert japanese.startswith("月〜金") and "17:00" in japanese
    assert opening_hours(QLocale(QLocale.Language.Japanese), (1, 3, 5), time(9), time(12)).startswith(
        "月・水・金"
    )
    assert english.startswith("Mon–Fri") and "5:00" in english and "PM" in english


def test_english_is_read_by_an_english_voice(tmp_path) -> None:
    from kiosk.speech.engines import Pyttsx3Engine, text_for

    engine = Pyttsx3Engine()  # espeak-ng here, SAPI5 on Windows
    fed = text_for(engine, "Tap the round button.", "en")
    assert fed == "Tap the round button."  # not turned into kana
    wav = tmp_path / "en.wav"
    engine.to_wav(fed, wav, rate="normal", volume=1.0, language="en")
    assert wav.stat().st_size > 10_000
    assert engine.voice_for("en") != engine.voice_for("ja")


def test_a_language_without_a_voice_is_said_plainly(qtbot) -> None:
    from kiosk.ui.speech_client import SpeechClient

    speech = SpeechClient("timed-ja")  # the worker and protocol are real; the voice speaks Japanese only
    try:
        with qtbot.waitSignal(speech.no_voice, timeout=30_000) as said:
            speech.speak("Tap the round button.", language="en")
        assert "'en'" in said.args[0]
        assert speech.speaking is None and speech.available
        with qtbot.waitSignal(speech.finished, timeout=30_000):
            speech.speak("ハイ", language="ja")  # Japanese still speaks
    finally:
        speech.shutdown()


def test_easy_japanese_starts_with_furigana(make_window) -> None:
    window = make_window()
    window.screens.home.language_buttons["ja-easy"].click()
    assert window.state.visit.furigana and window.screens.home.furigana_button.isChecked()
    window.screens.home.furigana_button.click()  # the person may turn them off
    assert not window.state.visit.furigana


def test_the_natural_japanese_voice_has_no_english(tmp_path) -> None:
    from kiosk.speech.engines import NoVoice, OpenJTalkEngine

    with pytest.raises(NoVoice):
        OpenJTalkEngine().to_wav(
            "Tap the round button.", tmp_path / "x.wav", rate="normal", volume=1.0, language="en"
        )


def test_english_quotes_open_and_close() -> None:
    """Issue 21: the kiosk's font draws a straight " as a closing quote, so "Continue" showed as ”Continue”.

    English texts (screens, lessons, glossary, troubles, procedures) use “ and ”.
    """
    texts = [
        "".join(message.findtext("translation") or "") for message in _messages(I18N_DIR / "kiosk_en.ts")
    ]
    for folder in ("lessons", "glossary", "troubles", "procedures"):
        for path in sorted((PROJECT_ROOT / folder / "en").glob("*.yaml")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                # A double-quoted YAML value's own delimiters are not shown.
                shown = re.sub(r"^\s*(-\s+)?([A-Za-z_]+:\s+)?", "", line.replace('\\"', '"')).strip()
                if len(shown) > 1 and shown[0] == shown[-1] and shown[0] in "'\"":
                    shown = shown[1:-1]
                texts.append(f"{path.relative_to(PROJECT_ROOT)}:{number}: {shown}")
    assert [text for text in texts if '"' in text] == []
    shown_quotes = [text for text in texts if "“" in text or "”" in text]
    assert len(shown_quotes) > 50
    assert [text for text in shown_quotes if text.count("“") != text.count("”")] == []
