"""The supporter course: lessons with self-checks, progress per supporter, the 「修了」 slip, staff view."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableWidget

from kiosk.content.lessons import COURSE, Category
from kiosk.content.library import LessonLibrary, load_library
from kiosk.handoff.printing import BackgroundPrinting
from kiosk.paths import LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR
from kiosk.records import course
from kiosk.records.accounts import Accounts, Role
from kiosk.records.events import EventKind
from kiosk.records.store import RecordStore
from kiosk.settings import Settings
from tests.helpers import look
from tests.helpers.cli import kiosk
from tests.helpers.pdf_printer import PdfPrinter, pdf_text

PIN = "4826"


def _sign_in(window, store: RecordStore, name: str = "tanaka") -> None:  # type: ignore[no-untyped-def]
    Accounts(store).set_pin(name, Role.SUPPORTER, PIN, actor="test")
    window.helpers.open_pin_pad()
    window.screens.pin_pad.pin_entered.emit(PIN)
    window.screens.intake.hide()  # the supporter is here to learn, not to help someone now


def _take(window, lesson_id: str, *, right: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Play a course lesson to its end and answer every self-check question."""
    lesson = window.state.library.get(lesson_id)
    window.lessons.open_lesson(lesson_id)
    for _ in lesson.steps:
        window.screens.player.next_button.click()
    assert window.current() is window.screens.self_check
    for question in lesson.check:
        choice = question.right if right else (question.right + 1) % len(question.choices)
        window.screens.self_check.choices[choice].click()
        window.screens.self_check.next_button.click()
    assert window.current() is window.screens.finish


def test_the_course_is_its_own_category_with_a_self_check_on_every_lesson(library: LessonLibrary) -> None:
    lessons = library.in_category(COURSE)
    assert len(lessons) >= 8
    for lesson in lessons:
        assert 3 <= len(lesson.check) <= 5, lesson.id
        for question in lesson.check:
            assert 2 <= len(question.choices) <= 4
            assert 0 <= question.right < len(question.choices)
        assert lesson.sources, f"{lesson.id}: where its facts come from"
    checked = [p for p in library.problems if "supporter-" in str(p.file)]
    assert not [p for p in checked if p.fatal], checked


def test_lessons_list_json_shows_the_course(tmp_path: Path) -> None:
    listed = kiosk("lessons", "list", "--json", data_dir=tmp_path)
    assert listed.returncode == 0, listed.stderr
    rows = [row for row in json.loads(listed.stdout) if row["category"] == "supporter"]
    assert len(rows) >= 8
    assert all(row["check"] >= 3 for row in rows)


def test_the_checker_wants_a_self_check_on_a_course_lesson(tmp_path: Path) -> None:
    folder = tmp_path / "lessons"
    folder.mkdir()
    source = (LESSONS_DIR / "supporter-privacy.yaml").read_text(encoding="utf-8")
    without = source[: source.index("\ncheck:")] + "\n"
    (folder / "supporter-privacy.yaml").write_text(without, encoding="utf-8")
    wrong_answer = source.replace("answer: 1", "answer: 9").replace("answer: 2", "answer: 9")
    (folder / "supporter-wrong.yaml").write_text(
        wrong_answer.replace("id: supporter-privacy", "id: supporter-wrong"), encoding="utf-8"
    )
    checked = kiosk("lessons", "check", str(folder), data_dir=tmp_path)
    assert checked.returncode != 0
    assert "supporter-privacy.yaml" in checked.stdout and "確かめ問題を 3〜5 問" in checked.stdout
    assert "supporter-wrong.yaml" in checked.stdout and "答えは 1〜" in checked.stdout


def test_a_citizen_sees_the_course_only_through_its_marked_entry(make_window) -> None:
    window = make_window()
    window.screens.home.start_button.click()
    assert window.current() is window.screens.menu
    assert not window.screens.menu.buttons[Category.SUPPORTER].isVisible()
    assert window.screens.menu.course_entry.isVisible()
    assert "サポーター" in window.screens.menu.course_entry.accessibleName()
    for category in (Category.BASICS, Category.MYNUMBER):
        window.lessons.open_category(category.value)
        shown = [lesson.id for lesson in window.screens.lesson_list.lessons]
        assert shown and not any(lesson_id.startswith("supporter-") for lesson_id in shown)
        window.back()
    window.screens.menu.course_entry.click()
    assert window.current() is window.screens.lesson_list
    assert {lesson.category for lesson in window.screens.lesson_list.lessons} == {COURSE}


def test_a_supporter_sees_the_course_among_the_choices(make_window, store) -> None:
    window = make_window()
    _sign_in(window, store)
    window.screens.home.start_button.click()
    assert window.screens.menu.buttons[Category.SUPPORTER].isVisible()
    assert not window.screens.menu.course_entry.isVisible()
    assert window.helpers.bar.course_button.isVisible()


def test_answers_are_recorded_and_explained_without_a_score(make_window, store, library) -> None:
    window = make_window()
    _sign_in(window, store)
    window.helpers.bar.course_button.click()
    assert window.current() is window.screens.lesson_list
    lesson = library.get("supporter-privacy")
    window.lessons.open_lesson(lesson.id)
    for _ in lesson.steps:
        window.screens.player.next_button.click()
    first = lesson.check[0]
    wrong = (first.right + 1) % len(first.choices)
    window.screens.self_check.choices[wrong].click()
    look.settle()
    assert window.screens.self_check.explanation.isVisible()
    assert window.screens.self_check.explanation.text() == first.explanation
    assert first.choices[first.right] in window.screens.self_check.verdict.text()
    assert not any(button.isVisible() for button in window.screens.self_check.choices)
    window.screens.self_check.next_button.click()
    second = lesson.check[1]
    window.screens.self_check.choices[second.right].click()
    assert "そのとおり" in window.screens.self_check.verdict.text()
    window.state.recorder.flush()
    answers = [
        (e["step"], e["detail"]) for e in store.events() if e["kind"] == EventKind.CHECK_ANSWERED.value
    ]
    assert answers == [(1, "wrong"), (2, "right")]
    consultation = store.consultations()[-1]
    assert consultation["mode"] == "training" and consultation["supporter_id"] == "tanaka"
    progress = course.progress_of(store, "tanaka")
    assert (progress.answered, progress.correct) == (2, 1) and not progress.finished
    for text in (window.screens.self_check.verdict.text(), window.screens.self_check.screen_title()):
        assert "点" not in text and "不正解" not in text


def test_progress_survives_a_restart_and_the_finished_course_prints_its_slip(
    make_window, store, library, tmp_path, qtbot
) -> None:
    lessons = [lesson.id for lesson in library.in_category(COURSE)]
    window = make_window()
    _sign_in(window, store)
    window.lessons.start_training()
    for lesson_id in lessons[:-1]:
        _take(window, lesson_id, right=lesson_id != lessons[0])
        assert not window.screens.finish.certificate_button.isVisible()
    window.helpers.sign_out("test")
    window.close()
    path = store.path
    store.close()

    reopened = RecordStore(path, kiosk_id="test-kiosk")  # the kiosk starts again
    try:
        progress = course.progress_of(reopened, "tanaka")
        assert set(progress.finished) == set(lessons[:-1])
        first = library.get(lessons[0])
        assert progress.correct == progress.answered - len(first.check)
        from kiosk.records.recorder import Recorder
        from kiosk.ui.main_window import KioskWindow

        printer = PdfPrinter(tmp_path)
        again = KioskWindow(library, Settings(), Recorder(reopened), printing=BackgroundPrinting(printer))
        qtbot.addWidget(again)
        again.allow_close()
        again.resize(1920, 1080)
        again.show()
        _sign_in(again, reopened)
        again.lessons.start_training()
        _take(again, lessons[-1])
        assert again.screens.finish.certificate_button.isVisible()
        again.screens.finish.certificate_button.click()
        qtbot.waitUntil(lambda: bool(printer.printed), timeout=10_000)
        qtbot.waitUntil(lambda: "印刷しました" in again.screens.finish.status.text(), timeout=10_000)
        text = pdf_text(printer.printed[0])
        assert "サポーター講座" in text and "修了" in text
        assert Settings().room_name in text
        assert "tanaka" not in text  # no name is printed: the person writes it
        for lesson_id in lessons:
            assert library.get(lesson_id).title.split("{")[0][:6] in text
        again.state.recorder.flush()
        assert course.progress_of(reopened, "tanaka").complete(lessons)
        again.close()
    finally:
        reopened.close()


def test_a_visitor_who_finishes_every_lesson_may_print_the_slip_too(make_window, library) -> None:
    window = make_window()
    window.screens.home.start_button.click()
    window.screens.menu.course_entry.click()
    lessons = [lesson.id for lesson in library.in_category(COURSE)]
    for lesson_id in lessons:
        _take(window, lesson_id)
    assert window.screens.finish.certificate_button.isVisible()
    window.idle.reset()
    assert not window.lessons.course.complete()


@pytest.mark.slow
def test_the_certificate_command_writes_every_paper(tmp_path: Path, library) -> None:
    for paper in ("80mm", "58mm", "a4"):
        pdf = tmp_path / f"certificate-{paper}.pdf"
        made = kiosk("course", "certificate", "--pdf", str(pdf), "--paper", paper, data_dir=tmp_path)
        assert made.returncode == 0, made.stderr
        text = pdf_text(pdf)
        assert "修了" in text and "お名前" in text
    english = tmp_path / "certificate-en.pdf"
    made = kiosk("course", "certificate", "--pdf", str(english), "--language", "en", data_dir=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "Supporter course" in pdf_text(english)


def test_staff_see_who_finished_which_lesson(make_window, store, library) -> None:
    lessons = [lesson.id for lesson in library.in_category(COURSE)]
    window = make_window()
    _sign_in(window, store, "sato")
    window.lessons.start_training()
    _take(window, lessons[0])
    _take(window, lessons[1], right=False)
    window.helpers.sign_out("test")
    Accounts(store).set_pin("yamada", Role.STAFF, "739164", actor="test")
    window.helpers.open_pin_pad()
    window.screens.pin_pad.pin_entered.emit("739164")
    window.screens.intake.hide()
    window.desk.open_review()
    window.screens.review.view_buttons["course"].click()
    look.settle()
    tables = [t for t in window.screens.review.findChildren(QTableWidget) if t.isVisible()]
    people, per_lesson = tables
    row = [people.item(0, c).text() for c in range(people.columnCount())]
    asked = len(library.get(lessons[0]).check) + len(library.get(lessons[1]).check)
    finished = ["◯", "◯"] + [""] * (len(lessons) - 2)
    assert row == ["sato", *finished, "", f"{len(library.get(lessons[0]).check)} / {asked}"]
    first = [per_lesson.item(0, c).text() for c in range(per_lesson.columnCount())]
    asked_first = str(len(library.get(lessons[0]).check))
    assert first == [f"1. {library.get(lessons[0]).title}", "1", asked_first, asked_first]
    window.idle.reset()  # staff leave: the review lets go of the records
    listed = kiosk("course", "progress", "--json", data_dir=Path(store.path).parent)
    assert listed.returncode == 0, listed.stderr
    data = json.loads(listed.stdout)
    assert data["supporters"][0]["supporter_id"] == "sato"
    assert data["supporters"][0]["finished"] == sorted(lessons[:2])


def test_course_lessons_are_translated_with_their_self_checks() -> None:
    library = load_library(LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR)
    for language in ("en", "ja-easy"):
        for lesson in library.in_language(language).in_category(COURSE):
            coverage = library.coverage[language][lesson.id]
            assert coverage.complete, (language, lesson.id, coverage.missing[:3])
    english = library.in_language("en").get("supporter-privacy")
    japanese = library.get("supporter-privacy")
    assert english is not None and japanese is not None
    assert english.check[0].question != japanese.check[0].question
    assert english.check[0].answer == japanese.check[0].answer


@pytest.mark.slow
@pytest.mark.parametrize("language", ("ja", "en", "ja-easy"))
def test_every_self_check_fits_at_200_percent(make_window, language: str) -> None:
    window = make_window(settings=Settings(text_size="xlarge"))
    window.language.choose(language)
    for lesson in window.lessons.course.lessons():
        window.lessons.open_lesson(lesson.id, len(lesson.steps) - 1)
        window.screens.player.next_button.click()
        for number, question in enumerate(lesson.check):
            look.settle()
            where = (language, lesson.id, number + 1)
            assert window.size().height() == 1080, where
            assert look.clipped(window) == [], where
            assert look.small_targets(window) == [], where
            window.screens.self_check.choices[question.right].click()
            look.settle()
            assert look.clipped(window) == [], (*where, "explained")
            window.screens.self_check.next_button.click()
    window.idle.reset()  # back to Japanese: the translator is the application's, shared with later tests
