"""The current person's consultation: started on their first action, ended on reset.

Recording must never stop the kiosk: if the store fails, the failure is
logged once and reported through `on_unavailable`, and the person carries on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from kiosk.records.events import EventKind
from kiosk.records.store import RecordStore, RecordsUnavailable

log = logging.getLogger("kiosk.records")


class Consultation:
    def __init__(
        self,
        store: RecordStore | None,
        *,
        language: str = "ja",
        on_unavailable: Callable[[str], None] | None = None,
    ) -> None:
        self._store = store
        self._language = language
        self._on_unavailable = on_unavailable
        self.id: str | None = None
        self._failed = False

    @property
    def started(self) -> bool:
        return self.id is not None

    def record(self, kind: EventKind, **fields: str | int | None) -> None:
        if self._store is None or self._failed:
            return
        try:
            if self.id is None:
                self.id = self._store.start_consultation(language=self._language)
            self._store.record(self.id, kind, **fields)  # type: ignore[arg-type]
        except RecordsUnavailable as exc:
            self._fail(str(exc))

    def end(self, reason: str) -> None:
        if self._store is None or self.id is None or self._failed:
            return
        try:
            self._store.end_consultation(self.id, reason=reason)
        except RecordsUnavailable as exc:
            self._fail(str(exc))

    def _fail(self, why: str) -> None:
        self._failed = True
        log.error("consultation not recorded from here on: %s", why)
        if self._on_unavailable:
            self._on_unavailable(why)
