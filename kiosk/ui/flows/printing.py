"""Printing for the person: a procedure's hand-off slip, a lesson's sheet, the course certificate —
one flow, in the visit's language, its result shown on the screen that asked for it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from PySide6.QtCore import QObject

from kiosk.card.check import CardCheck
from kiosk.content.markup import plain
from kiosk.drawing.language import locale_for
from kiosk.handoff.card_slip import build_card_slip
from kiosk.handoff.certificate import build_certificate
from kiosk.handoff.printing import BackgroundPrinting, QtSlipPrinter
from kiosk.handoff.render import Printable
from kiosk.handoff.sheet import build_sheet
from kiosk.handoff.slip import PAPERS, build_slip, room_hours
from kiosk.records.events import EventKind
from kiosk.settings import Settings
from kiosk.ui.flows.course import Course
from kiosk.ui.screen_set import Screens
from kiosk.ui.state import KioskState

log = logging.getLogger("kiosk.ui")

CERTIFICATE = "course-certificate"  # what is printing, beside procedure ids
SHEET = "lesson-sheet"
CARD_SLIP = "card-check"
PAPERS_OF_THEIR_OWN = (SHEET, CERTIFICATE, CARD_SLIP)  # not a procedure's slip


class PrintingScreen(Protocol):
    """A screen with a print button: it shows how printing goes."""

    def show_status(self, text: str, *, failed: bool = False) -> None: ...

    def set_printing(self, busy: bool) -> None: ...


@dataclass(frozen=True)
class _Asked:
    consultation: str | None  # whose paper it is: a late result for someone gone is only logged
    what: str  # a procedure id, SHEET or CERTIFICATE
    screen: PrintingScreen


class Printing(QObject):
    def __init__(
        self,
        state: KioskState,
        screens: Screens,
        course: Course,
        printing: BackgroundPrinting | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state, self.screens, self.course = state, screens, course
        self.printing = printing or BackgroundPrinting(self._printer(state.settings))
        self._asked: _Asked | None = None
        screens.handoff.print_requested.connect(self.print_slip)
        screens.finish.sheet_requested.connect(self.print_sheet)
        screens.finish.certificate_requested.connect(self.print_certificate)
        self.printing.printed.connect(self._printed)
        self.printing.failed.connect(self._failed)

    @staticmethod
    def _printer(settings: Settings) -> QtSlipPrinter:
        return QtSlipPrinter(PAPERS[settings.paper], settings.printer_name)

    def use_settings(self, settings: Settings) -> None:
        self.printing.printer = self._printer(settings)

    def print_slip(self, procedure_id: str) -> None:
        """The hand-off slip: the procedure's QR code, steps and PIN warning to take home."""
        procedure = self.state.library.procedures.get(procedure_id)
        if procedure is None:
            return
        settings, language = self.state.settings, self.state.visit.language
        content = build_slip(
            procedure,
            room_name=settings.room_name,
            today=date.today(),
            contact=settings.room_contact,
            hours=room_hours(settings, locale_for(language)),
            resume_code=self.screens.handoff.resume_code,
            language=language,
        )
        self._print(content, procedure.id, self.screens.handoff)

    def print_sheet(self) -> None:
        """The finished lesson's steps on paper, to repeat at home."""
        lesson = self.screens.finish.lesson
        if lesson is None:
            return
        settings, language = self.state.settings, self.state.visit.language
        content = build_sheet(
            lesson,
            self.state.library.pictures_dir,
            room_name=settings.room_name,
            today=date.today(),
            device=self.state.visit.device,
            contact=settings.room_contact,
            hours=room_hours(settings, locale_for(language)),
            language=language,
        )
        self._print(content, SHEET, self.screens.finish)

    def print_certificate(self) -> None:
        """The 「修了」 slip, once every course lesson is finished (no name on it)."""
        if not self.course.complete():
            return
        settings = self.state.settings
        content = build_certificate(
            [plain(lesson.title) for lesson in self.course.lessons()],
            room_name=settings.room_name,
            today=date.today(),
            contact=settings.room_contact,
            language=self.state.visit.language,
        )
        self._print(content, CERTIFICATE, self.screens.finish)

    def print_card_slip(self, result: CardCheck, today: date) -> None:
        """「カードを 調べる」's paper: the e-certificate's expiry date and what to do."""
        settings, language = self.state.settings, self.state.visit.language
        content = build_card_slip(
            result,
            room_name=settings.room_name,
            today=today,
            contact=settings.room_contact,
            hours=room_hours(settings, locale_for(language)),
            language=language,
        )
        self._print(content, CARD_SLIP, self.screens.card_check)

    def _print(self, content: Printable, what: str, screen: PrintingScreen) -> None:
        if self.printing.busy:
            return
        self._asked = _Asked(self.state.recorder.consultation_id, what, screen)
        screen.set_printing(True)
        screen.show_status(self.tr("印刷しています。少し お待ちください。"))
        self.printing.print_slip(content)

    def _result(self) -> _Asked | None:
        """What just finished printing, if the person who asked for it is still here."""
        asked, self._asked = self._asked, None
        if asked is not None:
            asked.screen.set_printing(False)
        if asked is None or asked.consultation != self.state.recorder.consultation_id:
            log.info("slip result arrived after the consultation ended")
            return None
        return asked

    def _printed(self) -> None:
        asked = self._result()
        if asked is None:
            return
        if asked.what in PAPERS_OF_THEIR_OWN:
            self.state.recorder.record(EventKind.SLIP_PRINTED, detail=asked.what)
        else:
            self.state.recorder.record(EventKind.SLIP_PRINTED, procedure_id=asked.what)
        asked.screen.show_status(self.tr("印刷しました。紙を お取りください。"))

    def _failed(self, reason: str) -> None:
        asked = self._result()
        if asked is None:
            return
        recorder = self.state.recorder
        if asked.what in PAPERS_OF_THEIR_OWN:
            recorder.record(EventKind.SLIP_PRINT_FAILED, detail=f"{asked.what}: {reason}"[:200])
            asked.screen.show_status(
                self.tr("印刷できませんでした。係員に 声を かけて ください。"), failed=True
            )
            return
        recorder.record(EventKind.SLIP_PRINT_FAILED, procedure_id=asked.what, detail=reason[:200])
        asked.screen.show_status(
            self.tr("印刷できませんでした。画面の QRコードを スマホで 読み取って ください。"), failed=True
        )
