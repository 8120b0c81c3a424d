"""The card reader through PC/SC (pcscd on Linux, the built-in smart-card service on
Windows) with pyscard, and the `Transport` the check talks to.

pyscard is imported only when a reader is used, so the kiosk and its tests import this
package without it. Every PC/SC error becomes one of the calm CardProblems; every command
passes `apdu.check_no_pin_data` and, when given, an `on_apdu` hook (tests log them all).
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from types import ModuleType, TracebackType
from typing import Any, Protocol

from kiosk.card import apdu
from kiosk.card.apdu import Response
from kiosk.card.problems import CardProblem, CardRemoved, NoCard, NoReader, Timeout

ApduHook = Callable[[bytes], None]
# After a failed exchange, how long the reader gets to notice that the card has left:
# a card pulled away mid-command fails the command (not transacted, communication error)
# a moment before the reader reports it gone.
SETTLE_S = 1.0
# 61 xx ("xx more bytes waiting") answered by GET RESPONSE at most this often per command.
MAX_GET_RESPONSE = 64

# PC/SC results (winscard / pcsc-lite names, as pyscard's scard module exports them).
_PROBLEMS: dict[str, type[CardProblem]] = {
    "SCARD_E_NO_SERVICE": NoReader,
    "SCARD_E_SERVICE_STOPPED": NoReader,
    "SCARD_E_NO_READERS_AVAILABLE": NoReader,
    "SCARD_E_UNKNOWN_READER": NoReader,
    "SCARD_E_READER_UNAVAILABLE": NoReader,
    "SCARD_E_NO_SMARTCARD": CardRemoved,
    "SCARD_W_REMOVED_CARD": CardRemoved,
    "SCARD_W_RESET_CARD": CardRemoved,
    "SCARD_W_UNPOWERED_CARD": CardRemoved,
    "SCARD_E_TIMEOUT": Timeout,
    "SCARD_W_UNRESPONSIVE_CARD": Timeout,
    "SCARD_E_NOT_TRANSACTED": Timeout,
    "SCARD_F_COMM_ERROR": Timeout,
    "SCARD_E_PROTO_MISMATCH": Timeout,
    "SCARD_E_SHARING_VIOLATION": Timeout,
}


class Transport(Protocol):
    """Sends one command APDU to the card and returns its answer."""

    def transmit(self, command: bytes) -> Response: ...


def _scard() -> ModuleType:
    try:
        return importlib.import_module("smartcard.scard")
    except ImportError as error:
        raise NoReader("pyscard is not installed") from error


def _code(result: Any) -> int:
    return int(result) & 0xFFFFFFFF


def _problem(scard: ModuleType, result: Any, doing: str) -> CardProblem:
    code = _code(result)
    for name, problem in _PROBLEMS.items():
        if hasattr(scard, name) and _code(getattr(scard, name)) == code:
            return problem(f"{doing}: {name}")
    return Timeout(f"{doing}: PC/SC error {code:#010x}")


def _context(scard: ModuleType) -> Any:
    result, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if _code(result) != 0:
        raise NoReader(f"smart-card service: {_problem(scard, result, 'connect').detail}")
    return context


def _readers(scard: ModuleType, context: Any) -> list[str]:
    result, names = scard.SCardListReaders(context, [])
    if _code(result) == _code(scard.SCARD_E_NO_READERS_AVAILABLE):
        return []
    if _code(result) != 0:
        raise _problem(scard, result, "list readers")
    return [str(name) for name in names]


def list_readers() -> list[str]:
    """The readers PC/SC knows now (empty when none); NoReader when the service is down."""
    scard = _scard()
    context = _context(scard)
    try:
        return _readers(scard, context)
    finally:
        scard.SCardReleaseContext(context)


def _wait_for_card(scard: ModuleType, context: Any, readers: list[str], wait_s: float) -> str:
    """The first reader with a card that answers; NoCard, or Timeout for a mute card."""
    present, mute = _code(scard.SCARD_STATE_PRESENT), _code(scard.SCARD_STATE_MUTE)
    states = [(name, scard.SCARD_STATE_UNAWARE) for name in readers]
    deadline, seen_mute = time.monotonic() + wait_s, False
    while True:
        left_ms = max(0, int((deadline - time.monotonic()) * 1000))
        result, found = scard.SCardGetStatusChange(context, left_ms, states)
        if _code(result) == _code(scard.SCARD_E_TIMEOUT):
            raise Timeout("card does not answer") if seen_mute else NoCard("no card placed")
        if _code(result) != 0:
            raise _problem(scard, result, "wait for card")
        for name, event, _atr in found:
            if _code(event) & present and not _code(event) & mute:
                return str(name)
            seen_mute = seen_mute or bool(_code(event) & present)
        if left_ms == 0:
            raise Timeout("card does not answer") if seen_mute else NoCard("no card placed")
        states = [(name, _code(event) & ~_code(scard.SCARD_STATE_CHANGED)) for name, event, _ in found]


class PcscTransport:
    """A connection to the card on one reader; use `open` and close it (or use `with`)."""

    def __init__(
        self, scard: ModuleType, context: Any, reader: str, card: Any, protocol: Any, on_apdu: ApduHook | None
    ):
        self._scard, self._context, self._reader, self._card = scard, context, reader, card
        self._protocol, self._on_apdu = protocol, on_apdu
        self.closed = False

    @classmethod
    def open(
        cls, reader: str | None = None, wait_s: float = 10.0, on_apdu: ApduHook | None = None
    ) -> PcscTransport:
        """Wait up to `wait_s` for a card on `reader` (or on any reader) and connect to it."""
        scard = _scard()
        context = _context(scard)
        try:
            names = _readers(scard, context)
            if reader is not None:
                names = [name for name in names if name == reader]
            if not names:
                raise NoReader("no reader" if reader is None else f"reader not found: {reader}")
            name = _wait_for_card(scard, context, names, wait_s)
            protocols = scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1
            result, card, protocol = scard.SCardConnect(context, name, scard.SCARD_SHARE_SHARED, protocols)
            if _code(result) != 0:
                raise _problem(scard, result, "connect to card")
        except BaseException:
            scard.SCardReleaseContext(context)
            raise
        return cls(scard, context, name, card, protocol, on_apdu)

    def transmit(self, command: bytes) -> Response:
        response = self._send(command)
        if response.sw1 == 0x6C and len(command) == 5:  # wrong Le: send again with the right one
            response = self._send(command[:4] + bytes([response.sw2]))
        data = response.data
        for _ in range(MAX_GET_RESPONSE):
            if response.sw1 != 0x61:
                return Response(data, response.sw1, response.sw2)
            response = self._send(bytes([0x00, 0xC0, 0x00, 0x00, response.sw2]))  # GET RESPONSE
            data += response.data
        raise self._failed(Timeout("the card kept answering 'more data'"))

    def _send(self, command: bytes) -> Response:
        apdu.check_no_pin_data(command)
        if self._card is None:
            raise CardRemoved("the connection to the card was already given up")
        if self._on_apdu is not None:
            self._on_apdu(bytes(command))
        result, answer = self._scard.SCardTransmit(self._card, self._protocol, list(command))
        if _code(result) != 0:
            raise self._failed(_problem(self._scard, result, "transmit"))
        if len(answer) < 2:
            raise self._failed(Timeout("answer without status bytes"))
        return Response.from_bytes(bytes(answer))

    def _failed(self, problem: CardProblem) -> CardProblem:
        """A failed exchange ends the check: let go of the card, then tell a card that was
        taken away from one that stopped answering (the reader may need SETTLE_S to see it)."""
        self._let_go()
        if isinstance(problem, Timeout) and not self._card_still_there():
            return CardRemoved(f"{problem.detail}, and the card has left")
        return problem

    def _let_go(self) -> None:
        if self._card is not None:
            card, self._card = self._card, None
            self._scard.SCardDisconnect(card, self._scard.SCARD_LEAVE_CARD)

    def _card_still_there(self) -> bool:
        """Whether the reader still holds a card, given SETTLE_S to notice that it left."""
        scard, present = self._scard, _code(self._scard.SCARD_STATE_PRESENT)
        state, deadline = _code(scard.SCARD_STATE_UNAWARE), time.monotonic() + SETTLE_S
        while True:
            left_ms = max(0, int((deadline - time.monotonic()) * 1000))
            result, found = scard.SCardGetStatusChange(self._context, left_ms, [(self._reader, state)])
            if _code(result) != 0 or not found:
                return _code(result) == _code(scard.SCARD_E_TIMEOUT)  # no change: still there
            state = _code(found[0][1]) & ~_code(scard.SCARD_STATE_CHANGED)
            if not state & present:
                return False
            if left_ms == 0:
                return True

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self._let_go()
        self._scard.SCardReleaseContext(self._context)

    def __enter__(self) -> PcscTransport:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
