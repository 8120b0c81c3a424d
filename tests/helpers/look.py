"""Measure what a person sees: target sizes, gaps, contrast of rendered text, clipping."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6 import QtGui
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from kiosk.ui.widgets.overlay import Overlay
from kiosk.ui.widgets.ruby_text import RubyText

MIN_TARGET = 80
MIN_GAP = 12
MIN_CONTRAST = 7.0
MIN_TEXT_PX = 32


def settle() -> None:
    """Let layouts finish, as they have by the time a person sees the screen."""
    for _ in range(3):
        QApplication.processEvents()


def top_layer(window: QWidget) -> QWidget:
    """An open overlay hides everything under it; only its widgets are seen then."""
    overlays = [w for w in window.findChildren(Overlay) if w.isVisibleTo(window)]
    return overlays[-1] if overlays else window


def visible_widgets(window: QWidget, kind: type[QWidget]) -> list[QWidget]:
    layer = top_layer(window)
    return [w for w in layer.findChildren(kind) if w.isVisibleTo(window) and w.width() > 0]


def window_rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def shown_text(widget: QWidget) -> str:
    if isinstance(widget, QLabel | QAbstractButton):
        return widget.text()
    return ""


def buttons(window: QWidget) -> list[QAbstractButton]:
    return [b for b in visible_widgets(window, QAbstractButton) if isinstance(b, QAbstractButton)]


def small_targets(window: QWidget) -> list[str]:
    return [
        f"{b.accessibleName() or b.text()!r} is {b.width()}×{b.height()}"
        for b in buttons(window)
        if b.width() < MIN_TARGET or b.height() < MIN_TARGET
    ]


def _gap(a: QRect, b: QRect) -> int:
    return max(
        b.left() - a.right() - 1,
        a.left() - b.right() - 1,
        b.top() - a.bottom() - 1,
        a.top() - b.bottom() - 1,
    )


def crowded_targets(window: QWidget) -> list[str]:
    found = []
    shown = buttons(window)
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            gap = _gap(window_rect(a, window), window_rect(b, window))
            if gap < MIN_GAP:
                found.append(
                    f"{a.text() or a.accessibleName()!r} / {b.text() or b.accessibleName()!r}: {gap}px"
                )
    return found


def luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@dataclass
class Measured:
    text: str
    ratio: float
    background: QColor
    foreground: QColor


def text_contrast(image: QImage, widget: QWidget, window: QWidget) -> Measured | None:
    """Contrast between a text widget's background and its text, read from the rendered pixels.

    Background = the most common colour; text = the colour (present on at least 20
    pixels, so stems of glyphs and not antialiasing fringes) farthest from it.
    """
    rect = (
        window_rect(widget, window).adjusted(8, 8, -8, -8)
        if isinstance(widget, QAbstractButton)
        else window_rect(widget, window)
    )
    rect = rect.intersected(image.rect())
    if rect.width() < 4 or rect.height() < 4:
        return None
    counts = _colour_counts(image, rect)
    background = QColor(counts.most_common(1)[0][0])
    candidates = [QColor(rgb) for rgb, n in counts.items() if n >= 20]
    if len(candidates) < 2:
        return None
    foreground = max(candidates, key=lambda c: contrast(c, background))
    return Measured(shown_text(widget), contrast(foreground, background), background, foreground)


def _colour_counts(image: QImage, rect: QRect, *, step: int = 1) -> Counter[int]:
    """How many pixels of each colour (0xRRGGBB) in `rect`; every `step`-th pixel each way."""
    words = memoryview(image.constBits()).cast("I")  # Format_RGB32: one 32-bit word a pixel
    stride = image.bytesPerLine() // 4
    counts: Counter[int] = Counter()
    for y in range(rect.top(), rect.bottom() + 1, step):
        start = y * stride + rect.left()
        counts.update(value & 0xFFFFFF for value in words[start : start + rect.width() : step])
    return counts


@functools.cache
def _rgb_contrast(a: int, b: int) -> float:
    return contrast(QColor(a), QColor(b))


def grab(window: QWidget) -> QImage:
    return window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def scrolled_away(widget: QWidget, window: QWidget) -> bool:
    """Above or below its scroll area's view: the person scrolls to it, it is not cut off.

    Only up and down: the pages never scroll sideways, so a text that runs past the view's
    left or right edge is cut off and stays a finding.
    """
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            view, rect = window_rect(parent, window), window_rect(widget, window)
            sideways_in = view.left() <= rect.left() and rect.right() <= view.right()
            can_scroll = area.verticalScrollBar().maximum() > 0
            if sideways_in and can_scroll and not view.contains(rect):
                return True
        parent = area
    return False


def text_widgets(window: QWidget, *, scrolled_too: bool = False) -> list[QWidget]:
    """The texts in view; with `scrolled_too`, also those a person scrolls to."""
    return [
        w
        for w in visible_widgets(window, QWidget)
        if isinstance(w, QLabel | QAbstractButton)
        and shown_text(w).strip()
        and (scrolled_too or not scrolled_away(w, window))
    ]


def scroll_through(window: QWidget) -> Iterator[int]:
    """Scroll each page that scrolls a view at a time, top to bottom, yielding at each view:
    a text below the fold is checked where the person sees it. Back at the top afterwards."""
    for area in visible_widgets(window, QAbstractScrollArea):
        assert isinstance(area, QAbstractScrollArea)
        bar = area.verticalScrollBar()
        if bar.maximum() <= 0 or not area.viewport().isVisible():
            continue
        for value in range(bar.pageStep(), bar.maximum() + bar.pageStep(), bar.pageStep()):
            bar.setValue(min(value, bar.maximum()))
            settle()
            yield bar.value()
        bar.setValue(0)
        settle()


def low_contrast(window: QWidget) -> list[str]:
    image = grab(window)
    found = []
    for widget in text_widgets(window):
        measured = text_contrast(image, widget, window)
        if measured is None:
            found.append(f"{shown_text(widget)!r}: no text pixels found")
        elif measured.ratio < MIN_CONTRAST:
            found.append(
                f"{measured.text!r}: {measured.ratio:.1f}:1 "
                f"({measured.foreground.name()} on {measured.background.name()})"
            )
    return found


def small_text(window: QWidget) -> list[str]:
    return [
        f"{shown_text(w)!r}: {w.font().pixelSize()}px"
        for w in text_widgets(window)
        if 0 < w.font().pixelSize() < MIN_TEXT_PX
        or (w.font().pixelSize() <= 0 and w.font().pointSizeF() * 96 / 72 < MIN_TEXT_PX)
    ]


def clipped(window: QWidget) -> list[str]:
    """Text widgets that are cut off: too small for their text, or outside the window."""
    found = []
    for widget in text_widgets(window, scrolled_too=True):
        rect = window_rect(widget, window)
        text = shown_text(widget)
        # Below the fold (or above it) the view cuts it by design; its own size still counts.
        in_view = not scrolled_away(widget, window)
        if in_view and not window.rect().contains(rect):
            found.append(f"{text!r} lies outside the window at {rect}")
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            need_h = widget.heightForWidth(widget.width())
            if need_h > widget.height() + 1:
                found.append(f"{text!r} needs {need_h}px height, has {widget.height()}")
            # Its longest word, which no line break can make narrower ("Android" at 特大).
            need_w = widget.minimumSizeHint().width()
            if need_w > widget.width() + 1:
                found.append(f"{text!r} needs {need_w}px for its longest word, has {widget.width()}")
        else:
            hint = widget.sizeHint()
            if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
                found.append(
                    f"{text!r} needs {hint.width()}×{hint.height()}, has {widget.width()}×{widget.height()}"
                )
        if isinstance(widget, RubyText) and widget.overflow() > 1:
            found.append(f"{text!r} runs {widget.overflow():.0f}px past its right edge")
        # A parent that is smaller than the widget cuts it off too.
        parent = widget.parentWidget() if in_view else None
        while parent is not None and parent is not window:
            if not window_rect(parent, window).contains(rect):
                found.append(f"{text!r} is cut off by {type(parent).__name__}")
                break
            parent = parent.parentWidget()
    return found


INK_CONTRAST = 4.5  # solid ink on the edge: a stroke cut through (a glyph that just fits leaves only a faint fringe there)


def _content_rect(widget: QWidget) -> QRect:
    """Where Qt draws (and clips) a widget's text: inside its border and padding."""
    if isinstance(widget, QPushButton):
        option = QStyleOptionButton()
        widget.initStyleOption(option)
        return widget.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, widget)
    if isinstance(widget, QLabel) and _is_rich_text(widget):
        # Rich text is clipped to its layout rectangle, `margin` inside the contents.
        margin = widget.margin()
        return widget.contentsRect().adjusted(margin, margin, -margin, -margin)
    # Plain text is laid out `margin` inside the contents but clipped there only when its
    # lines do not fit (`clipped` reports that); otherwise it may draw into the margin, as
    # the UD font's É and antialiased tails do, and the widget's contents are the clip.
    return widget.contentsRect()


def _is_rich_text(label: QLabel) -> bool:
    kind = label.textFormat()
    if kind == Qt.TextFormat.AutoText:
        return bool(QtGui.Qt.mightBeRichText(label.text()))
    return kind in (Qt.TextFormat.RichText, Qt.TextFormat.MarkdownText)


def _edges_to_check(widget: QWidget) -> set[str]:
    """Every edge a text can be cut at. A left-aligned text starts at its left edge by design
    (and a right-aligned one ends at its right): only the other side shows a cut."""
    edges = {"top", "bottom", "left", "right"}
    if isinstance(widget, QLabel):
        horizontal = widget.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask
        if horizontal in (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignLeading):
            edges.discard("left")
        elif horizontal in (Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignTrailing):
            edges.discard("right")
    return edges


def glyphs_at_edges(window: QWidget) -> list[str]:
    """Texts whose glyphs reach the edge where Qt clips them (a letter's tail, a character's
    side, a whole word): the text needed more room than its widget gave it."""
    image = grab(window)
    bits = memoryview(image.constBits()).cast("B")
    stride = image.bytesPerLine()

    def rgb(x: int, y: int) -> int:
        start = y * stride + x * 4
        return int.from_bytes(bits[start : start + 4], "little") & 0xFFFFFF

    found = []
    for widget in text_widgets(window):
        if isinstance(widget, QAbstractButton) and widget.layout() is not None:
            continue  # a big button's words are its labels, measured on their own
        content = _content_rect(widget)
        rect = QRect(widget.mapTo(window, content.topLeft()), content.size()).intersected(image.rect())
        if rect.width() < 4 or rect.height() < 4:
            continue
        # The background is the commonest colour: every fourth pixel each way shows it as well.
        background = _colour_counts(image, rect, step=4).most_common(1)[0][0]
        xs, ys = range(rect.left(), rect.right() + 1), range(rect.top(), rect.bottom() + 1)
        sides = {
            "top": [(x, rect.top()) for x in xs],
            "bottom": [(x, rect.bottom()) for x in xs],
            "left": [(rect.left(), y) for y in ys],
            "right": [(rect.right(), y) for y in ys],
        }
        touched = [
            side
            for side, pixels in sides.items()
            if side in _edges_to_check(widget)
            and sum(_rgb_contrast(rgb(x, y), background) >= INK_CONTRAST for x, y in pixels) >= 2
        ]
        if touched:
            found.append(f"{shown_text(widget)!r} touches its {'/'.join(touched)} edge")
    return found
