"""Puts the software card into a real PC/SC reader: vsmartcard's virtual reader (vpcd),
loaded by a pcscd of the test's own, with a reader.conf on a port the test chooses.

vpcd's protocol (vsmartcard's vpcd/vpcd.h and virtualsmartcard's VirtualSmartcard.py):
the card side connects by TCP to the port vpcd listens on; every message either way is
prefixed by its length as 2 bytes, big-endian; a 1-byte message from vpcd is a control
code (0x00 power off, 0x01 power on, 0x02 reset, 0x04 send the ATR), anything longer is a
command APDU to answer. A connected card is a card on the reader; closing is taking it away.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

from tests.helpers.virtual_card import ATR, VirtualMyNumberCard

VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
PCSCD_SOCKET = Path("/run/pcscd/pcscd.comm")
POWER_OFF, POWER_ON, RESET, GET_ATR = 0x00, 0x01, 0x02, 0x04
# KIOSK_PCSCD_DEBUG=1: pcscd logs every step (into pcscd.log in the test's tmp folder).
DEBUG = ["--debug", "--apdu"] if os.environ.get("KIOSK_PCSCD_DEBUG") == "1" else []


class VpcdCard:
    """The card on vpcd's reader while connected. `remove_after`: the card leaves (the
    connection closes without an answer) when that many APDUs have come."""

    def __init__(self, card: VirtualMyNumberCard, port: int, remove_after: int | None = None) -> None:
        self.card, self.port, self.remove_after = card, port, remove_after
        self.apdus = 0
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def insert(self) -> VpcdCard:
        self._socket = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        self._socket.settimeout(None)
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # else ~40 ms an APDU
        self._thread = threading.Thread(target=self._serve, args=(self._socket,), daemon=True)
        self._thread.start()
        return self

    def remove(self) -> None:
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.shutdown(socket.SHUT_RDWR)
            self._socket.close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> VpcdCard:
        return self.insert()

    def __exit__(self, *exc: object) -> None:
        self.remove()

    def _serve(self, connection: socket.socket) -> None:
        with contextlib.suppress(OSError, ConnectionError):
            while True:
                message = _receive(connection, int.from_bytes(_receive(connection, 2), "big"))
                if len(message) == 1:
                    if message[0] == GET_ATR:
                        _send(connection, ATR)
                    elif message[0] in (POWER_OFF, POWER_ON, RESET):
                        self.card.reset()
                    continue
                self.apdus += 1
                if self.remove_after is not None and self.apdus > self.remove_after:
                    connection.shutdown(socket.SHUT_RDWR)
                    return
                _send(connection, self.card.answer(message))


def _receive(connection: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = connection.recv(size - len(data))
        if not chunk:
            raise ConnectionError("vpcd closed the connection")
        data += chunk
    return data


def _send(connection: socket.socket, message: bytes) -> None:
    connection.sendall(len(message).to_bytes(2, "big") + message)


def free_port_pair() -> int:
    """A port p with p and p + 1 free (vpcd opens one reader slot on each)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        with contextlib.suppress(OSError), socket.socket() as first, socket.socket() as second:
            first.bind(("0.0.0.0", port))
            second.bind(("0.0.0.0", port + 1))
            return port
    raise RuntimeError("no two free ports in a row")


def why_pcscd_cannot_run() -> str | None:
    """None when this machine can run the test's own pcscd with vpcd, else why not."""
    if importlib.util.find_spec("smartcard") is None:
        return "pyscard is not installed (pip install pyscard)"
    if shutil.which("pcscd") is None:
        return "pcscd is not installed (apt-get install pcscd)"
    if not VPCD_DRIVER.exists():
        return "vpcd is not installed (apt-get install vsmartcard-vpcd)"
    if PCSCD_SOCKET.exists():
        return f"a pcscd is already running ({PCSCD_SOCKET}); the test needs its own"
    if os.geteuid() != 0 and not os.access(PCSCD_SOCKET.parent, os.W_OK):
        return f"pcscd needs to write {PCSCD_SOCKET.parent} (run as root)"
    return None


class Pcscd:
    """pcscd in the foreground with only vpcd's reader (on `port`), its log in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.port = folder, free_port_pair()
        self.process: subprocess.Popen[bytes] | None = None
        conf = folder / "reader.conf.d"
        conf.mkdir(parents=True, exist_ok=True)
        (conf / "vpcd").write_text(
            f'FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:{self.port}\n'
            f"LIBPATH {VPCD_DRIVER}\nCHANNELID {self.port}\n"
        )

    def start(self, readers: list[str] | None = None, wait_s: float = 10) -> None:
        from kiosk.card.pcsc import list_readers
        from kiosk.card.problems import NoReader

        with (self.folder / "pcscd.log").open("ab") as log:  # pcscd keeps its own copy
            self.process = subprocess.Popen(
                ["pcscd", "--foreground", "--config", str(self.folder / "reader.conf.d"), *DEBUG],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            with contextlib.suppress(NoReader):
                if list_readers():
                    return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"pcscd showed no reader in {wait_s} s; see {self.folder / 'pcscd.log'}")

    def wait_until_empty(self, reader: str, wait_s: float = 5) -> None:
        """Until pcscd shows no card on `reader` (it polls vpcd a few times a second)."""
        scard = importlib.import_module("smartcard.scard")
        result, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        assert result == 0, "pcscd is not running"
        try:
            deadline = time.monotonic() + wait_s
            while time.monotonic() < deadline:
                _, states = scard.SCardGetStatusChange(context, 0, [(reader, scard.SCARD_STATE_UNAWARE)])
                if states and not states[0][1] & scard.SCARD_STATE_PRESENT:
                    return
                time.sleep(0.05)
            raise AssertionError(f"{reader} still shows a card after {wait_s} s")
        finally:
            scard.SCardReleaseContext(context)

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None
