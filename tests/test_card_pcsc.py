"""The card check through a real PC/SC stack: a pcscd of the test's own with vsmartcard's
virtual reader (vpcd), the software card plugged into that reader over vpcd's socket
(tests/helpers/vpcd.py), pyscard, and kiosk/card/pcsc.py: the path a real reader takes.

Needs pyscard (pip), pcscd and vsmartcard-vpcd (apt), and root for pcscd's /run/pcscd;
skipped with the reason where any is missing or another pcscd already runs (the `pcscd`
fixture, in tests/conftest.py: tests/test_card_cli.py runs the command through it too).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest

from kiosk.card import apdu
from kiosk.card.check import CardCheck, PinTries, check_card
from kiosk.card.pcsc import PcscTransport, list_readers
from kiosk.card.problems import CardRemoved, NoCard, NoReader, NotMyNumberCard
from tests.helpers.virtual_card import VirtualMyNumberCard
from tests.helpers.vpcd import Pcscd, VpcdCard
from tests.test_card_check import TODAY, card

pytestmark = [pytest.mark.linux, pytest.mark.slow]
pytest.importorskip("smartcard", reason="pyscard is not installed (pip install pyscard)")

READER = "Virtual PCD 00 00"


@contextmanager
def on_reader(pcscd: Pcscd, virtual: VirtualMyNumberCard, remove_after: int | None = None) -> Iterator[None]:
    try:
        with VpcdCard(virtual, pcscd.port, remove_after):
            yield
    finally:  # the next test's card must not find this one still listed
        pcscd.wait_until_empty(READER)


def check(pcscd: Pcscd, virtual: VirtualMyNumberCard, remove_after: int | None = None) -> CardCheck:
    sent: list[bytes] = []
    with (
        on_reader(pcscd, virtual, remove_after),
        PcscTransport.open(reader=READER, wait_s=5, on_apdu=sent.append) as transport,
    ):
        result = check_card(transport, today=TODAY)
    assert sent == virtual.received  # what left the kiosk is all the card got
    return result


def test_vpcd_reader_is_listed(pcscd: Pcscd) -> None:
    assert READER in list_readers()


@pytest.mark.parametrize(
    ("expires_on", "band"),
    [
        (date(2030, 3, 14), "over_1_year"),
        (date(2026, 3, 15), "within_3_months"),
        (date(2025, 11, 2), "expired"),
    ],
)
def test_expiry_through_pcscd(pcscd: Pcscd, expires_on: date, band: str) -> None:
    virtual = card(expires_on)
    result = check(pcscd, virtual)
    assert (result.expires_on, result.expiry_band) == (expires_on, band)
    assert [command for command in virtual.received if command[1] == 0x20] == [apdu.VERIFY_TRIES_LEFT] * 3
    assert not any(apdu.carries_pin_data(command) for command in virtual.received)


@pytest.mark.parametrize("tries", [(3, 1, 0), (1, 0, 3), (0, 3, 1)])
def test_tries_through_pcscd(pcscd: Pcscd, tries: tuple[int, int, int]) -> None:
    result = check(pcscd, card(auth_tries=tries[0], sign_tries=tries[1], kenhojo_tries=tries[2]))
    states = {3: "ok", 1: "low", 0: "locked"}
    assert (result.auth_pin, result.sign_pin, result.kenhojo_pin) == tuple(
        PinTries(states[left], left) for left in tries
    )


def test_any_reader_with_the_card(pcscd: Pcscd) -> None:
    virtual = card()
    with on_reader(pcscd, virtual), PcscTransport.open(wait_s=5) as transport:
        assert check_card(transport, today=TODAY).expiry_band == "over_1_year"


def test_not_a_my_number_card_through_pcscd(pcscd: Pcscd) -> None:
    virtual = card(has_jpki=False)
    with pytest.raises(NotMyNumberCard):
        check(pcscd, virtual)
    assert virtual.received == [apdu.select_application(apdu.JPKI_AID)]


@pytest.mark.parametrize("remove_after", [2, 6, 12])
def test_removal_mid_read_through_pcscd(pcscd: Pcscd, remove_after: int) -> None:
    with pytest.raises(CardRemoved):
        check(pcscd, card(), remove_after=remove_after)


def test_no_card_through_pcscd(pcscd: Pcscd) -> None:
    with pytest.raises(NoCard):
        PcscTransport.open(reader=READER, wait_s=0.5)


def test_no_reader_through_pcscd(pcscd: Pcscd) -> None:
    with pytest.raises(NoReader):
        PcscTransport.open(reader="No Such Reader 00 00", wait_s=0.5)
    pcscd.stop()
    try:
        with pytest.raises(NoReader):
            list_readers()
        with pytest.raises(NoReader):
            PcscTransport.open(wait_s=0.5)
    finally:
        pcscd.start()
