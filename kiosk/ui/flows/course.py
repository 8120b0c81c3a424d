"""The supporter course: its lessons, whether it is complete, and a signed-in supporter taking it."""

from __future__ import annotations

import logging

from kiosk.content.lessons import COURSE, Lesson
from kiosk.records import course
from kiosk.records.events import EventKind
from kiosk.ui.state import KioskState

log = logging.getLogger("kiosk.ui")


class Course:
    def __init__(self, state: KioskState) -> None:
        self.state = state

    def lessons(self) -> list[Lesson]:
        return self.state.library.in_category(COURSE)

    def complete(self) -> bool:
        """Every course lesson finished: by the supporter signed in (kept), or in this visit."""
        ids = [lesson.id for lesson in self.lessons()]
        if not ids:
            return False
        if all(lesson_id in self.state.visit.course_done for lesson_id in ids):
            return True
        state = self.state
        store = state.recorder.store
        # With the writer thread, what this visit did may not be written yet: the visit's own
        # list above has it; the store has what earlier visits did.
        if not state.training or state.helper is None or store is None:
            return False
        try:
            return course.progress_of(store, state.helper.name).complete(ids)
        except Exception:  # progress unreadable: no slip offered now; the log says why
            log.exception("course progress not read")
            return False

    def begin_training(self) -> bool:
        """A signed-in supporter or staff member takes the course: its own session, not a consultation."""
        state = self.state
        if state.helper is None:
            return False
        state.recorder.begin(mode="training", supporter_id=state.helper.name)
        state.recorder.record(EventKind.INTAKE, detail=COURSE.value)
        state.training = True
        return True
