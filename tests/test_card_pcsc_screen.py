"""「カードを かざして 調べる」 end to end through a real PC/SC stack: the kiosk window with
`card_reader` naming the virtual reader, no stand-in opener, the software card plugged into
a pcscd of the test's own through vsmartcard's vpcd (see tests/test_card_pcsc.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.card import apdu
from kiosk.records.store import RecordStore
from kiosk.settings import Settings
from tests.helpers.vpcd import Pcscd
from tests.test_card_check import card
from tests.test_card_pcsc import READER, on_reader
from tests.test_card_screen import TODAY, card_events

pytestmark = [pytest.mark.linux, pytest.mark.slow]
pytest.importorskip("smartcard", reason="pyscard is not installed (pip install pyscard)")

SETTINGS = Settings(card_reader=READER, card_wait_seconds=5)


def test_the_kiosk_reads_a_card_through_pcscd(make_window, qtbot, pcscd: Pcscd, store: RecordStore) -> None:
    expires = TODAY + timedelta(days=50)
    virtual = card(expires, sign_tries=1)
    window = make_window(settings=SETTINGS)
    screen = window.screens.card_check
    with on_reader(pcscd, virtual):
        window.screens.home.language_buttons["en"].click()
        window.screens.home.card_button.click()
        qtbot.waitUntil(lambda: screen.result is not None, timeout=20_000)
    assert screen.expiry.text().startswith("！ Your e-certificates expire within 3 months:")
    assert "Only 1 try left" in screen.pins[1].text()
    assert screen.renewal_button.isVisible() and screen.pin_button.isVisible()
    assert not any(apdu.carries_pin_data(command) for command in virtual.received)
    window.state.recorder.flush()
    assert card_events(store) == ["within_3_months auth=ok sign=low kenhojo=ok"]


def test_no_card_on_the_reader_is_told_calmly(make_window, qtbot, pcscd: Pcscd, store: RecordStore) -> None:
    window = make_window(settings=SETTINGS)
    screen = window.screens.card_check
    window.screens.home.card_button.click()
    qtbot.waitUntil(screen.again_button.isVisible, timeout=20_000)
    assert "カードが 見つかりませんでした" in screen.status.text()
    window.state.recorder.flush()
    assert card_events(store) == []
