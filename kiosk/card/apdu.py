"""The My Number Card facts the check relies on, and the few commands it builds from them.

Each fact below was checked against the source of well-known open-source JPKI readers
(the search was of their code, not of J-LIS's own documents, which are not public in full):

- [OpenSC] OpenSC's JPKI driver, https://github.com/OpenSC/OpenSC
  src/libopensc/jpki.h, card-jpki.c, pkcs15-jpki.c
- [myna] jpki/myna (libmyna, the `myna` command), https://github.com/jpki/myna
  libmyna/reader.go, jpki_ap.go, text_ap.go, api.go
- [jsapdu] AokiApp's mynacard package, https://github.com/AokiApp/jsapdu
  packages/mynacard/src/constants.ts

Nothing here can send a PIN: the one VERIFY the kiosk has is a fixed four-byte command
with no Lc and no data, and `check_no_pin_data` refuses any command that would carry one.
"""

from __future__ import annotations

from dataclasses import dataclass

# 公的個人認証 (JPKI) application. [OpenSC] jpki.h AID_JPKI; [myna] reader.go SelectJPKIAP;
# [jsapdu] JPKI_AP.
JPKI_AID = bytes.fromhex("D392F000260100000001")

# Token EF: its first 32 bytes name what answers as the JPKI application; a My Number Card
# says JPKIAPICCTOKEN2 (space padded), the old 住基カード JPKIAPICCTOKEN.
# [myna] api.go CheckCard / jpki_ap.go GetToken (EF 00 06, READ BINARY 0x20 bytes);
# [jsapdu] JPKI_AP_TOKEN = 0x06.
EF_TOKEN = bytes.fromhex("0006")
TOKEN_LENGTH = 0x20
MY_NUMBER_CARD_TOKEN = b"JPKIAPICCTOKEN2"

# 利用者証明用電子証明書 (user-authentication certificate), readable without any PIN.
# [OpenSC] pkcs15-jpki.c lists EF 000A with no "private" flag (the signature certificate,
# EF 0001, is flagged private); [myna] api.go GetJPKIAuthCert reads 00 0A with no PIN,
# GetJPKISignCert only after VERIFY of the signature PIN; [jsapdu] AUTH_CERT = 0x0a.
# Its first four bytes are the DER header 30 82 LL LL: [OpenSC] card-jpki.c sizes the file
# as (buf[2] << 8 | buf[3]) + 4; [myna] GetJPKICert reads 4 bytes then 4 + size.
EF_AUTH_CERT = bytes.fromhex("000A")

# The PINs' own EFs, selected before the VERIFY that reports their tries left.
# User-authentication PIN (4 digits): [OpenSC] JPKI_AUTH_PIN "0018", 3 tries;
# [myna] jpki_ap.go LookupAuthPin; [jsapdu] AUTH_PIN = 0x18.
EF_AUTH_PIN = bytes.fromhex("0018")
# Signature PIN (6-16 characters): [OpenSC] JPKI_SIGN_PIN "001B", 5 tries;
# [myna] jpki_ap.go LookupSignPin; [jsapdu] SIGN_PIN = 0x1b.
EF_SIGN_PIN = bytes.fromhex("001B")

# 券面事項入力補助 application and its 4-digit PIN's EF.
# [myna] reader.go SelectCardAP "D3 92 10 00 31 00 01 01 04 08", text_ap.go LookupPin EF 0011;
# [jsapdu] KENHOJO_AP, KENHOJO_AP_EF.PIN = 0x11.
KENHOJO_AID = bytes.fromhex("D3921000310001010408")
EF_KENHOJO_PIN = bytes.fromhex("0011")

# VERIFY with no data (ISO 7816-4 case 1): the card answers 63 Cx, x = tries left, and no
# try is used. [OpenSC] card-jpki.c jpki_pin_cmd SC_PIN_CMD_GET_INFO (CASE_1, 0x20, 0x00,
# 0x80; tries = sw2 & 0xF); [myna] reader.go LookupPin sends "00 20 00 80".
VERIFY_TRIES_LEFT = bytes.fromhex("00200080")

# A blocked PIN: 63 C0 (0 tries left) is what the sources above read as 0. ISO 7816-4 also
# has 69 83 (authentication method blocked) and 69 84 (reference data not usable); no JPKI
# source we found says which of these a locked My Number Card PIN answers, so all three
# are read as "locked" (the safe reading: the person is sent to the counter).
BLOCKED_STATUS = frozenset({(0x69, 0x83), (0x69, 0x84)})

# Instructions that carry a PIN in their data: VERIFY, CHANGE REFERENCE DATA, RESET RETRY
# COUNTER (ISO 7816-4).
_PIN_INSTRUCTIONS = frozenset({0x20, 0x24, 0x2C})
# READ BINARY with a short Le; 0xFF rather than 0x00 (=256) so any reader takes it.
MAX_CHUNK = 0xFF


@dataclass(frozen=True, slots=True)
class Response:
    """A card's answer: data (possibly empty) and the two status bytes."""

    data: bytes
    sw1: int
    sw2: int

    @classmethod
    def from_bytes(cls, raw: bytes) -> Response:
        if len(raw) < 2:
            raise ValueError("a response has at least two status bytes")
        return cls(bytes(raw[:-2]), raw[-2], raw[-1])

    @property
    def ok(self) -> bool:
        return (self.sw1, self.sw2) == (0x90, 0x00)

    @property
    def status(self) -> str:
        return f"{self.sw1:02X} {self.sw2:02X}"


def select_application(aid: bytes) -> bytes:
    """SELECT by DF name, no FCI returned (P2 0C), as [OpenSC] and [myna] do."""
    return bytes([0x00, 0xA4, 0x04, 0x0C, len(aid)]) + aid


def select_file(file_id: bytes) -> bytes:
    """SELECT an EF of the current application by its two-byte id, no FCI returned."""
    if len(file_id) != 2:
        raise ValueError("a file id is two bytes")
    return bytes([0x00, 0xA4, 0x02, 0x0C, 0x02]) + file_id


def read_binary(offset: int, length: int) -> bytes:
    """READ BINARY of `length` (1-255) bytes at `offset` (below 0x8000) of the current EF."""
    if not 0 <= offset < 0x8000 or not 0 < length <= MAX_CHUNK:
        raise ValueError("offset or length out of range")
    return bytes([0x00, 0xB0, offset >> 8, offset & 0xFF, length])


def tries_left(response: Response) -> int | None:
    """Tries left from the answer to VERIFY_TRIES_LEFT; None when the answer is not one."""
    if response.sw1 == 0x63 and response.sw2 & 0xF0 == 0xC0:
        return response.sw2 & 0x0F
    if (response.sw1, response.sw2) in BLOCKED_STATUS:
        return 0
    return None


def carries_pin_data(command: bytes) -> bool:
    """Whether a command is a PIN command with anything after its header (Lc, data)."""
    return len(command) >= 4 and command[1] in _PIN_INSTRUCTIONS and len(command) > 4


def check_no_pin_data(command: bytes) -> None:
    """Refuse, before it leaves the computer, any command that could carry a PIN."""
    if carries_pin_data(command):
        raise ValueError("refusing to send a PIN command with data")
