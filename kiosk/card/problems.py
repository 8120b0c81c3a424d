"""The few calm outcomes a card check can end in instead of a result.

Every failure of the reader, the card or the link to it becomes one of these, so the
screen can say one calm sentence (「もう一度 ゆっくり のせて ください」) and never show a
traceback; `kind` is the short code a screen, the command line and tests key on.
"""

from __future__ import annotations

from typing import ClassVar


class CardProblem(Exception):
    """Base of every outcome that is not a result; `kind` names which one."""

    kind: ClassVar[str] = "problem"

    def __init__(self, detail: str = "") -> None:
        # detail is for logs (a PC/SC error name, a status word); never card data.
        super().__init__(detail or self.kind)
        self.detail = detail


class NoReader(CardProblem):
    """No card reader is connected, or the smart-card service is not running."""

    kind = "no_reader"


class NoCard(CardProblem):
    """A reader is there but no card was placed on it in the time given."""

    kind = "no_card"


class NotMyNumberCard(CardProblem):
    """A card answered, but not as a My Number Card's JPKI application does."""

    kind = "not_my_number_card"


class CardRemoved(CardProblem):
    """The card left the reader (or was reset) before the check finished."""

    kind = "card_removed"


class Timeout(CardProblem):
    """The card stopped answering (held too far away, in a thick case, moved)."""

    kind = "timeout"


PROBLEM_KINDS: tuple[str, ...] = tuple(
    problem.kind for problem in (NoReader, NoCard, NotMyNumberCard, CardRemoved, Timeout)
)
