"""The check's result as JSON-safe data, for `kiosk card check --json` and the screen.

Only the categories and the expiry date: no certificate, serial number or card data
exists in a CardCheck to begin with, and the per-PIN counts are left out here too.
"""

from __future__ import annotations

from kiosk.card.check import CardCheck
from kiosk.card.problems import CardProblem

Report = dict[str, str | dict[str, str]]


def check_report(result: CardCheck) -> Report:
    return {
        "expires_on": result.expires_on.isoformat(),
        "expiry_band": result.expiry_band,
        "pins": {
            "auth": result.auth_pin.state,
            "sign": result.sign_pin.state,
            "kenhojo": result.kenhojo_pin.state,
        },
    }


def problem_report(problem: CardProblem) -> dict[str, str]:
    """The outcome of a check that gave no result: its kind only (no detail, no card data)."""
    return {"problem": problem.kind}
