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

from kiosk import cli_bundle
from kiosk.app import DATABASE_FILE
from kiosk.paths import LESSONS_DIR
from kiosk.records.accounts import Accounts, Role
from kiosk.records.bundle import BundleError, merge_bundles, write_bundle
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
    assert info == (1, "kiosk-1", 10)
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
