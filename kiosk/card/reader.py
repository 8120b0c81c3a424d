"""The configured reader, used the same way by the kiosk's screen and `kiosk card check`.

`card_reader` in settings: "" (no reader), "any" (the first reader that holds a card) or
one reader's exact name. `read_card` waits for a card, checks it and lets it go; every
failure is a CardProblem (a bug below is logged and told as a calm Timeout, never raised).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date

from kiosk.card.check import CardCheck, check_card
from kiosk.card.pcsc import ApduHook, PcscTransport, Transport, list_readers
from kiosk.card.problems import CardProblem, Timeout

log = logging.getLogger("kiosk.card")

ANY_READER = "any"
# Opens a connection to a card (waiting up to the given seconds) for one check.
CardOpener = Callable[[float], AbstractContextManager[Transport]]


def reader_name(setting: str) -> str | None:
    """The reader `open` waits on: None for any reader."""
    setting = setting.strip()
    return None if setting in ("", ANY_READER) else setting


@dataclass(frozen=True, slots=True)
class ReaderSurvey:
    """The readers PC/SC lists now, and whether the one a setting names is among them."""

    readers: tuple[str, ...]
    wanted: str | None  # None: any reader will do

    @property
    def found(self) -> bool:
        return bool(self.readers) if self.wanted is None else self.wanted in self.readers


def survey_readers(setting: str, readers: Callable[[], list[str]] = list_readers) -> ReaderSurvey:
    """What `kiosk card readers` and `kiosk doctor` show; NoReader when the service is down."""
    return ReaderSurvey(tuple(readers()), reader_name(setting))


def pcsc_opener(setting: str, on_apdu: ApduHook | None = None) -> CardOpener:
    """Opens the configured reader through PC/SC (pcscd, or Windows's smart-card service)."""
    name = reader_name(setting)

    def open_card(wait_s: float) -> PcscTransport:
        return PcscTransport.open(name, wait_s=wait_s, on_apdu=on_apdu)

    return open_card


def read_card(open_card: CardOpener, wait_s: float, today: date | None = None) -> CardCheck:
    """Wait up to `wait_s` for a card, check it, let it go. Raises only CardProblem."""
    try:
        with open_card(wait_s) as transport:
            return check_card(transport, today)
    except CardProblem:
        raise
    except Exception as error:  # a driver's or a library's bug: the person hears a calm sentence
        log.exception("card check failed unexpectedly")
        raise Timeout(f"unexpected {type(error).__name__}") from None
