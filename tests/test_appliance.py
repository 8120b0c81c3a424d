"""The Linux appliance (packaging/linux): installed by its one command, run as its unit says under cage,
the home screen seen in a screenshot, the kiosk killed and back within 5 s, the records intact."""

from __future__ import annotations

import os
import pwd
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "packaging" / "linux"
INSTALL = HERE / "install.sh"
UNIT_FILE = HERE / "naruto-kiosk.service"
INSTALLED_UNIT = Path("/etc/systemd/system/naruto-kiosk.service")
PREFIX = Path("/opt/naruto-kiosk")
DATA_DIR = Path("/var/lib/naruto-kiosk")
RESTART_LIMIT_S = 5.0


def _why_not() -> str | None:
    if not sys.platform.startswith("linux") or not Path("/etc/debian_version").exists():
        return "the appliance is for Debian Linux"
    if os.geteuid() != 0:
        return "installing the appliance needs root (it creates a user, /opt/naruto-kiosk and a unit)"
    if Path("/proc/1/comm").read_text().strip() == "systemd":
        # Here the installer would enable a unit that takes over tty1 at the next boot.
        return (
            "this machine boots with systemd: run the appliance test in a container or CI, not on a desktop"
        )
    missing = [tool for tool in ("cage", "grim", "Xvfb") if shutil.which(tool) is None]
    if missing:
        return f"missing {', '.join(missing)} (scripts/bootstrap.sh installs them: apt-get install cage grim xvfb)"
    return None


pytestmark = [
    pytest.mark.slow,
    pytest.mark.linux,
    pytest.mark.skipif(_why_not() is not None, reason=_why_not() or ""),
]


def install() -> str:
    done = subprocess.run(
        ["bash", str(INSTALL)], capture_output=True, text=True, timeout=1800, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stderr


def snapshot() -> dict[str, tuple[object, ...]]:
    """What the installer may touch: every file's metadata, the user's account lines."""
    seen: dict[str, tuple[object, ...]] = {}
    roots = [PREFIX, DATA_DIR, Path("/etc/systemd/system"), Path("/etc/pam.d/naruto-kiosk")]
    for root in roots:
        paths = [root] if not root.is_dir() else [root, *root.rglob("*")]
        for path in paths:
            info = path.lstat()
            link = os.readlink(path) if path.is_symlink() else None
            seen[str(path)] = (info.st_mode, info.st_uid, info.st_gid, info.st_size, info.st_mtime_ns, link)
    for table in ("/etc/passwd", "/etc/shadow", "/etc/group"):
        for line in Path(table).read_text().splitlines():
            if line.startswith("kiosk:"):
                seen[f"{table}:kiosk"] = (line,)
    return seen


def read_unit(path: Path) -> dict[str, list[str]]:
    """The [Service] section's settings; a key given twice (Environment=) keeps every value."""
    settings: dict[str, list[str]] = {}
    section = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line
        elif section == "[Service]":
            key, _, value = line.partition("=")
            settings.setdefault(key.strip(), []).append(value.strip())
    return settings


def unit_environment(unit: dict[str, list[str]]) -> dict[str, str]:
    env: dict[str, str] = {}
    for line in unit.get("Environment", []):
        for item in shlex.split(line):
            key, _, value = item.partition("=")
            env[key] = value
    return env


def timespan(text: str) -> float:
    """A systemd time span as used here ("500ms", "1s", "2"), in seconds."""
    for suffix, scale in (("ms", 0.001), ("s", 1.0)):
        if text.endswith(suffix):
            return float(text.removesuffix(suffix)) * scale
    return float(text)


class Supervisor:
    """Restart=always as systemd does it: run the command again RestartSec after it ends, for ever.

    systemd is not PID 1 where this test runs (a container), so this loop stands in for it."""

    def __init__(self, argv: list[str], env: dict[str, str], user: str, restart_sec: float, log: Path):
        self.argv, self.env, self.user, self.restart_sec, self.log = argv, env, user, restart_sec, log
        self.process: subprocess.Popen[bytes] | None = None
        self.starts: list[float] = []
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _loop(self) -> None:
        account = pwd.getpwnam(self.user)
        with self.log.open("ab") as out:
            while not self._stopped.is_set():
                self.process = subprocess.Popen(
                    self.argv,
                    env=self.env,
                    user=account.pw_uid,
                    group=account.pw_gid,
                    extra_groups=[],
                    cwd="/",
                    stdin=subprocess.DEVNULL,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
                self.starts.append(time.monotonic())
                self.process.wait()
                self._stopped.wait(self.restart_sec)

    def stop(self) -> None:
        self._stopped.set()
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self._thread.join(timeout=10)


def kiosk_pid(cage_pid: int) -> int | None:
    """The kiosk process cage started (its child running `kiosk run`)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == cage_pid and b"run" in cmdline and any(part.endswith(b"/kiosk") for part in cmdline):
            return int(entry.name)
    return None


def as_kiosk(*argv: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    account = pwd.getpwnam("kiosk")
    return subprocess.run(
        list(argv),
        env=env,
        user=account.pw_uid,
        group=account.pw_gid,
        extra_groups=[],
        cwd="/",
        capture_output=True,
        text=True,
        timeout=120,
        check=check,
    )


def free_display() -> int:
    for number in range(81, 90):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    pytest.skip("no free X display among :81–:89")


@pytest.fixture(scope="module")
def installed() -> Iterator[str]:
    first = install()
    yield first


@pytest.fixture
def scratch() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="cage_"))
    os.chmod(folder, 0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_installer_is_idempotent(installed: str) -> None:
    before = snapshot()
    second = install()
    assert "nothing changed" in second, second
    after = snapshot()
    assert {k: v for k, v in after.items() if before.get(k) != v} == {}
    assert set(before) == set(after)

    account = pwd.getpwnam("kiosk")
    assert account.pw_shell == "/usr/sbin/nologin"
    shadow = next(line for line in Path("/etc/shadow").read_text().splitlines() if line.startswith("kiosk:"))
    assert shadow.split(":")[1].startswith(("!", "*")), "the kiosk user must have no password"
    groups = subprocess.run(["id", "-nG", "kiosk"], capture_output=True, text=True, check=True).stdout.split()
    assert groups == ["kiosk"], "no sudo, no admin group"
    info = DATA_DIR.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (account.pw_uid, account.pw_gid, 0o750)
    assert INSTALLED_UNIT.read_text() == UNIT_FILE.read_text()
    assert Path("/etc/systemd/system/graphical.target.wants/naruto-kiosk.service").is_symlink()


def _image(path: Path):  # -> QImage
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), path
    return image.convertToFormat(QImage.Format.Format_RGB32)


def similarity(shot: Path, reference: Path) -> float:
    """Share of sampled pixels (every 4th) that match the reference within a small tolerance."""
    a, b = _image(shot), _image(reference)
    if a.size() != b.size():
        return 0.0
    same = total = 0
    for y in range(0, a.height(), 4):
        for x in range(0, a.width(), 4):
            p, q = a.pixel(x, y), b.pixel(x, y)
            total += 1
            if all(abs(((p >> s) & 255) - ((q >> s) & 255)) <= 48 for s in (0, 8, 16)):
                same += 1
    return same / total


def test_unit_runs_the_kiosk_under_cage_and_it_comes_back_after_a_kill(installed: str, scratch: Path) -> None:
    unit = read_unit(INSTALLED_UNIT)
    assert unit["Restart"] == ["always"]
    assert unit["User"] == ["kiosk"]
    restart_sec = timespan(unit["RestartSec"][0])
    assert restart_sec <= 1
    argv = shlex.split(unit["ExecStart"][0])
    assert argv[0] == "/usr/bin/cage"

    account = pwd.getpwnam("kiosk")
    runtime, data, reference_data = scratch / "run", scratch / "data", scratch / "reference"
    for folder in (runtime, data, reference_data):
        folder.mkdir(mode=0o700)
        os.chown(folder, account.pw_uid, account.pw_gid)
    # What systemd and the PAM session give the service, then the unit's own Environment=.
    # The data folder is a scratch one (the installed /var/lib/naruto-kiosk stays untouched).
    base = {
        "HOME": account.pw_dir,
        "USER": "kiosk",
        "LOGNAME": "kiosk",
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "XDG_RUNTIME_DIR": str(runtime),
    }
    env = {**base, **unit_environment(unit), "KIOSK_DATA_DIR": str(data)}
    assert env["QT_QPA_PLATFORM"].startswith("wayland")

    # The screen: cage's wlroots draws into a window on Xvfb. (Its headless backend scans a
    # full-screen client's buffer out directly, and a grim screenshot of that is all black.)
    display = free_display()
    xvfb = subprocess.Popen(
        ["Xvfb", f":{display}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    screen_env = {
        **env,
        "DISPLAY": f":{display}",
        "WLR_BACKENDS": "x11",
        "WLR_RENDERER": "pixman",
        "WLR_LIBINPUT_NO_DEVICES": "1",
    }
    kiosk = str(PREFIX / "venv" / "bin" / "kiosk")
    python = str(PREFIX / "venv" / "bin" / "python")
    # Records written before the kiosk starts, and (below) while it runs.
    as_kiosk(kiosk, "demo-data", "--consultations", "30", "--seed", "1", env=env)

    supervisor = Supervisor(argv, screen_env, "kiosk", restart_sec, scratch / "cage.log")
    shot = scratch / "shot.png"

    def screenshot() -> Path | None:
        sockets = sorted(runtime.glob("wayland-*[0-9]"), key=lambda path: path.stat().st_mtime)
        if not sockets:
            return None
        grim_env = {**base, "WAYLAND_DISPLAY": sockets[-1].name}
        done = as_kiosk("grim", str(runtime / "shot.png"), env=grim_env, check=False)
        if done.returncode != 0:
            return None
        shutil.copyfile(runtime / "shot.png", shot)
        return shot

    def wait_for_home(reference: Path | None, timeout: float) -> float:
        deadline = time.monotonic() + timeout
        best = 0.0
        while time.monotonic() < deadline:
            taken = screenshot()
            if taken is not None and reference is not None:
                best = max(best, similarity(taken, reference))
                if best >= 0.97:
                    return time.monotonic()
            time.sleep(0.2)
        raise AssertionError(
            f"home not seen within {timeout} s (best match {best:.1%}); cage log:\n"
            + (scratch / "cage.log").read_text(errors="replace")[-2000:]
        )

    try:
        time.sleep(0.5)  # Xvfb's socket
        supervisor.start()
        # The first screenshot tells the output's size; the kiosk renders home offscreen at it.
        deadline = time.monotonic() + 60
        while screenshot() is None:
            assert time.monotonic() < deadline, (scratch / "cage.log").read_text(errors="replace")
            time.sleep(0.2)
        size = _image(shot).size()
        reference = scratch / "reference.png"
        as_kiosk(
            kiosk,
            "run",
            "--screenshot",
            str(runtime / "reference.png"),
            "--size",
            f"{size.width()}x{size.height()}",
            env={**env, "KIOSK_DATA_DIR": str(reference_data)},
        )
        shutil.copyfile(runtime / "reference.png", reference)
        wait_for_home(reference, timeout=60)
        shutil.copyfile(shot, scratch / "home-under-cage.png")

        as_kiosk(kiosk, "demo-data", "--consultations", "10", "--seed", "2", env=env)
        count_sql = (
            "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]);"
            "print(db.execute('pragma integrity_check').fetchone()[0]);"
            "print(*sorted(r[0] for r in db.execute('select id from consultations')))"
        )
        database = str(data / "records.sqlite3")
        before = as_kiosk(python, "-c", count_sql, database, env=env).stdout.splitlines()
        assert before[0] == "ok"
        ids_before = set(before[1].split())
        assert len(ids_before) >= 40

        cage = supervisor.process
        assert cage is not None
        victim = kiosk_pid(cage.pid)
        assert victim is not None, "no kiosk process under cage"
        starts = len(supervisor.starts)
        killed_at = time.monotonic()
        os.kill(victim, signal.SIGKILL)
        while len(supervisor.starts) == starts and time.monotonic() - killed_at < RESTART_LIMIT_S + 10:
            time.sleep(0.05)  # the old picture stays until cage has gone
        back_at = wait_for_home(reference, timeout=RESTART_LIMIT_S + 10)
        assert len(supervisor.starts) == starts + 1, "cage did not end with its kiosk"
        restarted = supervisor.starts[-1] - killed_at
        shown = back_at - killed_at
        print(f"kiosk killed: cage started again after {restarted:.2f} s, home shown after {shown:.2f} s")
        assert shown <= RESTART_LIMIT_S

        after = as_kiosk(python, "-c", count_sql, database, env=env).stdout.splitlines()
        assert after[0] == "ok"
        assert ids_before <= set(after[1].split()), "records written before the kill are gone"
    finally:
        supervisor.stop()
        xvfb.terminate()
        xvfb.wait(timeout=10)
