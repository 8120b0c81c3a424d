"""「カードを かざして 調べる」: when the e-certificates expire and how many PIN tries are left.

`check_card` talks to a My Number Card through any `Transport` and sends no PIN: it
selects the JPKI application, confirms its token, reads the user-authentication
certificate (readable without a PIN) only to take its notAfter date, and asks each PIN's
tries left with a VERIFY that carries no data (see apdu.py for the sources).

What it returns is deliberately small: the expiry date, its band, and per PIN a category
with the count. The certificate's bytes stay local to one function and are dropped when
it returns; neither they nor the serial number are kept anywhere.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Literal

from kiosk.card import apdu, der
from kiosk.card.pcsc import Transport
from kiosk.card.problems import NotMyNumberCard

ExpiryBand = Literal["over_1_year", "within_1_year", "within_3_months", "expired"]
PinState = Literal["ok", "low", "locked"]
EXPIRY_BANDS: tuple[ExpiryBand, ...] = ("over_1_year", "within_1_year", "within_3_months", "expired")
PIN_STATES: tuple[PinState, ...] = ("ok", "low", "locked")

# Asia/Tokyo has no summer time: +09:00 all year. The certificate's notAfter is in UTC;
# the date a person is told is the Japanese calendar date of that moment.
JAPAN = timezone(timedelta(hours=9), "JST")
# Largest certificate the check will read: JPKI's are about 1.5 KB.
MAX_CERTIFICATE = 8 * 1024


@dataclass(frozen=True, slots=True)
class PinTries:
    """One PIN: 'ok' (2 or more tries left), 'low' (1) or 'locked' (0 or blocked)."""

    state: PinState
    left: int


@dataclass(frozen=True, slots=True)
class CardCheck:
    """All a check returns: the e-certificate's expiry and each PIN's tries."""

    expires_on: date
    expiry_band: ExpiryBand
    auth_pin: PinTries  # 利用者証明用 (4 digits)
    sign_pin: PinTries  # 署名用 (6-16 characters)
    kenhojo_pin: PinTries  # 券面事項入力補助用 (4 digits)


def pin_tries(left: int) -> PinTries:
    if left <= 0:
        return PinTries("locked", 0)
    return PinTries("low" if left == 1 else "ok", left)


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or that month's last day when it is shorter."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def expiry_band(expires_on: date, today: date) -> ExpiryBand:
    """Valid through its expiry day; 'within' bands count calendar months from today."""
    if expires_on < today:
        return "expired"
    if expires_on <= add_months(today, 3):
        return "within_3_months"
    if expires_on <= add_months(today, 12):
        return "within_1_year"
    return "over_1_year"


def today_in_japan(now: datetime | None = None) -> date:
    return (now or datetime.now(JAPAN)).astimezone(JAPAN).date()


def check_card(transport: Transport, today: date | None = None) -> CardCheck:
    """Check the card on `transport`; raises a CardProblem for anything but a result."""
    _select(transport, apdu.select_application(apdu.JPKI_AID))
    _confirm_token(transport)
    expires_on = _certificate_expiry(transport)
    auth = _tries(transport, apdu.EF_AUTH_PIN)
    sign = _tries(transport, apdu.EF_SIGN_PIN)
    _select(transport, apdu.select_application(apdu.KENHOJO_AID))
    kenhojo = _tries(transport, apdu.EF_KENHOJO_PIN)
    return CardCheck(
        expires_on=expires_on,
        expiry_band=expiry_band(expires_on, today or today_in_japan()),
        auth_pin=auth,
        sign_pin=sign,
        kenhojo_pin=kenhojo,
    )


def _select(transport: Transport, command: bytes) -> None:
    response = transport.transmit(command)
    if not response.ok:
        raise NotMyNumberCard(f"SELECT answered {response.status}")


def _read(transport: Transport, length: int) -> bytes:
    """READ BINARY of the current EF in chunks, until `length` bytes have come."""
    data = b""
    while len(data) < length:
        want = min(apdu.MAX_CHUNK, length - len(data))
        response = transport.transmit(apdu.read_binary(len(data), want))
        if not response.ok or not response.data:
            raise NotMyNumberCard(f"READ BINARY answered {response.status}")
        data += response.data[:want]
    return data


def _confirm_token(transport: Transport) -> None:
    _select(transport, apdu.select_file(apdu.EF_TOKEN))
    token = _read(transport, apdu.TOKEN_LENGTH).rstrip(b" \x00")
    if token != apdu.MY_NUMBER_CARD_TOKEN:
        raise NotMyNumberCard("the JPKI token is not a My Number Card's")


def _certificate_expiry(transport: Transport) -> date:
    """notAfter of the user-authentication certificate, as a date in Japan."""
    _select(transport, apdu.select_file(apdu.EF_AUTH_CERT))
    try:
        length = der.certificate_length(_read(transport, 4))
        if length > MAX_CERTIFICATE:
            raise ValueError("certificate too long")
        return der.not_after(_read(transport, length)).astimezone(JAPAN).date()
    except ValueError as error:
        raise NotMyNumberCard(f"certificate unreadable: {error}") from None


def _tries(transport: Transport, pin_file: bytes) -> PinTries:
    _select(transport, apdu.select_file(pin_file))
    response = transport.transmit(apdu.VERIFY_TRIES_LEFT)
    left = apdu.tries_left(response)
    if left is None:
        raise NotMyNumberCard(f"VERIFY answered {response.status}")
    return pin_tries(left)
