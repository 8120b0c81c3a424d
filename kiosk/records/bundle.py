"""Carry consultations between kiosks: one kiosk writes a bundle file, a central store merges many.

A bundle is a small SQLite file of its own (consultations, events, bundle_info), so it can
be opened and checked with any SQLite tool. It never holds accounts, lockouts or PIN
hashes. Merging is idempotent: a consultation is known by its uuid and an event by
(consultation_id, seq), so merging the same bundle again adds nothing.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kiosk.records import bundle_seal
from kiosk.records.bundle_rows import bad_consultation, bad_event
from kiosk.records.privacy import personal_data, personal_data_in
from kiosk.records.store import RecordStore, local_now, stamp

log = logging.getLogger("kiosk.records")

FORMAT = "naruto-kiosk-bundle"
# 2: bundle_info carries a checksum of the rows (and, with a city key, its signature).
FORMAT_VERSION = 2

CONSULTATION_COLUMNS = (
    "id",
    "kiosk_id",
    "started_at",
    "ended_at",
    "end_reason",
    "mode",
    "supporter_id",
    "language",
    "age_band",
    "device",
    "outcome",
    "follow_up",
    "note",
)
# Written when the source has them, read when the bundle has them (older bundles do not).
OPTIONAL_CONSULTATION_COLUMNS = ("kiosk_mode",)
# The store's own event `id` is a local row number; it means nothing on another kiosk.
EVENT_COLUMNS = ("consultation_id", "seq", "at", "kind", "lesson_id", "step", "procedure_id", "detail")

_BUNDLE_SCHEMA = (
    """CREATE TABLE bundle.bundle_info (
        format TEXT NOT NULL, format_version INTEGER NOT NULL, kiosk_id TEXT NOT NULL,
        created_at TEXT NOT NULL, since TEXT, consultations INTEGER NOT NULL, events INTEGER NOT NULL,
        content_sha256 TEXT NOT NULL, signature TEXT)""",
    """CREATE TABLE bundle.consultations (
        id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT,
        end_reason TEXT, mode TEXT NOT NULL, supporter_id TEXT, language TEXT NOT NULL, age_band TEXT,
        device TEXT, outcome TEXT, follow_up INTEGER, note TEXT,
        kiosk_mode TEXT NOT NULL DEFAULT 'normal')""",
    """CREATE TABLE bundle.events (
        consultation_id TEXT NOT NULL REFERENCES consultations(id), seq INTEGER, at TEXT NOT NULL,
        kind TEXT NOT NULL, lesson_id TEXT, step INTEGER, procedure_id TEXT, detail TEXT)""",
    "CREATE UNIQUE INDEX bundle.idx_bundle_events ON events (consultation_id, seq)",
)


class BundleError(Exception):
    """The bundle cannot be written or read (not a bundle, damaged, newer format, disk full)."""


@dataclass
class MergeReport:
    added_consultations: int = 0
    added_events: int = 0
    already_present: int = 0
    conflicts: list[str] = field(default_factory=list)
    kiosks: list[str] = field(default_factory=list)  # kiosk ids the bundles came from

    def add(self, other: MergeReport) -> None:
        self.added_consultations += other.added_consultations
        self.added_events += other.added_events
        self.already_present += other.already_present
        self.conflicts.extend(other.conflicts)
        self.kiosks.extend(k for k in other.kiosks if k not in self.kiosks)


def _cols(names: tuple[str, ...], prefix: str = "") -> str:
    return ", ".join(f"{prefix}{name}" for name in names)


def _same(names: tuple[str, ...], left: str, right: str) -> str:
    return " AND ".join(f"{left}.{name} IS {right}.{name}" for name in names)


def bundle_target(out: Path, kiosk_id: str) -> Path:
    """Where write_bundle puts a bundle: `out` itself (never an existing file), or a dated file in it."""
    if out.is_dir():
        name = f"bundle-{kiosk_id}-{local_now():%Y%m%d-%H%M%S}"
        target = out / f"{name}.sqlite3"
        number = 1
        while target.exists():
            number += 1
            target = out / f"{name}-{number}.sqlite3"
        return target
    if out.exists():
        raise BundleError(f"{out} already exists; choose another name")
    return out


def write_bundle(store: RecordStore, out: Path, *, since: date | None = None, key: str = "") -> int:
    """Write this kiosk's consultations (started on/after `since`, or all) and their events.

    `out` is a new file, or a folder to put a dated file in. Returns the number of
    consultations written. The file appears only when complete, sealed with a checksum of
    its rows and, with the city's `key`, signed.
    """
    target = bundle_target(out, store.kiosk_id)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    where = "kiosk_id = ?" + (" AND started_at >= ?" if since else "")
    args: list[str] = [store.kiosk_id] + ([since.isoformat()] if since else [])
    conn = store.db.conn
    try:
        conn.execute("ATTACH DATABASE ? AS bundle", [str(partial)])
    except (sqlite3.Error, OSError) as exc:
        raise BundleError(f"cannot write {target}: {exc}") from exc
    try:
        with store.db.atomic():
            for statement in _BUNDLE_SCHEMA:
                conn.execute(statement)
            written = CONSULTATION_COLUMNS + OPTIONAL_CONSULTATION_COLUMNS
            count = conn.execute(
                f"INSERT INTO bundle.consultations ({_cols(written)}) "
                f"SELECT {_cols(written)} FROM main.consultations WHERE {where} "
                "ORDER BY started_at",
                args,
            ).rowcount
            events = conn.execute(
                f"INSERT INTO bundle.events ({_cols(EVENT_COLUMNS)}) "
                f"SELECT {_cols(EVENT_COLUMNS, 'e.')} FROM main.events e "
                "JOIN bundle.consultations c ON c.id = e.consultation_id ORDER BY e.id"
            ).rowcount
            content = bundle_seal.checksum(conn, "bundle", SEALED_CONSULTATIONS, SEALED_EVENTS)
            conn.execute(
                "INSERT INTO bundle.bundle_info VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    FORMAT,
                    FORMAT_VERSION,
                    store.kiosk_id,
                    stamp(local_now()),
                    since.isoformat() if since else None,
                    count,
                    events,
                    content,
                    bundle_seal.signature(key, content) if key else None,
                ],
            )
    except (sqlite3.Error, OSError) as exc:
        _detach(conn)
        partial.unlink(missing_ok=True)
        raise BundleError(f"cannot write {target}: {exc}") from exc
    _detach(conn)
    try:
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BundleError(f"cannot write {target}: {exc}") from exc
    log.info("bundle of %d consultations, %d events written", count, events)
    return count


def _detach(conn: sqlite3.Connection) -> None:
    try:
        conn.execute("DETACH DATABASE bundle")
    except sqlite3.Error:
        log.warning("could not detach a bundle", exc_info=True)


# The columns a bundle's checksum covers, in order.
SEALED_CONSULTATIONS = _cols(CONSULTATION_COLUMNS + OPTIONAL_CONSULTATION_COLUMNS)
SEALED_EVENTS = _cols(EVENT_COLUMNS)


def _check(path: Path, key: str = "") -> str:
    """The bundle's kiosk id, after making sure the file is a whole bundle this code can read,
    untouched since it was written (its checksum and row counts) and, with the city's `key`,
    signed with it; then that every row is one a kiosk could have written."""
    if not path.is_file():
        raise BundleError(f"{path}: no such file")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, OSError) as exc:
        raise BundleError(f"{path}: cannot open: {exc}") from exc
    try:
        quick = conn.execute("PRAGMA quick_check").fetchone()[0]
        if quick != "ok":
            raise BundleError(f"{path}: damaged ({quick})")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "bundle_info" not in tables:
            raise BundleError(f"{path}: not a kiosk bundle")
        info = conn.execute("SELECT format, format_version, kiosk_id FROM bundle_info").fetchall()
        if len(info) != 1 or info[0][0] != FORMAT:
            raise BundleError(f"{path}: not a kiosk bundle")
        if info[0][1] != FORMAT_VERSION:
            older = " (an older kiosk, without a checksum: update it and write the bundle again)"
            raise BundleError(
                f"{path}: bundle format {info[0][1]}; this kiosk reads {FORMAT_VERSION}"
                + (older if isinstance(info[0][1], int) and info[0][1] < FORMAT_VERSION else "")
            )
        for table, wanted in (
            ("consultations", CONSULTATION_COLUMNS + OPTIONAL_CONSULTATION_COLUMNS),
            ("events", EVENT_COLUMNS),
        ):
            have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            if not set(wanted) <= have:
                raise BundleError(f"{path}: not a kiosk bundle ({table} table missing or incomplete)")
        _check_seal(conn, path, key)
        _check_rows(conn, path)
        return str(info[0][2])
    except sqlite3.Error as exc:
        raise BundleError(f"{path}: not a readable bundle: {exc}") from exc
    finally:
        conn.close()


def _check_seal(conn: sqlite3.Connection, path: Path, key: str) -> None:
    consultations, events, content, signature = conn.execute(
        "SELECT consultations, events, content_sha256, signature FROM bundle_info"
    ).fetchone()
    tables = ("consultations", "events")
    counted = [conn.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0] for name in tables]
    if counted != [consultations, events]:
        raise BundleError(
            f"{path}: changed since it was written ({counted[0]} consultations and {counted[1]} events; "
            f"it was written with {consultations} and {events}); nothing merged"
        )
    if bundle_seal.checksum(conn, "main", SEALED_CONSULTATIONS, SEALED_EVENTS) != content:
        raise BundleError(f"{path}: changed since it was written (its checksum differs); nothing merged")
    if key and not bundle_seal.signed_by(key, content, signature):
        why = "not signed" if signature is None else "signed with another key"
        raise BundleError(f"{path}: {why} (bundle_key in settings): refused; nothing merged")


def _check_rows(conn: sqlite3.Connection, path: Path) -> None:
    consultations = CONSULTATION_COLUMNS + OPTIONAL_CONSULTATION_COLUMNS
    for table, columns, name, check in (
        ("consultations", consultations, "consultation", bad_consultation),
        ("events", EVENT_COLUMNS, "event", bad_event),
    ):
        cursor = conn.execute(f"SELECT rowid, {_cols(columns)} FROM {table} ORDER BY rowid")
        for rowid, *values in cursor:
            why = check(dict(zip(columns, values, strict=True)))
            if why is not None:
                raise BundleError(f"{path}: {name} row {rowid}: {why}; nothing merged")


# ---- privacy: the free-text fields of merged rows pass the same filter as the kiosk's own ----


def _refuse_personal_data(path: Path) -> None:
    """Refuse the bundle if any note, supporter name or event detail looks like personal data."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT 'consultation ' || id, 'note', note, 1 FROM consultations "
            "UNION ALL SELECT 'consultation ' || id, 'supporter', supporter_id, 0 FROM consultations "
            "UNION ALL SELECT 'event ' || consultation_id || ' #' || IFNULL(seq, '?'), 'detail', detail, 0 "
            "FROM events"
        )
        for row, field_name, value, is_note in rows:
            if value is None:
                continue
            found = (personal_data_in if is_note else personal_data)(str(value))
            if found:
                raise BundleError(f"{path}: {row}: {field_name} refused: {found}")
    except sqlite3.Error as exc:
        raise BundleError(f"{path}: not a readable bundle: {exc}") from exc
    finally:
        conn.close()


def merge_bundles(store: RecordStore, bundles: list[Path], *, key: str = "") -> MergeReport:
    """Merge bundles into the store, one transaction each; known records are left as they are.

    Every bundle is checked before any is merged (whole, unchanged, signed with the city's
    `key` when one is set, every row one a kiosk could write, no personal data), so a bad
    file leaves the store untouched. A consultation already present with different content
    is reported, not overwritten.
    """
    kiosks = [_check(path, key) for path in bundles]
    for path in bundles:
        _refuse_personal_data(path)
    report = MergeReport()
    for path, kiosk in zip(bundles, kiosks, strict=True):
        one = _merge_one(store, path)
        one.kiosks.append(kiosk)
        report.add(one)
    return report


def _merge_one(store: RecordStore, path: Path) -> MergeReport:
    conn = store.db.conn
    report = MergeReport()
    try:
        # Read-only: merging never changes the bundle.
        conn.execute("ATTACH DATABASE ? AS bundle", [f"{path.resolve().as_uri()}?mode=ro"])
    except sqlite3.Error as exc:
        raise BundleError(f"{path}: cannot open: {exc}") from exc
    try:
        with store.db.atomic():
            conn.execute("CREATE TEMP TABLE merge_new (id TEXT PRIMARY KEY)")
            conn.execute("CREATE TEMP TABLE merge_conflict (id TEXT PRIMARY KEY)")
            conn.execute(
                "INSERT INTO temp.merge_new SELECT b.id FROM bundle.consultations b "
                "WHERE NOT EXISTS (SELECT 1 FROM main.consultations m WHERE m.id = b.id)"
            )
            conn.execute(
                "INSERT INTO temp.merge_conflict SELECT b.id FROM bundle.consultations b "
                "JOIN main.consultations m ON m.id = b.id "
                f"WHERE NOT ({_same(CONSULTATION_COLUMNS, 'm', 'b')})"
            )
            report.conflicts = [
                f"consultation {row[0]}: differs from the one already here"
                for row in conn.execute("SELECT id FROM temp.merge_conflict ORDER BY id")
            ]
            report.already_present = conn.execute(
                "SELECT COUNT(*) FROM bundle.consultations b JOIN main.consultations m ON m.id = b.id"
            ).fetchone()[0] - len(report.conflicts)
            report.conflicts += [
                f"event {row[0]} #{row[1]}: differs from the one already here"
                for row in conn.execute(
                    "SELECT b.consultation_id, b.seq FROM bundle.events b JOIN main.events m "
                    "ON m.consultation_id = b.consultation_id AND m.seq = b.seq "
                    f"WHERE b.consultation_id NOT IN (SELECT id FROM temp.merge_conflict) "
                    f"AND NOT ({_same(EVENT_COLUMNS, 'm', 'b')}) ORDER BY b.consultation_id, b.seq"
                )
            ]
            have = {row[1] for row in conn.execute("PRAGMA bundle.table_info(consultations)")}
            read = CONSULTATION_COLUMNS + tuple(c for c in OPTIONAL_CONSULTATION_COLUMNS if c in have)
            report.added_consultations = conn.execute(
                f"INSERT INTO main.consultations ({_cols(read)}) "
                f"SELECT {_cols(read)} FROM bundle.consultations "
                "WHERE id IN (SELECT id FROM temp.merge_new) ORDER BY started_at"
            ).rowcount
            # Events without a seq (written before seq existed) cannot be matched, so they
            # come only with a consultation that is new here.
            report.added_events = conn.execute(
                f"INSERT OR IGNORE INTO main.events ({_cols(EVENT_COLUMNS)}) "
                f"SELECT {_cols(EVENT_COLUMNS)} FROM bundle.events "
                "WHERE consultation_id NOT IN (SELECT id FROM temp.merge_conflict) "
                "AND (seq IS NOT NULL OR consultation_id IN (SELECT id FROM temp.merge_new)) "
                "ORDER BY rowid"
            ).rowcount
            conn.execute("DROP TABLE temp.merge_new")
            conn.execute("DROP TABLE temp.merge_conflict")
    except sqlite3.Error as exc:
        raise BundleError(f"{path}: cannot merge: {exc}") from exc
    finally:
        _detach(conn)
    log.info(
        "merged a bundle: %d consultations and %d events added, %d already here, %d conflicts",
        report.added_consultations,
        report.added_events,
        report.already_present,
        len(report.conflicts),
    )
    return report
