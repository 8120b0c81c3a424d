"""A stand-in for pyscard's low-level `smartcard.scard` module, for testing kiosk/card/pcsc.py
without pyscard or pcscd: it answers with the virtual card, or with the PC/SC error a test
chooses (service down, no reader, no card, a mute card, the card taken away mid-read, and whether the reader then shows it gone).

The constants are PC/SC's own values (pcsc-lite's pcsclite.h, winscard.h).
"""

from __future__ import annotations

from types import ModuleType

from tests.helpers.virtual_card import ATR, VirtualMyNumberCard

CODES = {
    "SCARD_S_SUCCESS": 0x0,
    "SCARD_E_NO_SERVICE": 0x8010001D,
    "SCARD_E_SERVICE_STOPPED": 0x8010001E,
    "SCARD_E_NO_READERS_AVAILABLE": 0x8010002E,
    "SCARD_E_UNKNOWN_READER": 0x80100009,
    "SCARD_E_READER_UNAVAILABLE": 0x80100017,
    "SCARD_E_NO_SMARTCARD": 0x8010000C,
    "SCARD_W_REMOVED_CARD": 0x80100069,
    "SCARD_W_RESET_CARD": 0x80100068,
    "SCARD_W_UNPOWERED_CARD": 0x80100067,
    "SCARD_E_TIMEOUT": 0x8010000A,
    "SCARD_W_UNRESPONSIVE_CARD": 0x80100066,
    "SCARD_E_NOT_TRANSACTED": 0x80100016,
    "SCARD_F_COMM_ERROR": 0x80100013,
    "SCARD_E_PROTO_MISMATCH": 0x8010000F,
    "SCARD_E_SHARING_VIOLATION": 0x8010000B,
    "SCARD_F_INTERNAL_ERROR": 0x80100001,
}
STATES = {"SCARD_STATE_UNAWARE": 0x0, "SCARD_STATE_CHANGED": 0x2, "SCARD_STATE_EMPTY": 0x10}
STATES |= {"SCARD_STATE_PRESENT": 0x20, "SCARD_STATE_MUTE": 0x200}
OTHER = {"SCARD_SCOPE_USER": 0, "SCARD_SHARE_SHARED": 2, "SCARD_PROTOCOL_T0": 1, "SCARD_PROTOCOL_T1": 2}
OTHER |= {"SCARD_LEAVE_CARD": 0}


class FakeScard:
    """What a test sets up; `module` is what kiosk.card.pcsc gets instead of smartcard.scard."""

    def __init__(
        self,
        card: VirtualMyNumberCard | None,
        readers: tuple[str, ...] = ("Fake Reader 00 00",),
        service: str = "SCARD_S_SUCCESS",
        mute: bool = False,
        transmit_error: str | None = None,
        error_after: int = 0,
        card_leaves: bool = False,
    ) -> None:
        self.card, self.readers, self.service, self.mute = card, readers, service, mute
        self.transmit_error, self.error_after = transmit_error, error_after
        self.present, self.card_leaves = card is not None, card_leaves
        self.open_contexts: set[int] = set()
        self.connected = False
        self.transmitted: list[bytes] = []
        self.module = ModuleType("fake_scard")
        for name, value in (CODES | STATES | OTHER).items():
            setattr(self.module, name, value)
        for name in dir(self):
            if name.startswith("SCard"):
                setattr(self.module, name, getattr(self, name))

    def SCardEstablishContext(self, scope: int) -> tuple[int, int]:
        if self.service != "SCARD_S_SUCCESS":
            return CODES[self.service], 0
        handle = len(self.open_contexts) + 100
        self.open_contexts.add(handle)
        return 0, handle

    def SCardReleaseContext(self, context: int) -> int:
        self.open_contexts.discard(context)
        return 0

    def SCardListReaders(self, context: int, groups: list[str]) -> tuple[int, list[str]]:
        if not self.readers:
            return CODES["SCARD_E_NO_READERS_AVAILABLE"], []
        return 0, list(self.readers)

    def _event(self, name: str) -> int:
        if not self.present or name != self.readers[0]:
            return STATES["SCARD_STATE_EMPTY"]
        return STATES["SCARD_STATE_PRESENT"] | (STATES["SCARD_STATE_MUTE"] if self.mute else 0)

    def SCardGetStatusChange(
        self, context: int, timeout_ms: int, states: list[tuple[str, int]]
    ) -> tuple[int, list[tuple[str, int, list[int]]]]:
        """As PC/SC: returns at once when a reader differs from what the caller knows,
        else waits for a change, which never comes here: the timeout."""
        changed = STATES["SCARD_STATE_CHANGED"]
        if all(state & ~changed == self._event(name) for name, state in states):
            return CODES["SCARD_E_TIMEOUT"], []
        return 0, [(name, self._event(name) | changed, list(ATR)) for name, _ in states]

    def SCardConnect(self, context: int, reader: str, share: int, protocols: int) -> tuple[int, int, int]:
        self.connected = True
        return 0, 7, OTHER["SCARD_PROTOCOL_T1"]

    def SCardTransmit(self, card: int, protocol: int, command: list[int]) -> tuple[int, list[int]]:
        self.transmitted.append(bytes(command))
        if self.transmit_error is not None and len(self.transmitted) > self.error_after:
            self.present = self.present and not self.card_leaves
            return CODES[self.transmit_error], []
        assert self.card is not None
        return 0, list(self.card.answer(bytes(command)))

    def SCardDisconnect(self, card: int, disposition: int) -> int:
        self.connected = False
        return 0
