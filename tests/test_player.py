"""The lesson player: pictures, 「わからない」, device variants, and what it records."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.content.lessons import Device
from kiosk.records.events import EventKind


def _kinds(store, consultation_id):  # type: ignore[no-untyped-def]
    return [(e["kind"], e["lesson_id"], e["step"]) for e in store.events(consultation_id)]


def test_dont_understand_shows_help_flags_step_and_offers_staff(make_window, qtbot, store) -> None:
    window = make_window()
    window.screens.home.start_button.click()
    window.lessons.open_lesson("power-on")
    window.screens.player.go_next()
    step = window.screens.player.current_step()
    qtbot.mouseClick(window.screens.player.help_button, Qt.MouseButton.LeftButton)
    card = window.screens.player.help_card
    assert card.isVisibleTo(window)
    assert card.text.text() == step.help
    assert card.staff_button.isVisibleTo(window)
    events = _kinds(store, window.state.recorder.consultation_id)
    assert (EventKind.DONT_UNDERSTAND.value, "power-on", 2) in events
    qtbot.mouseClick(card.staff_button, Qt.MouseButton.LeftButton)
    assert window.screens.call_staff.isVisible()
    assert EventKind.STAFF_CALLED.value in [
        e[0] for e in _kinds(store, window.state.recorder.consultation_id)
    ]
    window.screens.call_staff.back_button.click()
    qtbot.mouseClick(card.close_button, Qt.MouseButton.LeftButton)
    assert window.screens.player.instruction.isVisibleTo(window)
    assert window.screens.player.instruction.text() == step.text


def test_steps_and_lesson_are_recorded_as_they_happen(make_window, store) -> None:
    window = make_window()
    window.screens.home.start_button.click()
    consultation = window.state.recorder.consultation_id
    window.lessons.open_lesson("text-size")
    lesson = window.screens.player.lesson
    for _ in lesson.steps:
        window.screens.player.go_next()
    events = _kinds(store, consultation)
    assert events[0] == (EventKind.LESSON_STARTED.value, "text-size", None)
    shown = [e[2] for e in events if e[0] == EventKind.STEP_SHOWN.value]
    assert shown == list(range(1, len(lesson.steps) + 1))
    assert events[-1] == (EventKind.LESSON_FINISHED.value, "text-size", None)


def test_device_choice_changes_text_and_picture(make_window, library) -> None:
    lesson = library.get("power-on")
    index = next(i for i, s in enumerate(lesson.steps) if Device.IPHONE in s.variants)
    step = lesson.steps[index]
    window = make_window()
    window.lessons.open_lesson("power-on", index)
    assert window.screens.player.device_row.isVisibleTo(window)
    assert window.screens.player.instruction.text() == step.text
    window.screens.player.device_buttons[Device.IPHONE].click()
    iphone = step.for_device(Device.IPHONE)
    assert window.screens.player.instruction.text() == iphone.text
    window.screens.player.device_buttons[Device.ANDROID].click()
    assert window.screens.player.instruction.text() == step.for_device(Device.ANDROID).text
    assert iphone.text != step.for_device(Device.ANDROID).text


def test_device_row_hidden_for_lessons_without_variants(make_window, library) -> None:
    plain = next(lesson for lesson in library.lessons if not lesson.has_variants)
    window = make_window()
    window.lessons.open_lesson(plain.id)
    assert not window.screens.player.device_row.isVisibleTo(window)


def test_missing_picture_shows_placeholder_and_lesson_goes_on(make_window, library, tmp_path) -> None:
    window = make_window()
    window.lessons.open_lesson("power-on")
    window.screens.player.picture.show_file(tmp_path / "gone.svg")
    assert window.screens.player.picture.missing
    window.screens.player.go_next()
    assert window.screens.player.progress.text().startswith("手順 2 /")
    assert not window.screens.player.picture.missing


def test_every_shipped_picture_renders(make_window, library) -> None:
    window = make_window()
    for lesson in library.lessons:
        for _, _, name in lesson.pictures():
            window.screens.player.picture.show_file(library.picture_path(name))
            assert not window.screens.player.picture.missing, name
