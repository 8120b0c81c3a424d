"""A software My Number Card for tests: the JPKI APDUs the kiosk's check uses, a generated
test certificate with a chosen notAfter, and chosen tries left for each PIN.

It answers as the open-source readers cited in kiosk/card/apdu.py describe the real card:
SELECT by AID / by file id (P2 0C), READ BINARY, VERIFY (with no data: 63 Cx; with data:
checks the PIN and counts down). Everything it receives is kept in `received`, so a test
can assert that no PIN ever arrived. The certificate is built here byte by byte (the
kiosk has no X.509 library); tests cross-check it with `cryptography` when that is installed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from kiosk.card import apdu
from kiosk.card.apdu import Response
from kiosk.card.problems import CardRemoved

# The ATR OpenSC's JPKI driver lists for the card (card-jpki.c jpki_atrs): T=1.
ATR = bytes.fromhex("3BE000FF8131FE4514")
TEST_SERIAL = bytes.fromhex("0BADC0FFEE5E1A1D")  # a serial a test can look for
_SHA256_RSA = bytes.fromhex("2A864886F70D01010B")
_RSA = bytes.fromhex("2A864886F70D010101")
_COMMON_NAME = bytes.fromhex("550403")


def tlv(tag: int, content: bytes) -> bytes:
    """One DER element (definite length, short or long form)."""
    size = len(content)
    if size < 0x80:
        return bytes([tag, size]) + content
    octets = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(octets)]) + octets + content


def _time(moment: datetime) -> bytes:
    moment = moment.astimezone(UTC)
    if 1950 <= moment.year < 2050:  # RFC 5280: UTCTime through 2049, GeneralizedTime after
        return tlv(0x17, moment.strftime("%y%m%d%H%M%SZ").encode())
    return tlv(0x18, moment.strftime("%Y%m%d%H%M%SZ").encode())


def _name(common_name: str) -> bytes:
    attribute = tlv(0x30, tlv(0x06, _COMMON_NAME) + tlv(0x0C, common_name.encode()))
    return tlv(0x30, tlv(0x31, attribute))


def make_certificate(not_after: datetime, not_before: datetime | None = None) -> bytes:
    """A DER X.509 v3 certificate shaped like a JPKI one (RSA 2048, SHA-256), not signed
    for real: nothing in the check verifies signatures, it reads one date."""
    not_before = not_before or not_after - timedelta(days=5 * 365)
    algorithm = tlv(0x30, tlv(0x06, _SHA256_RSA) + tlv(0x05, b""))
    modulus = b"\x00\xc3" + bytes(range(255))
    public_key = tlv(0x30, tlv(0x02, modulus) + tlv(0x02, b"\x01\x00\x01"))
    key_info = tlv(0x30, tlv(0x30, tlv(0x06, _RSA) + tlv(0x05, b"")) + tlv(0x03, b"\x00" + public_key))
    tbs = tlv(
        0x30,
        tlv(0xA0, tlv(0x02, b"\x02"))
        + tlv(0x02, TEST_SERIAL)
        + algorithm
        + _name("JPKI test CA")
        + tlv(0x30, _time(not_before) + _time(not_after))
        + _name("JPKI test user")
        + key_info,
    )
    return tlv(0x30, tbs + algorithm + tlv(0x03, b"\x00" + bytes(256)))


@dataclass
class PinFile:
    """A PIN's EF: what VERIFY checks against and how many tries are left."""

    tries: int
    secret: bytes


@dataclass
class VirtualMyNumberCard:
    """The card. `locked_status` is what VERIFY answers at 0 tries (63 C0, 69 83 or 69 84)."""

    certificate: bytes
    auth_tries: int = 3
    sign_tries: int = 5
    kenhojo_tries: int = 3
    token: bytes = apdu.MY_NUMBER_CARD_TOKEN
    has_jpki: bool = True
    locked_status: tuple[int, int] = (0x63, 0xC0)
    received: list[bytes] = field(default_factory=list)
    pin_data_received: bool = False

    def __post_init__(self) -> None:
        self.files: dict[bytes, dict[bytes, bytes | PinFile]] = {}
        if self.has_jpki:
            self.files[apdu.JPKI_AID] = {
                apdu.EF_TOKEN: self.token.ljust(apdu.TOKEN_LENGTH, b" "),
                apdu.EF_AUTH_CERT: self.certificate,
                b"\x00\x01": self.certificate,  # the signature certificate: needs the PIN
                apdu.EF_AUTH_PIN: PinFile(self.auth_tries, b"1234"),
                apdu.EF_SIGN_PIN: PinFile(self.sign_tries, b"ABC123"),
            }
            self.files[apdu.KENHOJO_AID] = {
                apdu.EF_KENHOJO_PIN: PinFile(self.kenhojo_tries, b"1234"),
                b"\x00\x01": b"123456789012",  # the My Number: needs the PIN
            }
        self.reset()

    def reset(self) -> None:
        self.application: bytes | None = None
        self.current: bytes | None = None
        self.verified: set[bytes] = set()

    def answer(self, command: bytes) -> bytes:
        """The response APDU (data + SW1 SW2) to one command APDU."""
        self.received.append(bytes(command))
        data, sw = self._answer(bytes(command))
        return data + bytes(sw)

    def _answer(self, command: bytes) -> tuple[bytes, tuple[int, int]]:
        if len(command) < 4:
            return b"", (0x67, 0x00)
        ins, p1, p2 = command[1], command[2], command[3]
        body = command[5 : 5 + command[4]] if len(command) > 5 else b""
        if command[0] != 0x00:
            return b"", (0x6E, 0x00)
        if ins == 0xA4:
            return self._select(p1, body)
        if ins == 0xB0:
            return self._read((p1 << 8) | p2, command[4] if len(command) == 5 else 0)
        if ins == 0x20:
            return self._verify(body if len(command) > 4 else None)
        return b"", (0x6D, 0x00)

    def _select(self, p1: int, name: bytes) -> tuple[bytes, tuple[int, int]]:
        if p1 == 0x04:
            if name not in self.files:
                return b"", (0x6A, 0x82)
            self.application, self.current = name, None
            return b"", (0x90, 0x00)
        if p1 == 0x02 and self.application is not None and name in self.files[self.application]:
            self.current = name
            return b"", (0x90, 0x00)
        return b"", (0x6A, 0x82)

    def _file(self) -> bytes | PinFile | None:
        if self.application is None or self.current is None:
            return None
        return self.files[self.application][self.current]

    def _read(self, offset: int, length: int) -> tuple[bytes, tuple[int, int]]:
        content = self._file()
        if content is None:
            return b"", (0x69, 0x86)
        if isinstance(content, PinFile):
            return b"", (0x69, 0x81)
        protected = {apdu.JPKI_AID: apdu.EF_SIGN_PIN, apdu.KENHOJO_AID: apdu.EF_KENHOJO_PIN}
        if self.current == b"\x00\x01" and protected[self.application or b""] not in self.verified:
            return b"", (0x69, 0x82)
        if offset > len(content):
            return b"", (0x6B, 0x00)
        return content[offset : offset + (length or 256)], (0x90, 0x00)

    def _verify(self, pin: bytes | None) -> tuple[bytes, tuple[int, int]]:
        pin_file = self._file()
        if not isinstance(pin_file, PinFile) or self.current is None:
            return b"", (0x69, 0x86)
        if pin is not None:
            self.pin_data_received = True
            if pin_file.tries > 0 and pin == pin_file.secret:
                self.verified.add(self.current)
                return b"", (0x90, 0x00)
            pin_file.tries = max(0, pin_file.tries - 1)
        if pin_file.tries == 0:
            return b"", self.locked_status
        return b"", (0x63, 0xC0 | pin_file.tries)


class CardTransport:
    """The check's Transport over a VirtualMyNumberCard in this process. It sends what it
    is given unchanged (no PIN guard of its own), so tests see exactly what the check sends.
    `remove_after`: the card is taken away when that many commands have gone."""

    def __init__(self, card: VirtualMyNumberCard, remove_after: int | None = None) -> None:
        self.card, self.remove_after = card, remove_after
        self.sent: list[bytes] = []

    def transmit(self, command: bytes) -> Response:
        if self.remove_after is not None and len(self.sent) >= self.remove_after:
            raise CardRemoved("the virtual card was taken away")
        self.sent.append(bytes(command))
        return Response.from_bytes(self.card.answer(command))
