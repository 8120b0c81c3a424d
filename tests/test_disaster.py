"""災害モード: the switch (staff screen and CLI, audited), the shelter's home, its cards, the banner,
the records' mode, the shelter Wi-Fi QR, and the disaster lessons and pages in the catalog."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.content.lessons import Category
from kiosk.content.procedures import load_procedures
from kiosk.handoff.wifi import wifi_uri
from kiosk.paths import PROCEDURES_DIR
from kiosk.records import review
from kiosk.records.accounts import Accounts, Role
from kiosk.records.bundle import merge_bundles, write_bundle
from kiosk.records.events import EventKind
from kiosk.records.store import RecordStore
from kiosk.settings import Settings, load_settings
from kiosk.ui.screens.disaster_home import CARD_LESSONS, CARD_PROCEDURES, CARDS
from tests.helpers import look
from tests.helpers.cli import kiosk

STAFF_PIN = "739164"
SHELTER = {
    "shelter_wifi_ssid": "naruto;shelter",
    "shelter_wifi_password": "kou:minkan2026",
    "shelter_wifi_note": "受付の 横の 掲示も ご覧ください。",
}


def _staff(window, store: RecordStore) -> None:  # type: ignore[no-untyped-def]
    Accounts(store).set_pin("yamada", Role.STAFF, STAFF_PIN, actor="test")
    window.helpers.open_pin_pad()
    window.screens.pin_pad.pin_entered.emit(STAFF_PIN)
    window.screens.intake.hide()
    window.desk.open_staff()


def test_staff_switch_changes_the_home_and_is_saved_and_audited(make_window, store, tmp_path) -> None:
    window = make_window(data_dir=tmp_path)
    assert window.current() is window.screens.home and not window.disaster.banner.isVisible()
    _staff(window, store)
    assert "災害モードに する" in window.screens.staff.disaster_button.text()
    window.screens.staff.disaster_button.click()
    window.screens.confirm_card.yes_button.click()
    assert load_settings(tmp_path).disaster_mode is True
    assert window.disaster.banner.isVisible()
    window.helpers.sign_out("test")
    assert window.current() is window.screens.disaster_home
    actions = [(row["action"], row["detail"], row["actor"]) for row in store.audit_log()]
    assert ("disaster_mode", "on", "yamada") in actions

    again = make_window(settings=load_settings(tmp_path), data_dir=tmp_path)  # the kiosk starts again
    assert again.current() is again.screens.disaster_home
    _staff(again, store)
    assert "ふだんの モードに 戻す" in again.screens.staff.disaster_button.text()
    again.screens.staff.disaster_button.click()
    again.screens.confirm_card.yes_button.click()
    again.helpers.sign_out("test")
    assert again.current() is again.screens.home and not again.disaster.banner.isVisible()
    assert load_settings(tmp_path).disaster_mode is False
    assert ("disaster_mode", "off", "yamada") in [
        (r["action"], r["detail"], r["actor"]) for r in store.audit_log()
    ]


@pytest.mark.parametrize("text_size", ["standard", "xlarge"])
def test_one_tap_on_the_switch_only_asks(make_window, store, tmp_path, text_size: str) -> None:
    """Issue 21: the 災害モード switch acted on one tap; now a big, calm card asks first."""
    window = make_window(data_dir=tmp_path, settings=Settings(text_size=text_size))
    _staff(window, store)
    window.screens.staff.disaster_button.click()
    look.settle()
    card = window.screens.confirm_card
    assert card.isVisible() and "災害モードに しますか" in card.heading.text()
    assert not window.state.disaster and not load_settings(tmp_path).disaster_mode
    assert look.small_targets(window) == [] and look.clipped(window) == []
    card.no_button.click()
    assert not card.isVisible() and not window.state.disaster
    assert "disaster_mode" not in [row["action"] for row in store.audit_log()]


def test_a_supporter_cannot_switch_the_mode(make_window, store, tmp_path) -> None:
    window = make_window(data_dir=tmp_path)
    Accounts(store).set_pin("tanaka", Role.SUPPORTER, "4826", actor="test")
    window.helpers.open_pin_pad()
    window.screens.pin_pad.pin_entered.emit("4826")
    window.desk.ask_disaster(True)
    assert not window.state.disaster and not load_settings(tmp_path).disaster_mode


def test_the_cli_switch_is_saved_audited_and_read_at_start(tmp_path: Path) -> None:
    assert kiosk("mode", data_dir=tmp_path).stdout.strip() == "normal"
    switched = kiosk("mode", "disaster", data_dir=tmp_path)
    assert switched.returncode == 0, switched.stderr
    assert kiosk("mode", data_dir=tmp_path).stdout.strip() == "disaster"
    assert "disaster_mode" in kiosk("audit", "list", data_dir=tmp_path).stdout
    shot = tmp_path / "home.png"
    made = kiosk("run", "--screenshot", str(shot), data_dir=tmp_path)
    assert made.returncode == 0, made.stderr
    assert kiosk("mode", "normal", data_dir=tmp_path).returncode == 0
    assert load_settings(tmp_path).disaster_mode is False


def test_every_card_leads_somewhere_real(make_window, library) -> None:
    window = make_window(settings=Settings(disaster_mode=True))
    for key, _title, _line in CARDS:
        window.go_home()
        window.screens.disaster_home.cards[key].click()
        shown = window.current()
        if key in CARD_PROCEDURES:
            assert shown is window.screens.handoff
            assert window.screens.handoff.qr.url == library.procedures[CARD_PROCEDURES[key]].url
        elif len(CARD_LESSONS[key]) == 1:
            assert shown is window.screens.player and window.screens.player.lesson.id == CARD_LESSONS[key][0]
        else:
            assert shown is window.screens.lesson_list
            assert [lesson.id for lesson in window.screens.lesson_list.lessons] == list(CARD_LESSONS[key])
        assert window.disaster.banner.isVisible(), key
    window.go_home()
    window.screens.disaster_home.usual_button.click()
    assert window.current() is window.screens.home
    assert window.top_bar.back_button.isVisible()  # back to the shelter's cards
    window.back()
    assert window.current() is window.screens.disaster_home


def test_consultations_carry_the_mode_and_review_reports_it(make_window, store) -> None:
    window = make_window(settings=Settings(disaster_mode=True))
    window.screens.disaster_home.cards["safety"].click()
    window.go_home()
    window.state.disaster = False  # as after the staff switch (tested above)
    window.disaster.apply()
    window.go_home()
    window.screens.home.start_button.click()
    window.go_home()
    window.state.recorder.flush()
    modes = [row["kiosk_mode"] for row in store.consultations()]
    assert modes == ["disaster", "normal"]
    cards = [e["detail"] for e in store.events() if e["kind"] == EventKind.DISASTER_CARD.value]
    assert cards == ["safety"]
    assert review.count(store, review.Filter(kiosk_mode="disaster")) == 1
    by_mode = dict(review.statistics(store, review.Filter()).by["kiosk_mode"])
    assert by_mode == {"disaster": 1, "normal": 1}


def test_idle_reset_returns_to_the_disaster_home(make_window) -> None:
    window = make_window(settings=Settings(disaster_mode=True))
    window.screens.disaster_home.cards["connect"].click()
    window.screens.lesson_list.lesson_chosen.emit("disaster-00000japan")
    assert window.current() is window.screens.player
    window.idle.reset()
    assert window.current() is window.screens.disaster_home
    assert window.disaster.banner.isVisible()


def test_the_shelter_wifi_qr_joins_the_network(make_window, tmp_path) -> None:
    window = make_window(settings=Settings(disaster_mode=True, **SHELTER))
    look.settle()
    assert window.screens.disaster_home.wifi_box.isVisible()
    assert "naruto;shelter" in window.screens.disaster_home.wifi_text.text()
    shot = tmp_path / "home.png"
    assert window.grab().save(str(shot))
    scanned = subprocess.run(
        [shutil.which("zbarimg") or "zbarimg", "-q", "--raw", str(shot)], capture_output=True, text=True
    )
    assert scanned.stdout.strip() == r"WIFI:T:WPA;S:naruto\;shelter;P:kou\:minkan2026;;"
    plain = make_window(settings=Settings(disaster_mode=True))
    assert not plain.screens.disaster_home.wifi_box.isVisible()  # nothing to show without a name


def test_wifi_uri_escapes_and_knows_open_networks() -> None:
    assert wifi_uri("shelter") == "WIFI:T:nopass;S:shelter;;"
    assert wifi_uri('a"b\\c,d', "p;w") == 'WIFI:T:WPA;S:a\\"b\\\\c\\,d;P:p\\;w;;'
    with pytest.raises(ValueError):
        wifi_uri("")


@pytest.mark.parametrize("language", ("ja", "en", "ja-easy"))
def test_the_disaster_home_fits_at_200_percent(make_window, language: str) -> None:
    window = make_window(settings=Settings(disaster_mode=True, text_size="xlarge", **SHELTER))
    window.language.choose(language)
    look.settle()
    assert window.size().height() == 1080
    assert look.clipped(window) == [], language
    assert look.small_targets(window) == [], language
    window.idle.reset()


def test_disaster_lessons_and_pages_pass_the_checker(library) -> None:
    lessons = library.in_category(Category.DISASTER)
    assert len(lessons) >= 4
    problems = [p for p in library.problems if "disaster-" in str(p.file)]
    assert problems == []
    for ids in CARD_LESSONS.values():
        for lesson_id in ids:
            assert library.get(lesson_id) is not None, lesson_id
    procedures, catalog_problems = load_procedures(PROCEDURES_DIR, Settings().url_allowlist)
    assert catalog_problems == []
    wanted = {*CARD_PROCEDURES.values(), *(lesson.procedure for lesson in lessons if lesson.procedure)}
    for procedure_id in wanted:
        assert procedure_id in procedures, procedure_id
        assert procedures[procedure_id].url.startswith("https://")


def test_bundles_carry_the_mode(tmp_path: Path) -> None:
    source = RecordStore(tmp_path / "kiosk.sqlite3", kiosk_id="shelter-1")
    central = RecordStore(tmp_path / "central.sqlite3", kiosk_id="central")
    try:
        source.write_start(
            {"id": "c1", "started_at": "2026-11-26T10:00:00.000+09:00", "mode": "self", "language": "ja"}
            | {"kiosk_mode": "disaster"}
        )
        write_bundle(source, tmp_path / "out.bundle")
        merge_bundles(central, [tmp_path / "out.bundle"])
        assert [row["kiosk_mode"] for row in central.consultations()] == ["disaster"]
    finally:
        source.close()
        central.close()
