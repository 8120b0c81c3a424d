"""The staff-call chime on the kiosk's own speakers, played off the UI thread (no Qt).

Played the way the read-aloud already plays sound: `aplay` on Linux (so ALSA's own
configuration decides the device: a card, a network speaker, a file in tests), winsound
on Windows, `afplay` on macOS. QtMultimedia's QSoundEffect was tried: on Linux it needs a
PulseAudio or PipeWire server (a cage kiosk has neither; it fails with "format not
supported") and loads FFmpeg; the read-aloud worker is stopped by every screen change.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from kiosk.paths import ASSETS_DIR

log = logging.getLogger("kiosk.notify")

CHIME = ASSETS_DIR / "sounds" / "staff-call-chime.wav"
PLAY_TIMEOUT_S = 10.0  # a one-second chime; a player stuck longer is ended


class ChimeUnavailable(Exception):
    """This machine cannot play the chime; the message says why (for the log)."""


def play_wav(path: Path) -> None:
    """Play `path` and return when it has played (blocking: call it off the UI thread)."""
    if not path.is_file():
        raise ChimeUnavailable(f"chime file missing: {path}")
    if sys.platform == "win32":
        import winsound

        try:
            winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_NODEFAULT)
        except RuntimeError as exc:  # no output device
            raise ChimeUnavailable(str(exc)) from exc
        return
    player = _player()
    try:
        done = subprocess.run(
            [*player, str(path)], capture_output=True, text=True, timeout=PLAY_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise ChimeUnavailable(f"{player[0]} did not finish in {PLAY_TIMEOUT_S:.0f} s") from exc
    except OSError as exc:
        raise ChimeUnavailable(f"{player[0]}: {exc}") from exc
    if done.returncode != 0:
        raise ChimeUnavailable(f"{Path(player[0]).name} failed: {done.stderr.strip()[:200]}")


def _player() -> list[str]:
    if sys.platform == "darwin":
        afplay = shutil.which("afplay")
        if afplay is None:
            raise ChimeUnavailable("afplay not found")
        return [afplay]
    from kiosk.speech.worker import audio_device_problem

    aplay = shutil.which("aplay")
    if aplay is None:
        raise ChimeUnavailable("aplay not found: install alsa-utils (Debian) to hear the chime")
    problem = audio_device_problem()
    if problem:
        raise ChimeUnavailable(problem)
    return [aplay, "-q"]


class Chime:
    """Plays the chime in a thread of its own; a second press while it sounds is not doubled."""

    def __init__(self, path: Path = CHIME) -> None:
        self.path = path
        self._playing: threading.Thread | None = None
        self.last_problem: str | None = None  # why the last chime did not sound, if it did not

    def play(self) -> threading.Thread | None:
        """Start the chime and return at once (None when it is still sounding)."""
        if self._playing is not None and self._playing.is_alive():
            return None
        self._playing = threading.Thread(target=self._play, name="staff-call-chime", daemon=True)
        self._playing.start()
        return self._playing

    def _play(self) -> None:
        try:
            play_wav(self.path)
        except ChimeUnavailable as exc:
            self.last_problem = str(exc)
            log.warning("staff-call chime not played: %s", exc)
        except Exception:  # a bug here must not reach the person at the kiosk
            self.last_problem = "error"
            log.exception("staff-call chime failed")
        else:
            self.last_problem = None
            log.info("staff-call chime played")
