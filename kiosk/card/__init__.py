"""The card check of issue 26: expiry and PIN tries of a My Number Card, no PIN, no Qt.

apdu.py holds the card facts and their sources, check.py the check, pcsc.py the reader,
report.py the JSON-safe result. Nothing here imports Qt or the windows.
"""

from kiosk.card.check import CardCheck, PinTries, check_card
from kiosk.card.problems import CardProblem, CardRemoved, NoCard, NoReader, NotMyNumberCard, Timeout
from kiosk.card.report import check_report, problem_report

__all__ = [
    "CardCheck",
    "CardProblem",
    "CardRemoved",
    "NoCard",
    "NoReader",
    "NotMyNumberCard",
    "PinTries",
    "Timeout",
    "check_card",
    "check_report",
    "problem_report",
]
