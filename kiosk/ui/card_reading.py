"""Reading the card off the screen thread: waiting for a card and talking to it takes seconds.

`BackgroundCardCheck.start(ticket)` runs `read_card` in its own thread and answers on the
UI thread with `checked(ticket, CardCheck)` or `problem(ticket, kind)`. The ticket lets the
flow drop an answer that comes after the person has gone.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kiosk.card.problems import CardProblem
from kiosk.card.reader import CardOpener, read_card


class _Answers(QObject):
    checked = Signal(int, object)  # ticket, CardCheck
    problem = Signal(int, str)  # ticket, CardProblem.kind


class _Reading(QRunnable):
    def __init__(self, opener: CardOpener, wait_s: float, ticket: int, answers: _Answers) -> None:
        super().__init__()
        self._opener, self._wait_s, self._ticket, self._answers = opener, wait_s, ticket, answers

    def run(self) -> None:
        try:
            result = read_card(self._opener, self._wait_s)
        except CardProblem as problem:
            self._answers.problem.emit(self._ticket, problem.kind)
        else:
            self._answers.checked.emit(self._ticket, result)


class BackgroundCardCheck(QObject):
    """One check at a time; `busy` while a reader is being waited on."""

    checked = Signal(int, object)
    problem = Signal(int, str)

    def __init__(self, opener: CardOpener, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.opener = opener
        self.busy = False
        self._answers = _Answers(self)
        self._answers.checked.connect(self._checked)
        self._answers.problem.connect(self._problem)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def start(self, ticket: int, wait_s: float) -> bool:
        if self.busy:
            return False
        self.busy = True
        self._pool.start(_Reading(self.opener, wait_s, ticket, self._answers))
        return True

    def wait(self, ms: int = 30_000) -> bool:
        return self._pool.waitForDone(ms)

    def _checked(self, ticket: int, result: object) -> None:
        self.busy = False
        self.checked.emit(ticket, result)

    def _problem(self, ticket: int, kind: str) -> None:
        self.busy = False
        self.problem.emit(ticket, kind)
