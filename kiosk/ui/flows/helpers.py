"""Supporters and staff beside the kiosk: the hidden PIN pad, sign-in and sign-out, a supporter's
consultation from its four intake taps to the close-out, and the helper bar's buttons."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.content.lessons import Category
from kiosk.records.accounts import Account, Outcome
from kiosk.records.events import EventKind
from kiosk.records.privacy import personal_data_in
from kiosk.ui.flows.language import LanguageFlow
from kiosk.ui.flows.lessons import Lessons
from kiosk.ui.flows.navigator import Flow, Navigator
from kiosk.ui.flows.staff import StaffDesk
from kiosk.ui.screen_set import Screens
from kiosk.ui.screens.base import Screen
from kiosk.ui.staff_call import StaffCall
from kiosk.ui.state import KioskState
from kiosk.ui.widgets.helper_bar import HelperBar


class Helpers(Flow):
    def __init__(
        self,
        state: KioskState,
        screens: Screens,
        nav: Navigator,
        *,
        lessons: Lessons,
        language: LanguageFlow,
        desk: StaffDesk,
        calls: StaffCall,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(state, screens, nav, parent)
        self.lessons, self.language, self.desk, self.calls = lessons, language, desk, calls
        self.bar = HelperBar()
        bar = self.bar
        bar.course_button.clicked.connect(lessons.start_training)
        bar.start_button.clicked.connect(screens.intake.open)
        bar.end_button.clicked.connect(screens.close_out.open)
        bar.logout_button.clicked.connect(lambda: self.sign_out("logout"))
        bar.exit_button.clicked.connect(desk.exit_kiosk)
        bar.settings_button.clicked.connect(desk.open_staff)
        bar.steps_button.clicked.connect(self._list_steps)
        screens.step_list.chosen.connect(self._jump_to_step)
        screens.pin_pad.pin_entered.connect(self._pin_entered)
        screens.pin_pad.dismissed.connect(desk.forget_new_pin)
        screens.intake.answered.connect(self._start_assisted)
        screens.close_out.answered.connect(screens.note_card.ask)
        screens.note_card.done.connect(self._close_out)

    def screen_shown(self, screen: Screen) -> None:
        """The steps list is the supporter's, for the lesson on screen."""
        self.bar.steps_button.setVisible(self.state.helper is not None and screen is self.screens.player)

    def open_pin_pad(self) -> None:
        """The hidden door was held: the pad, or why it cannot be used yet."""
        accounts = self.state.accounts()
        pad = self.screens.pin_pad
        if accounts is None:
            pad.open(self.tr("記録が 使えないため、いまは ひらけません。"))
        elif not any(account.active for account in accounts.list()):
            pad.open(
                self.tr(
                    "まだ 暗証番号が ありません。管理者が「kiosk pin set 名前 --role staff」で 作ります。"
                )
            )
        else:
            pad.open()

    def _pin_entered(self, pin: str) -> None:
        if self.desk.new_pin is not None:
            self.desk.enter_new_pin(pin)
        else:
            self.sign_in(pin)

    def sign_in(self, pin: str) -> None:
        accounts = self.state.accounts()
        if accounts is None:
            return
        result = accounts.unlock(pin)
        pad = self.screens.pin_pad
        if result.outcome is Outcome.OK and result.account is not None:
            self.welcome(result.account)
        elif result.outcome is Outcome.LOCKED and result.locked_until is not None:
            pad.show_message(
                self.tr("いまは 使えません。{0} に もう一度 ためして ください。").format(
                    f"{result.locked_until:%H:%M}"
                )
            )
        else:
            pad.show_message(
                self.tr("番号が ちがいます。あと {0} 回 まちがえると、しばらく 使えなくなります。").format(
                    result.tries_left
                )
            )

    def welcome(self, helper: Account, *, ask_intake: bool = True) -> None:
        """`helper` has signed in: their bar, their buttons, and the intake for the citizen beside them."""
        self.nav.end_visit("helper")  # whoever was at the kiosk before is not the supporter's citizen
        self.state.helper = helper
        self.calls.set_helper(helper.name)  # someone is here: the call is answered
        self.screens.player.set_supporter(True)
        self.screens.menu.set_helper(True)
        self.nav.show_screen(self.screens.home, remember=False)
        self.bar.show_helper(helper.name, helper.role.value, consulting=False)
        if ask_intake:
            self.screens.intake.open()

    def _start_assisted(self, answers: dict[str, str]) -> None:
        """The intake's four taps: a consultation with the supporter beside the citizen."""
        state = self.state
        helper = state.helper
        if helper is None:
            return
        self.language.choose(answers.get("language", state.visit.language))
        state.training = False
        state.recorder.begin(
            language=state.visit.language,
            mode=helper.role.value,
            supporter_id=helper.name,
            age_band=answers.get("age_band"),
            device=answers.get("device"),
        )
        topic = answers.get("topic", "other")
        state.recorder.record(EventKind.INTAKE, detail=topic)
        self.bar.show_helper(helper.name, helper.role.value, consulting=True)
        self.nav.start_from(self.screens.home)
        if topic in (Category.BASICS.value, Category.MYNUMBER.value):
            self.lessons.open_category(topic)
        elif topic == Category.PRACTICE.value:
            self.nav.show_screen(self.screens.practice_menu)
        else:
            self.nav.show_screen(self.screens.menu)

    def _close_out(self, answers: dict[str, str], note: str) -> None:
        """How it went, whether someone must follow up, a short note; then ready for the next person."""
        state = self.state
        consultation = state.recorder.consultation_id
        if personal_data_in(note):
            self.screens.note_card.refuse()
            return
        if consultation is not None:
            state.recorder.staff_write(
                "outcome",
                lambda store: store.write_outcome(
                    consultation,
                    outcome=answers["outcome"],
                    follow_up=answers.get("follow_up") == "yes",
                    note=note,
                ),
            )
        self.nav.end_visit("closed_out")
        self.nav.show_screen(self.screens.home, remember=False)
        if state.helper is not None:
            self.bar.show_helper(state.helper.name, state.helper.role.value, consulting=False)

    def sign_out(self, reason: str, *, home: bool = True) -> None:
        """Back to the citizen kiosk: the supporter's or staff member's session ends."""
        state = self.state
        if state.helper is None:
            return
        state.audit("logout", reason)
        if state.training:
            state.recorder.end("training_ended")
            state.training = False
        state.helper = None
        self.calls.set_helper(None)
        self.desk.forget_new_pin()
        self.bar.hide()
        self.screens.player.set_supporter(False)
        self.screens.menu.set_helper(False)
        if home:
            self.nav.end_visit("home")

    def _list_steps(self) -> None:
        player = self.screens.player
        if self.state.helper is not None and player.lesson is not None:
            self.screens.step_list.show_lesson(player.lesson, player.index)

    def _jump_to_step(self, index: int) -> None:
        player = self.screens.player
        if player.lesson is not None:
            player.start(player.lesson, index)
