"""Just enough DER to find an X.509 certificate's notAfter, without a crypto library.

The kiosk has no X.509 library among its dependencies, and the check needs one date, so
this walks the certificate's outer structure (RFC 5280 section 4.1):

    Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version OPTIONAL,
        serialNumber, signature, issuer, validity SEQUENCE { notBefore, notAfter }, ... } ... }

skipping every field before validity without decoding it (the serial number is stepped
over, never read out). Anything that is not well-formed DER of that shape raises ValueError.
"""

from __future__ import annotations

from datetime import UTC, datetime

SEQUENCE = 0x30
INTEGER = 0x02
CONTEXT_0 = 0xA0  # [0] EXPLICIT version
UTC_TIME = 0x17
GENERALIZED_TIME = 0x18


def _element(der: bytes, pos: int, end: int) -> tuple[int, int, int]:
    """The element at pos: (tag, start of its content, end of its content)."""
    if pos + 2 > end:
        raise ValueError("truncated element")
    tag = der[pos]
    if tag & 0x1F == 0x1F:
        raise ValueError("multi-byte tags do not occur here")
    first = der[pos + 1]
    pos += 2
    if first < 0x80:
        length = first
    else:
        count = first & 0x7F
        if count == 0 or count > 3:
            raise ValueError("indefinite or oversized length")
        if pos + count > end:
            raise ValueError("truncated length")
        length = int.from_bytes(der[pos : pos + count], "big")
        pos += count
    if pos + length > end:
        raise ValueError("element runs past its parent")
    return tag, pos, pos + length


def _expect(der: bytes, pos: int, end: int, tag: int) -> tuple[int, int]:
    found, start, stop = _element(der, pos, end)
    if found != tag:
        raise ValueError(f"expected tag {tag:#04x}, found {found:#04x}")
    return start, stop


def _time(tag: int, text: bytes) -> datetime:
    """UTCTime YYMMDDHHMMSSZ or GeneralizedTime YYYYMMDDHHMMSSZ, as RFC 5280 requires them."""
    digits = text[:-1]
    if not text.endswith(b"Z") or not digits.isdigit():
        raise ValueError("time is not digits ending in Z")
    if tag == UTC_TIME and len(digits) == 12:
        short = int(digits[:2])
        year, rest = (1900 + short if short >= 50 else 2000 + short), digits[2:]
    elif tag == GENERALIZED_TIME and len(digits) == 14:
        year, rest = int(digits[:4]), digits[4:]
    else:
        raise ValueError("not a UTCTime or GeneralizedTime")
    month, day, hour, minute, second = (int(rest[i : i + 2]) for i in range(0, 10, 2))
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def certificate_length(header: bytes) -> int:
    """The whole certificate's length in bytes, from its first four bytes (30 82 LL LL)."""
    if len(header) < 4 or header[0] != SEQUENCE:
        raise ValueError("not a DER SEQUENCE")
    if header[1] < 0x80:
        return 2 + header[1]
    if header[1] == 0x81:
        return 3 + header[2]
    if header[1] == 0x82:
        return 4 + (header[2] << 8 | header[3])
    raise ValueError("certificate length not in the first four bytes")


def not_after(der: bytes) -> datetime:
    """The certificate's notAfter as an aware UTC datetime."""
    start, stop = _expect(der, 0, len(der), SEQUENCE)
    if stop != len(der):
        raise ValueError("bytes after the certificate")
    pos, tbs_end = _expect(der, start, stop, SEQUENCE)
    tag, _, after = _element(der, pos, tbs_end)
    if tag == CONTEXT_0:
        pos = after
    for expected in (INTEGER, SEQUENCE, SEQUENCE):  # serialNumber, signature, issuer
        _, pos = _expect(der, pos, tbs_end, expected)
    pos, validity_end = _expect(der, pos, tbs_end, SEQUENCE)
    tag, _, pos = _element(der, pos, validity_end)  # notBefore, skipped
    if tag not in (UTC_TIME, GENERALIZED_TIME):
        raise ValueError("notBefore is not a time")
    tag, text_start, text_end = _element(der, pos, validity_end)
    if tag not in (UTC_TIME, GENERALIZED_TIME):
        raise ValueError("notAfter is not a time")
    return _time(tag, der[text_start:text_end])
