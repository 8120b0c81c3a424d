"""Supporter and staff mode: the hidden door, the PIN pad, intake and close-out, roles, audit, lock-down."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtTest import QTest

from kiosk.records.accounts import Accounts, Role
from kiosk.records.events import EventKind
from kiosk.settings import Settings
from tests.helpers import look

SUPPORTER_PIN, STAFF_PIN = "4826", "739164"


def _window(make_window, store, **kwargs):  # type: ignore[no-untyped-def]
    accounts = Accounts(store)
    accounts.set_pin("tanaka", Role.SUPPORTER, SUPPORTER_PIN, actor="test")
    accounts.set_pin("yamada", Role.STAFF, STAFF_PIN, actor="test")
    return make_window(door_hold_ms=200, **kwargs)


def _type(window, pin: str) -> None:  # type: ignore[no-untyped-def]
    for digit in pin:
        window.screens.pin_pad.digit_buttons[digit].click()
    window.screens.pin_pad.open_button.click()


def _sign_in(window, qtbot, pin: str) -> None:  # type: ignore[no-untyped-def]
    heading = window.screens.home.welcome
    QTest.mousePress(heading, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
    qtbot.waitUntil(window.screens.pin_pad.isVisible, timeout=2000)
    QTest.mouseRelease(heading, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
    _type(window, pin)


def test_a_short_press_does_not_open_the_door(make_window, store, qtbot) -> None:
    window = _window(make_window, store)
    QTest.mouseClick(window.screens.home.welcome, Qt.MouseButton.LeftButton)
    qtbot.wait(400)
    assert not window.screens.pin_pad.isVisible()


def test_wrong_pins_then_the_lock(make_window, store, qtbot) -> None:
    window = _window(make_window, store)
    _sign_in(window, qtbot, "0000")
    assert window.screens.pin_pad.isVisible() and "あと 4 回" in window.screens.pin_pad.body.text()
    assert window.screens.pin_pad.display.text() == "－"  # the digits are gone, and were only dots
    for _ in range(4):
        _type(window, "0000")
    assert "いまは 使えません" in window.screens.pin_pad.body.text()
    _type(window, SUPPORTER_PIN)  # even the right PIN waits out the lock
    assert window.state.helper is None
    actions = [row["action"] for row in store.audit_log()]
    assert actions.count("login_failed") >= 5 and "lockout" in actions


def test_supporter_intake_tips_and_close_out(make_window, store, qtbot) -> None:
    window = _window(make_window, store)
    _sign_in(window, qtbot, SUPPORTER_PIN)
    assert window.state.helper is not None and window.state.helper.name == "tanaka"
    assert window.screens.intake.isVisible() and not window.helpers.bar.exit_button.isVisible()
    for code in ("80+", "raku", "mynumber", "ja-easy"):  # four taps
        window.screens.intake.button_for(code).click()
    assert window.current() is window.screens.lesson_list
    window.lessons.open_lesson("mynumber-card")
    look.settle()
    assert window.screens.player.tip.isVisible() and window.screens.player.tip.text().startswith(
        "サポーターの コツ"
    )
    window.helpers.bar.end_button.click()
    window.screens.close_out.button_for("next_time").click()
    window.screens.close_out.button_for("yes").click()
    assert window.screens.note_card.isVisible() and "書かないで" in window.screens.note_card.body.text()
    window.screens.note_card.note.setText("090-1234-5678 に 電話")  # a phone number: refused, nothing lost
    window.screens.note_card.save_button.click()
    # (the intake chose やさしい日本語: the card says it in those words)
    assert window.screens.note_card.isVisible() and "書き直して" in window.screens.note_card.body.text()
    window.screens.note_card.note.setText("LINE の 登録で つまずいた")
    window.screens.note_card.save_button.click()  # three taps
    assert window.current() is window.screens.home and not window.state.recorder.started
    window.state.recorder.flush()
    row = store.consultations()[-1]
    assert (row["mode"], row["supporter_id"], row["age_band"], row["device"], row["language"]) == (
        "supporter",
        "tanaka",
        "80+",
        "raku",
        "ja-easy",
    )
    assert (row["outcome"], row["follow_up"], row["end_reason"]) == ("next_time", 1, "closed_out")
    assert row["note"] == "LINE の 登録で つまずいた"
    kinds = [e["kind"] for e in store.events(row["id"])]
    assert kinds[0] == EventKind.INTAKE and EventKind.LESSON_STARTED in kinds


def test_a_supporter_cannot_leave_the_kiosk(make_window, store, qtbot) -> None:
    window = _window(make_window, store, kiosk_mode=True)
    window.allow_close(False)
    _sign_in(window, qtbot, SUPPORTER_PIN)
    window.desk.exit_kiosk()
    assert window.isVisible()
    event = QCloseEvent()
    window.closeEvent(event)
    assert not event.isAccepted()  # Alt+F4 / the window manager's close are ignored
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible()


def test_staff_exit_is_audited(make_window, store, qtbot) -> None:
    window = _window(make_window, store, kiosk_mode=True)
    window.allow_close(False)
    _sign_in(window, qtbot, STAFF_PIN)
    window.screens.intake.cancel_button.click()
    assert window.helpers.bar.exit_button.isVisible()
    window.helpers.bar.exit_button.click()
    window.screens.confirm_card.yes_button.click()
    assert not window.isVisible()
    audit = [(row["action"], row["actor"]) for row in store.audit_log()]
    assert ("login", "yamada") in audit and ("exit", "yamada") in audit


def test_one_tap_on_exit_only_asks(make_window, store, qtbot) -> None:
    """Issue 21: 「キオスクを 終了」 closed the kiosk on one tap; now a big, calm card asks first."""
    window = _window(make_window, store, kiosk_mode=True)
    window.allow_close(False)
    _sign_in(window, qtbot, STAFF_PIN)
    window.screens.intake.cancel_button.click()
    window.helpers.bar.exit_button.click()
    look.settle()
    card = window.screens.confirm_card
    assert window.isVisible() and card.isVisible()
    assert "終了しますか" in card.heading.text()
    assert card.yes_button.text() == "はい、終了します" and card.no_button.text() == "やめる"
    assert look.small_targets(window) == [] and look.clipped(window) == []
    card.no_button.click()
    assert window.isVisible() and not card.isVisible()
    assert "exit" not in [row["action"] for row in store.audit_log()]


def test_idle_inside_supporter_mode_returns_to_the_citizen_home(make_window, store, qtbot) -> None:
    window = _window(make_window, store)
    _sign_in(window, qtbot, SUPPORTER_PIN)
    for code in ("70s", "iphone", "basics", "ja"):
        window.screens.intake.button_for(code).click()
    window.idle.reset()
    assert (
        window.state.helper is None
        and not window.helpers.bar.isVisible()
        and window.current() is window.screens.home
    )
    assert not window.screens.player.supporter
    assert ("logout", "tanaka") in [(row["action"], row["actor"]) for row in store.audit_log()]
    window.state.recorder.flush()
    assert store.consultations()[-1]["end_reason"] == "idle_reset"


def test_no_accounts_says_how_to_make_one(make_window, qtbot) -> None:
    window = make_window(door_hold_ms=200)
    window.helpers.open_pin_pad()
    assert "kiosk pin set" in window.screens.pin_pad.body.text()


def test_the_pin_pad_and_intake_are_readable_at_200_percent(make_window, store, qtbot) -> None:
    window = _window(make_window, store, settings=Settings(text_size="xlarge"))
    window.helpers.open_pin_pad()
    look.settle()
    assert look.small_targets(window) == [] and look.clipped(window) == []
    _type(window, SUPPORTER_PIN)
    look.settle()
    assert (
        look.small_targets(window) == [] and look.clipped(window) == [] and look.crowded_targets(window) == []
    )
    for code in ("80+", "raku", "mynumber"):
        window.screens.intake.button_for(code).click()
        look.settle()
        assert look.clipped(window) == []


def test_lock_survives_a_restart_of_the_window(make_window, store, qtbot) -> None:
    window = _window(make_window, store)
    for _ in range(5):
        window.helpers.sign_in("1111")
    second = make_window(door_hold_ms=200)
    second.helpers.sign_in(SUPPORTER_PIN)
    assert second.state.helper is None
    later = Accounts(store, clock=lambda: datetime.now().astimezone() + timedelta(minutes=6))
    assert later.unlock(SUPPORTER_PIN).account is not None


def test_supporter_jumps_to_any_step(make_window, store, qtbot) -> None:
    window = _window(make_window, store)
    _sign_in(window, qtbot, SUPPORTER_PIN)
    for code in ("70s", "android", "basics", "ja"):
        window.screens.intake.button_for(code).click()
    window.lessons.open_lesson("power-on")
    assert window.helpers.bar.steps_button.isVisible()
    window.helpers.bar.steps_button.click()
    window.screens.step_list.step_buttons[4].click()
    assert window.current() is window.screens.player and window.screens.player.index == 4


def test_only_staff_open_the_staff_screen_and_changes_are_saved_and_audited(
    make_window, store, qtbot, tmp_path
) -> None:
    window = _window(make_window, store, data_dir=tmp_path)
    _sign_in(window, qtbot, SUPPORTER_PIN)
    window.screens.intake.cancel_button.click()
    assert not window.helpers.bar.settings_button.isVisible()
    window.desk.open_staff()  # a supporter asking anyway gets nothing
    assert window.current() is not window.screens.staff
    window.helpers.sign_out("test")
    _sign_in(window, qtbot, STAFF_PIN)
    window.screens.intake.cancel_button.click()
    window.helpers.bar.settings_button.click()
    assert window.current() is window.screens.staff
    window.screens.staff.idle.up_button.click()  # 90 → 120 s
    window.screens.staff.paper_buttons["58mm"].click()
    window.screens.staff.save_button.click()
    assert window.screens.staff.message.text() == "保存しました。"
    saved = (tmp_path / "settings.toml").read_text(encoding="utf-8")
    assert "idle_seconds = 120" in saved and 'paper = "58mm"' in saved
    assert window.state.settings.idle_seconds == 120 and window.prints.printing.printer.paper.name == "58mm"
    changes = [row["detail"] for row in store.audit_log() if row["action"] == "settings_changed"]
    assert changes == ["idle_seconds: 90 → 120", "paper: '80mm' → '58mm'"]
    window.screens.staff.disable_buttons["tanaka"].click()
    assert not next(a for a in Accounts(store).list() if a.name == "tanaka").active
    assert ("pin_disabled", "yamada") in [(row["action"], row["actor"]) for row in store.audit_log()]


def test_the_staff_screen_scrolls_to_everything(make_window, store, qtbot) -> None:
    """A staff screen may scroll; every control on it is still a real, big enough button or field."""
    window = _window(make_window, store)
    _sign_in(window, qtbot, STAFF_PIN)
    window.screens.intake.cancel_button.click()
    window.desk.open_staff()
    look.settle()
    assert look.small_targets(window) == []
    assert (
        window.screens.staff.contact[1].accessibleName()
        and window.screens.staff.allowlist[1].minimumHeight() >= 80
    )


def test_staff_make_an_account_and_change_a_pin_on_the_pad(make_window, store, qtbot, tmp_path) -> None:
    window = _window(make_window, store, data_dir=tmp_path)
    _sign_in(window, qtbot, STAFF_PIN)
    window.screens.intake.cancel_button.click()
    window.desk.open_staff()
    window.screens.staff.new_name.setText("supporter-3")
    window.screens.staff.new_buttons[Role.SUPPORTER].click()
    assert window.screens.pin_pad.isVisible() and "supporter-3" in window.screens.pin_pad.body.text()
    _type(window, "5150")
    _type(window, "5151")  # the second entry differs: start again
    assert "はじめから" in window.screens.pin_pad.body.text()
    _type(window, "123")  # too short for anyone
    _type(window, "123")
    assert window.screens.pin_pad.isVisible() and "123" not in window.screens.pin_pad.body.text()
    _type(window, "5150")
    _type(window, "5150")
    assert not window.screens.pin_pad.isVisible() and "supporter-3" in window.screens.staff.message.text()
    assert Accounts(store).unlock("5150").account.name == "supporter-3"
    window.screens.staff.change_buttons["tanaka"].click()
    _type(window, "8642")
    _type(window, "8642")
    assert Accounts(store).check("tanaka", "8642").outcome.value == "ok"
    assert [r["detail"] for r in store.audit_log() if r["action"] == "pin_set"][-2:] and all(
        "5150" not in str(r) and "8642" not in str(r) for r in store.audit_log()
    )


def test_staff_review_the_records_page_by_page(make_window, store, qtbot) -> None:
    from kiosk.records.demo import make_demo_data

    make_demo_data(store, consultations=180, seed=3, lesson_ids=["power-on", "mynaportal-app"])
    window = _window(make_window, store)
    _sign_in(window, qtbot, SUPPORTER_PIN)
    window.screens.intake.cancel_button.click()
    window.desk.open_review()  # a supporter gets nothing
    assert window.current() is not window.screens.review
    window.helpers.sign_out("test")
    _sign_in(window, qtbot, STAFF_PIN)
    window.screens.intake.cancel_button.click()
    window.desk.open_staff()
    window.screens.staff.review_button.click()
    assert window.current() is window.screens.review
    window.screens.review.period_buttons["all"].click()
    model = window.screens.review.model
    total = model.total
    assert total >= 180 and model.rowCount() == 50  # one page, not the whole table
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total
    window.screens.review.list_view.clicked.emit(model.index(0, 0))
    assert window.screens.review.detail.text()
    window.screens.review.view_buttons["stumbles"].click()
    assert ("review", "yamada") in [(r["action"], r["actor"]) for r in store.audit_log()]
