"""What the kiosk knows at this moment: the city's settings, the visitor's visit, who helps.

Every flow reads the same `KioskState`; the window replaces `visit` when a person leaves and
staff replace `settings` when they save. The language lives only in the visit: the library as
the person reads it is derived from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.settings import Settings
from kiosk.ui.visit import Visit

if TYPE_CHECKING:
    from kiosk.content.library import LessonLibrary
    from kiosk.records.accounts import Account, Accounts
    from kiosk.records.recorder import Recorder
    from kiosk.records.store import RecordStore


@dataclass
class KioskState:
    # The lessons in Japanese, with every other language's texts; or what reads them, at first
    # use (a kiosk starting up paints its home before it reads the lessons).
    library_source: LessonLibrary | Callable[[], LessonLibrary]
    settings: Settings
    # What records the consultations; or what opens the records, at first use (a kiosk
    # starting up paints its home before it opens them).
    recorder_source: Recorder | Callable[[], Recorder]
    visit: Visit  # the person in front of the kiosk now
    data_dir: Path | None = None  # where staff changes to settings.toml go (None: not saved)
    helper: Account | None = None  # the supporter or staff member signed in, if any
    training: bool = False  # a signed-in supporter is taking the course (not helping a citizen)
    disaster: bool = False  # 災害モード: the shelter's home leads
    _accounts: tuple[tuple[RecordStore, int, int], Accounts] | None = field(default=None, repr=False)

    @property
    def base_library(self) -> LessonLibrary:
        """The lessons in Japanese (read now if they have not been yet)."""
        if callable(self.library_source):
            self.library_source = self.library_source()
        return self.library_source

    @property
    def recorder(self) -> Recorder:
        """What records the consultations (the records opened now if they have not been yet)."""
        if callable(self.recorder_source):
            self.recorder_source = self.recorder_source()
        return self.recorder_source

    @property
    def library(self) -> LessonLibrary:
        """The lessons as the person now reads them (the visit's language)."""
        return self.base_library.in_language(self.visit.language)

    @property
    def staff_signed_in(self) -> bool:
        """The one staff-only guard: a staff member (not a supporter) is signed in now."""
        from kiosk.records.accounts import Role

        return self.helper is not None and self.helper.role is Role.STAFF

    def accounts(self) -> Accounts | None:
        """The supporters' and staff's accounts (None when the records cannot be opened), kept
        while the store and the PIN settings stay the same."""
        store, settings = self.recorder.store, self.settings
        if store is None:
            return None
        key = (store, settings.pin_max_tries, settings.pin_lock_minutes)
        if self._accounts is None or self._accounts[0] != key:
            from kiosk.records.accounts import Accounts

            accounts = Accounts(
                store, max_tries=settings.pin_max_tries, lock_minutes=settings.pin_lock_minutes
            )
            self._accounts = (key, accounts)
        return self._accounts[1]

    def audit(self, action: str, detail: str = "") -> None:
        """A staff or supporter action, written with who did it."""
        if self.helper is not None:
            self.recorder.audit(action, detail, actor=self.helper.name)
