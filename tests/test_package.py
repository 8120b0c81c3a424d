"""The kiosk as a city installs it: a wheel built here, in a fresh virtualenv, run from another folder.

Also the resource locator's three layouts, the read-aloud worker of a frozen app and the
Windows data folder, which the install test cannot show on this machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import time
import wave
import zipfile
from array import array
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk import datadir, paths
from kiosk.content.procedures import load_procedures
from kiosk.paths import LESSONS_DIR, PROCEDURES_DIR, PROJECT_ROOT, find_layout
from kiosk.speech import worker

CONTENT = ("assets", "lessons", "procedures", "troubles", "glossary")
# What goes into the build: the checkout without its virtualenv, git and caches (a copy, so a
# build never writes into the tree other people are working in).
NOT_BUILT = shutil.ignore_patterns(".venv", ".git", "*cache*", "build", "dist", "*.egg-info", "*.qm", "bench")


def _run(args: list[str], *, cwd: Path, env: dict[str, str] | None = None, timeout: float = 600) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args}\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """`python -m build` (sdist, and the wheel from it), then the wheel alone in a fresh venv."""
    base = tmp_path_factory.mktemp("package")
    tree, dist, venv = base / "tree", base / "dist", base / "venv"
    shutil.copytree(PROJECT_ROOT, tree, ignore=NOT_BUILT)
    started = time.monotonic()
    _run([sys.executable, "-m", "build", "--outdir", str(dist), str(tree)], cwd=base)
    built = time.monotonic()
    # The same versions as the tests run with (PySide6 below 6.12 above all).
    frozen = _run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"], cwd=base)
    pins = [line for line in frozen.splitlines() if line and not line.startswith(("-e", "naruto-kiosk"))]
    (base / "pins.txt").write_text("\n".join(pins) + "\n", encoding="utf-8")
    python = getattr(sys, "_base_executable", sys.executable)
    _run([python, "-m", "venv", str(venv)], cwd=base)
    (wheel,) = dist.glob("naruto_kiosk-*.whl")
    _run(
        [
            str(venv / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "-q",
            "-c",
            str(base / "pins.txt"),
            str(wheel),
        ],
        cwd=base,
    )
    print(f"build {built - started:.1f} s, venv + install {time.monotonic() - built:.1f} s")
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    (sdist,) = dist.glob("naruto_kiosk-*.tar.gz")
    # The built tree with the wheel's translations: the checkout as it was built, to compare with.
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if name.startswith("kiosk/i18n/") and name.endswith(".qm"):
                (tree / name).write_bytes(archive.read(name))
    return {
        "venv": venv,
        "wheel": wheel,
        "sdist": sdist,
        "cwd": elsewhere,
        "data": base / "data",
        "tree": tree,
    }


def _environment(installed: dict[str, Path]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    venv_bin = str(installed["venv"] / "bin")
    env["PATH"] = os.pathsep.join(
        [venv_bin, *(p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p)]
    )
    return {**env, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(installed["data"])}


def _kiosk(installed: dict[str, Path], *args: str) -> str:
    return _run(
        [str(installed["venv"] / "bin" / "kiosk"), *args], cwd=installed["cwd"], env=_environment(installed)
    )


@pytest.mark.slow
def test_wheel_and_sdist_carry_content_font_and_compiled_translations(installed) -> None:
    with zipfile.ZipFile(installed["wheel"]) as wheel:
        names = set(wheel.namelist())
    for folder in CONTENT:
        shipped = {n for n in names if n.startswith(f"kiosk/_data/{folder}/")}
        in_repo = [
            p
            for p in (PROJECT_ROOT / folder).rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and not p.name.startswith(".")
        ]
        assert len(shipped) == len(in_repo), folder
    for file in ("assets/fonts/BIZUDPGothic-Regular.ttf", "assets/fonts/OFL.txt"):
        assert f"kiosk/_data/{file}" in names
    languages = sorted(p.stem for p in (PROJECT_ROOT / "kiosk" / "i18n").glob("kiosk_*.ts"))
    assert languages
    for language in languages:
        assert f"kiosk/i18n/{language}.qm" in names
    with tarfile.open(installed["sdist"]) as archive:
        sdist = archive.getnames()
    root = sdist[0].split("/")[0]
    for language in languages:
        assert f"{root}/kiosk/i18n/{language}.qm" in sdist
    for file in ("assets/fonts/OFL.txt", "lessons/power-on.yaml", "setup.py", "MANIFEST.in"):
        assert f"{root}/{file}" in sdist


@pytest.mark.slow
def test_installed_kiosk_finds_its_own_files_not_the_checkout(installed) -> None:
    code = "import kiosk, kiosk.paths as p; print(p.LAYOUT.kind); print(kiosk.__file__); print(p.LESSONS_DIR)"
    kind, module, lessons = _run(
        [str(installed["venv"] / "bin" / "python"), "-c", code],
        cwd=installed["cwd"],
        env=_environment(installed),
    ).split()
    assert kind == "installed"
    assert Path(module).is_relative_to(installed["venv"])
    assert Path(lessons).is_relative_to(installed["venv"])


@pytest.mark.slow
def test_installed_kiosk_renders_home_in_every_language(installed, tmp_path) -> None:
    shots = {}
    for language in ("ja", "ja-easy", "en"):
        png = installed["cwd"] / f"home-{language}.png"
        _kiosk(installed, "run", "--screenshot", str(png), "--language", language)
        assert png.stat().st_size > 20_000
        shots[language] = QImage(str(png))
        # The same pixels as the checkout draws: the same font, pictures and translations. (The
        # copy that was built, not the checkout: people may be changing the screens meanwhile.)
        here = tmp_path / png.name
        done = subprocess.run(
            [
                sys.executable,
                str(installed["tree"] / "main.py"),
                "run",
                "--screenshot",
                str(here),
                "--language",
                language,
            ],
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(tmp_path / "data")},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert shots[language] == QImage(str(here)), f"{language}: the installed kiosk draws home differently"
    assert shots["ja"] != shots["en"]
    assert shots["ja"] != shots["ja-easy"]
    assert shots["en"] != shots["ja-easy"]


@pytest.mark.slow
def test_installed_kiosk_lists_every_lesson(installed) -> None:
    listed = {line.split()[0] for line in _kiosk(installed, "lessons", "list").splitlines() if line.strip()}
    in_repo = {path.stem for path in LESSONS_DIR.glob("*.yaml")}
    assert listed == in_repo
    # Every picture a lesson names, and every translation of its texts, is there (exit 0).
    _kiosk(installed, "lessons", "check")
    _kiosk(installed, "procedures", "check")


@pytest.mark.slow
@pytest.mark.skipif(
    not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="zbar-tools, poppler-utils"
)
def test_installed_kiosk_prints_a_slip_that_scans(installed) -> None:
    procedures, _ = load_procedures(PROCEDURES_DIR)
    pdf = installed["cwd"] / "slip.pdf"
    _kiosk(installed, "slip", "e-tax", "--pdf", str(pdf))
    _run(["pdftoppm", "-r", "203", "-png", str(pdf), str(installed["cwd"] / "page")], cwd=installed["cwd"])
    page = sorted(installed["cwd"].glob("page*.png"))[0]
    scanned = _run(["zbarimg", "-q", "--raw", str(page)], cwd=installed["cwd"])
    assert scanned.strip() == procedures["e-tax"].url


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("espeak-ng") and shutil.which("aplay")), reason="espeak-ng, alsa-utils")
def test_installed_kiosk_reads_aloud_through_its_worker(installed, tmp_path) -> None:
    """The screen's speech client in the installed kiosk: its worker starts with no PYTHONPATH
    and plays real espeak-ng speech (ALSA's default device writes it to a file here).

    Two utterances on one worker, and the second must be heard: the first on a new worker is
    now and then silent though reported done (about 1 in 20 under load; pyttsx3's first-call
    quirk, the same from the checkout — a speech bug of its own, not the package's)."""
    home, played = tmp_path / "home", tmp_path / "played.wav"
    home.mkdir()
    (home / ".asoundrc").write_text(
        f'pcm.!default {{\n type file\n slave.pcm "null"\n file "{played}"\n format "wav"\n}}\n'
    )
    code = f"""
import os
from PySide6.QtCore import QCoreApplication, QTimer
from kiosk.ui.speech_client import SpeechClient
app = QCoreApplication([])
speech = SpeechClient("pyttsx3")
events = []
speech.worker_event.connect(lambda e: events.append(e["event"]))
def finished(ident):
    if ident == 1:
        if os.path.exists({str(played)!r}):  # absent when the first was silent
            os.replace({str(played)!r}, {str(tmp_path / "first.wav")!r})
        speech.speak("ふたつめの ためしです。")
    else:
        app.quit()
speech.finished.connect(finished)
speech.unavailable.connect(lambda _: app.quit())
QTimer.singleShot(60000, app.quit)
speech.speak("こんにちは。よみあげの ためしです。")
app.exec()
speech.shutdown()
print(" ".join(events))
"""
    events = _run(
        [str(installed["venv"] / "bin" / "python"), "-c", code],
        cwd=installed["cwd"],
        env={**_environment(installed), "HOME": str(home)},
    ).split()
    assert events == ["ready", "started", "done", "started", "done"], events
    with wave.open(str(played)) as wav:
        assert wav.getnframes() / wav.getframerate() > 1.0, "the words were played"
        samples = array("h", wav.readframes(wav.getnframes()))
    assert max(abs(s) for s in samples) > 1000, "not silence"


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng is not installed")
def test_installed_kiosk_speaks_to_a_wav(installed) -> None:
    wav = installed["cwd"] / "say.wav"
    _kiosk(installed, "say", "こんにちは", "--wav", str(wav))
    assert wav.stat().st_size > 10_000


# ---- the locator, the frozen app's worker, the Windows data folder (fast) -------------------


def _content(root: Path) -> Path:
    for folder in CONTENT:
        (root / folder).mkdir(parents=True)
    return root


def test_a_frozen_app_finds_content_in_its_bundle(tmp_path) -> None:
    bundle = tmp_path / "_internal"
    _content(bundle / "kiosk" / "_data")
    layout = find_layout(frozen=True, bundle=bundle, package_dir=tmp_path / "nowhere" / "kiosk")
    assert layout == paths.Layout("frozen", bundle / "kiosk" / "_data", bundle / "kiosk" / "i18n")
    # A spec that puts the folders at the bundle's top works too.
    flat = _content(tmp_path / "flat")
    assert find_layout(frozen=True, bundle=flat, package_dir=tmp_path / "x" / "kiosk").content == flat


def test_an_installed_package_prefers_its_data_and_a_checkout_its_folders(tmp_path) -> None:
    package = tmp_path / "site-packages" / "kiosk"
    _content(package / "_data")
    assert find_layout(frozen=False, package_dir=package).kind == "installed"
    checkout = _content(tmp_path / "checkout")
    assert find_layout(frozen=False, package_dir=checkout / "kiosk") == paths.Layout(
        "source", checkout, checkout / "kiosk" / "i18n"
    )
    assert paths.LAYOUT.kind == "source"  # these tests run from the checkout


@pytest.mark.parametrize("entry", ["main.py", "-m kiosk"])
def test_a_frozen_app_starts_itself_as_the_read_aloud_worker(tmp_path, monkeypatch, qtbot, entry) -> None:
    """A frozen app has no `python -m`: the client starts the executable with --speech-worker.
    A script standing in for the frozen executable runs the entry a freezer would (either)."""
    from kiosk.ui.speech_client import SpeechClient

    exe = tmp_path / "naruto-kiosk"
    script = f'"{PROJECT_ROOT / "main.py"}"' if entry == "main.py" else entry
    exe.write_text(f'#!/bin/sh\nexec "{sys.executable}" {script} "$@"\n')
    exe.chmod(0o755)
    assert worker.worker_command("timed", frozen=True)[1] == worker.WORKER_FLAG
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    speech = SpeechClient("timed")
    events: list[str] = []
    speech.worker_event.connect(lambda e: events.append(e["event"]))
    with qtbot.waitSignal(speech.finished, timeout=30_000):
        speech.speak("ハイ")
    speech.shutdown()
    assert events[:3] == ["ready", "started", "done"]


def test_windows_data_folder_is_machine_wide(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", str(tmp_path / "ProgramData"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Users" / "kiosk" / "AppData" / "Local"))
    monkeypatch.delenv("KIOSK_DATA_DIR", raising=False)
    assert datadir.resolve_data_dir(None) == tmp_path / "ProgramData" / "naruto-kiosk"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "chosen"))
    assert datadir.resolve_data_dir(None) == tmp_path / "chosen"
    assert datadir.resolve_data_dir(str(tmp_path / "given")) == tmp_path / "given"


def test_a_new_windows_data_folder_is_shared_with_every_local_account(monkeypatch, tmp_path) -> None:
    ran: list[list[str]] = []
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(datadir.subprocess, "run", lambda args, **_: ran.append(args))
    datadir.prepare_data_dir(tmp_path / "naruto-kiosk")
    datadir.prepare_data_dir(tmp_path / "naruto-kiosk")  # once, when it is made
    assert ran == [["icacls", str(tmp_path / "naruto-kiosk"), "/grant", "*S-1-5-32-545:(OI)(CI)M", "/Q"]]


def test_programs_a_frozen_app_starts_get_the_systems_library_path() -> None:
    """PyInstaller points LD_LIBRARY_PATH at its bundle; aplay (read-aloud, the chime) must
    load the system's libraries, so the first step gives children the original path back."""
    from kiosk.entry import system_library_path

    environ = {"LD_LIBRARY_PATH": "/opt/naruto-kiosk/_internal", "LD_LIBRARY_PATH_ORIG": "/usr/local/lib"}
    system_library_path(environ)
    assert environ == {"LD_LIBRARY_PATH": "/usr/local/lib"}
    environ = {"LD_LIBRARY_PATH": "/opt/naruto-kiosk/_internal", "HOME": "/home/kiosk"}
    system_library_path(environ)  # there was none before the bundle's
    assert environ == {"HOME": "/home/kiosk"}
