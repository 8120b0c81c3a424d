"""The frozen kiosk (PyInstaller, packaging/pyinstaller/) built here and run from a folder outside
the checkout, with no Python of ours on the PATH: every screen in the three languages, a slip
that scans, speech to a WAV, and the read-aloud worker started as the frozen executable itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import wave
from array import array
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.app import SCREENS
from kiosk.content.procedures import load_procedures
from kiosk.paths import LESSONS_DIR, PROCEDURES_DIR, PROJECT_ROOT

CONTENT = ("assets", "lessons", "procedures", "troubles", "glossary")
LANGUAGES = ("ja", "ja-easy", "en")
SCREEN_SIZE = (1920, 1080)  # `kiosk run --screenshot`'s default
# A snapshot of the checkout to build from (people may be changing it meanwhile), as test_package.py.
NOT_BUILT = shutil.ignore_patterns(".venv", ".git", "*cache*", "build", "dist", "*.egg-info", "*.qm", "bench")
EXE = ".exe" if sys.platform == "win32" else ""


def _run(args: list[str], *, cwd: Path, env: dict[str, str] | None = None, timeout: float = 900) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args}\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """`packaging/pyinstaller/build.py` on a copy of the checkout; a working folder elsewhere."""
    base = tmp_path_factory.mktemp("frozen")
    tree = base / "tree"
    shutil.copytree(PROJECT_ROOT, tree, ignore=NOT_BUILT)
    started = time.monotonic()
    out = _run(
        [
            sys.executable,
            str(tree / "packaging" / "pyinstaller" / "build.py"),
            "--dist",
            str(base / "dist"),
            "--work",
            str(base / "work"),
        ],
        cwd=base,
    )
    app = Path(out.strip().splitlines()[-1])
    size = sum(p.stat().st_size for p in app.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"frozen build {time.monotonic() - started:.0f} s, {size / 2**20:.0f} MiB in {app}")
    # The built tree with the app's translations: the checkout as it was built, to compare with.
    for qm in (app / "_internal" / "kiosk" / "i18n").glob("*.qm"):
        shutil.copy2(qm, tree / "kiosk" / "i18n" / qm.name)
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    return {"app": app, "tree": tree, "cwd": elsewhere, "data": base / "data"}


def _environment(frozen: dict[str, Path], data: Path | None = None) -> dict[str, str]:
    """No Python of ours: the virtualenv is off the PATH and nothing points into the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p)
    return {**env, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(data or frozen["data"])}


def _kiosk(frozen: dict[str, Path], *args: str, data: Path | None = None) -> str:
    """The console executable, run from the folder outside the checkout."""
    return _run(
        [str(frozen["app"] / f"kiosk{EXE}"), *args], cwd=frozen["cwd"], env=_environment(frozen, data)
    )


@pytest.mark.slow
def test_frozen_folder_holds_both_executables_content_font_and_translations(frozen) -> None:
    app, bundle = frozen["app"], frozen["app"] / "_internal"
    for name in ("naruto-kiosk", "kiosk"):
        assert os.access(app / f"{name}{EXE}", os.X_OK), name
    data = bundle / "kiosk" / "_data"
    for folder in CONTENT:
        shipped = [p for p in (data / folder).rglob("*") if p.is_file()]
        in_repo = [
            p
            for p in (PROJECT_ROOT / folder).rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and not p.name.startswith(".")
        ]
        assert len(shipped) == len(in_repo), folder
    assert (data / "assets" / "fonts" / "BIZUDPGothic-Regular.ttf").is_file()
    for ts in (PROJECT_ROOT / "kiosk" / "i18n").glob("kiosk_*.ts"):
        assert (bundle / "kiosk" / "i18n" / ts.with_suffix(".qm").name).stat().st_size > 0, ts.name
    # The readings' dictionaries and the phrase models, read as files at run time.
    assert (bundle / "pyopenjtalk" / "dictionary" / "sys.dic").is_file()
    assert list((bundle / "sudachidict_core").rglob("*.dic"))
    assert list((bundle / "budoux" / "models").glob("ja*.json"))
    for name in ("naruto-kiosk", "kiosk"):
        usage = _run([str(app / f"{name}{EXE}"), "--help"], cwd=frozen["cwd"], env=_environment(frozen))
        assert "slip" in usage and "doctor" in usage, name


@pytest.mark.slow
def test_frozen_kiosk_carries_the_card_reader_library(frozen) -> None:
    """Built where pyscard is installed (the `card` extra), the app reaches PC/SC itself: with
    no reader here `kiosk card readers` says so calmly (exit 3), never that pyscard is missing."""
    pytest.importorskip("smartcard", reason="built without the card extra (pip install '.[card]')")
    done = subprocess.run(
        [str(frozen["app"] / f"kiosk{EXE}"), "card", "readers"],
        cwd=frozen["cwd"],
        env=_environment(frozen),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 3), done.stdout + done.stderr
    assert "pyscard is not installed" not in done.stderr
    assert "Traceback" not in done.stdout + done.stderr


@pytest.mark.slow
def test_frozen_kiosk_renders_every_screen_in_every_language(frozen) -> None:
    shots = frozen["cwd"] / "screens"
    shots.mkdir()

    def shoot(screen: str, language: str) -> Path:
        png = shots / f"{screen}-{language}.png"
        # A fresh data folder each: a kiosk's first start, and no two runs share a database.
        data = frozen["data"].with_name(f"data-{screen}-{language}")
        _kiosk(frozen, "run", "--screenshot", str(png), "--screen", screen, "--language", language, data=data)
        return png

    jobs = [(screen, language) for screen in SCREENS for language in LANGUAGES]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        pngs = dict(zip(jobs, pool.map(lambda job: shoot(*job), jobs), strict=True))
    for png in pngs.values():
        image = QImage(str(png))
        assert not image.isNull(), png.name
        assert image.size().toTuple() == SCREEN_SIZE, png.name
        assert len({image.pixel(x, y) for x in range(0, 1920, 40) for y in range(0, 1080, 40)}) > 2, (
            f"{png.name}: nothing drawn"
        )
    home = {language: QImage(str(pngs["home", language])) for language in LANGUAGES}
    assert home["en"] != home["ja"]
    assert home["ja-easy"] != home["ja"]
    # Home as the built checkout draws it, pixel for pixel: the same font, pictures and translations.
    for language in LANGUAGES:
        here = frozen["cwd"] / f"source-home-{language}.png"
        _run(
            [
                sys.executable,
                str(frozen["tree"] / "main.py"),
                "run",
                "--screenshot",
                str(here),
                "--language",
                language,
            ],
            cwd=frozen["cwd"],
            env={
                **os.environ,
                "QT_QPA_PLATFORM": "offscreen",
                "KIOSK_DATA_DIR": str(frozen["data"].with_name(f"source-{language}")),
            },
        )
        assert home[language] == QImage(str(here)), f"{language}: the frozen kiosk draws home differently"


@pytest.mark.slow
def test_frozen_kiosk_finds_its_lessons_and_procedures(frozen) -> None:
    listed = {line.split()[0] for line in _kiosk(frozen, "lessons", "list").splitlines() if line.strip()}
    assert listed == {path.stem for path in LESSONS_DIR.glob("*.yaml")}
    _kiosk(frozen, "lessons", "check")
    _kiosk(frozen, "procedures", "check")


@pytest.mark.slow
@pytest.mark.skipif(
    not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="zbar-tools, poppler-utils"
)
def test_frozen_kiosk_prints_a_slip_that_scans(frozen) -> None:
    procedures, _ = load_procedures(PROCEDURES_DIR)
    pdf = frozen["cwd"] / "slip.pdf"
    _kiosk(frozen, "slip", "mynaportal", "--pdf", str(pdf), "--lesson", "mynumber-card")
    _run(["pdftoppm", "-r", "203", "-png", str(pdf), str(frozen["cwd"] / "page")], cwd=frozen["cwd"])
    page = sorted(frozen["cwd"].glob("page*.png"))[0]
    scanned = _run(["zbarimg", "-q", "--raw", str(page)], cwd=frozen["cwd"])
    assert scanned.strip() == procedures["mynaportal"].url


def _loudness(path: Path) -> tuple[float, int]:
    """Seconds of sound and the loudest sample (16-bit WAV)."""
    with wave.open(str(path)) as wav:
        assert wav.getsampwidth() == 2
        seconds = wav.getnframes() / wav.getframerate()
        samples = array("h", wav.readframes(wav.getnframes()))
    return seconds, max((abs(s) for s in samples), default=0)


@pytest.mark.slow
@pytest.mark.parametrize(
    "engine",
    [
        # espeak-ng fed kana read through the bundled Open JTalk dictionary.
        pytest.param(
            "pyttsx3",
            marks=pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng is not installed"),
        ),
        # Open JTalk's own voice, bundled: needs nothing on the machine (the Windows workflow uses it).
        "openjtalk",
    ],
)
def test_frozen_kiosk_speaks_to_a_wav(frozen, engine) -> None:
    wav = frozen["cwd"] / f"say-{engine}.wav"
    said = _kiosk(frozen, "say", "暗証番号を入力します", "--wav", str(wav), "--engine", engine)
    if engine == "pyttsx3":
        assert "アンショー" in said  # the kana the engine was fed
    seconds, loudest = _loudness(wav)
    assert seconds > 1.0
    assert loudest > 1000, "not silence"


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("espeak-ng") and shutil.which("aplay")), reason="espeak-ng, alsa-utils")
def test_frozen_kiosk_starts_itself_as_the_read_aloud_worker(frozen, tmp_path, monkeypatch, qtbot) -> None:
    """The screen's speech client as the frozen kiosk runs it: `naruto-kiosk --speech-worker`,
    with nothing pointing into the checkout, plays real speech (ALSA's default device writes
    it to a file here). Two utterances, and the second must be heard: the first on a new
    worker is now and then silent (pyttsx3's first-call quirk, see test_package.py)."""
    from kiosk.ui import speech_client
    from kiosk.ui.speech_client import SpeechClient

    exe = frozen["app"] / f"naruto-kiosk{EXE}"
    home, played = tmp_path / "home", tmp_path / "played.wav"
    home.mkdir()
    (home / ".asoundrc").write_text(
        f'pcm.!default {{\n type file\n slave.pcm "null"\n file "{played}"\n format "wav"\n}}\n'
    )
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.setattr(speech_client, "package_parent", lambda: None)  # as in a frozen kiosk
    for name, value in _environment(frozen).items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("PYTHONPATH", raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(frozen["cwd"])
    speech = SpeechClient("pyttsx3")
    events: list[dict[str, object]] = []
    speech.worker_event.connect(events.append)
    try:
        with qtbot.waitSignal(speech.finished, timeout=60_000):
            speech.speak("こんにちは。よみあげの ためしです。")
        worker_pid = int(str(events[0]["pid"]))
        if sys.platform.startswith("linux"):
            assert Path(os.readlink(f"/proc/{worker_pid}/exe")) == exe.resolve()
        played.unlink(missing_ok=True)
        with qtbot.waitSignal(speech.finished, timeout=60_000):
            speech.speak("ふたつめの ためしです。")
    finally:
        speech.shutdown()
    assert [e["event"] for e in events] == ["ready", "started", "done", "started", "done"], events
    assert events[0]["engine"] == "pyttsx3"
    assert "タメシ" in str(events[3]["fed"])  # kana from the bundled dictionary, for espeak-ng
    seconds, loudest = _loudness(played)
    assert seconds > 1.0, "the words were played"
    assert loudest > 1000, "not silence"
