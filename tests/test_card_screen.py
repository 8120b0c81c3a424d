"""「カードを かざして 調べる」 on the kiosk: home → put the card down → a calm result, in
Japanese, easy Japanese and English, against the software My Number Card (in this process;
tests/test_card_pcsc_screen.py takes the same way through a real pcscd).

What a person would notice: the way in is there only with a reader; the result's words; the
buttons that lead on; the slip; a calm sentence for every problem; nothing kept for the next
person. What the records hold: one `card_checked` event of categories, and nothing on a problem.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.card import apdu
from kiosk.card.check import today_in_japan
from kiosk.card.pcsc import Transport
from kiosk.card.problems import NoCard, NoReader
from kiosk.content.lessons import Category
from kiosk.handoff.printing import BackgroundPrinting
from kiosk.records.events import EventKind
from kiosk.records.store import RecordStore
from kiosk.settings import Settings
from tests.helpers import look
from tests.helpers.pdf_printer import PdfPrinter, pdf_text
from tests.helpers.virtual_card import TEST_SERIAL, CardTransport, VirtualMyNumberCard
from tests.test_card_check import card

WITH_READER = Settings(card_reader="any", card_wait_seconds=5)
TODAY = today_in_japan()


def opener(
    virtual: VirtualMyNumberCard, remove_after: int | None = None, gate: threading.Event | None = None
) -> Callable[[float], AbstractContextManager[Transport]]:
    """Opens the software card, as the reader does a real one (after `gate`, when given)."""

    @contextmanager
    def open_card(wait_s: float) -> Iterator[Transport]:
        if gate is not None:
            gate.wait(10)
        yield CardTransport(virtual, remove_after)

    return open_card


def failing(problem: Exception) -> Callable[[float], AbstractContextManager[Transport]]:
    @contextmanager
    def open_card(wait_s: float) -> Iterator[Transport]:
        raise problem
        yield  # pragma: no cover

    return open_card


def card_events(store: RecordStore) -> list[str]:
    return [e["detail"] for e in store.events() if e["kind"] == EventKind.CARD_CHECKED.value]


def check_from_home(window, qtbot, language: str = "ja") -> None:  # type: ignore[no-untyped-def]
    if language != "ja":
        window.screens.home.language_buttons[language].click()
    window.screens.home.card_button.click()
    screen = window.screens.card_check
    assert window.current() is screen
    qtbot.waitUntil(lambda: screen.result is not None or screen.again_button.isVisible(), timeout=10_000)


def test_no_reader_set_up_no_way_in(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.screens.home.card_button.isHidden()
    window.lessons.open_category(Category.MYNUMBER.value)
    assert window.screens.lesson_list.card_button.isHidden()
    window.cards.open()  # nothing to open without a reader
    assert window.current() is window.screens.lesson_list


def test_a_reader_set_up_shows_the_way_in_from_home_and_the_my_number_lessons(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(settings=WITH_READER, card_opener=opener(card()))
    home = window.screens.home
    assert home.card_button.isVisible() and home.card_button.title() == "カードを かざして 調べる"
    window.lessons.open_category(Category.MYNUMBER.value)
    assert window.screens.lesson_list.card_button.isVisible()
    window.lessons.open_category(Category.BASICS.value)
    assert window.screens.lesson_list.card_button.isHidden()


def test_a_card_valid_for_years_in_japanese(make_window, qtbot, store: RecordStore) -> None:  # type: ignore[no-untyped-def]
    expires = TODAY + timedelta(days=1200)
    virtual = card(expires)
    window = make_window(settings=WITH_READER, card_opener=opener(virtual))
    check_from_home(window, qtbot)
    screen = window.screens.card_check
    shown = screen.expiry.text()
    assert shown.startswith("✓ 電子証明書の 有効期限:")
    assert f"{expires.year}年{expires.month}月{expires.day}日" in shown and "（あと 1200日）" in shown
    pins = [row.text() for row in screen.pins]
    assert pins[0] == "利用者証明用の 暗証番号（数字 4けた）\n✓ 使えます。あと 3回 ためせます。"
    assert "あと 5回" in pins[1] and "あと 3回" in pins[2]
    assert screen.renewal_button.isHidden() and screen.pin_button.isHidden()
    assert screen.print_button.isVisible() and screen.done_button.isVisible()
    spoken = screen.speech_text()
    assert spoken.startswith("電子証明書の 有効期限:")
    assert "✓" not in spoken and "あと 5回 ためせます" in spoken
    window.state.recorder.flush()
    assert card_events(store) == ["over_1_year auth=ok sign=ok kenhojo=ok"]
    # Only the VERIFY with no data asked the PINs: no PIN ever left the kiosk.
    assert not any(apdu.carries_pin_data(command) for command in virtual.received)
    assert [command for command in virtual.received if command[1] == 0x20] == [apdu.VERIFY_TRIES_LEFT] * 3


def test_expiring_soon_and_a_pin_on_its_last_try_in_english(make_window, qtbot, store: RecordStore) -> None:  # type: ignore[no-untyped-def]
    expires = TODAY + timedelta(days=40)
    window = make_window(settings=WITH_READER, card_opener=opener(card(expires, auth_tries=1, sign_tries=0)))
    check_from_home(window, qtbot, "en")
    screen = window.screens.card_check
    assert screen.expiry.text() == (
        f"！ Your e-certificates expire within 3 months: {expires:%B} {expires.day}, {expires.year} (40 days left).\n"
        "You can renew them at the city hall counter. It is free."
    )
    auth, sign, kenhojo = (row.text() for row in screen.pins)
    assert auth.startswith("User authentication PIN (4 digits)\n！ Only 1 try left.")
    assert "convenience store" in auth
    assert sign.startswith("Signature password") and "× Locked." in sign
    assert kenhojo.endswith("✓ Working. 3 tries left.")
    assert screen.renewal_button.text() == "How to renew" and screen.renewal_button.isVisible()
    assert screen.pin_button.isVisible()
    window.state.recorder.flush()
    assert card_events(store) == ["within_3_months auth=low sign=locked kenhojo=ok"]
    screen.renewal_button.click()  # the renewal lesson, in English
    assert window.current() is window.screens.player
    assert window.screens.player.lesson is not None and window.screens.player.lesson.id == "card-renewal"
    window.back()
    assert window.current() is screen and screen.result is not None


def test_expired_and_a_locked_input_pin_in_easy_japanese(make_window, qtbot, store: RecordStore) -> None:  # type: ignore[no-untyped-def]
    expires = TODAY - timedelta(days=30)
    window = make_window(settings=WITH_READER, card_opener=opener(card(expires, kenhojo_tries=0)))
    check_from_home(window, qtbot, "ja-easy")
    screen = window.screens.card_check
    assert screen.expiry.text().startswith("× 電子証明書は 切れて います。")
    assert "病院で カードが 使えなく なります" in screen.expiry.text()
    kenhojo = screen.pins[2].text()
    assert "ロックが かかって います" in kenhojo
    assert "コンビニ" not in kenhojo  # this PIN is reset only at the counter
    assert screen.pin_button.text() == "ばんごうを なおす"
    screen.pin_button.click()
    assert window.screens.player.lesson is not None and window.screens.player.lesson.id == "pin-trouble"
    window.state.recorder.flush()
    assert card_events(store) == ["expired auth=ok sign=ok kenhojo=locked"]


def test_the_result_follows_a_change_of_language(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(settings=WITH_READER, card_opener=opener(card(TODAY + timedelta(days=400))))
    check_from_home(window, qtbot)
    window.language.choose("en")
    assert window.screens.card_check.expiry.text().startswith("✓ Your e-certificates are valid until")


def test_the_slip_holds_the_date_and_what_to_do_and_nothing_else(  # type: ignore[no-untyped-def]
    make_window, qtbot, store: RecordStore, tmp_path: Path
) -> None:
    expires = TODAY + timedelta(days=60)
    printer = PdfPrinter(tmp_path)
    window = make_window(
        settings=WITH_READER,
        card_opener=opener(card(expires, auth_tries=0)),
        printing=BackgroundPrinting(printer),
    )
    check_from_home(window, qtbot)
    screen = window.screens.card_check
    screen.print_button.click()
    qtbot.waitUntil(lambda: "印刷しました" in screen.print_status.text(), timeout=10_000)
    text = pdf_text(printer.printed[0])
    flat = "".join(text.split())
    assert "マイナンバーカードの確認" in flat
    assert f"{expires.year}年{expires.month}月{expires.day}日" in flat
    assert "電子証明書の更新" in flat and "暗証番号のロックの解除" in flat
    assert "だれにも教えないで" in flat
    assert "あと" not in flat.split("電子証明書が")[0]  # no PIN counts before the expiry line
    assert "回" not in flat  # no tries left on paper
    assert TEST_SERIAL.hex() not in text.lower()
    window.state.recorder.flush()
    assert [e["detail"] for e in store.events() if e["kind"] == EventKind.SLIP_PRINTED.value] == [
        "card-check"
    ]


@pytest.mark.parametrize(
    ("problem", "words"),
    [
        (NoReader("no reader"), "読み取り機が つながって いません"),
        (NoCard("no card placed"), "カードが 見つかりませんでした"),
        (RuntimeError("a driver's bug"), "うまく 読めませんでした"),
    ],
)
def test_problems_are_told_calmly_and_record_no_check(  # type: ignore[no-untyped-def]
    make_window, qtbot, store: RecordStore, problem: Exception, words: str
) -> None:
    window = make_window(settings=WITH_READER, card_opener=failing(problem))
    check_from_home(window, qtbot)
    screen = window.screens.card_check
    assert words in screen.status.text()
    assert screen.again_button.isVisible() and screen.print_button.isHidden()
    assert all(row.isHidden() for row in (screen.expiry, *screen.pins))
    window.state.recorder.flush()
    assert card_events(store) == []


def test_another_card_and_a_card_taken_away_are_told_calmly(make_window, qtbot, store: RecordStore) -> None:  # type: ignore[no-untyped-def]
    window = make_window(settings=WITH_READER, card_opener=opener(card(has_jpki=False)))
    check_from_home(window, qtbot)
    screen = window.screens.card_check
    assert "マイナンバーカードでは ないようです" in screen.status.text()
    window.cards.reading.opener = opener(card(), remove_after=4)
    screen.again_button.click()
    qtbot.waitUntil(lambda: "カードが はなれました" in screen.status.text(), timeout=10_000)
    window.cards.reading.opener = opener(card())
    screen.again_button.click()  # put back: this time it is read
    qtbot.waitUntil(lambda: screen.result is not None, timeout=10_000)
    window.state.recorder.flush()
    assert card_events(store) == ["over_1_year auth=ok sign=ok kenhojo=ok"]


def test_a_result_for_someone_who_has_gone_is_never_shown(make_window, qtbot, store: RecordStore) -> None:  # type: ignore[no-untyped-def]
    gate = threading.Event()
    window = make_window(settings=WITH_READER, card_opener=opener(card(), gate=gate))
    window.screens.home.card_button.click()
    window.end_visit("idle_reset")  # they walked away while the reader waited
    gate.set()
    qtbot.waitUntil(lambda: not window.cards.reading.busy, timeout=10_000)
    screen = window.screens.card_check
    assert screen.result is None and screen.expiry.text() == ""
    assert window.current() is window.screens.home
    window.state.recorder.flush()
    assert card_events(store) == []


def test_the_next_person_meets_no_trace_of_the_card(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(settings=WITH_READER, card_opener=opener(card(TODAY + timedelta(days=20))))
    check_from_home(window, qtbot)
    window.screens.card_check.done_button.click()  # 「はじめに戻る」
    assert window.current() is window.screens.home
    screen = window.screens.card_check
    assert screen.result is None and all(row.text() == "" for row in (screen.expiry, *screen.pins))


def test_the_records_card_says_what_the_card_check_reads(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.screens.records_info.open()
    text = window.screens.records_info.body.text()
    assert "暗証番号が ロックされて いるか だけを 記録します" in text
    assert "顔写真は 読みません" in text


def test_card_problems_are_all_worded(make_window) -> None:  # type: ignore[no-untyped-def]
    from kiosk.card.problems import PROBLEM_KINDS

    window = make_window(settings=WITH_READER, card_opener=opener(card()))
    screen = window.screens.card_check
    sentences = set()
    for kind in PROBLEM_KINDS:
        screen.show_problem(kind)
        sentences.add(screen.status.text())
    assert len(sentences) == len(PROBLEM_KINDS)


@pytest.mark.parametrize("language", ["ja", "ja-easy", "en"])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_card_screens_fit_at_特大_on_a_small_panel(
    make_window, qtbot, language: str, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    """Nothing cut off or too small: home and the My Number list with the way in, the waiting
    screen, a problem and the longest result (every line with advice), at 特大."""
    expires = TODAY + timedelta(days=10)
    window = make_window(
        settings=WITH_READER, size=size, card_opener=opener(card(expires, auth_tries=0, sign_tries=1))
    )
    if language != "ja":
        window.screens.home.language_buttons[language].click()
    window.screens.home.size_buttons["xlarge"].click()
    look.settle()
    assert look.clipped(window) == [] and look.small_targets(window) == []
    window.lessons.open_category(Category.MYNUMBER.value)
    look.settle()
    assert window.screens.lesson_list.card_button.isVisible()
    assert look.clipped(window) == [] and look.small_targets(window) == []
    window.screens.lesson_list.card_button.click()
    screen = window.screens.card_check
    screen.show_problem("timeout")
    look.settle()
    assert look.clipped(window) == [] and look.small_targets(window) == []
    screen.read_requested.emit()
    qtbot.waitUntil(lambda: screen.result is not None, timeout=10_000)
    look.settle()
    assert screen.renewal_button.isVisible() and screen.pin_button.isVisible()
    assert look.clipped(window) == [] and look.small_targets(window) == []
