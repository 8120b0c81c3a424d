"""Furigana readings from a process of its own: Open JTalk's dictionary (a 100 MB `sys.dic`,
mapped and touched page by page as words are looked up) stays out of the screen's process.

The kiosk's screen process asks this worker for the words of one run of Japanese text at a
time and keeps every answer (kiosk/speech/readings.py caches them), so it asks each run
once. Two processes mapping the same dictionary share its pages in the system's file cache
(the speech worker maps it too), so the machine holds it once.

Protocol: JSON lines. In: {"text": ...}. Out: {"words": [[surface, reading, pron], ...]}, or
{"error": ...} for a text Open JTalk refuses. The first line out is {"ready": true} once
the dictionary has loaded, or {"unavailable": why}.
"""

from __future__ import annotations

import contextlib
import json
import logging
import queue
import subprocess
import sys
import threading
import time
from typing import IO, Any

log = logging.getLogger("kiosk.speech")

# A frozen app has no `python -m`: its own executable is started with this first argument.
READINGS_FLAG = "--readings-worker"
# How long a screen waits for one answer before showing the text without readings.
ANSWER_S = 5.0
# Loading the dictionary the first time (cold disk, a slow PC) may take longer.
READY_S = 30.0
# After a worker was lost, texts go without readings this long before it is started again
# (a worker that keeps failing must not hold up every screen).
RETRY_S = 60.0

Words = tuple[tuple[str, str, str], ...]


def worker_command(*, frozen: bool | None = None) -> list[str]:
    if frozen is None:
        frozen = bool(getattr(sys, "frozen", False))
    if frozen:
        return [sys.executable, READINGS_FLAG]
    return [sys.executable, "-m", "kiosk.speech.readings_worker"]


def _send(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    from kiosk.speech.readings import ReadingsUnavailable, frontend_words

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    try:
        frontend_words("準備")
    except ReadingsUnavailable as exc:
        _send({"unavailable": str(exc)})
        return 0
    _send({"ready": True})
    for line in sys.stdin:
        try:
            text = str(json.loads(line).get("text", ""))
        except (json.JSONDecodeError, AttributeError):
            _send({"error": "not a request"})
            continue
        try:
            _send({"words": [list(word) for word in frontend_words(text)]})
        except Exception as exc:  # one text Open JTalk refuses must not end the worker
            _send({"error": f"{type(exc).__name__}: {exc}"})
    return 0


class ReadingsWorker:
    """The screen process's side: starts the worker at the first question, asks one run of
    text at a time, and waits at most ANSWER_S (READY_S for the first). A worker that cannot
    start, dies or does not answer is reported as None: that text is shown without readings,
    and the worker is started again at the next question."""

    def __init__(self, command: list[str] | None = None) -> None:
        self.command = command or worker_command()
        self._process: subprocess.Popen[str] | None = None
        self._answers: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._retry_at = 0.0
        self.unavailable = ""

    def words(self, text: str) -> Words | None:
        with self._lock:
            if self.unavailable or (self._process is None and time.monotonic() < self._retry_at):
                return None
            process = self._process if self._process is not None else self._start()
            if process is None or process.stdin is None:
                return None
            try:
                process.stdin.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
                process.stdin.flush()
            except OSError as exc:
                self._lost(f"cannot ask: {exc}")
                return None
            answer = self._next(ANSWER_S)
            if answer is None:
                self._lost("no answer")
                return None
            if "words" not in answer:
                log.warning("no readings for a text: %s", answer.get("error"))
                return None
            return tuple((str(s), str(r), str(p)) for s, r, p in answer["words"])

    def _start(self) -> subprocess.Popen[str] | None:
        try:
            process = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
                bufsize=1,
            )
        except OSError as exc:
            log.warning("readings worker did not start: %s", exc)
            return None
        self._answers = queue.Queue()
        assert process.stdout is not None
        threading.Thread(target=self._read, args=(process.stdout, self._answers), daemon=True).start()
        first = self._next(READY_S)
        if first is None or "ready" not in first:
            why = (first or {}).get("unavailable", "")
            if why:
                self.unavailable = str(why)  # not installed: asking again will not help
            log.warning("readings worker not ready: %s", why or "no answer")
            self._end(process)
            self._retry_at = time.monotonic() + RETRY_S
            return None
        self._process = process
        return process

    @staticmethod
    def _read(stream: IO[str], answers: queue.Queue[dict[str, Any] | None]) -> None:
        with stream:  # closed here, by the one thread that reads it
            for line in stream:
                try:
                    answers.put(json.loads(line))
                except json.JSONDecodeError:
                    continue
        answers.put(None)  # the worker has gone

    def _next(self, wait_s: float) -> dict[str, Any] | None:
        try:
            return self._answers.get(timeout=wait_s)
        except queue.Empty:
            return None

    def _lost(self, why: str) -> None:
        log.warning("readings worker lost (%s); started again at the next question", why)
        if self._process is not None:
            self._end(self._process)
        self._process = None
        self._retry_at = time.monotonic() + RETRY_S

    @staticmethod
    def _end(process: subprocess.Popen[str]) -> None:
        process.kill()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            log.warning("readings worker did not end")
        if process.stdin is not None:
            with contextlib.suppress(OSError):  # the pipe broke as the worker ended
                process.stdin.close()

    def close(self) -> None:
        with self._lock:
            if self._process is not None:
                self._end(self._process)
                self._process = None


if __name__ == "__main__":
    raise SystemExit(main())
