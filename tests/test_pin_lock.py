"""The PIN pad's lock cannot keep staff out: it lasts 15 minutes at most, staff PINs still open the
pad (and so the kiosk's only exit) on a count of their own, `kiosk pin unlock` opens it at once, and
`pin set` does not tell anyone that a PIN is already someone else's."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.paths import PROJECT_ROOT
from kiosk.records.accounts import PAD_STAFF, Accounts, Outcome, Role
from kiosk.records.store import RecordStore
from tests.helpers.cli import kiosk

pytestmark = pytest.mark.slow  # random presses through the lock, and `kiosk pin` processes

SUPPORTER_PIN, STAFF_PIN = "4826", "739164"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 6, 10, 0).astimezone()

    def __call__(self) -> datetime:
        return self.now


def _wrong(pin: str) -> str:
    return "0000" if pin != "0000" else "1111"


def test_random_presses_never_lock_the_pad_for_more_than_15_minutes(store: RecordStore) -> None:
    clock = Clock()
    # The longest lock settings allow, and a visitor who keeps pressing all day.
    accounts = Accounts(store, max_tries=3, lock_minutes=60, clock=clock)
    accounts.set_pin("tanaka", Role.SUPPORTER, SUPPORTER_PIN, actor="test")
    presses = random.Random(23)
    for _ in range(40):
        result = accounts.unlock(f"{presses.randrange(10_000):04d}")
        while result.outcome is not Outcome.LOCKED:
            result = accounts.unlock(f"{presses.randrange(10_000):04d}")
        assert result.locked_until is not None
        assert result.locked_until - clock.now <= timedelta(minutes=15)
        clock.now = result.locked_until
    assert accounts.unlock(SUPPORTER_PIN).outcome is Outcome.OK


def test_a_staff_pin_opens_the_locked_pad_on_a_count_of_its_own(store: RecordStore) -> None:
    clock = Clock()
    accounts = Accounts(store, clock=clock)
    accounts.set_pin("tanaka", Role.SUPPORTER, SUPPORTER_PIN, actor="test")
    accounts.set_pin("yamada", Role.STAFF, STAFF_PIN, actor="test")
    for _ in range(5):
        last = accounts.unlock("1111")
    assert last.outcome is Outcome.LOCKED
    assert accounts.unlock(SUPPORTER_PIN).outcome is Outcome.LOCKED  # supporters wait out the lock
    staff = accounts.unlock(STAFF_PIN)
    assert staff.outcome is Outcome.OK and staff.account is not None and staff.account.name == "yamada"
    assert accounts.locked_until() is None  # staff opened it for everyone

    # Guessing long PINs while it is locked is limited too, and never opens a supporter account.
    for _ in range(5):
        accounts.unlock("1111")
    tries = [accounts.unlock("222222") for _ in range(5)]
    assert all(t.outcome is Outcome.LOCKED and t.account is None for t in tries)
    assert accounts.locked_until(PAD_STAFF) is not None
    assert accounts.locked_until(PAD_STAFF) - clock.now <= timedelta(minutes=15)  # type: ignore[operator]
    assert accounts.unlock(STAFF_PIN).outcome is Outcome.LOCKED
    clock.now += timedelta(minutes=15)
    assert accounts.unlock(STAFF_PIN).outcome is Outcome.OK
    audit = [(row["action"], row["detail"]) for row in store.audit_log()]
    assert ("login", "role=staff via=pad:staff") in audit


def test_staff_exit_through_the_hidden_door_while_a_visitor_has_locked_the_pad(
    make_window, store, qtbot
) -> None:  # type: ignore[no-untyped-def]
    accounts = Accounts(store)
    accounts.set_pin("tanaka", Role.SUPPORTER, SUPPORTER_PIN, actor="test")
    accounts.set_pin("yamada", Role.STAFF, STAFF_PIN, actor="test")
    window = make_window(door_hold_ms=200, kiosk_mode=True)
    window.allow_close(False)

    def door() -> None:
        heading = window.screens.home.welcome
        QTest.mousePress(heading, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
        qtbot.waitUntil(window.screens.pin_pad.isVisible, timeout=2000)
        QTest.mouseRelease(heading, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))

    def press(pin: str) -> None:
        for digit in pin:
            window.screens.pin_pad.digit_buttons[digit].click()
        window.screens.pin_pad.open_button.click()

    door()
    for pin in ("1234", "9999", "5555", "0101", "2580"):  # a visitor trying numbers
        press(pin)
    assert "いまは 使えません" in window.screens.pin_pad.body.text()
    window.screens.pin_pad.dismiss()

    door()
    press(STAFF_PIN)
    assert window.state.helper is not None and window.state.helper.name == "yamada"
    window.screens.intake.cancel_button.click()
    assert window.helpers.bar.exit_button.isVisible()
    window.helpers.bar.exit_button.click()
    window.screens.confirm_card.yes_button.click()
    assert not window.isVisible()
    actions = [(row["action"], row["actor"]) for row in store.audit_log()]
    assert ("lockout", "pad") in actions and ("exit", "yamada") in actions


def _pin_set(data_dir: Path, name: str, role: str, pin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "pin", "set", name, "--role", role],
        input=pin + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "KIOSK_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"},
    )


def test_pin_unlock_opens_the_pad_at_once_and_is_audited(tmp_path: Path) -> None:
    assert _pin_set(tmp_path, "yamada", "staff", STAFF_PIN).returncode == 0
    assert _pin_set(tmp_path, "tanaka", "supporter", SUPPORTER_PIN).returncode == 0
    store = RecordStore(tmp_path / "records.sqlite3", kiosk_id="test-kiosk")
    accounts = Accounts(store)
    for _ in range(5):
        accounts.unlock("1111")
    assert accounts.locked_until() is not None
    store.close()

    unlocked = kiosk("pin", "unlock", data_dir=tmp_path)
    assert unlocked.returncode == 0, unlocked.stderr
    assert unlocked.stdout.strip() == "unlocked: pad"
    again = kiosk("pin", "unlock", data_dir=tmp_path)
    assert (again.returncode, again.stdout.strip()) == (0, "nothing was locked")

    store = RecordStore(tmp_path / "records.sqlite3", kiosk_id="test-kiosk")
    accounts = Accounts(store)
    assert accounts.locked_until() is None
    opened = accounts.unlock(SUPPORTER_PIN)
    assert opened.outcome is Outcome.OK and opened.tries_left == 5
    store.close()
    audit = kiosk("audit", "list", data_dir=tmp_path).stdout.splitlines()
    unlocks = [line.split() for line in audit if " pin_unlock " in line]
    assert len(unlocks) == 2
    assert unlocks[0][2].startswith("cli") and unlocks[0][3] == "keys=pad"


def test_pin_set_does_not_say_that_a_pin_is_someone_elses(tmp_path: Path) -> None:
    assert _pin_set(tmp_path, "tanaka", "supporter", SUPPORTER_PIN).returncode == 0
    clash = _pin_set(tmp_path, "suzuki", "supporter", SUPPORTER_PIN)
    assert clash.returncode == 2
    assert "使えません" in clash.stderr and "Traceback" not in clash.stderr
    for telling in ("ほかの人", "使っています", "another account", "already", "in use", "tanaka"):
        assert telling not in clash.stderr.lower()
    assert SUPPORTER_PIN not in clash.stderr
    listing = kiosk("pin", "list", data_dir=tmp_path).stdout.split()
    assert "suzuki" not in listing
