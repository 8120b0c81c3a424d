"""The speech worker: a process of its own that owns one engine and speaks what it is sent.

pyttsx3 engines must be created and run on one thread, can hang, and block
while they speak; a separate process keeps all of that away from the screen,
and stopping speech is simply ending this process.

Protocol: JSON lines. In: {"say": ID, "text": ..., "rate": "slow"|"normal", "volume": 0..1}.
Out: {"event": "ready"|"unavailable"|"started"|"done"|"error", ...}.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from kiosk.speech.engines import Engine, NoVoice, SpeechUnavailable, make_engine, text_for
from kiosk.speech.playback import PLAYER_ENV

log = logging.getLogger("kiosk.speech")

# A frozen app has no `python -m`: its own executable is started with this first argument
# (kiosk/entry.py hands it to main() below before anything else).
WORKER_FLAG = "--speech-worker"


def worker_command(engine: str, *, frozen: bool | None = None) -> list[str]:
    """The program and arguments that start a worker for `engine`."""
    if frozen is None:
        frozen = bool(getattr(sys, "frozen", False))
    if frozen:
        return [sys.executable, WORKER_FLAG, "--engine", engine]
    return [sys.executable, "-m", "kiosk.speech.worker", "--engine", engine]


def _send(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def audio_device_problem(cards: Path = Path("/proc/asound/cards")) -> str | None:
    """Why sound cannot play here, if we can tell (Linux: ALSA has no card and no default device).

    With no card, ALSA can still have a default device of its own configuration
    (`~/.asoundrc`, `/etc/asound.conf`): a network or Bluetooth speaker, or a file.
    """
    if not sys.platform.startswith("linux"):
        return None
    if cards.exists() and "no soundcards" not in cards.read_text(errors="replace"):
        return None
    if "default" in alsa_devices():
        return None
    return "no sound card (ALSA lists none)"


def alsa_devices() -> list[str]:
    """The playback devices `aplay -L` names (none when aplay is missing or fails)."""
    aplay = shutil.which("aplay")
    if aplay is None:
        return []
    try:
        listing = subprocess.run([aplay, "-L"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    return [line.strip() for line in listing.stdout.splitlines() if line and not line[0].isspace()]


def open_engine(name: str) -> Engine:
    engine = make_engine(name)
    if not name.startswith("timed") and not os.environ.get(PLAYER_ENV):  # a named player is not ALSA
        problem = audio_device_problem()
        if problem:
            raise SpeechUnavailable(problem)
    return engine


def serve(engine: Engine) -> None:
    for line in sys.stdin:
        try:
            request = json.loads(line)
        except json.JSONDecodeError:
            continue
        ident = request.get("say")
        try:
            language = str(request.get("language", "ja"))
            fed = text_for(engine, str(request.get("text", "")), language)
            _send(
                {
                    "event": "started",
                    "id": ident,
                    "fed": fed,
                    "pid": os.getpid(),
                    "thread": threading.current_thread().name,
                }
            )
            engine.speak(
                fed,
                rate=request.get("rate", "normal"),
                volume=float(request.get("volume", 1.0)),
                language=language,
            )
            _send({"event": "done", "id": ident})
        except NoVoice as exc:  # this language only: the worker stays for the others
            _send({"event": "no_voice", "id": ident, "reason": str(exc)})
        except SpeechUnavailable as exc:
            _send({"event": "unavailable", "reason": str(exc)})
            return
        except Exception as exc:  # one failed utterance must not end the worker
            log.exception("speech failed")
            _send({"event": "error", "id": ident, "message": f"{type(exc).__name__}: {exc}"})


def warm_up(engine: Engine) -> None:
    """Load what the first text needs (the reading dictionary for kana) before saying ready:
    a worker started ahead of the tap then speaks as soon as it is asked."""
    try:
        text_for(engine, "準備")
    except Exception:  # the first real text will meet the same problem and report it
        log.warning("speech warm-up failed", exc_info=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk-speech-worker")
    parser.add_argument("--engine", default="pyttsx3")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    try:
        engine = open_engine(args.engine)
    except SpeechUnavailable as exc:
        _send({"event": "unavailable", "reason": str(exc)})
        return 0
    warm_up(engine)
    _send({"event": "ready", "engine": engine.name, "pid": os.getpid(), "kana": engine.needs_kana})
    serve(engine)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
