"""特大 is never smaller: at each text size every text is at least as large as at the size below.

Each screen is shown once and the person switches 標準 → 大 → 特大 on it, as the home
screen's buttons do; the same widgets are measured at each size. What does not fit then
scrolls (or goes to the next page); it never shrinks.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.app import SCREENS
from kiosk.ui.screenshot import show_screen
from kiosk.ui.theme import BODY_PX, TEXT_SIZES
from tests.helpers import look

pytestmark = pytest.mark.slow  # every screen at three sizes in two languages

# The staff screens keep one size for staff whatever a visitor chose (see test_review_screen).
CITIZEN_SCREENS = [s for s in SCREENS if not s.startswith("review") and s != "staff"]


def _px(widget: QWidget) -> float:
    font = widget.font()
    return font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72


def _sizes(window) -> dict[QWidget, tuple[str, float]]:  # type: ignore[no-untyped-def]
    layer = look.top_layer(window)
    return {
        w: (w.text(), _px(w))
        for w in layer.findChildren(QWidget)
        if isinstance(w, QLabel | QAbstractButton) and w.isVisibleTo(window) and w.text().strip()
    }


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("screen", CITIZEN_SCREENS)
def test_no_text_is_smaller_at_a_bigger_size(make_window, screen: str, language: str) -> None:
    window = make_window()
    window.language.choose(language)
    show_screen(window, screen, "power-on", 2, practice="flick" if screen == "practice" else None)
    measured = []
    for size in TEXT_SIZES:
        window.look.apply(size, window.state.visit.theme)
        look.settle()
        measured.append(_sizes(window))
    smaller = [
        f"{text!r}: {before:.0f}px at {TEXT_SIZES[i]}, {after[w][1]:.0f}px at {TEXT_SIZES[i + 1]}"
        for i, (below, after) in enumerate(pairwise(measured))
        for w, (text, before) in below.items()
        if w in after and after[w][1] < before
    ]
    assert smaller == []


@pytest.mark.parametrize("screen", ["menu", "finish", "trouble", "lessons", "lesson"])
def test_body_text_is_the_size_body_at_200_percent(make_window, screen: str) -> None:
    """The texts named in the issue (menu descriptions, the finish list, trouble answers …)
    keep at least the body size of 特大: nothing is made to fit by shrinking it."""
    window = make_window()
    show_screen(window, screen, "power-on", 2)
    window.look.apply("xlarge", window.state.visit.theme)
    look.settle()
    small = [
        f"{text!r}: {px:.0f}px"
        for _w, (text, px) in _sizes(window).items()
        if px < BODY_PX["xlarge"] and len(text) > 12  # sentences, not button captions such as 「▲ 上へ」
    ]
    assert small == []
