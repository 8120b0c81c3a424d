"""The screen's side of read-aloud: a QProcess running the speech worker, never waited on.

Speaking happens in the worker process; this object only writes a line and
listens. Stopping (navigation, 「とめる」) ends the worker's whole process group,
so a player it started stops too; the next utterance starts a new worker. A
worker that does not start speaking, or does not finish, in time is treated
as hung and restarted. The two clocks are apart: a slow machine taking
seconds to start Python is not a hung engine.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import sys
from typing import Any

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from kiosk.paths import package_parent
from kiosk.speech.worker import worker_command

log = logging.getLogger("kiosk.speech")


class SpeechClient(QObject):
    started = Signal(int)
    finished = Signal(int)
    unavailable = Signal(str)
    no_voice = Signal(str)  # the language with no voice on this machine (speech goes on for others)
    worker_event = Signal(dict)

    def __init__(
        self,
        engine: str = "pyttsx3",
        *,
        hang_base_ms: int = 10_000,
        hang_seconds_per_char: float = 0.5,
        start_timeout_ms: int = 30_000,
        prepare_after_stop_ms: int = 1500,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.reason = ""  # why speech is unavailable, once known
        self.speaking: int | None = None
        self._hang_base_ms = hang_base_ms
        self._hang_seconds_per_char = hang_seconds_per_char
        self._start_timeout_ms = start_timeout_ms
        self._speaking_budget_ms = 0
        self._process: QProcess | None = None
        self._next_id = 0
        self._hang = QTimer(self)
        self._hang.setSingleShot(True)
        self._hang.timeout.connect(self._hung)
        # Stopping ends the worker (and its sound) at once; a new one loads its voice a moment
        # later, while the person reads, so the next 「よみあげ」 does not wait for it.
        self._prepare = QTimer(self)
        self._prepare.setSingleShot(True)
        self._prepare.setInterval(prepare_after_stop_ms)
        self._prepare.timeout.connect(self.prepare)

    @property
    def available(self) -> bool:
        return not self.reason

    def speak(
        self, text: str, *, slow: bool = False, volume: float = 1.0, language: str = "ja"
    ) -> int | None:
        if not self.available:
            self.unavailable.emit(self.reason)
            return None
        self.stop()
        process = self._ensure_worker()
        self._next_id += 1
        request = {
            "say": self._next_id,
            "text": text,
            "rate": "slow" if slow else "normal",
            "volume": volume,
            "language": language,
        }
        process.write((json.dumps(request, ensure_ascii=False) + "\n").encode("utf-8"))
        self.speaking = self._next_id
        self._speaking_budget_ms = int(self._hang_base_ms + len(text) * self._hang_seconds_per_char * 1000)
        self._hang.start(self._start_timeout_ms)  # until the worker says it has started
        return self._next_id

    def prepare(self) -> None:
        """Start a worker now if none runs (it loads its voice and waits for the next text)."""
        if self.available and self.speaking is None:
            self._ensure_worker()

    def stop(self) -> None:
        """Stop speaking now (the worker is ended; a new one is started a moment later)."""
        self._hang.stop()
        if self.speaking is not None:
            was, self.speaking = self.speaking, None
            self._end_worker()
            self._prepare.start()
            self.finished.emit(was)

    def shutdown(self) -> None:
        self._hang.stop()
        self._prepare.stop()
        self.speaking = None
        self._end_worker()

    # ---- the worker ---------------------------------------------------------------

    def _ensure_worker(self) -> QProcess:
        if self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning:
            return self._process
        process = QProcess(self)
        if sys.platform != "win32":
            # Its own process group, so stopping also stops the audio player it runs.
            parameters = QProcess.UnixProcessParameters()
            parameters.flags = QProcess.UnixProcessFlag.CreateNewSession
            process.setUnixProcessParameters(parameters)
        environment = process.processEnvironment()
        if environment.isEmpty():
            from PySide6.QtCore import QProcessEnvironment

            environment = QProcessEnvironment.systemEnvironment()
        checkout = package_parent()
        if checkout is not None:  # an installed or frozen kiosk is found without help
            paths = [str(checkout), *filter(None, [environment.value("PYTHONPATH")])]
            environment.insert("PYTHONPATH", os.pathsep.join(paths))
        environment.insert("PYTHONIOENCODING", "utf-8")
        process.setProcessEnvironment(environment)
        process.readyReadStandardOutput.connect(lambda p=process: self._read(p))
        process.readyReadStandardError.connect(lambda p=process: self._log_errors(p))
        program, *arguments = worker_command(self.engine)
        process.start(program, arguments)
        self._process = process
        return process

    def _end_worker(self) -> None:
        process, self._process = self._process, None
        if process is None or process.state() == QProcess.ProcessState.NotRunning:
            return
        pid = process.processId()
        if sys.platform != "win32" and pid > 0:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
        else:
            process.kill()
        process.waitForFinished(1000)

    def _read(self, process: QProcess) -> None:
        while process.canReadLine():
            line = bytes(process.readLine().data()).decode("utf-8", errors="replace").strip()
            try:
                message: dict[str, Any] = json.loads(line)
            except json.JSONDecodeError:
                continue
            self.worker_event.emit(message)
            event = message.get("event")
            if event == "unavailable":
                self.reason = str(message.get("reason", "unknown"))
                log.warning("read-aloud not available: %s", self.reason)
                asked = self.speaking is not None  # not a worker started ahead (prepare)
                self.stop()
                if asked:  # else the person hears of it at their first 「よみあげ」 (speak)
                    self.unavailable.emit(self.reason)
            elif event == "no_voice":
                log.warning("read-aloud: %s", message.get("reason"))
                if message.get("id") == self.speaking:
                    self._hang.stop()
                    self.speaking = None
                    self.finished.emit(int(message["id"]))
                self.no_voice.emit(str(message.get("reason", "")))
            elif event == "started":
                if message.get("id") == self.speaking:
                    self._hang.start(self._speaking_budget_ms)
                self.started.emit(int(message["id"]))
            elif event in ("done", "error"):
                if event == "error":
                    log.error("speech error: %s", message.get("message"))
                if message.get("id") == self.speaking:
                    self._hang.stop()
                    self.speaking = None
                    self.finished.emit(int(message["id"]))

    def _log_errors(self, process: QProcess) -> None:
        text = bytes(process.readAllStandardError().data()).decode("utf-8", errors="replace").strip()
        if text:
            log.warning("speech worker: %s", text[-500:])

    def _hung(self) -> None:
        log.error("speech engine did not finish in time; restarting it")
        self.stop()
