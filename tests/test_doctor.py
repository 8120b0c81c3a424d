"""「点検」 (`kiosk doctor`): each check passing and failing, the report, exit codes, the staff button."""

from __future__ import annotations

import ast
import json
import math
import shutil
import threading
import wave
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtGui import QInputDevice, QPointingDevice

from kiosk import qt_looks as qt_doctor
from kiosk.card.problems import NoReader
from kiosk.cli.doctor import run_doctor
from kiosk.doctor import card_reader, checks, devices, voice
from kiosk.doctor.devices import PrinterFacts, ScreenFacts
from kiosk.doctor.result import Status, guarded
from kiosk.doctor.run import Doctor
from kiosk.paths import FONTS_DIR, I18N_DIR, LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR, PROJECT_ROOT
from kiosk.records.accounts import Accounts, Role
from kiosk.records.store import RecordStore
from kiosk.settings import Settings
from kiosk.speech.engines import NoVoice, SpeechUnavailable, TimedEngine, make_engine
from kiosk.ui.widgets.doctor_panel import DoctorContext
from tests.helpers.cli import kiosk

JST = timezone(timedelta(hours=9), "JST")
A_GOOD_DAY = datetime(2026, 12, 6, 10, 0, tzinfo=JST)
RECEIPT = PrinterFacts("TM-T88VI", False, (("80mm x 297mm", 80.0, 297.0), ("A4", 210.0, 297.0)), False)
GB = 1024**3


# ---- stand-ins for what a test cannot have: a touch panel, a printer, a bad voice --------------


class ToneEngine:
    """Writes a real tone (not speech): for the staff-screen test, where speed matters."""

    name, needs_kana = "tone", False

    def speak(self, text: str, *, rate: str, volume: float, language: str = "ja") -> None: ...

    def to_wav(self, text: str, path: Path, *, rate: str, volume: float, language: str = "ja") -> None:
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(16000)
            samples = (int(12000 * math.sin(i / 8)) for i in range(8000))
            out.writeframes(b"".join(s.to_bytes(2, "little", signed=True) for s in samples))


class NoEnglish(ToneEngine):
    def to_wav(self, text: str, path: Path, *, rate: str, volume: float, language: str = "ja") -> None:
        if language == "en":
            raise NoVoice("no voice for language 'en' installed")
        super().to_wav(text, path, rate=rate, volume=volume, language=language)


class Hangs(ToneEngine):
    def __init__(self) -> None:
        self.release = threading.Event()

    def to_wav(self, text: str, path: Path, *, rate: str, volume: float, language: str = "ja") -> None:
        self.release.wait(30)


def _no_engine() -> ToneEngine:
    raise SpeechUnavailable("no speech engine: eSpeak not installed")


def _touch_panel() -> QPointingDevice:
    return QPointingDevice(
        "eGalax Touch",
        7,
        QInputDevice.DeviceType.TouchScreen,
        QPointingDevice.PointerType.Finger,
        QInputDevice.Capability.Position,
        10,
        0,
    )


def _good_looks() -> qt_doctor.QtLooks:
    return qt_doctor.QtLooks(
        screen=lambda: ScreenFacts("windows", (1920, 1080)),
        touch=lambda: qt_doctor.touch_devices([_touch_panel()]),
        printer=lambda _name: RECEIPT,
    )


def _good_doctor(data_dir: Path, **changes) -> Doctor:  # type: ignore[no-untyped-def]
    options = {
        "now": lambda: A_GOOD_DAY,
        "free_space": lambda _path: 50 * GB,
        "engine": lambda _name: make_engine("pyttsx3"),  # the real espeak voice
        "sound_problem": lambda: None,
        **changes,
    }
    return Doctor(data_dir, **options)


def _by_id(results):  # type: ignore[no-untyped-def]
    return {result.id: result for result in results}


# ---- the layer rule: the checks themselves import no Qt ---------------------------------------


def test_the_checks_import_no_qt() -> None:
    for file in sorted((PROJECT_ROOT / "kiosk" / "doctor").glob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            bad = [
                n for n in names if n.split(".")[0] in {"PySide6", "shiboken6"} or n.startswith("kiosk.ui")
            ]
            assert not bad, f"{file.name} imports {bad}"


# ---- screen and touch -----------------------------------------------------------------------


def test_screen_size(qapp) -> None:  # type: ignore[no-untyped-def]
    assert devices.check_screen(ScreenFacts("windows", (1920, 1080))).status is Status.OK
    assert devices.check_screen(ScreenFacts("xcb", (1366, 768))).status is Status.OK
    small = devices.check_screen(ScreenFacts("xcb", (1024, 768)))
    assert small.status is Status.FAIL and "1024×768" in small.seen and "1920×1080" in small.fix
    # This test machine's own (offscreen) screen is not a real one, and the check says so.
    real = devices.check_screen(qt_doctor.screen_facts())
    assert real.status is Status.FAIL and "offscreen" in real.seen


def test_touch_device(qapp) -> None:  # type: ignore[no-untyped-def]
    found = devices.check_touch(qt_doctor.touch_devices([_touch_panel()]))
    assert found.status is Status.OK and "eGalax Touch" in found.seen
    none = devices.check_touch(qt_doctor.touch_devices())  # offscreen Qt has no touch device
    assert none.status is Status.FAIL and "タッチパネル" in none.fix


# ---- font -------------------------------------------------------------------------------------


def test_bundled_font_loads_and_a_missing_one_is_told(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    good = qt_doctor.check_font(FONTS_DIR)
    assert good.status is Status.OK and "BIZ UDPGothic" in good.seen
    missing = qt_doctor.check_font(tmp_path)
    assert missing.status is Status.FAIL and "入れ直して" in missing.fix


# ---- voices -----------------------------------------------------------------------------------


def test_each_language_speaks_real_espeak_audio() -> None:
    results = voice.check_voices(lambda: make_engine("pyttsx3"), ["ja", "ja-easy", "en"])
    assert [r.id for r in results] == ["voice:ja", "voice:ja-easy", "voice:en"]
    assert all(r.status is Status.OK for r in results), results
    assert voice.kiosk_languages(I18N_DIR) == ["ja", "en", "ja-easy"]


def test_a_silent_voice_is_a_fail() -> None:
    [result] = voice.check_voices(TimedEngine, ["ja"])  # writes a WAV of zeros
    assert result.status is Status.FAIL and "音が 入っていません" in result.seen and result.fix


def test_no_speech_engine_and_no_voice_for_a_language() -> None:
    gone = voice.check_voices(_no_engine, ["ja", "en"])
    assert [r.status for r in gone] == [Status.FAIL, Status.FAIL]
    assert "eSpeak not installed" in gone[0].seen
    partly = voice.check_voices(NoEnglish, ["ja", "en"])
    assert [r.status for r in partly] == [Status.OK, Status.FAIL]
    assert "この 言語の 声が ありません" in partly[1].seen and "音声を 追加" in partly[1].fix


def test_a_hung_engine_is_a_fail_in_time() -> None:
    engine = Hangs()
    try:
        [result] = voice.check_voices(lambda: engine, ["ja"], timeout_s=0.2)
    finally:
        engine.release.set()
    assert result.status is Status.FAIL and "時間内に" in result.seen


def test_sound_output() -> None:
    assert voice.check_sound_output(lambda: None).status is Status.OK
    silent = voice.check_sound_output(lambda: "no sound card (ALSA lists none)")
    assert silent.status is Status.FAIL and "no sound card" in silent.seen


# ---- printer and paper -------------------------------------------------------------------------


def test_printer_and_its_paper() -> None:
    assert devices.check_printer(RECEIPT, "").status is Status.OK
    assert devices.check_paper(RECEIPT, "80mm").status is Status.OK
    assert devices.check_paper(RECEIPT, "a4").status is Status.OK
    wrong = devices.check_paper(RECEIPT, "58mm")
    assert wrong.status is Status.FAIL and "レシート 58mm" in wrong.seen and "印刷する 紙" in wrong.fix
    custom = PrinterFacts("Thermal", False, (), True)
    assert devices.check_paper(custom, "58mm").status is Status.OK
    jammed = PrinterFacts("TM-T88VI", True, RECEIPT.page_sizes, False)
    assert devices.check_printer(jammed, "").status is Status.FAIL


def test_no_printer(qapp) -> None:  # type: ignore[no-untyped-def]
    # Through Qt's own lookup: a printer by a name no machine has.
    assert qt_doctor.printer_facts("doc-no-such-printer") is None
    named = devices.check_printer(None, "doc-no-such-printer")
    assert named.status is Status.FAIL and "doc-no-such-printer" in named.seen and "printer_name" in named.fix
    default = devices.check_printer(None, "")
    assert default.status is Status.FAIL and "既定" in default.seen
    assert devices.check_paper(None, "80mm").status is Status.FAIL


# ---- data folder, disk, records ------------------------------------------------------------------


def test_data_folder_writable_or_not(tmp_path) -> None:
    assert checks.check_data_folder(tmp_path / "data").status is Status.OK
    assert not any((tmp_path / "data").glob(".doctor-*")), "the probe is removed"
    # Root writes through chmod; nobody can make a folder under a plain file.
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    result = checks.check_data_folder(a_file / "data")
    assert result.status is Status.FAIL and "書き込めません" in result.seen and "--data-dir" in result.fix


def test_free_space(tmp_path) -> None:
    assert checks.check_free_space(tmp_path, lambda _p: 20 * GB).status is Status.OK
    low = checks.check_free_space(tmp_path, lambda _p: 600 * 1024**2)
    assert low.status is Status.WARN and "600 MB" in low.seen
    full = checks.check_free_space(tmp_path, lambda _p: 10 * 1024**2)
    assert full.status is Status.FAIL and full.fix
    assert checks.check_free_space(tmp_path / "not-yet").status is Status.OK  # the real disk, from a parent


def test_database_integrity(tmp_path) -> None:
    assert checks.check_database(tmp_path, "k").status is Status.OK  # none yet: made at first start
    RecordStore(tmp_path / "records.sqlite3", kiosk_id="k").close()
    result = checks.check_database(tmp_path, "k")
    assert result.status is Status.OK and "相談 0 件" in result.seen


def test_a_corrupt_database(tmp_path) -> None:
    (tmp_path / "records.sqlite3").write_bytes(b"this is not a database, just junk " * 200)
    result = checks.check_database(tmp_path, "k")
    assert result.status is Status.FAIL and "こわれています" in result.seen and "バックアップ" in result.fix


# ---- clock and time zone -------------------------------------------------------------------------


def test_clock_against_the_content_date() -> None:
    reference = checks.newest_checked(PROCEDURES_DIR)
    assert reference is not None and reference <= A_GOOD_DAY.date()
    assert checks.check_clock(A_GOOD_DAY, reference).status is Status.OK
    years_back = checks.check_clock(datetime(2019, 4, 1, 9, 0, tzinfo=JST), reference)
    assert years_back.status is Status.FAIL and "2019-04-01" in years_back.seen
    assert f"{reference:%Y-%m-%d}" in years_back.seen and "時刻" in years_back.fix


def test_time_zone() -> None:
    tokyo = checks.check_time_zone(A_GOOD_DAY)
    assert tokyo.status is Status.OK and "UTC+09:00" in tokyo.seen
    utc = checks.check_time_zone(datetime(2026, 12, 6, 1, 0, tzinfo=UTC))
    assert utc.status is Status.WARN and "UTC+00:00" in utc.seen and "Asia/Tokyo" in utc.fix


# ---- settings and content ---------------------------------------------------------------------


def test_settings(tmp_path) -> None:
    result, settings = checks.check_settings(tmp_path)
    assert result.status is Status.OK and settings.paper == "80mm"
    (tmp_path / "settings.toml").write_text("idle_seconds = 5\n", encoding="utf-8")
    result, settings = checks.check_settings(tmp_path)
    assert result.status is Status.FAIL and "idle_seconds" in result.seen
    assert settings.idle_seconds == 90  # the other checks go on with the defaults


def test_lessons_and_procedures_clean() -> None:
    lessons = checks.check_lessons(LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR)
    assert lessons.status is Status.OK and "レッスン" in lessons.seen, lessons.seen
    procedures = checks.check_procedures(PROCEDURES_DIR, Settings().url_allowlist)
    assert procedures.status is Status.OK, procedures.seen


def test_a_broken_lesson(tmp_path) -> None:
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    shutil.copy(LESSONS_DIR / "camera.yaml", lessons)
    (lessons / "broken.yaml").write_text(
        "id: broken\ncategory: nowhere\ntitle: こわれた レッスン\nsteps: []\n", encoding="utf-8"
    )
    result = checks.check_lessons(lessons, PICTURES_DIR, PROCEDURES_DIR)
    assert result.status is Status.FAIL and "broken.yaml" in result.seen
    assert "kiosk lessons check" in result.fix


def test_a_broken_procedure(tmp_path) -> None:
    shutil.copy(PROCEDURES_DIR / "mynaportal.yaml", tmp_path)
    text = (tmp_path / "mynaportal.yaml").read_text(encoding="utf-8")
    (tmp_path / "mynaportal.yaml").write_text(text.replace("https://myna.go.jp/", "http://evil.example/"))
    result = checks.check_procedures(tmp_path, ("go.jp",))
    assert result.status is Status.FAIL and "mynaportal.yaml" in result.seen


# ---- a check that raises, the report, exit codes, --json -----------------------------------------


def test_a_check_that_raises_is_a_calm_fail() -> None:
    def broken() -> checks.Result:
        raise KeyError("printer driver")

    result = guarded("printer", "プリンター", broken)
    assert result.status is Status.FAIL and "KeyError" in result.seen and "Traceback" not in result.seen


def test_all_well_exits_0_with_real_parts(qapp, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    RecordStore(tmp_path / "records.sqlite3", kiosk_id="k").close()
    code = run_doctor(_good_doctor(tmp_path), looks=_good_looks())
    out = capsys.readouterr().out
    assert code == 0, out
    assert "✗" not in out and "✓ すべて 問題ありません。" in out and "✓ 声（英語）" in out


def test_problems_exit_1_and_say_the_fix_without_a_traceback(qapp, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    def printer_crash(_name: str) -> PrinterFacts:
        raise RuntimeError("CUPS went away")

    looks = _good_looks()
    looks.printer = printer_crash
    doctor = _good_doctor(
        tmp_path, now=lambda: datetime(2020, 1, 1, tzinfo=JST), free_space=lambda _p: 500 * 1024**2
    )
    code = run_doctor(doctor, looks=looks)
    captured = capsys.readouterr()
    assert code == 1
    assert "✗ 時計（日付）" in captured.out and "⚠ ディスクの 空き" in captured.out
    assert "✗ プリンター: 調べている 途中で 止まりました（RuntimeError: CUPS went away）" in captured.out
    assert "    → パソコンの 日付と 時刻を" in captured.out
    assert "Traceback" not in captured.out + captured.err


def test_warnings_alone_exit_0(qapp, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    doctor = _good_doctor(tmp_path, engine=lambda _name: ToneEngine(), free_space=lambda _p: 500 * 1024**2)
    assert run_doctor(doctor, looks=_good_looks()) == 0
    assert "⚠ 使えます。注意が 1 つ あります。" in capsys.readouterr().out


def test_json_output_shape(qapp, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    doctor = _good_doctor(tmp_path, engine=lambda _name: _no_engine())
    assert run_doctor(doctor, as_json=True, looks=_good_looks()) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    ids = [check["id"] for check in report["checks"]]
    assert ids == [
        "settings",
        "screen",
        "touch",
        "font",
        "printer",
        "paper",
        "voice:ja",
        "voice:en",
        "voice:ja-easy",
        "sound_output",
        "data_folder",
        "free_space",
        "database",
        "clock",
        "time_zone",
        "lessons",
        "procedures",
    ]
    for check in report["checks"]:
        assert set(check) == {"id", "name", "status", "seen", "fix"}
        assert check["status"] in ("ok", "warn", "fail")
    assert {c["id"] for c in report["checks"] if c["status"] == "fail"} == {
        "voice:ja",
        "voice:en",
        "voice:ja-easy",
    }


def test_the_command_from_outside(tmp_path) -> None:
    """The real program: one calm list, exit 1 here (no real screen, no printer), never a traceback."""
    data = tmp_path / "data"
    done = kiosk("doctor", data_dir=data, timeout=120)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith(f"点検（データフォルダ: {data}）")
    assert "✗ 画面の 大きさ" in done.stdout and "✓ 文字（同梱の フォント）" in done.stdout
    assert "✗ 直す ところが" in done.stdout.splitlines()[-1]
    assert "Traceback" not in done.stdout + done.stderr


# ---- the card reader of 「カードを かざして 調べる」 (issue 26) ------------------------------------


def _no_service() -> list[str]:
    raise NoReader("smart-card service: connect: SCARD_E_NO_SERVICE")


def _plugged() -> list[str]:
    return ["SONY FeliCa RC-S300/P 00 00"]


def test_card_reader_found_missing_or_no_service() -> None:
    plugged = _plugged
    found = card_reader.check_card_reader("any", plugged)
    assert (
        found.status is Status.OK
        and found.seen == "設定は どれでも（any）。つながっています: SONY FeliCa RC-S300/P 00 00"
    )
    named = card_reader.check_card_reader("SONY FeliCa RC-S300/P 00 00", plugged)
    assert named.status is Status.OK and "「SONY FeliCa RC-S300/P 00 00」" in named.seen
    other = card_reader.check_card_reader("ACS ACR1252 00 00", plugged)
    assert other.status is Status.WARN
    assert (
        other.seen
        == "設定の「ACS ACR1252 00 00」が ありません（つながっている もの: SONY FeliCa RC-S300/P 00 00）"
    )
    assert "kiosk card readers" in other.fix
    none = card_reader.check_card_reader("any", lambda: [])
    assert none.status is Status.WARN and none.seen == "設定は any ですが、読み取り機が つながっていません"
    down = card_reader.check_card_reader("any", _no_service)
    assert down.status is Status.WARN and down.seen.startswith("スマートカードの サービスが 答えません")
    assert "sudo apt-get install pcscd libccid" in down.fix


def test_a_configured_reader_with_no_service_is_one_calm_warning(qapp, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    RecordStore(tmp_path / "records.sqlite3", kiosk_id="k").close()
    (tmp_path / "settings.toml").write_text('card_reader = "any"\n', encoding="utf-8")
    doctor = _good_doctor(tmp_path, engine=lambda _name: ToneEngine(), card_readers=_no_service)
    assert run_doctor(doctor, looks=_good_looks()) == 0  # ⚠ only: the kiosk runs without a reader
    out = capsys.readouterr().out
    assert (
        "⚠ カード読み取り機: スマートカードの サービスが 答えません（smart-card service: connect: SCARD_E_NO_SERVICE）"
        in out
    )
    assert "    → 読み取り機を USB に つないで ください。" in out and "Traceback" not in out
    assert "⚠ 使えます。注意が 1 つ あります。" in out


def test_no_reader_configured_no_card_line(qapp, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    def never() -> list[str]:
        raise AssertionError("the readers are not looked at when none is configured")

    doctor = _good_doctor(tmp_path, engine=lambda _name: ToneEngine(), card_readers=never)
    run_doctor(doctor, looks=_good_looks())
    assert "カード読み取り機" not in capsys.readouterr().out


# ---- the staff screen's button ------------------------------------------------------------------


def test_the_staff_button_shows_the_list_and_is_audited(make_window, store, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.test_supporter_mode import STAFF_PIN, _sign_in

    Accounts(store).set_pin("yamada", Role.STAFF, STAFF_PIN, actor="test")
    window = make_window(door_hold_ms=200, data_dir=tmp_path)
    _sign_in(window, qtbot, STAFF_PIN)
    window.screens.intake.cancel_button.click()
    window.desk.open_staff()
    panel = window.screens.staff.doctor
    assert panel.button.isVisible() and not panel.results.isVisible()
    context = panel.context()  # the window's: its data folder, audited as the signed-in staff member
    assert context is not None and context.doctor.data_dir == tmp_path
    panel.context = lambda: DoctorContext(
        Doctor(
            tmp_path, now=lambda: A_GOOD_DAY, engine=lambda _name: ToneEngine(), sound_problem=lambda: None
        ),
        looks=qt_doctor.QtLooks(printer=lambda _name: None),
        audit=context.audit,
    )
    with qtbot.waitSignal(panel.finished, timeout=60_000):
        panel.button.click()
        assert not panel.button.isEnabled() and "点検しています" in panel.results.text()
    shown = panel.results.text()
    assert panel.results.isVisible() and panel.button.isEnabled()
    assert shown.startswith("✗ 直す ところが")
    assert "✗ プリンター" in shown and "→ レシートプリンターを つないで" in shown
    assert "✓ 声（日本語）" in shown and "✓ レッスン" in shown and "✓ 時計（日付）" in shown
    audit = [(row["action"], row["detail"], row["actor"]) for row in store.audit_log()]
    assert ("doctor", "ok=13 warn=0 fail=4", "yamada") in audit, audit
    window.screens.staff.clear()  # as every end of a visit does: the list is not left for the next person
    assert not panel.results.isVisible() and panel.results.text() == ""
