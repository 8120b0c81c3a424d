"""Supporter and staff accounts behind the hidden PIN pad: scrypt-hashed PINs, lockout, audit.

A PIN is never stored, logged or audited; only a salted scrypt hash is kept. Wrong
tries are counted in the database, so a lock survives a restart.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from kiosk.records.privacy import personal_data
from kiosk.records.store import RecordStore, local_now, stamp

log = logging.getLogger("kiosk.accounts")


class Role(StrEnum):
    SUPPORTER = "supporter"
    STAFF = "staff"


MIN_DIGITS = {Role.SUPPORTER: 4, Role.STAFF: 6}
MAX_DIGITS = 12
PAD = "pad"  # the lockout key of the kiosk's pad; account names may not take it
# While the pad is locked, staff PINs still open it on a count of their own, so a visitor's
# random presses cannot shut staff out of the hidden door (and the kiosk's only exit).
PAD_STAFF = "pad:staff"  # ":" is not allowed in a name

# Cost of a new hash. Stored with each hash, so raising them later only affects
# new PINs (and old ones are re-hashed at their next right entry).
SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_DKLEN, SALT_BYTES = 2**14, 8, 1, 32, 16

_NAME = re.compile(r"[A-Za-z0-9_-]{1,32}")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# Hashed for an unknown name, so a wrong name takes as long as a wrong PIN.
_DUMMY_HASH = "scrypt$16384$8$1$00000000000000000000000000000000$" + "00" * 32


class PinRejected(ValueError):
    """set_pin (or check) refused the PIN or the name; the message never holds the PIN."""


@dataclass(frozen=True)
class Account:
    name: str
    role: Role
    active: bool
    created_at: str
    last_login: str | None


class Outcome(StrEnum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"


@dataclass(frozen=True)
class CheckResult:
    outcome: Outcome
    account: Account | None
    locked_until: datetime | None
    tries_left: int


def hash_pin(pin: str) -> str:
    salt = os.urandom(SALT_BYTES)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=SCRYPT_DKLEN)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            raise ValueError(scheme)
        expected = bytes.fromhex(digest)
        actual = hashlib.scrypt(
            pin.encode(),
            salt=bytes.fromhex(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=2**26,
        )
    except ValueError:
        log.error("an account's PIN hash is unreadable; that account cannot log in")
        return False
    return hmac.compare_digest(actual, expected)


def _needs_rehash(stored: str) -> bool:
    return not stored.startswith(f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}$")


def _normalise(pin: str) -> str:
    return pin.strip().translate(_FULL_WIDTH_DIGITS)


def _could_be_pin(pin: str) -> bool:
    return pin.isascii() and pin.isdigit() and min(MIN_DIGITS.values()) <= len(pin) <= MAX_DIGITS


def check_name(name: str) -> str:
    if not _NAME.fullmatch(name) or name.lower() == PAD:
        raise PinRejected(
            "名前は 英字・数字・「-」「_」で 32文字までに してください。"
            "(A name is 1–32 letters, digits, - or _, and not 'pad'.)"
        )
    if personal_data(name):
        # The name is written into every consultation the supporter makes.
        raise PinRejected(
            "名前に 電話番号などの 個人情報は 使えません。"
            "(A name may not hold personal data such as a phone number.)"
        )
    return name


def check_pin(pin: str, role: Role) -> str:
    pin = _normalise(pin)
    if not (pin.isascii() and pin.isdigit()):
        raise PinRejected("暗証番号は 数字だけで 決めてください。(A PIN is digits only.)")
    least = MIN_DIGITS[role]
    if len(pin) < least:
        raise PinRejected(
            f"暗証番号は {least}けた以上に してください。(A {role} PIN needs at least {least} digits.)"
        )
    if len(pin) > MAX_DIGITS:
        raise PinRejected(
            f"暗証番号は {MAX_DIGITS}けたまでに してください。(A PIN has at most {MAX_DIGITS} digits.)"
        )
    return pin


def _account(row: dict[str, Any]) -> Account:
    return Account(
        name=row["name"],
        role=Role(row["role"]),
        active=bool(row["active"]),
        created_at=row["created_at"],
        last_login=row["last_login"],
    )


# However many locks in a row, the pad opens again within this: a visitor pressing random
# digits must not keep staff out for long (`kiosk pin unlock` opens it at once).
MAX_LOCK = timedelta(minutes=15)


class Accounts:
    """The accounts in one RecordStore. Call from the store's thread; a check hashes (~40 ms each)."""

    def __init__(
        self,
        store: RecordStore,
        *,
        max_tries: int = 5,
        lock_minutes: int = 5,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        if max_tries < 1 or lock_minutes < 1:
            raise ValueError("max_tries and lock_minutes must be at least 1")
        self._store = store
        self._db = store.db
        self._max_tries = max_tries
        self._lock = min(timedelta(minutes=lock_minutes), MAX_LOCK)
        self._clock = clock

    def _rows(self, where: str | None = None, args: list[Any] | None = None) -> list[dict[str, Any]]:
        return [dict(row) for row in self._db.table("accounts").rows_where(where, args, order_by="name")]

    # ---- staff work ----------------------------------------------------------------

    def set_pin(self, name: str, role: Role, pin: str, *, actor: str) -> None:
        """Create the account or replace its PIN and role; a disabled account becomes active again."""
        name = check_name(name)
        role = Role(role)
        pin = check_pin(pin, role)
        # The pad finds an account by its PIN alone, so two active accounts cannot share one.
        others = self._rows("active = 1 AND name != ?", [name])
        if any(pin_matches(pin, other["pin_hash"]) for other in others):
            # Generic on purpose: saying "in use" would tell whoever sets it another person's PIN.
            raise PinRejected(
                "この暗証番号は 使えません。別の番号に してください。"
                "(This PIN cannot be used; choose another.)"
            )
        pin_hash = hash_pin(pin)
        now = stamp(self._clock())
        with self._store.writing("set pin"):
            replaced = self._db.execute("SELECT 1 FROM accounts WHERE name = ?", [name]).fetchone()
            self._db.execute(
                "INSERT INTO accounts (name, role, pin_hash, active, created_at, updated_at) "
                "VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                "role = excluded.role, pin_hash = excluded.pin_hash, active = 1, "
                "updated_at = excluded.updated_at",
                [name, role.value, pin_hash, now, now],
            )
            detail = f"name={name} role={role}{' replaced' if replaced else ''}"
            self._store.audit("pin_set", detail, actor=actor, at=self._clock())
        log.info("PIN set for %s (%s)", name, role)

    def disable(self, name: str, *, actor: str) -> bool:
        """Disable an account (its hash is wiped). False if there was no active account of that name."""
        with self._store.writing("disable"):
            changed = self._db.execute(
                "UPDATE accounts SET active = 0, pin_hash = '', updated_at = ? WHERE name = ? AND active = 1",
                [stamp(self._clock()), name],
            ).rowcount
            if changed:
                self._store.audit("pin_disabled", f"name={name}", actor=actor, at=self._clock())
        if changed:
            log.info("account %s disabled", name)
        return bool(changed)

    # ---- logging in ------------------------------------------------------------------

    def check(self, name: str, pin: str) -> CheckResult:
        """One named account's PIN (the staff command); the name has its own counter."""
        key = check_name(name)
        if (until := self.locked_until(key)) is not None:
            return CheckResult(Outcome.LOCKED, None, until, 0)
        pin = _normalise(pin)
        rows = self._rows("name = ? AND active = 1", [name])
        stored = rows[0]["pin_hash"] if rows else _DUMMY_HASH
        if _could_be_pin(pin) and pin_matches(pin, stored) and rows:
            return self._succeed(key, rows[0], pin)
        return self._fail(key, actor=name)

    def unlock(self, pin: str) -> CheckResult:
        """The kiosk's pad: the PIN alone, tried against every active account.

        While the pad is locked, a PIN long enough for staff is still tried against the staff
        accounts, on its own count and lock, so staff can always reach the exit.
        """
        pin = _normalise(pin)
        if (until := self.locked_until(PAD)) is not None:
            if not (_could_be_pin(pin) and len(pin) >= MIN_DIGITS[Role.STAFF]):
                return CheckResult(Outcome.LOCKED, None, until, 0)
            if (staff_until := self.locked_until(PAD_STAFF)) is not None:
                return CheckResult(Outcome.LOCKED, None, max(until, staff_until), 0)
            for row in self._rows("active = 1 AND role = ?", [Role.STAFF.value]):
                if pin_matches(pin, row["pin_hash"]):
                    self._clear(PAD)
                    return self._succeed(PAD_STAFF, row, pin)
            failed = self._fail(PAD_STAFF, actor=PAD)
            # The pad stays locked whatever the staff count says.
            return CheckResult(Outcome.LOCKED, None, max(until, failed.locked_until or until), 0)
        if _could_be_pin(pin):
            for row in self._rows("active = 1"):
                if pin_matches(pin, row["pin_hash"]):
                    return self._succeed(PAD, row, pin)
        return self._fail(PAD, actor=PAD)

    def clear_lock(self, *, actor: str) -> list[str]:
        """Staff (`kiosk pin unlock`): open the pad and every named lock now; audited. What was locked."""
        now = self._clock()
        with self._store.writing("unlock"):
            rows = self._db.execute("SELECT key, locked_until FROM lockouts ORDER BY key").fetchall()
            locked = [key for key, until in rows if until and datetime.fromisoformat(until) > now]
            self._db.execute("DELETE FROM lockouts")
            self._store.audit("pin_unlock", f"keys={','.join(locked) or '-'}", actor=actor, at=now)
        log.info("locks cleared by %s: %s", actor, ", ".join(locked) or "none")
        return locked

    def _clear(self, key: str) -> None:
        with self._store.writing("clear lock"):
            self._db.execute("DELETE FROM lockouts WHERE key = ?", [key])

    def locked_until(self, key: str = PAD) -> datetime | None:
        """When the pad (or a named account's CLI check) unlocks; None when it is not locked."""
        row = self._db.execute("SELECT locked_until FROM lockouts WHERE key = ?", [key]).fetchone()
        if row is None or not row[0]:
            return None
        until = datetime.fromisoformat(row[0])
        return until if until > self._clock() else None

    def _succeed(self, key: str, row: dict[str, Any], pin: str) -> CheckResult:
        now = self._clock()
        with self._store.writing("login"):
            self._db.execute("DELETE FROM lockouts WHERE key = ?", [key])
            self._db.execute("UPDATE accounts SET last_login = ? WHERE name = ?", [stamp(now), row["name"]])
            if _needs_rehash(row["pin_hash"]):
                self._db.execute(
                    "UPDATE accounts SET pin_hash = ? WHERE name = ?", [hash_pin(pin), row["name"]]
                )
            self._store.audit("login", f"role={row['role']} via={key}", actor=row["name"], at=now)
        account = _account({**row, "last_login": stamp(now)})
        log.info("%s logged in (%s)", account.name, account.role)
        return CheckResult(Outcome.OK, account, None, self._max_tries)

    def _fail(self, key: str, *, actor: str) -> CheckResult:
        now = self._clock()
        with self._store.writing("wrong pin"):
            # The upsert takes the write lock first, so two processes cannot both read a stale count.
            self._db.execute(
                "INSERT INTO lockouts (key, failures, locked_until) VALUES (?, 1, NULL) "
                "ON CONFLICT (key) DO UPDATE SET failures = failures + 1, locked_until = NULL",
                [key],
            )
            failures = self._db.execute("SELECT failures FROM lockouts WHERE key = ?", [key]).fetchone()[0]
            self._store.audit("login_failed", f"key={key} failures={failures}", actor=actor, at=now)
            if failures < self._max_tries:
                return CheckResult(Outcome.WRONG, None, None, self._max_tries - failures)
            # Each lock in a row lasts twice as long (5, 10, 15 minutes at most, see MAX_LOCK).
            # A right PIN or `kiosk pin unlock` clears it.
            locks = self._db.execute("SELECT locks FROM lockouts WHERE key = ?", [key]).fetchone()[0]
            until = now + min(self._lock * 2 ** min(locks, 8), MAX_LOCK)  # (no overflow after many locks)
            # The lock replaces the count: once it ends, the full number of tries is back.
            self._db.execute(
                "UPDATE lockouts SET failures = 0, locks = locks + 1, locked_until = ? WHERE key = ?",
                [stamp(until), key],
            )
            self._store.audit("lockout", f"key={key} until={stamp(until)}", actor=actor, at=now)
        log.warning("%d wrong PINs in a row on %s: locked until %s", failures, key, stamp(until))
        return CheckResult(Outcome.LOCKED, None, until, 0)

    # ---- reads -------------------------------------------------------------------------

    def any_staff(self) -> bool:
        found = self._db.execute(
            "SELECT 1 FROM accounts WHERE active = 1 AND role = ? LIMIT 1", [Role.STAFF.value]
        ).fetchone()
        return found is not None

    # Last, so that `list` in the annotations above still means the built-in.
    def list(self) -> list[Account]:
        return [_account(row) for row in self._rows()]
