"""「カードを かざして 調べる」 in the records: the `card_checked` event's detail, and the checks per month.

The detail holds categories only: the e-certificate's expiry band and each PIN's state,
"within_3_months auth=ok sign=low kenhojo=locked". Never the expiry date, the certificate,
its serial number or the tries left: the counter plans renewals from the bands, and a
category cannot point back to a person. No Qt here: the staff screen and the monthly
report both count with `card_checks`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from kiosk.card.check import EXPIRY_BANDS, PIN_STATES, CardCheck, ExpiryBand, PinState
from kiosk.records.events import EventKind
from kiosk.records.labels import CARD_PIN_LABELS, EXPIRY_BAND_LABELS, label
from kiosk.records.review import Filter
from kiosk.records.store import RecordStore

PinName = Literal["auth", "sign", "kenhojo"]
PINS: tuple[PinName, ...] = ("auth", "sign", "kenhojo")  # in the order the detail names them
_BANDS: dict[str, ExpiryBand] = {band: band for band in EXPIRY_BANDS}
_STATES: dict[str, PinState] = {state: state for state in PIN_STATES}


@dataclass(frozen=True, slots=True)
class CardDetail:
    """One check, as stored: the expiry band and each PIN's state."""

    expiry_band: ExpiryBand
    auth: PinState
    sign: PinState
    kenhojo: PinState

    def pins(self) -> dict[PinName, PinState]:
        return {"auth": self.auth, "sign": self.sign, "kenhojo": self.kenhojo}


def card_detail(expiry_band: str, auth: str, sign: str, kenhojo: str) -> str:
    """The event's detail; ValueError for anything but the known categories (a date, a count …)."""
    if expiry_band not in _BANDS:
        raise ValueError(f"not an expiry band: {expiry_band!r}")
    for name, state in zip(PINS, (auth, sign, kenhojo), strict=True):
        if state not in _STATES:
            raise ValueError(f"not a PIN state for {name}: {state!r}")
    return f"{expiry_band} auth={auth} sign={sign} kenhojo={kenhojo}"


def detail_of(check: CardCheck) -> str:
    """The detail of a check's result: its categories, leaving the date and the counts behind."""
    return card_detail(check.expiry_band, check.auth_pin.state, check.sign_pin.state, check.kenhojo_pin.state)


def parse_card_detail(detail: object) -> CardDetail | None:
    """The categories of a stored detail, or None for anything `card_detail` could not have made."""
    if not isinstance(detail, str):
        return None
    parts = detail.split(" ")
    if len(parts) != 1 + len(PINS):
        return None
    band = _BANDS.get(parts[0])
    states: list[PinState] = []
    for name, part in zip(PINS, parts[1:], strict=True):
        key, _, value = part.partition("=")
        state = _STATES.get(value)
        if key != name or state is None:
            return None
        states.append(state)
    if band is None:
        return None
    auth, sign, kenhojo = states
    return CardDetail(band, auth, sign, kenhojo)


def _zeros() -> dict[PinName, int]:
    return dict.fromkeys(PINS, 0)


@dataclass
class CardMonth:
    """The checks of one month: how many, by expiry band, and the PINs at their last try or locked."""

    month: str  # YYYY-MM of the check itself (the event's time, the kiosk's local time)
    checks: int = 0
    bands: dict[ExpiryBand, int] = field(default_factory=lambda: dict.fromkeys(EXPIRY_BANDS, 0))
    low: dict[PinName, int] = field(default_factory=_zeros)  # per PIN: checks where it had 1 try left
    locked: dict[PinName, int] = field(default_factory=_zeros)
    cards_low: int = 0  # checks with at least one PIN at its last try
    cards_locked: int = 0  # checks with at least one PIN locked (the counter resets it)

    def add(self, found: CardDetail, n: int) -> None:
        self.checks += n
        self.bands[found.expiry_band] += n
        states = found.pins()
        for name, state in states.items():
            if state == "low":
                self.low[name] += n
            elif state == "locked":
                self.locked[name] += n
        self.cards_low += n * ("low" in states.values())
        self.cards_locked += n * ("locked" in states.values())


def card_checks(store: RecordStore, chosen: Filter) -> list[CardMonth]:
    """The chosen consultations' card checks per month, oldest first.

    The month is the check's own (the event's `at`), which is what a renewal plan needs;
    the filter picks consultations by their start as everywhere in the review. SQLite
    groups by month and detail (a few dozen rows a month at most); details that are not
    a kiosk's (a junk row in a merged bundle) are left out rather than guessed at.
    """
    where, args = chosen.where()
    months: dict[str, CardMonth] = {}
    for month, detail, n in store.db.execute(
        "SELECT substr(e.at, 1, 7), e.detail, COUNT(*) FROM events e "
        "JOIN consultations c ON c.id = e.consultation_id "
        f"WHERE e.kind = ? AND {where} GROUP BY 1, 2",
        [EventKind.CARD_CHECKED.value, *args],
    ):
        found = parse_card_detail(detail)
        if found is None or not _is_month(month):
            continue
        months.setdefault(month, CardMonth(month)).add(found, int(n))
    return [months[month] for month in sorted(months)]


def _is_month(text: object) -> bool:
    return isinstance(text, str) and len(text) == 7 and text[4] == "-" and text.replace("-", "", 1).isdigit()


def pin_words(counts: dict[PinName, int], *, every: bool = False) -> str:
    """「利用者証明用 1・署名用 2」: the PINs counted (`every`: those at 0 too), or "" for none."""
    return "・".join(f"{CARD_PIN_LABELS[name]} {n}" for name, n in counts.items() if n or every)


def _in_brackets(words: str) -> str:
    return f"（{words}）" if words else ""


def card_month_words(month: CardMonth) -> str:
    """One month in a line, for the report.

    「2026年11月: 12 件 — 1年より先 6・…／暗証番号が あと1回 2 件（署名用 2）・ロック 0 件」
    """
    bands = "・".join(f"{EXPIRY_BAND_LABELS[band]} {n}" for band, n in month.bands.items())
    return (
        f"{label('month', month.month)}: {month.checks} 件 — {bands}"
        f"／暗証番号が あと1回 {month.cards_low} 件{_in_brackets(pin_words(month.low))}"
        f"・ロック {month.cards_locked} 件{_in_brackets(pin_words(month.locked))}"
    )
