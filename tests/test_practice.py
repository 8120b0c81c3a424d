"""The practice corner, driven by real Qt touch events (one and two fingers) and by the mouse."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest

from kiosk.practice.exercises import EXERCISES, Gesture
from kiosk.records.events import EventKind
from kiosk.settings import Settings
from kiosk.ui.monkey import Monkey
from tests.helpers import look

pytestmark = pytest.mark.slow  # its monkey alone takes more than a minute

QUICK = Settings(long_press_ms=300, double_tap_ms=300, swipe_px=80)
_DEVICES: list[QPointingDevice] = []


def _device() -> QPointingDevice:
    """One touch screen for the session, made once the application exists."""
    if not _DEVICES:
        _DEVICES.append(QTest.createTouchDevice())
    return _DEVICES[0]


def _open(make_window, gesture: Gesture, **settings):  # type: ignore[no-untyped-def]
    window = make_window(settings=QUICK.model_copy(update=settings))
    window.screens.home.practice_button.click()
    window.screens.practice_menu.buttons[gesture].click()
    look.settle()
    return window, window.screens.practice.area


def _p(point: QPointF) -> QPoint:
    return point.toPoint()


class _Touch:
    """Touch points in an exercise's coordinates, sent through its window as a touch screen does.

    (QTest.touchEvent on a child widget does not reach it in PySide6; on the window it does.)
    """

    def __init__(self, area) -> None:  # type: ignore[no-untyped-def]
        self.area = area
        self.window = area.window()
        self.seq = QTest.touchEvent(self.window, _device())

    def _at(self, point: QPoint) -> QPoint:
        return self.area.mapTo(self.window, point)

    def press(self, finger: int, point: QPoint) -> _Touch:
        self.seq.press(finger, self._at(point))
        return self

    def move(self, finger: int, point: QPoint) -> _Touch:
        self.seq.move(finger, self._at(point))
        return self

    def release(self, finger: int, point: QPoint) -> _Touch:
        self.seq.release(finger, self._at(point))
        return self

    def commit(self) -> None:
        self.seq.commit()


def _touch_tap(area, where: QPointF) -> None:  # type: ignore[no-untyped-def]
    _Touch(area).press(0, _p(where)).commit()
    _Touch(area).release(0, _p(where)).commit()


def _touch_move(area, start: QPointF, end: QPointF, steps: int = 5) -> None:  # type: ignore[no-untyped-def]
    _Touch(area).press(0, _p(start)).commit()
    for i in range(1, steps + 1):
        _Touch(area).move(0, _p(start + (end - start) * (i / steps))).commit()
    _Touch(area).release(0, _p(end)).commit()


def _mouse_move(area, start: QPointF, end: QPointF) -> None:  # type: ignore[no-untyped-def]
    QTest.mousePress(area, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _p(start))
    QTest.mouseMove(area, _p((start + end) / 2))
    QTest.mouseRelease(area, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _p(end))


def test_tap_by_touch_and_mouse_shrinks_the_target_and_a_miss_is_met_kindly(make_window) -> None:
    window, area = _open(make_window, Gesture.TAP)
    assert area.sizer.size == 200
    _touch_tap(area, area.target)
    assert area.done == 1 and area.sizer.size == 180
    assert window.screens.practice.feedback.text() in (
        "いいですね。",
        "じょうずです。",
        "その ちょうしです。",
    )
    QTest.mouseClick(area, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _p(area.target))
    assert area.done == 2 and area.sizer.size == 160
    far = QPointF(area.width() - area.target.x(), area.height() - area.target.y())
    far = far if abs(far.x() - area.target.x()) > 150 else QPointF(5, 5)
    QTest.mouseClick(area, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _p(far))
    assert area.done == 2 and area.sizer.size == 180  # bigger again after a miss
    assert "丸の 中" in window.screens.practice.feedback.text()
    for _ in range(30):  # down to the smallest target, never below 60 px
        if area.finished:
            break
        _touch_tap(area, area.target)
    assert area.finished and area.sizer.smallest == 60 and area.sizer.size >= 60
    assert window.screens.practice.next_button.isVisible()


def test_a_missed_tap_leaves_the_circle_where_it_was(make_window) -> None:
    """Issue 21: after a miss the circle jumped somewhere else; now it stays (a little bigger) with a hint."""
    window, area = _open(make_window, Gesture.TAP)
    before = QPointF(area.target)
    far = QPointF(5, 5) if before.x() > area.width() / 2 else QPointF(area.width() - 5, area.height() - 5)
    for _ in range(2):
        QTest.mouseClick(area, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _p(far))
        assert area.done == 0 and "丸の 中" in window.screens.practice.feedback.text()
        assert (area.target - before).manhattanLength() < 25  # at most nudged inside the edge
    _touch_tap(area, area.target)  # and it is still there to be touched
    assert area.done == 1


def test_double_tap_is_generous_and_explains_a_single_tap(make_window, qtbot) -> None:
    window, area = _open(make_window, Gesture.DOUBLE_TAP)
    centre = QPointF(area.width() / 2, area.height() / 2)
    _touch_tap(area, centre)
    qtbot.wait(120)  # a slow second tap, still inside the interval
    _touch_tap(area, centre)
    assert area.done == 1 and area.zoomed
    QTest.mouseClick(area, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _p(centre))
    qtbot.waitUntil(lambda: "1回 でした" in window.screens.practice.feedback.text(), timeout=2000)
    assert area.done == 1


def test_long_press_fills_the_ring_and_says_when_to_let_go(make_window, qtbot) -> None:
    window, area = _open(make_window, Gesture.LONG_PRESS)
    centre = _p(area.centre)
    _Touch(area).press(0, centre).commit()
    qtbot.waitUntil(lambda: area.fill >= 1.0, timeout=3000)
    assert "指を はなして" in window.screens.practice.feedback.text()
    _Touch(area).release(0, centre).commit()
    assert area.done == 1
    QTest.mouseClick(area, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)  # too short
    assert area.done == 1 and "もう少し 長く" in window.screens.practice.feedback.text()
    QTest.mousePress(area, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    qtbot.wait(400)
    QTest.mouseRelease(area, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    assert area.done == 2


def test_swipe_in_the_arrows_direction(make_window) -> None:
    window, area = _open(make_window, Gesture.SWIPE)
    c = QPointF(area.width() / 2, area.height() / 2)
    _touch_move(area, c, c + QPointF(-300, 10))  # left, as asked
    assert area.done == 1
    _touch_move(area, c, c + QPointF(300, 0))  # the wrong way
    assert area.done == 1 and "左へ 動かします" in window.screens.practice.feedback.text()
    _touch_move(area, c, c + QPointF(-30, 0))  # too short to be a swipe
    assert area.done == 1 and "もう少し 長く" in window.screens.practice.feedback.text()
    _mouse_move(area, c, c + QPointF(-300, 0))
    _mouse_move(area, c, c + QPointF(300, 0))  # right
    _touch_move(area, c, c + QPointF(0, -250))  # up
    _mouse_move(area, c, c + QPointF(0, 250))  # down
    assert area.finished


def test_drag_the_apple_into_the_basket(make_window) -> None:
    window, area = _open(make_window, Gesture.DRAG)
    _touch_move(area, area.apple, area.apple + QPointF(0, 5))  # dropped short of the basket
    assert area.done == 0 and "かごの 中まで" in window.screens.practice.feedback.text()
    _touch_move(area, area.apple, area.basket().center(), steps=10)
    assert area.done == 1
    _mouse_move(area, area.apple, area.basket().center())
    assert area.done == 2
    QTest.mouseClick(area, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(4, 4))
    assert "りんごに 指を のせて" in window.screens.practice.feedback.text()


def test_pinch_with_two_fingers_and_the_one_finger_way(make_window) -> None:
    window, area = _open(make_window, Gesture.PINCH)
    c = QPointF(area.width() / 2, area.height() / 2)

    def pinch(start: float, end: float) -> None:
        _Touch(area).press(0, _p(c - QPointF(start, 0))).press(1, _p(c + QPointF(start, 0))).commit()
        for i in range(1, 6):
            d = start + (end - start) * i / 5
            _Touch(area).move(0, _p(c - QPointF(d, 0))).move(1, _p(c + QPointF(d, 0))).commit()
        _Touch(area).release(0, _p(c - QPointF(end, 0))).release(1, _p(c + QPointF(end, 0))).commit()

    _touch_tap(area, c)
    assert "2本の 指で" in window.screens.practice.feedback.text()
    pinch(60, 80)  # not far enough
    assert area.done == 0 and "もう少し 指を 広げます" in window.screens.practice.feedback.text()
    pinch(60, 200)
    assert area.done == 1 and area.scale >= 1.8
    pinch(200, 50)
    assert area.finished and area.scale <= 1.1
    window.screens.practice.open(Gesture.PINCH)
    assert window.screens.practice.zoom_in.isVisible()
    for _ in range(3):
        window.screens.practice.zoom_in.click()
    assert area.done == 1  # ＋ three times: 1.95×, bigger without two fingers


def _flick(window, label: str, direction: str) -> None:  # type: ignore[no-untyped-def]
    key = window.screens.practice.area.key_buttons[label]
    centre = QPoint(key.width() // 2, key.height() // 2)
    offset = {
        "tap": QPoint(0, 0),
        "left": QPoint(-60, 0),
        "up": QPoint(0, -60),
        "right": QPoint(60, 0),
        "down": QPoint(0, 60),
    }
    QTest.mousePress(key, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    QTest.mouseRelease(
        key, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre + offset[direction]
    )


def test_flick_keyboard_types_words_with_modifier_and_conversion(make_window) -> None:
    window, area = _open(make_window, Gesture.FLICK)
    _flick(window, "な", "tap")
    _flick(window, "ら", "up")
    assert area.typed() == "なる"
    _flick(window, "さ", "tap")  # a wrong letter: told where the right one is
    assert "「と」は「た」の キーを 下へ" in window.screens.practice.feedback.text()
    area.erase_button.click()
    _flick(window, "た", "down")
    assert area.done == 1  # なると
    for label, direction in (("さ", "left"), ("や", "tap"), ("か", "up"), ("さ", "left"), ("や", "down")):
        _flick(window, label, direction)
    area.key_buttons["゛゜小"].click()  # よ → ょ
    assert area.done == 2  # しやくしょ
    _flick(window, "た", "right")
    area.key_buttons["゛゜小"].click()  # て → で
    for label, direction in (("わ", "up"), ("わ", "tap")):
        _flick(window, label, direction)
    assert area.typed() == "でんわ" and "変換" in window.screens.practice.feedback.text() and area.done == 2
    area.convert_button.click()
    choices = [area.candidates.itemAt(i).widget() for i in range(area.candidates.count())]
    next(b for b in choices if b.text() == "電話").click()
    assert area.finished


def test_a_touch_on_a_flick_key_types_too(make_window) -> None:
    window, area = _open(make_window, Gesture.FLICK)
    key = area.key_buttons["な"]
    centre = key.mapTo(window, QPoint(key.width() // 2, key.height() // 2))
    QTest.touchEvent(window, _device()).press(0, centre).commit()
    QTest.touchEvent(window, _device()).move(0, centre + QPoint(0, -50)).commit()
    QTest.touchEvent(window, _device()).release(0, centre + QPoint(0, -50)).commit()
    assert area.typed() == "ぬ"


def test_qwerty_romaji(make_window) -> None:
    window, area = _open(make_window, Gesture.QWERTY)
    for letter in "naruto":
        area.key_buttons[letter].click()
    assert area.done == 1
    for letter in "shiyakus":
        area.key_buttons[letter].click()
    assert area.typed() == "しやくs"  # a letter waits for the next one
    area.key_buttons["a"].click()  # しやくさ: not the word
    assert area.done == 1 and "消す" in window.screens.practice.feedback.text()
    area.erase_button.click()
    for letter in "sho":
        area.key_buttons[letter].click()
    assert area.done == 2


def test_results_are_recorded_when_done_and_when_left(make_window, store) -> None:
    window, area = _open(make_window, Gesture.TAP)
    for _ in range(20):
        if area.finished:
            break
        _touch_tap(area, area.target)
    QTest.mouseClick(area, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(3, 3))
    window.back()
    window.screens.practice_menu.buttons[Gesture.SWIPE].click()
    window.go_home()  # left the swipe without trying: nothing to record
    window.screens.home.practice_button.click()
    window.screens.practice_menu.buttons[Gesture.LONG_PRESS].click()
    look.settle()
    QTest.mouseClick(
        window.screens.practice.area, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(3, 3)
    )
    window.go_home()
    window.state.recorder.flush()
    results = [json.loads(e["detail"]) for e in store.events() if e["kind"] == EventKind.PRACTICE_RESULT]
    assert [(r["exercise"], r["finished"]) for r in results] == [("tap", True), ("long-press", False)]
    assert results[0]["successes"] == 8 and results[0]["attempts"] >= 8
    assert results[1] == {**results[1], "attempts": 1, "successes": 0, "not_yet": {"missed": 1}}
    assert len(store.consultations()) == 2


def test_the_course_chains_tap_long_press_swipe_flick(make_window) -> None:
    window = make_window(settings=QUICK)
    window.screens.home.practice_button.click()
    window.screens.practice_menu.course_button.click()
    seen = []
    for _ in range(4):
        area = window.screens.practice.area
        seen.append(area.info.id)
        area.done = area.info.rounds - 1
        area.succeed()
        window.screens.practice.next_button.click()
    assert seen == [Gesture.TAP, Gesture.LONG_PRESS, Gesture.SWIPE, Gesture.FLICK]
    assert window.current() is window.screens.practice_menu


@pytest.mark.parametrize("text_size", ["standard", "xlarge"])
def test_every_exercise_is_readable_and_touchable(make_window, text_size: str) -> None:
    window = make_window(settings=QUICK.model_copy(update={"text_size": text_size}))
    window.screens.home.practice_button.click()
    look.settle()
    assert look.small_targets(window) == [] and look.clipped(window) == []
    for info in EXERCISES:
        window.lessons.open_practice(info.id.value)
        look.settle()
        assert window.size().width() == 1920 and window.size().height() == 1080, info.id
        assert look.small_targets(window) == [], info.id
        assert look.crowded_targets(window) == [], info.id
        assert look.clipped(window) == [], info.id
        assert look.low_contrast(window) == [], info.id


def test_demo_plays_over_each_exercise(make_window, qtbot) -> None:
    window = make_window(settings=QUICK)
    window.screens.home.practice_button.click()
    for info in EXERCISES:
        window.lessons.open_practice(info.id.value)
        look.settle()
        window.screens.practice.demo_button.click()
        assert window.screens.practice.demo.playing, info.id
        qtbot.waitUntil(lambda: not window.screens.practice.demo.playing, timeout=5000)


def test_monkey_in_the_practice_corner(make_window, store) -> None:
    window = make_window(settings=QUICK)
    window.screens.home.practice_button.click()
    report = Monkey(window, seed=5).run(600)
    assert report.errors == []
    window.state.recorder.flush()
    assert store.consultations()


def test_a_touch_on_a_qwerty_key_types_too(make_window) -> None:
    """Plain keys get touches as clicks (Qt turns an unhandled touch into a mouse click)."""
    window, area = _open(make_window, Gesture.QWERTY)
    for letter in "na":
        key = area.key_buttons[letter]
        centre = key.mapTo(window, QPoint(key.width() // 2, key.height() // 2))
        QTest.touchEvent(window, _device()).press(0, centre).commit()
        QTest.touchEvent(window, _device()).release(0, centre).commit()
    assert area.typed() == "な"


@pytest.mark.parametrize("text_size", ["standard", "large", "xlarge"])
def test_flick_hints_are_readable_and_clear_of_the_border_and_the_key_letter(make_window, text_size) -> None:
    """Issue 21: the other kana on a flick key were ~20 px and touched the key's border."""
    from kiosk.ui.practice.keyboards import FlickKeyButton

    _, area = _open(make_window, Gesture.FLICK, text_size=text_size)
    for label, key in area.key_buttons.items():
        if not isinstance(key, FlickKeyButton):
            continue
        with_hints = key.grab().toImage()
        key.show_hints = False
        without = key.grab().toImage()
        key.show_hints = True
        hint_ink = [
            (x, y)
            for y in range(key.height())
            for x in range(key.width())
            if with_hints.pixel(x, y) != without.pixel(x, y)
        ]
        background = without.pixel(key.width() // 2, 8)  # inside the border, above everything
        assert hint_ink, label
        xs, ys = [x for x, _ in hint_ink], [y for _, y in hint_ink]
        # Clear of the 4 px border, with air: at least 8 px from every edge.
        assert min(xs) >= 8 and min(ys) >= 8, (label, min(xs), min(ys))
        assert max(xs) <= key.width() - 9 and max(ys) <= key.height() - 9, (label, max(xs), max(ys))
        # Never drawn over the key letter.
        assert all(without.pixel(x, y) == background for x, y in hint_ink), label
        # Big enough to read: the hint above the letter is as tall as 24 px type (kana ink ≥ 19 px).
        if "う" in key.accessibleName():
            above = [y for x, y in hint_ink if abs(x - key.width() / 2) < 20 and y < key.height() / 2]
            assert max(above) - min(above) + 1 >= 19, (label, max(above) - min(above) + 1)
