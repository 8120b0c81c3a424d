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
import sys
import threading
from pathlib import Path
from typing import Any

from kiosk.speech.engines import Engine, NoVoice, SpeechUnavailable, make_engine, text_for

log = logging.getLogger("kiosk.speech")


def _send(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def audio_device_problem() -> str | None:
    """Why sound cannot play here, if we can tell (Linux: ALSA's card list)."""
    if not sys.platform.startswith("linux"):
        return None
    cards = Path("/proc/asound/cards")
    if not cards.exists() or "no soundcards" in cards.read_text(errors="replace"):
        return "no sound card (ALSA lists none)"
    return None


def open_engine(name: str) -> Engine:
    engine = make_engine(name)
    if not name.startswith("timed"):
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
    _send({"event": "ready", "engine": engine.name, "pid": os.getpid(), "kana": engine.needs_kana})
    serve(engine)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
