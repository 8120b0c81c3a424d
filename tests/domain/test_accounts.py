"""PIN accounts: hashed PINs, lockout that survives a restart, audit, no PIN anywhere, the pin commands."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlite_utils

from kiosk.paths import PROJECT_ROOT
from kiosk.records.accounts import Accounts, Outcome, PinRejected, Role
from kiosk.records.schema import MIGRATIONS
from kiosk.records.store import RecordStore
from tests.helpers.cli import kiosk

PIN = "739164"  # distinctive, so finding it in a file or a log means it leaked


class Clock:
    """The accounts' clock, moved by the tests."""

    def __init__(self) -> None:
        self.now = datetime(2025, 4, 1, 10, 0).astimezone()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def accounts(store: RecordStore, clock: Clock) -> Accounts:
    return Accounts(store, clock=clock)


def _actions(store: RecordStore) -> list[tuple[str, str]]:
    return [(row["action"], row["actor"]) for row in store.audit_log()]


def test_right_and_wrong_pin_and_tries_counting_down(accounts: Accounts) -> None:
    accounts.set_pin("tanaka", Role.STAFF, PIN, actor="admin")
    right = accounts.check("tanaka", PIN)
    assert right.outcome is Outcome.OK
    assert right.account is not None
    assert (right.account.name, right.account.role) == ("tanaka", Role.STAFF)
    assert right.account.last_login
    tries = [accounts.check("tanaka", "000000") for _ in range(4)]
    assert [t.outcome for t in tries] == [Outcome.WRONG] * 4
    assert [t.tries_left for t in tries] == [4, 3, 2, 1]
    assert all(t.account is None and t.locked_until is None for t in tries)


def test_five_wrong_tries_lock_even_the_right_pin_until_the_time_passes(
    accounts: Accounts, clock: Clock
) -> None:
    accounts.set_pin("tanaka", Role.STAFF, PIN, actor="admin")
    for _ in range(4):
        assert accounts.check("tanaka", "111111").outcome is Outcome.WRONG
    fifth = accounts.check("tanaka", "111111")
    assert fifth.outcome is Outcome.LOCKED
    assert fifth.locked_until == clock.now + timedelta(minutes=5)
    assert fifth.tries_left == 0
    clock.advance(minutes=4, seconds=59)
    refused = accounts.check("tanaka", PIN)
    assert refused.outcome is Outcome.LOCKED and refused.account is None
    assert accounts.locked_until("tanaka") == fifth.locked_until
    clock.advance(seconds=1)
    assert accounts.locked_until("tanaka") is None
    assert accounts.check("tanaka", PIN).outcome is Outcome.OK


def test_a_right_pin_resets_the_count(accounts: Accounts) -> None:
    accounts.set_pin("tanaka", Role.STAFF, PIN, actor="admin")
    for _ in range(4):
        accounts.check("tanaka", "111111")
    assert accounts.check("tanaka", PIN).outcome is Outcome.OK
    again = accounts.check("tanaka", "111111")
    assert (again.outcome, again.tries_left) == (Outcome.WRONG, 4)


def test_lock_survives_a_restart(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "records.sqlite3"
    store = RecordStore(path, kiosk_id="k")
    before = Accounts(store, max_tries=3, lock_minutes=10, clock=clock)
    before.set_pin("tanaka", Role.STAFF, PIN, actor="admin")
    before.set_pin("supporter-1", Role.SUPPORTER, "4826", actor="admin")
    results = [before.unlock("222222") for _ in range(3)]
    assert results[-1].outcome is Outcome.LOCKED
    store.close()

    store = RecordStore(path, kiosk_id="k")
    after = Accounts(store, max_tries=3, lock_minutes=10, clock=clock)
    assert after.locked_until() == results[-1].locked_until
    # (A staff PIN still opens it, on a count of its own: see tests/test_pin_lock.py.)
    assert after.unlock("4826").outcome is Outcome.LOCKED
    clock.advance(minutes=10)
    assert after.unlock("4826").outcome is Outcome.OK
    store.close()


def test_pad_finds_the_account_by_pin_alone(accounts: Accounts) -> None:
    accounts.set_pin("supporter-1", Role.SUPPORTER, "4821", actor="admin")
    accounts.set_pin("tanaka", Role.STAFF, PIN, actor="admin")
    accounts.set_pin("supporter-2", Role.SUPPORTER, "9056", actor="admin")
    found = accounts.unlock("9056")
    assert found.outcome is Outcome.OK and found.account is not None
    assert (found.account.name, found.account.role) == ("supporter-2", Role.SUPPORTER)
    staff = accounts.unlock(PIN)
    assert staff.account is not None and staff.account.name == "tanaka"
    wrong = accounts.unlock("1234")
    assert (wrong.outcome, wrong.tries_left) == (Outcome.WRONG, 4)
    # The pad's count is its own: a named check does not use it up.
    assert accounts.check("tanaka", PIN).outcome is Outcome.OK
    assert accounts.unlock("1234").tries_left == 3


def test_two_accounts_cannot_share_a_pin(accounts: Accounts) -> None:
    accounts.set_pin("supporter-1", Role.SUPPORTER, "4821", actor="admin")
    with pytest.raises(PinRejected) as refused:
        accounts.set_pin("supporter-2", Role.SUPPORTER, "4821", actor="admin")
    assert "4821" not in str(refused.value)
    assert [a.name for a in accounts.list()] == ["supporter-1"]
    # Its own PIN again is no clash, and a disabled account's PIN is free.
    accounts.set_pin("supporter-1", Role.SUPPORTER, "4821", actor="admin")
    accounts.disable("supporter-1", actor="admin")
    accounts.set_pin("supporter-2", Role.SUPPORTER, "4821", actor="admin")


def test_a_disabled_account_cannot_log_in(accounts: Accounts) -> None:
    accounts.set_pin("tanaka", Role.STAFF, PIN, actor="admin")
    assert accounts.any_staff()
    assert accounts.disable("tanaka", actor="admin") is True
    assert accounts.disable("tanaka", actor="admin") is False
    assert accounts.unlock(PIN).outcome is Outcome.WRONG
    assert accounts.check("tanaka", PIN).outcome is Outcome.WRONG
    assert not accounts.any_staff()
    [listed] = accounts.list()
    assert (listed.name, listed.active) == ("tanaka", False)


@pytest.mark.parametrize(
    ("role", "pin"),
    [
        (Role.SUPPORTER, "123"),
        (Role.STAFF, "12345"),
        (Role.STAFF, "12a456"),
        (Role.SUPPORTER, "12 34"),
        (Role.SUPPORTER, "１２３"),
        (Role.SUPPORTER, "1234567890123"),
        (Role.SUPPORTER, ""),
    ],
)
def test_short_long_and_non_digit_pins_are_refused(accounts: Accounts, role: Role, pin: str) -> None:
    with pytest.raises(PinRejected) as refused:
        accounts.set_pin("tanaka", role, pin, actor="admin")
    message = str(refused.value)
    assert "(" in message and not message.isascii()  # Japanese, with English in parentheses
    assert pin not in message or not pin
    assert accounts.list() == []


def test_shortest_pins_and_full_width_digits_are_accepted(accounts: Accounts) -> None:
    accounts.set_pin("supporter-1", Role.SUPPORTER, "4821", actor="admin")
    accounts.set_pin("tanaka", Role.STAFF, "５８２０３７", actor="admin")
    assert accounts.check("tanaka", "582037").outcome is Outcome.OK


@pytest.mark.parametrize("name", ["", "a" * 33, "田中", "tanaka san", "../x", "pad", "PAD"])
def test_bad_names_are_refused(accounts: Accounts, name: str) -> None:
    with pytest.raises(PinRejected):
        accounts.set_pin(name, Role.SUPPORTER, "4821", actor="admin")


def test_pin_is_stored_only_as_a_salted_scrypt_hash(accounts: Accounts, store: RecordStore) -> None:
    accounts.set_pin("supporter-1", Role.SUPPORTER, "4821", actor="admin")
    accounts.set_pin("supporter-2", Role.SUPPORTER, "4822", actor="admin")
    hashes = [row[0] for row in store.db.execute("select pin_hash from accounts")]
    for stored in hashes:
        scheme, n, r, p, salt, digest = stored.split("$")
        assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
        assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    assert hashes[0].split("$")[4] != hashes[1].split("$")[4]


def test_no_pin_in_the_database_files_or_the_log(
    tmp_path: Path, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    path = tmp_path / "records.sqlite3"
    store = RecordStore(path, kiosk_id="k")
    accounts = Accounts(store, clock=clock)
    accounts.set_pin("tanaka", Role.STAFF, PIN, actor="admin")
    accounts.check("tanaka", PIN)
    accounts.unlock(PIN)
    for _ in range(5):
        accounts.unlock("913746")
    accounts.check("tanaka", "913746")
    accounts.set_pin("tanaka", Role.STAFF, "582037", actor="admin")
    assert {"login", "login_failed", "lockout", "pin_set"} <= {a for a, _ in _actions(store)}
    files = [path, path.with_name(path.name + "-wal")]
    assert files[1].stat().st_size > 0  # the checks ran against the WAL, not only the main file
    for file in files:
        data = file.read_bytes()
        for pin in (PIN, "913746", "582037"):
            assert pin.encode() not in data, f"{pin} in {file.name}"
    store.close()
    assert caplog.records  # the lockout and the logins were logged
    for record in caplog.records:
        text = record.getMessage()
        assert PIN not in text and "913746" not in text and "582037" not in text
        assert "scrypt$" not in text


def test_audit_rows(accounts: Accounts, store: RecordStore) -> None:
    accounts.set_pin("tanaka", Role.STAFF, PIN, actor="cli:admin")
    accounts.unlock(PIN)
    for _ in range(5):
        accounts.unlock("111111")
    accounts.disable("tanaka", actor="cli:admin")
    assert _actions(store) == [
        ("pin_set", "cli:admin"),
        ("login", "tanaka"),
        *[("login_failed", "pad")] * 5,
        ("lockout", "pad"),
        ("pin_disabled", "cli:admin"),
    ]
    details = [row["detail"] for row in store.audit_log()]
    assert details[0] == "name=tanaka role=staff"
    assert details[1] == "role=staff via=pad"
    assert all(PIN not in d and "111111" not in d and "scrypt" not in d for d in details)


def test_old_hash_parameters_still_work_and_are_upgraded(accounts: Accounts, store: RecordStore) -> None:
    import hashlib

    salt = os.urandom(16)
    weaker = hashlib.scrypt(PIN.encode(), salt=salt, n=2**10, r=8, p=1, dklen=32)
    store.db.execute(
        "insert into accounts (name, role, pin_hash, active, created_at, updated_at) "
        "values ('old', 'staff', ?, 1, 'x', 'x')",
        [f"scrypt$1024$8$1${salt.hex()}${weaker.hex()}"],
    )
    store.db.conn.commit()
    assert accounts.check("old", PIN).outcome is Outcome.OK
    stored = store.db.execute("select pin_hash from accounts").fetchone()[0]
    assert stored.startswith("scrypt$16384$8$1$")
    assert accounts.check("old", PIN).outcome is Outcome.OK


# ---- the commands ---------------------------------------------------------------------


def _kiosk_with_stdin(stdin: str, *args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    # tests/helpers/cli.kiosk cannot feed standard input; this is the same run with `input`.
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "KIOSK_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"},
    )


@pytest.mark.slow
def test_pin_commands(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text("pin_max_tries = 3\n", encoding="utf-8")
    made = _kiosk_with_stdin(PIN + "\n", "pin", "set", "tanaka", "--role", "staff", data_dir=tmp_path)
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "PIN set: tanaka (staff)"
    short = _kiosk_with_stdin("12345\n", "pin", "set", "suzuki", "--role", "staff", data_dir=tmp_path)
    assert short.returncode == 2
    assert "6けた以上" in short.stderr and "Traceback" not in short.stderr
    bad_name = _kiosk_with_stdin("4821\n", "pin", "set", "田中", "--role", "supporter", data_dir=tmp_path)
    assert bad_name.returncode == 2 and "name" in bad_name.stderr

    right = _kiosk_with_stdin(PIN + "\n", "pin", "check", "tanaka", data_dir=tmp_path)
    assert (right.returncode, right.stdout.strip()) == (0, "ok: tanaka (staff)")
    wrong = _kiosk_with_stdin("000000\n", "pin", "check", "tanaka", data_dir=tmp_path)
    assert (wrong.returncode, wrong.stdout.strip()) == (1, "wrong PIN: 2 tries left before the lock")
    _kiosk_with_stdin("000000\n", "pin", "check", "tanaka", data_dir=tmp_path)
    locked = _kiosk_with_stdin("000000\n", "pin", "check", "tanaka", data_dir=tmp_path)
    assert locked.returncode == 3 and locked.stdout.startswith("locked until ")
    still = _kiosk_with_stdin(PIN + "\n", "pin", "check", "tanaka", data_dir=tmp_path)
    assert still.returncode == 3

    listing = kiosk("pin", "list", data_dir=tmp_path)
    assert listing.returncode == 0, listing.stderr
    [line] = listing.stdout.splitlines()
    assert line.split()[:3] == ["tanaka", "staff", "active"]
    assert "scrypt" not in listing.stdout and PIN not in listing.stdout

    disabled = kiosk("pin", "disable", "tanaka", data_dir=tmp_path)
    assert disabled.returncode == 0, disabled.stderr
    assert kiosk("pin", "disable", "tanaka", data_dir=tmp_path).returncode == 1
    assert kiosk("pin", "list", data_dir=tmp_path).stdout.split()[:3] == ["tanaka", "staff", "disabled"]

    audit = kiosk("audit", "list", data_dir=tmp_path)
    assert audit.returncode == 0, audit.stderr
    rows = [line.split()[1:3] for line in audit.stdout.splitlines()]
    actor = rows[0][1]
    assert actor.startswith("cli")
    assert rows == [
        ["pin_set", actor],
        ["login", "tanaka"],
        ["login_failed", "tanaka"],
        ["login_failed", "tanaka"],
        ["login_failed", "tanaka"],
        ["lockout", "tanaka"],
        ["pin_disabled", actor],
    ]
    assert PIN not in audit.stdout and "000000" not in audit.stdout
    assert kiosk("audit", "list", "--since", "2999-01-01", data_dir=tmp_path).stdout == ""
    since_today = kiosk("audit", "list", "--since", datetime.now().date().isoformat(), data_dir=tmp_path)
    assert len(since_today.stdout.splitlines()) == len(rows)
    assert kiosk("audit", "list", "--since", "yesterday", data_dir=tmp_path).returncode == 2


def test_commands_without_a_database_create_none(tmp_path: Path) -> None:
    checked = _kiosk_with_stdin(PIN + "\n", "pin", "check", "tanaka", data_dir=tmp_path)
    assert checked.returncode == 1 and "no records database" in checked.stderr
    assert kiosk("audit", "list", data_dir=tmp_path).returncode == 1
    assert not (tmp_path / "records.sqlite3").exists()


def test_a_database_from_before_accounts_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    old = sqlite_utils.Database(path)
    MIGRATIONS.apply(old, stop_before="m003_accounts")
    old.table("audit").insert({"at": "2025-01-01T09:00:00.000+09:00", "action": "purge", "actor": "cli"})
    assert "accounts" not in old.table_names()
    old.close()

    made = _kiosk_with_stdin("4821\n", "pin", "set", "supporter-1", "--role", "supporter", data_dir=tmp_path)
    assert made.returncode == 0, made.stderr
    upgraded = sqlite3.connect(path)
    tables = {row[0] for row in upgraded.execute("select name from sqlite_master where type = 'table'")}
    actions = [row[0] for row in upgraded.execute("select action from audit order by id")]
    upgraded.close()
    assert {"accounts", "lockouts", "consultations", "events", "audit"} <= tables
    assert actions == ["purge", "pin_set"]


def test_each_lock_in_a_row_lasts_twice_as_long_until_a_right_pin(accounts: Accounts, clock: Clock) -> None:
    accounts.set_pin("tanaka", Role.SUPPORTER, "4826", actor="test")
    for minutes in (5, 10, 15, 15):  # at most 15 minutes (tests/test_pin_lock.py)
        results = [accounts.unlock("1111") for _ in range(5)]
        assert results[-1].locked_until == clock.now + timedelta(minutes=minutes)
        clock.advance(minutes=minutes)
    assert accounts.unlock("4826").outcome is Outcome.OK
    results = [accounts.unlock("1111") for _ in range(5)]
    assert results[-1].locked_until == clock.now + timedelta(minutes=5)  # back to the first length
