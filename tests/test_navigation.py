"""A citizen can always find the way: forward through a lesson, back, and home."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.content.lessons import Category


def test_home_to_finished_lesson_and_back_home(make_window, qtbot, library) -> None:
    window = make_window()
    assert window.current() is window.screens.home
    qtbot.mouseClick(window.screens.home.start_button, Qt.MouseButton.LeftButton)
    assert window.current() is window.screens.menu
    qtbot.mouseClick(window.screens.menu.buttons[Category.BASICS], Qt.MouseButton.LeftButton)
    assert window.current() is window.screens.lesson_list
    titles = [slot.title() for slot in window.screens.lesson_list.slots if slot.isVisible()]
    assert titles[0] == library.in_category(Category.BASICS)[0].title
    first = next(slot for slot in window.screens.lesson_list.slots if slot.isVisible())
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert window.current() is window.screens.player
    lesson = window.screens.player.lesson
    assert lesson is not None
    assert window.top_bar.title.text() == lesson.title
    for number in range(1, len(lesson.steps) + 1):
        assert window.screens.player.progress.text() == f"手順 {number} / {len(lesson.steps)}"
        assert window.screens.player.instruction.text() == lesson.steps[number - 1].text
        qtbot.mouseClick(window.screens.player.next_button, Qt.MouseButton.LeftButton)
    assert window.current() is window.screens.finish
    for line in lesson.learned:
        assert line in window.screens.finish.learned.text()
    qtbot.mouseClick(window.screens.finish.home_button, Qt.MouseButton.LeftButton)
    assert window.current() is window.screens.home


def test_last_step_says_finish_instead_of_next(make_window) -> None:
    window = make_window()
    window.lessons.open_lesson("power-on")
    assert window.screens.player.next_button.text() == "次へ ▶"
    window.screens.player.start(window.screens.player.lesson, len(window.screens.player.lesson.steps) - 1)
    assert window.screens.player.next_button.text() == "おわる ▶"


def test_back_steps_back_then_leaves_the_lesson(make_window, qtbot) -> None:
    window = make_window()
    window.screens.home.start_button.click()
    window.screens.menu.buttons[Category.BASICS].click()
    window.screens.lesson_list.slots[0].click()
    window.screens.player.next_button.click()
    assert window.screens.player.progress.text().startswith("手順 2 /")
    qtbot.mouseClick(window.screens.player.back_button, Qt.MouseButton.LeftButton)
    assert window.screens.player.progress.text().startswith("手順 1 /")
    qtbot.mouseClick(window.screens.player.back_button, Qt.MouseButton.LeftButton)
    assert window.current() is window.screens.lesson_list
    qtbot.mouseClick(window.top_bar.back_button, Qt.MouseButton.LeftButton)
    assert window.current() is window.screens.menu
    qtbot.mouseClick(window.top_bar.back_button, Qt.MouseButton.LeftButton)
    assert window.current() is window.screens.home


def test_back_and_home_are_reachable_on_every_screen(make_window) -> None:
    window = make_window()
    window.screens.home.start_button.click()
    window.screens.menu.buttons[Category.MYNUMBER].click()
    window.screens.lesson_list.slots[0].click()
    window.screens.player.go_next()
    screens = [window.screens.menu, window.screens.lesson_list, window.screens.player, window.screens.finish]
    for screen in screens:
        window.show_screen(screen, remember=False)
        bar = window.top_bar
        back_visible = (
            bar.back_button.isVisibleTo(window)
            or (screen is window.screens.player and window.screens.player.back_button.isVisibleTo(window))
            or screen is window.screens.finish
        )
        home_visible = (
            bar.home_button.isVisibleTo(window)
            or (screen is window.screens.finish and window.screens.finish.home_button.isVisibleTo(window))
            or screen is window.screens.menu
        )
        assert back_visible, type(screen).__name__
        assert home_visible, type(screen).__name__
        assert bar.staff_button.isVisibleTo(window)


def test_finish_offers_the_lesson_again_and_other_lessons(make_window) -> None:
    window = make_window()
    window.screens.home.start_button.click()
    window.screens.menu.buttons[Category.BASICS].click()
    window.screens.lesson_list.slots[0].click()
    lesson = window.screens.player.lesson
    for _ in lesson.steps:
        window.screens.player.go_next()
    window.screens.finish.again_button.click()
    assert window.current() is window.screens.player
    assert window.screens.player.index == 0 and window.screens.player.lesson is lesson
    for _ in lesson.steps:
        window.screens.player.go_next()
    window.screens.finish.more_button.click()
    assert window.current() is window.screens.lesson_list


def test_empty_category_says_so_calmly(make_window, library) -> None:
    window = make_window()
    window.screens.lesson_list.show_category(Category.PRACTICE, [])
    window.show_screen(window.screens.lesson_list)
    assert window.screens.lesson_list.empty_note.isVisibleTo(window)
    assert "係員" in window.screens.lesson_list.empty_note.text()
    assert not any(slot.isVisibleTo(window) for slot in window.screens.lesson_list.slots)


def test_long_lists_turn_pages(make_window, library) -> None:
    window = make_window()
    lessons = library.lessons * 3  # more than fit on one page
    window.screens.lesson_list.show_category(Category.BASICS, lessons)
    window.show_screen(window.screens.lesson_list)
    per_page = sum(slot.isVisibleTo(window) for slot in window.screens.lesson_list.slots)
    assert per_page == 4
    assert window.screens.lesson_list.page_label.text() == f"1 / {-(-len(lessons) // 4)}"
    assert not window.screens.lesson_list.prev_button.isEnabled()
    window.screens.lesson_list.next_button.click()
    assert window.screens.lesson_list.page_label.text().startswith("2 /")
    assert window.screens.lesson_list.slots[0].title() == lessons[4].title


def test_escape_closes_only_a_windowed_kiosk(make_window, qtbot) -> None:
    windowed = make_window()
    qtbot.keyClick(windowed, Qt.Key.Key_Escape)
    assert not windowed.isVisible()

    kiosk = make_window(kiosk_mode=True)
    kiosk.allow_close(False)
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    kiosk.close()
    assert kiosk.isVisible(), "a citizen must not be able to close the kiosk"
    kiosk.allow_close()
