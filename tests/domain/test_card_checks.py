"""「カードを かざして 調べる」 in the records: one event of categories only, counted per month for the counter."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.card.check import EXPIRY_BANDS, PIN_STATES, CardCheck, pin_tries
from kiosk.records import card_checks
from kiosk.records.bundle import merge_bundles
from kiosk.records.card_checks import CardDetail, card_detail, card_month_words, detail_of, parse_card_detail
from kiosk.records.event_words import sentence, timeline
from kiosk.records.events import EventKind
from kiosk.records.recorder import Recorder
from kiosk.records.review import Filter
from kiosk.records.store import RecordStore
from tests.domain.test_bundle import _edit, _refused, _written

JST = timezone(timedelta(hours=9))
EVERY_DETAIL = {
    card_detail(band, *pins) for band in EXPIRY_BANDS for pins in itertools.product(PIN_STATES, repeat=3)
}

CARD_EVENT = {"kind": "card_checked", "lesson_id": None, "step": None, "procedure_id": None}


def _check(band: str, auth: int, sign: int, kenhojo: int, expires_on: date = date(2031, 7, 15)) -> CardCheck:
    return CardCheck(expires_on, band, pin_tries(auth), pin_tries(sign), pin_tries(kenhojo))  # type: ignore[arg-type]


def _visit(store: RecordStore, when: datetime, *checks: CardCheck) -> None:
    """A person at the kiosk checks one card or more, as the screen records it."""
    recorder = Recorder(store, clock=lambda: when)
    for check in checks:
        recorder.record(EventKind.CARD_CHECKED, detail=detail_of(check))
    recorder.end("home")


def test_a_detail_reads_back_as_the_categories_it_was_made_of() -> None:
    assert (
        card_detail("within_3_months", "ok", "low", "locked")
        == "within_3_months auth=ok sign=low kenhojo=locked"
    )
    assert len(EVERY_DETAIL) == 4 * 3**3
    for band, auth, sign, kenhojo in itertools.product(EXPIRY_BANDS, *[PIN_STATES] * 3):
        assert parse_card_detail(card_detail(band, auth, sign, kenhojo)) == CardDetail(
            band, auth, sign, kenhojo
        )
    # A check's result keeps its categories and leaves the date and the tries left behind.
    assert detail_of(_check("expired", 3, 1, 0)) == "expired auth=ok sign=low kenhojo=locked"


@pytest.mark.parametrize(
    "junk",
    [
        None,
        42,
        "",
        "on",
        "within_3_months",
        "within_3_months auth=ok sign=ok",
        "within_3_months auth=ok sign=ok kenhojo=ok extra",
        "within_3_months auth=ok sign=ok kenhojo=ok\n",
        " within_3_months auth=ok sign=ok kenhojo=ok",
        "within_3_months  auth=ok sign=ok kenhojo=ok",
        "within_3_months sign=ok auth=ok kenhojo=ok",  # the PINs in another order
        "within_3_months auth=3 sign=ok kenhojo=ok",  # a count, not a category
        "within_3_months auth=ok sign=ok kenhojo=OK",
        "2031-07-15 auth=ok sign=ok kenhojo=ok",  # the date itself
        "within_6_months auth=ok sign=ok kenhojo=ok",
        '{"band": "expired"}',
    ],
)
def test_anything_else_is_no_card_check(junk: object) -> None:
    assert parse_card_detail(junk) is None


def test_only_categories_can_be_made_into_a_detail() -> None:
    for band, pins in [
        ("2031-07-15", ("ok",) * 3),
        ("expired", ("ok", "3", "ok")),
        ("expired", ("ok", "ok", "")),
    ]:
        with pytest.raises(ValueError, match="not a"):
            card_detail(band, *pins)


def test_checks_are_counted_per_month_by_band_and_pin(store: RecordStore) -> None:
    _visit(
        store,
        datetime(2026, 10, 5, 10, 0, tzinfo=JST),
        _check("over_1_year", 3, 5, 3),
        _check("within_3_months", 1, 5, 3),
    )
    _visit(store, datetime(2026, 10, 31, 16, 59, tzinfo=JST), _check("within_3_months", 3, 0, 1))
    _visit(store, datetime(2026, 11, 2, 9, 30, tzinfo=JST), _check("expired", 0, 0, 3))
    _visit(store, datetime(2026, 11, 3, 11, 0, tzinfo=JST), _check("within_1_year", 2, 2, 2))

    october, november = card_checks.card_checks(store, Filter())
    assert october.month == "2026-10" and october.checks == 3
    assert october.bands == {"over_1_year": 1, "within_1_year": 0, "within_3_months": 2, "expired": 0}
    assert october.low == {"auth": 1, "sign": 0, "kenhojo": 1}
    assert october.locked == {"auth": 0, "sign": 1, "kenhojo": 0}
    assert (october.cards_low, october.cards_locked) == (2, 1)  # the third card: one PIN low, one locked
    assert november.month == "2026-11" and november.checks == 2
    assert november.bands == {"over_1_year": 0, "within_1_year": 1, "within_3_months": 0, "expired": 1}
    assert november.locked == {"auth": 1, "sign": 1, "kenhojo": 0} and november.cards_locked == 1
    assert (
        card_month_words(november) == "2026年11月: 2 件 — 1年より先 0・1年以内 1・3か月以内 0・切れている 1"
        "／暗証番号が あと1回 0 件・ロック 1 件（利用者証明用 1・署名用 1）"
    )
    # The review's filters choose the consultations, as everywhere in the review.
    [only] = card_checks.card_checks(store, Filter(since=date(2026, 11, 1)))
    assert only.month == "2026-11" and only.checks == 2
    assert card_checks.card_checks(store, Filter(kiosk="elsewhere")) == []


def test_a_junk_detail_from_elsewhere_is_left_out_not_guessed(store: RecordStore) -> None:
    _visit(store, datetime(2026, 10, 5, 10, 0, tzinfo=JST), _check("expired", 3, 3, 3))
    [cid] = [row["id"] for row in store.consultations()]
    for seq, detail in ((10, "expired auth=ok sign=ok kenhojo=9"), (11, None)):
        at = "2026-10-05T10:00:01.000+09:00"
        store.write_event({**CARD_EVENT, "consultation_id": cid, "seq": seq, "at": at, "detail": detail})
    store.db.conn.commit()
    [october] = card_checks.card_checks(store, Filter())
    assert october.checks == 1 and october.bands["expired"] == 1
    assert sentence({"kind": "card_checked", "detail": "expired auth=ok sign=ok kenhojo=9"}) == (
        "カードを 調べた（結果の 記録が 読めない）"
    )


def test_the_staff_timeline_says_it_in_plain_japanese(store: RecordStore) -> None:
    def words(detail: str) -> str:
        return sentence({"kind": "card_checked", "detail": detail})

    assert words("within_3_months auth=low sign=ok kenhojo=ok") == (
        "カードを 調べた: 電子証明書は 3か月以内に 切れる／利用者証明用の暗証番号 あと1回"
    )
    assert words("over_1_year auth=ok sign=ok kenhojo=ok") == (
        "カードを 調べた: 電子証明書は 1年より先まで 使える／暗証番号は どれも まだ ためせる"
    )
    assert words("expired auth=ok sign=locked kenhojo=low") == (
        "カードを 調べた: 電子証明書は 切れている／署名用の暗証番号 ロック／券面事項入力補助用の暗証番号 あと1回"
    )
    _visit(store, datetime(2026, 10, 5, 10, 7, tzinfo=JST), _check("within_1_year", 3, 5, 3))
    [cid] = [row["id"] for row in store.consultations()]
    assert timeline(store.events(cid)) == [
        ("10:07", "カードを 調べた: 電子証明書は 1年以内に 切れる／暗証番号は どれも まだ ためせる")
    ]


def test_nothing_but_categories_is_stored(store: RecordStore, tmp_path: Path) -> None:
    """Never the expiry date, the certificate, a serial number or the tries left."""
    _visit(
        store,
        datetime(2026, 10, 5, 10, 0, tzinfo=JST),
        _check("over_1_year", 3, 5, 2, expires_on=date(2031, 7, 15)),
        _check("within_1_year", 2, 4, 3, expires_on=date(2027, 9, 30)),
    )
    details = [row["detail"] for row in store.events() if row["kind"] == "card_checked"]
    assert details == ["over_1_year auth=ok sign=ok kenhojo=ok", "within_1_year auth=ok sign=ok kenhojo=ok"]
    assert set(details) <= EVERY_DETAIL
    store.db.conn.commit()
    raw = (tmp_path / "records.sqlite3").read_bytes()
    wal = tmp_path / "records.sqlite3-wal"
    raw += wal.read_bytes() if wal.exists() else b""
    for leaked in (b"2031", b"2027", b"07-15", b"09-30", b"left", b"=5", b"=4"):
        assert leaked not in raw, leaked


@pytest.mark.parametrize(
    "detail",
    [
        "2031-07-15 auth=ok sign=ok kenhojo=ok",
        "within_1_year auth=ok sign=ok kenhojo=ok expires=2027-09-30",
        "within_1_year auth=3 sign=5 kenhojo=3",
        "within_1_year",
        "serial 0123456789",
    ],
)
def test_a_merged_card_check_holding_more_than_categories_refuses_the_bundle(
    tmp_path: Path, detail: str
) -> None:
    bundle = _written(tmp_path)
    _edit(bundle, f"UPDATE events SET kind = 'card_checked', detail = '{detail}' WHERE rowid = 4", seal=True)
    _refused(tmp_path, bundle, "event row 4: detail: not a card check's categories")


def test_a_merged_card_check_of_categories_is_counted(tmp_path: Path) -> None:
    bundle = _written(tmp_path)
    _edit(
        bundle,
        "UPDATE events SET kind = 'card_checked', detail = 'expired auth=ok sign=locked kenhojo=ok', "
        "at = '2025-06-02T10:00:00.000+09:00' WHERE rowid = 4",
        seal=True,
    )
    central = RecordStore(tmp_path / "central" / "records.sqlite3", kiosk_id="central")
    merge_bundles(central, [bundle])
    found = {month.month: month for month in card_checks.card_checks(central, Filter())}
    assert found["2025-06"].bands["expired"] >= 1 and found["2025-06"].locked["sign"] >= 1
    central.close()


def test_the_recorder_never_writes_a_card_check_with_more_than_categories(
    store: RecordStore, caplog: pytest.LogCaptureFixture
) -> None:
    """A screen that passed the date by mistake: nothing is written, and the log does not hold it either."""
    recorder = Recorder(store, clock=lambda: datetime(2026, 10, 5, 10, 0, tzinfo=JST))
    recorder.record(
        EventKind.CARD_CHECKED, detail="over_1_year auth=ok sign=ok kenhojo=ok expires=2031-07-15"
    )
    recorder.record(EventKind.CARD_CHECKED, detail=None)
    assert store.events() == [] and store.consultations() == []
    assert "card check not recorded" in caplog.text and "2031" not in caplog.text
    recorder.record(EventKind.CARD_CHECKED, detail=detail_of(_check("over_1_year", 3, 5, 3)))
    assert [row["kind"] for row in store.events()] == ["card_checked"]
