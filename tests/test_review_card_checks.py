"""Card checks as staff see them: 「カードの 確認（月ごと）」 on the review's 集計 page, the timeline, the monthly report."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kiosk.records.store import RecordStore
from kiosk.ui.screens.review_cards import HEADERS, NONE_YET
from kiosk.ui.screens.review_tables import ROW_PX
from tests.test_review import filled  # noqa: F401  (the fixture)
from tests.test_review_screen import _choose, _screen

# consultation, seq after its other events, time, detail — as the kiosk writes them
CHECKS = [
    ("a", 9, "2026-10-05T09:20:00.000+09:00", "within_3_months auth=low sign=ok kenhojo=ok"),
    ("c", 7, "2026-11-02T10:05:00.000+09:00", "expired auth=ok sign=locked kenhojo=ok"),
    ("c", 8, "2026-11-02T10:06:00.000+09:00", "over_1_year auth=ok sign=ok kenhojo=ok"),
    ("d", 4, "2026-11-03T16:50:00.000+09:00", "within_3_months auth=locked sign=low kenhojo=locked"),
]

CARD_EVENT = {"kind": "card_checked", "lesson_id": None, "step": None, "procedure_id": None}


@pytest.fixture(autouse=True)
def _bundled_font(fonts: str) -> str:
    return fonts


@pytest.fixture
def checked(filled: RecordStore) -> RecordStore:  # noqa: F811
    for cid, seq, at, detail in CHECKS:
        filled.write_event({**CARD_EVENT, "consultation_id": cid, "seq": seq, "at": at, "detail": detail})
    filled.db.conn.commit()
    return filled


def _rows(screen) -> list[list[str]]:  # type: ignore[no-untyped-def]
    table = screen.card_checks.table
    assert table is not None
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_statistics_show_card_checks_per_month_by_band_and_pin(qtbot, checked: RecordStore) -> None:
    screen = _screen(qtbot, checked)
    screen.view_buttons["stats"].click()
    section = screen.card_checks
    assert section is not None and section.title.text() == "カードの 確認（月ごと）"
    table = section.table
    assert table is not None
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert (
        headers
        == list(HEADERS)
        == [
            "月",
            "調べた 件数",
            "1年より先",
            "1年以内",
            "3か月以内",
            "切れている",
            "暗証番号 あと1回",
            "暗証番号 ロック",
        ]
    )
    assert _rows(screen) == [
        ["2026年10月", "1", "0", "0", "1", "0", "1", "0"],
        ["2026年11月", "3", "1", "0", "1", "1", "1", "2"],
    ]
    assert section.pins is not None
    assert section.pins.text() == (
        "暗証番号ごとの 合計 — あと1回: 利用者証明用 1・署名用 1・券面事項入力補助用 0"
        "／ロック: 利用者証明用 1・署名用 1・券面事項入力補助用 1"
    )
    # Below the charts, every month at once: the page scrolls to it, the table does not scroll.
    qtbot.waitUntil(section.isVisible)  # shown as the layout takes it in
    area = screen.view_pages["stats"]
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    area.ensureWidgetVisible(section)
    qtbot.waitUntil(lambda: not section.visibleRegion().isEmpty())
    assert table.height() >= ROW_PX * table.rowCount() + table.horizontalHeader().height()
    assert not table.verticalScrollBar().isVisible()


def test_card_checks_follow_the_period_and_the_filters(qtbot, checked: RecordStore) -> None:
    screen = _screen(qtbot, checked)
    screen.view_buttons["stats"].click()
    screen.period_buttons["month"].click()  # November 2026
    assert [row[:2] for row in _rows(screen)] == [["2026年11月", "3"]]
    screen.period_buttons["all"].click()
    _choose(screen, "kiosk", "hall")  # a: the October check
    assert [row[:2] for row in _rows(screen)] == [["2026年10月", "1"]]
    screen.period_buttons["last"].click()
    _choose(screen, "kiosk", "centre")  # October, at the centre: no checks
    assert screen.card_checks is not None and screen.card_checks.table is None
    assert screen.card_checks.note.text() == NONE_YET


def test_a_checked_card_reads_as_a_sentence_in_the_timeline(qtbot, checked: RecordStore) -> None:
    screen = _screen(qtbot, checked)
    row = next(r for r, found in enumerate(screen.model.rows) if found["id"] == "d")
    screen.list_view.clicked.emit(screen.model.index(row, 0))
    assert (
        "16:50",
        "カードを 調べた: 電子証明書は 3か月以内に 切れる／利用者証明用の暗証番号 ロック"
        "／署名用の暗証番号 あと1回／券面事項入力補助用の暗証番号 ロック",
    ) in screen.detail.lines()


def test_the_monthly_report_and_the_stats_command_give_the_months_card_checks(
    checked: RecordStore, tmp_path: Path
) -> None:
    from tests.helpers.cli import kiosk

    out = tmp_path / "2026-11.pdf"
    done = kiosk("report", "monthly", "2026-11", "--pdf", str(out), data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    packed = "".join(text.split())  # the PDF's lines wrap anywhere in Japanese text

    def shown(words: str) -> bool:
        return "".join(words.split()) in packed

    assert shown("カードの 確認（マイナンバーカードを かざして 調べた 件数）")
    assert shown(
        "2026年11月: 3 件 — 1年より先 1・1年以内 0・3か月以内 1・切れている 1"
        "／暗証番号が あと1回 1 件（署名用 1）・ロック 2 件（利用者証明用 1・署名用 1・券面事項入力補助用 1）"
    )
    assert shown("電子証明書が 切れるまで（更新の 見込み）")  # the bands' chart
    stats = kiosk("review", "stats", data_dir=tmp_path)
    assert (
        "card checks 2026-10: 1 (over_1_year 0, within_1_year 0, within_3_months 1, expired 0;"
        in stats.stdout
    )
    assert (
        "card checks 2026-11: 3 (over_1_year 1, within_1_year 0, within_3_months 1, expired 1; "
        in stats.stdout
    )
    assert "PIN low 1, locked 2)" in stats.stdout
