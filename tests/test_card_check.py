"""The card check of issue 26 against a software My Number Card, in this process (no Qt).

The check reads the e-certificate's expiry and each PIN's tries left without any PIN;
these tests run it over tests/helpers/virtual_card.py through an in-process transport and
through kiosk/card/pcsc.py with a stand-in for pyscard (tests/helpers/fake_scard.py). The
same card behind pcscd and a virtual reader is in test_card_pcsc.py.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import pytest

from kiosk.card import apdu, der, pcsc
from kiosk.card.check import (
    EXPIRY_BANDS,
    JAPAN,
    PIN_STATES,
    CardCheck,
    PinTries,
    add_months,
    check_card,
    expiry_band,
)
from kiosk.card.pcsc import PcscTransport
from kiosk.card.problems import CardRemoved, NoCard, NoReader, NotMyNumberCard, Timeout
from kiosk.card.report import check_report, problem_report
from kiosk.paths import PROJECT_ROOT
from tests.helpers.fake_scard import FakeScard
from tests.helpers.virtual_card import TEST_SERIAL, CardTransport, VirtualMyNumberCard, make_certificate

TODAY = date(2026, 1, 15)


def japan_end_of(day: date) -> datetime:
    """notAfter as the last second of `day` in Japan (J-LIS's practice is not confirmed)."""
    return datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=JAPAN)


def card(expires_on: date = date(2030, 3, 14), **options: object) -> VirtualMyNumberCard:
    return VirtualMyNumberCard(make_certificate(japan_end_of(expires_on)), **options)


def run(virtual: VirtualMyNumberCard, remove_after: int | None = None) -> CardCheck:
    return check_card(CardTransport(virtual, remove_after), today=TODAY)


def verifies(virtual: VirtualMyNumberCard) -> list[bytes]:
    return [command for command in virtual.received if command[1] == 0x20]


# --- expiry ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expires_on", "band"),
    [
        (date(2030, 3, 14), "over_1_year"),  # valid for years
        (date(2026, 9, 30), "within_1_year"),
        (date(2026, 3, 15), "within_3_months"),  # expiring in 2 months
        (date(2025, 11, 2), "expired"),
    ],
)
def test_expiry_date_and_band(expires_on: date, band: str) -> None:
    result = run(card(expires_on))
    assert (result.expires_on, result.expiry_band) == (expires_on, band)


def test_band_edges() -> None:
    assert expiry_band(TODAY, TODAY) == "within_3_months"  # valid through its last day
    assert expiry_band(TODAY - timedelta(days=1), TODAY) == "expired"
    assert expiry_band(date(2026, 4, 15), TODAY) == "within_3_months"
    assert expiry_band(date(2026, 4, 16), TODAY) == "within_1_year"
    assert expiry_band(date(2027, 1, 15), TODAY) == "within_1_year"
    assert expiry_band(date(2027, 1, 16), TODAY) == "over_1_year"
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)


def test_expiry_is_the_date_in_japan() -> None:
    # 15:00 UTC is already the next day in Japan.
    late = VirtualMyNumberCard(make_certificate(datetime(2029, 5, 3, 15, 0, tzinfo=UTC)))
    assert run(late).expires_on == date(2029, 5, 4)
    early = VirtualMyNumberCard(make_certificate(datetime(2029, 5, 3, 14, 59, 59, tzinfo=UTC)))
    assert run(early).expires_on == date(2029, 5, 3)


def test_expiry_after_2049_uses_generalized_time() -> None:
    assert run(card(date(2051, 2, 1))).expires_on == date(2051, 2, 1)


# --- PIN tries --------------------------------------------------------------------------

PINS = {"auth_pin": "auth_tries", "sign_pin": "sign_tries", "kenhojo_pin": "kenhojo_tries"}


@pytest.mark.parametrize("pin", PINS)
@pytest.mark.parametrize(("left", "state"), [(3, "ok"), (1, "low"), (0, "locked")])
def test_tries_left_for_each_pin(pin: str, left: int, state: str) -> None:
    result = run(card(**{PINS[pin]: left}))
    assert getattr(result, pin) == PinTries(state, left)
    others = [getattr(result, other) for other in PINS if other != pin]
    assert all(tries.state == "ok" for tries in others)


def test_signature_pin_counts_from_five() -> None:
    assert run(card(sign_tries=5)).sign_pin == PinTries("ok", 5)
    assert run(card(sign_tries=2)).sign_pin == PinTries("ok", 2)


@pytest.mark.parametrize("status", [(0x69, 0x83), (0x69, 0x84), (0x63, 0xC0)])
def test_blocked_answers_read_as_locked(status: tuple[int, int]) -> None:
    result = run(card(auth_tries=0, sign_tries=0, kenhojo_tries=0, locked_status=status))
    assert (result.auth_pin, result.sign_pin, result.kenhojo_pin) == (PinTries("locked", 0),) * 3


def test_asking_uses_no_try() -> None:
    virtual = card(auth_tries=1)
    for _ in range(5):
        assert run(virtual).auth_pin == PinTries("low", 1)


# --- no PIN is ever sent, nothing but categories and the date come back ----------------


def test_no_apdu_carries_pin_data() -> None:
    virtual = card(auth_tries=1, kenhojo_tries=0)
    run(virtual)
    assert verifies(virtual) == [apdu.VERIFY_TRIES_LEFT] * 3  # no Lc, no data
    assert not any(apdu.carries_pin_data(command) for command in virtual.received)
    assert not virtual.pin_data_received and not virtual.verified


def test_the_virtual_card_would_notice_a_pin() -> None:
    """The check above means something: a VERIFY with data is seen and costs a try."""
    virtual = card()
    transport = CardTransport(virtual)
    for command in (apdu.select_application(apdu.JPKI_AID), apdu.select_file(apdu.EF_AUTH_PIN)):
        transport.transmit(command)
    assert transport.transmit(bytes.fromhex("0020008004") + b"0000").status == "63 C2"
    assert virtual.pin_data_received and verifies(virtual)[0] != apdu.VERIFY_TRIES_LEFT
    assert transport.transmit(apdu.VERIFY_TRIES_LEFT).status == "63 C2"


def test_only_the_authentication_certificate_is_read() -> None:
    virtual = card()
    run(virtual)
    selected_files = [command[5:] for command in virtual.received if command[:3] == b"\x00\xa4\x02"]
    assert selected_files == [
        apdu.EF_TOKEN,
        apdu.EF_AUTH_CERT,
        apdu.EF_AUTH_PIN,
        apdu.EF_SIGN_PIN,
        apdu.EF_KENHOJO_PIN,
    ]
    applications = [command[5:] for command in virtual.received if command[:3] == b"\x00\xa4\x04"]
    assert applications == [apdu.JPKI_AID, apdu.KENHOJO_AID]
    last_kenhojo_select = virtual.received.index(apdu.select_application(apdu.KENHOJO_AID))
    assert all(command[1] != 0xB0 for command in virtual.received[last_kenhojo_select:])


def test_result_and_report_hold_only_categories_and_the_date() -> None:
    result = run(card(date(2026, 3, 1), auth_tries=1, sign_tries=0))
    assert [f.name for f in dataclasses.fields(result)] == [
        "expires_on",
        "expiry_band",
        "auth_pin",
        "sign_pin",
        "kenhojo_pin",
    ]
    assert [f.name for f in dataclasses.fields(result.auth_pin)] == ["state", "left"]
    report = check_report(result)
    assert report == {
        "expires_on": "2026-03-01",
        "expiry_band": "within_3_months",
        "pins": {"auth": "low", "sign": "locked", "kenhojo": "ok"},
    }
    assert json.loads(json.dumps(report)) == report
    assert report["expiry_band"] in EXPIRY_BANDS
    assert set(report["pins"].values()) <= set(PIN_STATES)
    serial = int.from_bytes(TEST_SERIAL, "big")
    for text in (repr(result), json.dumps(report)):
        assert TEST_SERIAL.hex() not in text.lower() and str(serial) not in text
        assert "JPKI test" not in text


# --- calm outcomes ----------------------------------------------------------------------


def test_a_card_without_jpki_is_not_a_my_number_card() -> None:
    virtual = card(has_jpki=False)  # SELECT answers 6A 82
    with pytest.raises(NotMyNumberCard) as caught:
        run(virtual)
    assert caught.value.kind == "not_my_number_card"
    assert virtual.received == [apdu.select_application(apdu.JPKI_AID)]


def test_a_juki_card_token_is_not_a_my_number_card() -> None:
    virtual = card(token=b"JPKIAPICCTOKEN")
    with pytest.raises(NotMyNumberCard):
        run(virtual)
    assert not verifies(virtual)


def test_a_broken_certificate_is_not_a_my_number_card() -> None:
    virtual = VirtualMyNumberCard(b"\x30\x82\x00\x10" + bytes(16))
    with pytest.raises(NotMyNumberCard):
        run(virtual)


def test_removal_at_every_point_of_the_read() -> None:
    whole = card()
    run(whole)
    total = len(whole.received)
    assert total > 10
    for sent in range(total):
        with pytest.raises(CardRemoved) as caught:
            run(card(), remove_after=sent)
        assert caught.value.kind == "card_removed"


def test_problem_report_is_the_kind_only() -> None:
    assert problem_report(Timeout("SCARD_E_TIMEOUT")) == {"problem": "timeout"}


# --- the PC/SC transport, with a stand-in for pyscard -----------------------------------


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeScard:
    scard = FakeScard(card())
    monkeypatch.setattr(pcsc, "_scard", lambda: scard.module)
    return scard


def check_with(scard: FakeScard, **options: object) -> CardCheck:
    sent: list[bytes] = []
    with PcscTransport.open(wait_s=0.2, on_apdu=sent.append, **options) as transport:
        result = check_card(transport, today=TODAY)
    assert sent == scard.transmitted
    return result


def test_pcsc_transport_runs_the_check(fake: FakeScard) -> None:
    assert check_with(fake).expiry_band == "over_1_year"
    assert not fake.open_contexts and not fake.connected
    assert fake.card is not None and verifies(fake.card) == [apdu.VERIFY_TRIES_LEFT] * 3


def test_pcsc_transport_refuses_pin_data(fake: FakeScard) -> None:
    with PcscTransport.open(wait_s=0.2) as transport, pytest.raises(ValueError):
        transport.transmit(bytes.fromhex("0020008004") + b"1234")
    assert fake.transmitted == []


@pytest.mark.parametrize(
    ("setup", "problem"),
    [
        ({"service": "SCARD_E_NO_SERVICE"}, NoReader),
        ({"readers": ()}, NoReader),
        ({"card": None}, NoCard),
        ({"mute": True}, Timeout),  # a card that does not answer: in a case, too far
        ({"transmit_error": "SCARD_W_REMOVED_CARD", "error_after": 4}, CardRemoved),
        ({"transmit_error": "SCARD_E_NO_SMARTCARD", "error_after": 6}, CardRemoved),
        ({"transmit_error": "SCARD_W_UNRESPONSIVE_CARD", "error_after": 1}, Timeout),
        ({"transmit_error": "SCARD_E_NOT_TRANSACTED", "error_after": 9}, Timeout),  # card still there
        ({"transmit_error": "SCARD_E_NOT_TRANSACTED", "error_after": 5, "card_leaves": True}, CardRemoved),
        ({"transmit_error": "SCARD_F_COMM_ERROR", "error_after": 3, "card_leaves": True}, CardRemoved),
        ({"transmit_error": "SCARD_F_INTERNAL_ERROR", "error_after": 2}, Timeout),
    ],
)
def test_pcsc_problems_are_calm(
    monkeypatch: pytest.MonkeyPatch, setup: dict[str, object], problem: type
) -> None:
    scard = FakeScard(**{"card": card()} | setup)
    monkeypatch.setattr(pcsc, "_scard", lambda: scard.module)
    with pytest.raises(problem):
        check_with(scard)
    assert not scard.open_contexts and not scard.connected


class GetResponseCard(VirtualMyNumberCard):
    """Answers READ BINARY as a T=0 card may: 61 xx first, the data on GET RESPONSE."""

    endless = False

    def answer(self, command: bytes) -> bytes:
        if command[1] == 0xC0:
            self.received.append(bytes(command))
            return b"\x61\x01" if self.endless else self.pending + b"\x90\x00"
        raw = super().answer(command)
        if command[1] == 0xB0 and raw.endswith(b"\x90\x00"):
            self.pending = raw[:-2]
            return bytes([0x61, len(self.pending) & 0xFF])
        return raw


def test_pcsc_transport_fetches_waiting_data(monkeypatch: pytest.MonkeyPatch) -> None:
    virtual = GetResponseCard(make_certificate(japan_end_of(date(2030, 3, 14))))
    scard = FakeScard(virtual)
    monkeypatch.setattr(pcsc, "_scard", lambda: scard.module)
    assert check_with(scard).expires_on == date(2030, 3, 14)
    assert any(command[1] == 0xC0 for command in virtual.received)
    virtual.endless = True
    with pytest.raises(Timeout):
        check_with(scard)


def test_unknown_reader_name_is_no_reader(fake: FakeScard) -> None:
    with pytest.raises(NoReader):
        check_with(fake, reader="Some Other Reader")


def test_list_readers(fake: FakeScard) -> None:
    assert pcsc.list_readers() == ["Fake Reader 00 00"]
    fake.readers = ()
    assert pcsc.list_readers() == []


def test_without_pyscard_there_is_no_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "smartcard", None)
    monkeypatch.setitem(sys.modules, "smartcard.scard", None)
    with pytest.raises(NoReader):
        PcscTransport.open(wait_s=0.1)


def test_the_package_imports_without_pyscard_or_qt() -> None:
    code = "import sys, kiosk.card; print(sorted(m for m in sys.modules if m.split('.')[0] in {'smartcard', 'PySide6'}))"
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PROJECT_ROOT
    )
    assert shown.stdout.strip() == "[]"


# --- the DER walk -----------------------------------------------------------------------


def test_der_reads_not_after_and_length() -> None:
    moment = datetime(2031, 7, 1, 14, 59, 59, tzinfo=UTC)
    certificate = make_certificate(moment)
    assert der.not_after(certificate) == moment
    assert der.certificate_length(certificate[:4]) == len(certificate)


def test_der_rejects_every_truncation_and_damage() -> None:
    certificate = make_certificate(datetime(2031, 7, 1, tzinfo=UTC))
    for end in range(len(certificate)):
        with pytest.raises(ValueError):
            der.not_after(certificate[:end])
    for position in range(len(certificate)):
        for value in (0x00, 0x80, 0xFF):
            damaged = certificate[:position] + bytes([value]) + certificate[position + 1 :]
            with contextlib.suppress(ValueError):  # the only way it may fail
                der.not_after(damaged)


@pytest.mark.parametrize("header", [b"\x31\x82\x01\x00", b"\x30\x83\x01\x00", b"\x30\x82"])
def test_der_length_needs_a_sequence_header(header: bytes) -> None:
    with pytest.raises(ValueError):
        der.certificate_length(header)


def test_der_agrees_with_cryptography() -> None:
    """The test certificate is what a real X.509 library reads, and so is the walk."""
    pytest.importorskip("cryptography")
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import Encoding

    for moment in (datetime(2030, 3, 14, 14, 59, 59, tzinfo=UTC), datetime(2052, 1, 1, tzinfo=UTC)):
        parsed = x509.load_der_x509_certificate(make_certificate(moment))
        assert parsed.not_valid_after_utc == moment
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "test")])
        real = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(moment - timedelta(days=1))
            .not_valid_after(moment)
            .sign(key, hashes.SHA256())
        )
        assert der.not_after(real.public_bytes(Encoding.DER)) == moment


# --- the little APDU helpers ------------------------------------------------------------


def test_pin_data_guard() -> None:
    assert not apdu.carries_pin_data(apdu.VERIFY_TRIES_LEFT)
    for command in ("0020008004" + "31323334", "00200080", "0024018004" + "31323334", "002C0080"):
        raw = bytes.fromhex(command)
        assert apdu.carries_pin_data(raw) == (len(raw) > 4)
    assert apdu.carries_pin_data(bytes.fromhex("0020008000"))  # even an empty Lc
    assert not apdu.carries_pin_data(apdu.read_binary(0, 4))
    with pytest.raises(ValueError):
        apdu.check_no_pin_data(bytes.fromhex("002000800431323334"))


def test_read_binary_ranges() -> None:
    assert apdu.read_binary(0x1FE, 0xB5) == bytes.fromhex("00B001FEB5")
    for offset, length in ((0x8000, 1), (0, 0), (0, 256), (-1, 4)):
        with pytest.raises(ValueError):
            apdu.read_binary(offset, length)
