"""Records travel between kiosks: bundles, merges into a central store, and synthetic demo data."""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.cli import bundle as cli_bundle
from kiosk.datadir import DATABASE_FILE
from kiosk.paths import LESSONS_DIR
from kiosk.records import bundle_seal
from kiosk.records.accounts import Accounts, Role
from kiosk.records.bundle import SEALED_CONSULTATIONS, SEALED_EVENTS, BundleError, merge_bundles, write_bundle
from kiosk.records.demo import AGE_BANDS, DEVICES, MODES, NOTES, OUTCOMES, make_demo_data
from kiosk.records.events import EventKind
from kiosk.records.store import RecordStore

LESSON_IDS = sorted(path.stem for path in LESSONS_DIR.glob("*.yaml"))
START = date(2025, 4, 1)


def _kiosk(tmp_path: Path, kiosk_id: str, seed: int, consultations: int = 60) -> RecordStore:
    store = RecordStore(tmp_path / kiosk_id / "records.sqlite3", kiosk_id=kiosk_id)
    make_demo_data(store, consultations=consultations, seed=seed, lesson_ids=LESSON_IDS, start=START)
    return store


def _ids(store: RecordStore) -> set[str]:
    return {row[0] for row in store.db.execute("SELECT id FROM consultations")}


def _event_keys(store: RecordStore) -> set[tuple[str, int]]:
    return {(row[0], row[1]) for row in store.db.execute("SELECT consultation_id, seq FROM events")}


def _snapshot(store: RecordStore) -> tuple[list[tuple[object, ...]], ...]:
    return tuple(
        store.db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
        for table in ("consultations", "events", "audit")
    )


def test_three_kiosks_merged_twice_give_exactly_the_union(tmp_path: Path) -> None:
    kiosks = [_kiosk(tmp_path, f"kiosk-{n}", seed=n) for n in (1, 2, 3)]
    bundles = [tmp_path / f"{store.kiosk_id}.bundle" for store in kiosks]
    for store, bundle in zip(kiosks, bundles, strict=True):
        assert write_bundle(store, bundle) == 60
    central = RecordStore(tmp_path / "central" / "records.sqlite3", kiosk_id="central")

    first = merge_bundles(central, bundles)
    events = sum(store.check().events for store in kiosks)
    assert (first.added_consultations, first.added_events, first.already_present) == (180, events, 0)
    assert first.conflicts == []
    assert first.kiosks == ["kiosk-1", "kiosk-2", "kiosk-3"]
    assert _ids(central) == set().union(*(_ids(store) for store in kiosks))
    assert _event_keys(central) == set().union(*(_event_keys(store) for store in kiosks))
    kiosk_ids = Counter(row[0] for row in central.db.execute("SELECT kiosk_id FROM consultations"))
    assert kiosk_ids == {"kiosk-1": 60, "kiosk-2": 60, "kiosk-3": 60}

    second = merge_bundles(central, bundles)
    assert (second.added_consultations, second.added_events, second.already_present) == (0, 0, 180)
    assert second.conflicts == []
    assert (central.check().consultations, central.check().events) == (180, events)
    for store in (*kiosks, central):
        store.close()


def test_a_bundle_holds_only_this_kiosks_consultations_since_a_day(tmp_path: Path) -> None:
    store = _kiosk(tmp_path, "kiosk-1", seed=1, consultations=200)
    other = _kiosk(tmp_path, "kiosk-2", seed=2, consultations=10)
    write_bundle(other, tmp_path / "other.bundle")
    merge_bundles(store, [tmp_path / "other.bundle"])
    since = date(2025, 4, 4)
    expected = store.db.execute(
        "SELECT COUNT(*) FROM consultations WHERE kiosk_id = 'kiosk-1' AND started_at >= '2025-04-04'"
    ).fetchone()[0]
    assert 0 < expected < 200
    assert write_bundle(store, tmp_path / "since.bundle", since=since) == expected
    with sqlite3.connect(tmp_path / "since.bundle") as bundle:
        kiosks = {row[0] for row in bundle.execute("SELECT kiosk_id FROM consultations")}
        first = bundle.execute("SELECT MIN(started_at) FROM consultations").fetchone()[0]
    assert kiosks == {"kiosk-1"}
    assert first >= "2025-04-04"
    with pytest.raises(BundleError, match="already exists"):
        write_bundle(store, tmp_path / "since.bundle")
    store.close()
    other.close()


def test_a_conflicting_consultation_is_reported_and_not_overwritten(tmp_path: Path) -> None:
    kiosk = _kiosk(tmp_path, "kiosk-1", seed=1, consultations=20)
    bundle = tmp_path / "kiosk-1.bundle"
    write_bundle(kiosk, bundle)
    central = RecordStore(tmp_path / "central.sqlite3", kiosk_id="central")
    merge_bundles(central, [bundle])
    changed = sorted(_ids(central))[0]
    central.db.execute(
        "UPDATE consultations SET outcome = 'local', kiosk_id = 'kiosk-9' WHERE id = ?", [changed]
    )
    central.db.execute("DELETE FROM events WHERE consultation_id = ?", [changed])
    central.db.conn.commit()

    report = merge_bundles(central, [bundle])

    assert len(report.conflicts) == 1
    assert changed in report.conflicts[0]
    assert (report.added_consultations, report.added_events, report.already_present) == (0, 0, 19)
    row = central.db.execute("SELECT outcome, kiosk_id FROM consultations WHERE id = ?", [changed]).fetchone()
    assert row == ("local", "kiosk-9")
    assert central.events(changed) == []  # not even its events were taken from the bundle
    kiosk.close()
    central.close()


def test_a_corrupt_or_foreign_file_is_refused_and_the_store_is_unchanged(tmp_path: Path) -> None:
    kiosk = _kiosk(tmp_path, "kiosk-1", seed=1, consultations=20)
    good = tmp_path / "good.bundle"
    write_bundle(kiosk, good)
    corrupt = tmp_path / "corrupt.bundle"
    corrupt.write_bytes(random.Random(7).randbytes(16_384))
    central = RecordStore(tmp_path / "central.sqlite3", kiosk_id="central")
    before = _snapshot(central)

    with pytest.raises(BundleError, match=r"corrupt\.bundle"):
        merge_bundles(central, [good, corrupt])  # every file is checked before any is merged
    with pytest.raises(BundleError, match="not a kiosk bundle"):
        merge_bundles(central, [kiosk.path])  # a records database is not a bundle
    with pytest.raises(BundleError, match="no such file"):
        merge_bundles(central, [tmp_path / "missing.bundle"])

    assert _snapshot(central) == before
    assert not (tmp_path / "missing.bundle").exists()
    assert central.check().ok
    kiosk.close()
    central.close()


def test_a_bundle_never_holds_accounts_or_pin_hashes(tmp_path: Path) -> None:
    store = _kiosk(tmp_path, "kiosk-1", seed=1, consultations=10)
    Accounts(store).set_pin("yamada", Role.STAFF, "482913", actor="test")
    pin_hash = store.db.execute("SELECT pin_hash FROM accounts").fetchone()[0]
    bundle = tmp_path / "kiosk-1.bundle"

    write_bundle(store, bundle)

    with sqlite3.connect(bundle) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        info = db.execute("SELECT format_version, kiosk_id, consultations FROM bundle_info").fetchone()
    assert tables == {"bundle_info", "consultations", "events"}
    assert info == (2, "kiosk-1", 10)  # format 2: sealed with a checksum
    raw = bundle.read_bytes()
    assert pin_hash.encode() not in raw
    assert b"scrypt$" not in raw
    assert b"yamada" not in raw
    assert not list(tmp_path.glob("*.partial"))
    store.close()


def test_demo_data_is_the_same_for_a_seed(tmp_path: Path) -> None:
    def rows(folder: str, seed: int) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
        store = RecordStore(tmp_path / folder / "records.sqlite3", kiosk_id="kiosk-1")
        assert make_demo_data(store, consultations=150, seed=seed, lesson_ids=LESSON_IDS, start=START) == 150
        result = (
            store.db.execute("SELECT * FROM consultations ORDER BY started_at, id").fetchall(),
            store.db.execute("SELECT * FROM events ORDER BY id").fetchall(),
        )
        store.close()
        return result

    assert rows("a", seed=5) == rows("b", seed=5)
    assert rows("c", seed=6)[0] != rows("a2", seed=5)[0]


def test_demo_data_looks_like_a_city_hall_room(tmp_path: Path) -> None:
    store = _kiosk(tmp_path, "kiosk-1", seed=3, consultations=2000)
    consultations = store.consultations()
    events = store.events()
    assert len(consultations) == 2000

    by_consultation: dict[str, list[int]] = {}
    for event in events:
        by_consultation.setdefault(event["consultation_id"], []).append(event["seq"])
    assert set(by_consultation) == {row["id"] for row in consultations}
    assert all(sorted(seqs) == list(range(1, len(seqs) + 1)) for seqs in by_consultation.values())
    assert {event["kind"] for event in events} <= {kind.value for kind in EventKind}
    for kind in ("lesson_started", "step_shown", "dont_understand", "lesson_finished", "practice_result"):
        assert any(event["kind"] == kind for event in events), kind
    assert {event["lesson_id"] for event in events} - {None} <= set(LESSON_IDS)

    for row in consultations:
        assert row["mode"] in MODES
        assert row["age_band"] in (*AGE_BANDS, None)
        assert row["device"] in (*DEVICES, None)
        assert row["outcome"] in (*OUTCOMES, None)
        assert row["note"] in (*NOTES, None)
        assert row["kiosk_id"] == "kiosk-1"
        if row["mode"] == "self":
            assert row["age_band"] is None and row["outcome"] is None
        started = datetime.fromisoformat(row["started_at"])
        assert started.weekday() != 6  # closed on Sundays
        assert 9 <= started.hour < 17
        assert row["ended_at"] >= row["started_at"]

    modes = Counter(row["mode"] for row in consultations)
    assert modes["self"] > modes["supporter"] > modes["staff"] > 0
    ages = Counter(row["age_band"] for row in consultations if row["age_band"])
    assert ages["70s"] + ages["80+"] > ages["-59"] + ages["60s"]  # skewed old
    hours = Counter(datetime.fromisoformat(row["started_at"]).hour for row in consultations)
    assert hours[10] > hours[12] and hours[11] > hours[16]  # busy mornings, quiet lunch

    # People get stuck on particular steps (つまずき), not evenly everywhere.
    stuck = Counter((e["lesson_id"], e["step"]) for e in events if e["kind"] == "dont_understand")
    shown = Counter((e["lesson_id"], e["step"]) for e in events if e["kind"] == "step_shown")
    rates = sorted(stuck[key] / shown[key] for key in shown if shown[key] >= 20)
    assert rates[-1] > 4 * rates[len(rates) // 2]

    for event in events:
        if event["kind"] == "practice_result":
            detail = json.loads(event["detail"])
            assert set(detail) == {"exercise", "attempts", "successes", "seconds", "finished", "not_yet"}
            assert detail["attempts"] >= detail["successes"] >= 1
    store.close()


def test_the_commands_bundle_merge_and_make_demo_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kiosk_dir, central_dir = tmp_path / "kiosk", tmp_path / "central"
    kiosk_dir.mkdir()
    (kiosk_dir / "settings.toml").write_text('kiosk_id = "kiosk-7"\n', encoding="utf-8")
    demo = argparse.Namespace(command="demo-data", consultations=40, seed=2, start=START)
    assert cli_bundle.run(demo, kiosk_dir) == 0
    assert "added 40 demo consultation(s) for kiosk kiosk-7" in capsys.readouterr().out
    assert (kiosk_dir / DATABASE_FILE).exists()

    bundle = tmp_path / "kiosk-7.bundle"
    assert cli_bundle.run(argparse.Namespace(command="bundle", out=bundle, since=None), kiosk_dir) == 0
    assert capsys.readouterr().out == f"{bundle}: 40 consultation(s)\n"

    corrupt = tmp_path / "broken.bundle"
    corrupt.write_bytes(b"\x00garbage" * 500)
    merge = argparse.Namespace(command="merge", bundles=[bundle, corrupt])
    assert cli_bundle.run(merge, central_dir) == 1
    out, err = capsys.readouterr()
    assert "added 40 consultation(s)" in out and "0 conflict(s)" in out
    assert "broken.bundle" in err
    assert cli_bundle.run(argparse.Namespace(command="merge", bundles=[bundle]), central_dir) == 0
    assert "added 0 consultation(s) and 0 event(s); 40 already present" in capsys.readouterr().out

    central = RecordStore(central_dir / DATABASE_FILE, kiosk_id="central")
    audit = central.audit_log()
    assert [row["action"] for row in audit] == ["merge", "merge", "merge"]
    assert all(row["actor"].startswith("cli") for row in audit)
    assert "consultations=40" in audit[0]["detail"] and "from=kiosk-7" in audit[0]["detail"]
    assert "refused" in audit[1]["detail"]
    central.close()
    kiosk = RecordStore(kiosk_dir / DATABASE_FILE, kiosk_id="kiosk-7")
    assert [row["action"] for row in kiosk.audit_log()] == ["demo_data", "bundle"]
    kiosk.close()

    bad = argparse.Namespace(command="demo-data", consultations=-1, seed=1, start=None)
    assert cli_bundle.run(bad, kiosk_dir) == 2
    assert cli_bundle.run(argparse.Namespace(command="bundle", out=bundle, since=None), kiosk_dir) == 1
    assert "already exists" in capsys.readouterr().err


# ---- a bundle you can trust: sealed, counted, signed, and every row one a kiosk could write ----


def _written(tmp_path: Path, *, key: str = "") -> Path:
    store = _kiosk(tmp_path, "kiosk-7", seed=7, consultations=20)
    bundle = tmp_path / "kiosk-7.bundle"
    write_bundle(store, bundle, key=key)
    store.close()
    return bundle


def _edit(bundle: Path, *statements: str, seal: bool = False) -> None:
    """Change a bundle as a careless or hostile hand would; with `seal`, also its counts and checksum."""
    db = sqlite3.connect(bundle)
    for statement in statements:
        db.execute(statement)
    if seal:
        counts = [db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("consultations", "events")]
        content = bundle_seal.checksum(db, "main", SEALED_CONSULTATIONS, SEALED_EVENTS)
        db.execute(
            "UPDATE bundle_info SET consultations = ?, events = ?, content_sha256 = ?", [*counts, content]
        )
    db.commit()
    db.close()


def _refused(tmp_path: Path, bundle: Path, match: str, *, key: str = "") -> None:
    central = RecordStore(tmp_path / "central" / "records.sqlite3", kiosk_id="central")
    with pytest.raises(BundleError, match=match):
        merge_bundles(central, [bundle], key=key)
    assert central.check().consultations == 0 and central.check().events == 0, "nothing half-merged"
    central.close()


INJECTED = (
    "INSERT INTO consultations (id, kiosk_id, started_at, mode, language) "
    "VALUES ('injected', 'kiosk-7', '2025-04-02T10:00:00.000+09:00', 'self', 'ja')"
)


@pytest.mark.parametrize(
    ("statements", "match"),
    [
        (("UPDATE consultations SET outcome = 'solved' WHERE rowid = 3",), "checksum"),  # an edited row
        ((INJECTED,), "written with 20 and"),  # an injected consultation, counts as written
        ((INJECTED, "UPDATE bundle_info SET consultations = 21"), "checksum"),  # counts fixed by hand
        (("DELETE FROM events WHERE rowid = 1",), "changed since it was written"),
    ],
    ids=["edited", "injected", "injected-and-counted", "deleted"],
)
def test_a_changed_bundle_is_refused_whole(tmp_path: Path, statements: tuple[str, ...], match: str) -> None:
    """Before: edited rows, an injected consultation or wrong counts merged with exit 0."""
    bundle = _written(tmp_path)
    _edit(bundle, *statements)
    _refused(tmp_path, bundle, match)
    assert cli_bundle.run(argparse.Namespace(command="merge", bundles=[bundle]), tmp_path / "cli") != 0


def test_with_the_city_key_only_a_bundle_signed_with_it_merges(tmp_path: Path) -> None:
    unsigned = _written(tmp_path / "a")
    _refused(tmp_path / "a", unsigned, "not signed", key="naruto-city-secret-2026")
    other = _written(tmp_path / "b", key="another-city-secret")
    _refused(tmp_path / "b", other, "another key", key="naruto-city-secret-2026")
    # A hand that rewrote a signed bundle and sealed it again cannot sign it.
    forged = _written(tmp_path / "c", key="naruto-city-secret-2026")
    _edit(forged, "UPDATE consultations SET outcome = 'solved'", seal=True)
    _refused(tmp_path / "c", forged, "another key", key="naruto-city-secret-2026")
    signed = _written(tmp_path / "d", key="naruto-city-secret-2026")
    central = RecordStore(tmp_path / "d" / "central.sqlite3", kiosk_id="central")
    assert merge_bundles(central, [signed], key="naruto-city-secret-2026").added_consultations == 20
    central.close()


@pytest.mark.parametrize(
    ("statement", "match"),
    [
        (
            "UPDATE consultations SET started_at = '2025-04-31 banana' WHERE rowid = 2",
            "consultation row 2: started_at",
        ),
        ("UPDATE consultations SET mode = 'hacker' WHERE rowid = 1", "consultation row 1: mode"),
        ("UPDATE consultations SET follow_up = '=1+1' WHERE rowid = 1", "follow_up"),
        ("UPDATE consultations SET age_band = '12' WHERE rowid = 1", "age_band"),
        ("UPDATE consultations SET end_reason = 'ended; DROP TABLE x' WHERE rowid = 1", "end_reason"),
        ("UPDATE events SET kind = 'became_admin' WHERE rowid = 4", "event row 4: kind"),
        ("UPDATE events SET step = 'abc' WHERE rowid = 4", "event row 4: step"),
        ("UPDATE events SET at = 'yesterday' WHERE rowid = 5", "event row 5: at"),
        ("UPDATE events SET detail = printf('%.500c', 'x') WHERE rowid = 5", "longer than"),
    ],
)
def test_a_row_no_kiosk_could_write_refuses_the_bundle(tmp_path: Path, statement: str, match: str) -> None:
    """Before: merged rows were not validated; a timestamp that was no date went in and then
    crashed `export csv --events` and `review stats`. Sealed again, so only the row check can refuse it."""
    bundle = _written(tmp_path)
    _edit(bundle, statement, seal=True)
    _refused(tmp_path, bundle, match)


def test_a_bundle_of_the_older_format_is_refused_with_the_way_out(tmp_path: Path) -> None:
    bundle = _written(tmp_path)
    _edit(bundle, "UPDATE bundle_info SET format_version = 1")
    _refused(tmp_path, bundle, "older kiosk")


def test_the_kiosk_commands_sign_and_check_with_the_key_in_settings(tmp_path: Path) -> None:
    from tests.helpers.cli import kiosk

    secret = 'bundle_key = "naruto-city-secret-2026"\n'
    for folder in ("kiosk", "central"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "settings.toml").write_text(secret, encoding="utf-8")
    assert kiosk("demo-data", "--consultations", "5", data_dir=tmp_path / "kiosk").returncode == 0
    bundle = tmp_path / "out.bundle"
    assert kiosk("bundle", str(bundle), data_dir=tmp_path / "kiosk").returncode == 0
    merged = kiosk("merge", str(bundle), data_dir=tmp_path / "central")
    assert merged.returncode == 0 and "added 5 consultation(s)" in merged.stdout
    (tmp_path / "central" / "settings.toml").write_text(
        'bundle_key = "a-different-secret-2026"\n', encoding="utf-8"
    )
    (tmp_path / "central" / "records.sqlite3").unlink()
    refused = kiosk("merge", str(bundle), data_dir=tmp_path / "central")
    assert refused.returncode != 0 and "another key" in refused.stderr and "Traceback" not in refused.stderr
