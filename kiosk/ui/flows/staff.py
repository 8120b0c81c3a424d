"""Staff mode: settings, accounts and their PINs, the records review, 災害モード and the way out —
every action behind one guard (a staff member is signed in) and written to the audit."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any, Concatenate, ParamSpec

from PySide6.QtCore import QObject, Signal

from kiosk.content.freshness import lessons_due
from kiosk.content.lessons import COURSE
from kiosk.content.markup import plain
from kiosk.doctor.run import Doctor
from kiosk.records.accounts import PinRejected, Role
from kiosk.settings import SettingsError, save_settings
from kiosk.ui.flows.course import Course
from kiosk.ui.flows.disaster import DisasterMode
from kiosk.ui.flows.navigator import Flow, Navigator
from kiosk.ui.screen_set import Screens
from kiosk.ui.screens.confirm_card import Ask
from kiosk.ui.state import KioskState
from kiosk.ui.widgets.doctor_panel import DoctorContext

log = logging.getLogger("kiosk.ui")

P = ParamSpec("P")


def staff_only(
    method: Callable[Concatenate[StaffDesk, P], None],
) -> Callable[Concatenate[StaffDesk, P], None]:
    """The one staff-only guard: the action does nothing unless a staff member is signed in."""

    def guarded(desk: StaffDesk, /, *args: P.args, **kwargs: P.kwargs) -> None:
        if desk.state.staff_signed_in:
            method(desk, *args, **kwargs)

    guarded.__name__, guarded.__doc__ = method.__name__, method.__doc__
    return guarded


class StaffDesk(Flow):
    exit_requested = Signal()  # staff confirmed 「はい、終了します」
    settings_saved = Signal(object)  # the new Settings, for the flows that follow them

    def __init__(
        self,
        state: KioskState,
        screens: Screens,
        nav: Navigator,
        course: Course,
        disaster: DisasterMode,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(state, screens, nav, parent)
        self.course, self.disaster = course, disaster
        # Staff setting a PIN on the pad: (account name, role, the first entry once typed).
        self.new_pin: tuple[str, Role, str | None] | None = None
        staff = screens.staff
        staff.save_requested.connect(self.save_settings)
        staff.disable_requested.connect(self.disable_account)
        staff.pin_requested.connect(self.ask_new_pin)
        staff.review_requested.connect(self.open_review)
        staff.disaster_requested.connect(self.ask_disaster)
        screens.confirm_card.confirmed.connect(self._confirmed)
        staff.doctor.context = self._doctor_context

    def _doctor_context(self) -> DoctorContext | None:
        """「点検」 of this kiosk's data folder, audited as the staff member signed in."""
        data_dir = self.state.data_dir
        return DoctorContext(Doctor(data_dir), audit=self.state.audit) if data_dir is not None else None

    @staff_only
    def open_staff(self) -> None:
        """Settings and accounts, with what staff should know (records, lessons due a re-check)."""
        state, staff = self.state, self.screens.staff
        accounts = state.accounts()
        staff.show_values(state.settings, accounts.list() if accounts else [])
        if not state.recorder.records_nothing:  # a screenshot records nothing: no warning for it
            staff.show_records(state.recorder.health, state.recorder.pending)
        staff.show_recheck(lessons_due(state.base_library.lessons, date.today()))
        self.nav.show_screen(staff)

    @staff_only
    def open_review(self) -> None:
        """The records, page by page, with counts and つまずき (audited)."""
        state = self.state
        store = state.recorder.store
        if store is None:
            return
        state.recorder.flush()
        state.audit("review", "opened")
        library = state.base_library  # staff read the records in Japanese, whatever the visitor chose
        self.screens.review.open(
            store,
            {lesson.id: plain(lesson.title) for lesson in library.lessons},
            course_lessons=[lesson.id for lesson in library.in_category(COURSE)],
            trouble_titles={t.id: plain(t.title) for t in library.troubles},
            procedure_titles={p.id: plain(p.title) for p in library.procedures.values()},
        )
        self.nav.show_screen(self.screens.review)

    @staff_only
    def save_settings(self, values: dict[str, Any]) -> None:
        state, staff = self.state, self.screens.staff
        changed = {key: value for key, value in values.items() if getattr(state.settings, key) != value}
        if not changed:
            staff.show_message(self.tr("変わった ところは ありません。"))
            return
        if state.data_dir is None:
            staff.show_message(self.tr("この 画面からは 保存できません。"))
            return
        try:
            saved = save_settings(state.data_dir, changed)
        except SettingsError as exc:
            log.warning("settings not saved: %s", exc)
            staff.show_message(self.tr("保存できませんでした。値を 確かめて ください。\n{0}").format(exc))
            return
        for key, value in changed.items():
            if key == "shelter_wifi_password":  # shared with the shelter, but not copied into the log
                state.audit("settings_changed", f"{key}: (changed)")
                continue
            state.audit("settings_changed", f"{key}: {getattr(state.settings, key)!r} → {value!r}")
        state.settings = saved
        self.settings_saved.emit(saved)
        staff.show_message(self.tr("保存しました。"))

    @staff_only
    def disable_account(self, name: str) -> None:
        accounts = self.state.accounts()
        if accounts is None or self.state.helper is None:
            return
        accounts.disable(name, actor=self.state.helper.name)
        self.screens.staff.show_accounts(accounts.list())

    @staff_only
    def ask_new_pin(self, name: str, role: str) -> None:
        """A new account's PIN, or a new PIN for one, typed twice on the pad (never shown)."""
        self.new_pin = (name, Role(role), None)
        self.screens.pin_pad.open(self.tr("{0} の 新しい 暗証番号を 入れて ください。").format(name))

    def forget_new_pin(self) -> None:
        self.new_pin = None

    def enter_new_pin(self, pin: str) -> None:
        """The pad's entry while a PIN is being set: the first time, then the same again."""
        if self.new_pin is None:
            return
        name, role, first = self.new_pin
        pad = self.screens.pin_pad
        if first is None:
            self.new_pin = (name, role, pin)
            pad.show_message(self.tr("確かめます。もう一度 入れて ください。"))
            return
        accounts = self.state.accounts()
        helper = self.state.helper
        if pin != first or accounts is None or helper is None:
            self.new_pin = (name, role, None)
            pad.show_message(self.tr("2回の 番号が ちがいました。はじめから 入れて ください。"))
            return
        try:
            accounts.set_pin(name, role, pin, actor=helper.name)
        except PinRejected as exc:
            self.new_pin = (name, role, None)
            pad.show_message(str(exc))
            return
        pad.dismiss()
        self.screens.staff.show_pin_set(
            self.tr("{0} の 暗証番号を 設定しました。").format(name), accounts.list()
        )

    @staff_only
    def exit_kiosk(self) -> None:
        """Leave the kiosk (the one way out of kiosk mode), after 「はい、終了します」."""
        self.screens.confirm_card.ask(Ask.EXIT)

    @staff_only
    def ask_disaster(self, on: bool) -> None:
        """The shelter's home from now on (or the usual one again), after 「はい」."""
        if on != self.state.disaster:
            self.screens.confirm_card.ask(Ask.DISASTER_ON if on else Ask.DISASTER_OFF)

    @staff_only
    def _confirmed(self, what: str) -> None:
        """The staff answered 「はい」 on the confirmation card (still signed in)."""
        if what == Ask.EXIT:
            self.state.audit("exit", self.state.settings.kiosk_id)
            self.exit_requested.emit()
        else:
            self.disaster.switch(what == Ask.DISASTER_ON)
