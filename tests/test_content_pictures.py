"""The picture rule: a picture a content file names stays inside the picture folder (no
absolute path, no `..` out, no link out) and is never opened otherwise; an SVG that would
load a file from outside itself is refused by the checker and not drawn."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.content.glossary import load_glossary
from kiosk.content.library import load_library
from kiosk.content.troubles import load_troubles
from kiosk.paths import PICTURES_DIR, PROCEDURES_DIR
from kiosk.ui.widgets.picture import PictureView
from tests.helpers.cli import kiosk
from tests.helpers.lessons import good

RED = "#ff0000"


def _lesson(folder: Path, name: str, picture: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / f"{name}.yaml"
    file.write_text(good(name).replace("power-on-find-button.svg", picture, 1), encoding="utf-8")
    return file


def _red_png(file: Path) -> Path:
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    image.fill(QColor(RED))
    assert image.save(str(file))
    return file


def _svg_showing(target: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="100" height="100"><image width="100" height="100" xlink:href="{target}"/></svg>'
    )


def _shown_view(qtbot) -> PictureView:  # type: ignore[no-untyped-def]
    """A picture view on screen, 200 × 200."""
    view = PictureView()
    qtbot.addWidget(view)
    view.resize(200, 200)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_pictures_outside_the_folder_are_refused_by_the_real_checker(tmp_path, qapp) -> None:
    outside = tmp_path / "outside.svg"
    outside.write_text(_svg_showing("#none"), encoding="utf-8")
    up = os.path.relpath(outside, PICTURES_DIR)
    assert up.startswith("..")
    lessons = tmp_path / "content" / "lessons"
    files = {
        "absolute": (_lesson(lessons, "absolute", str(outside)), "absolute path not allowed"),
        "up": (_lesson(lessons, "up", up), "'..' not allowed"),
        "passwd": (_lesson(lessons, "passwd", "../../../../../../../../etc/passwd"), "'..' not allowed"),
    }
    _lesson(lessons, "good", "power-on-find-button.svg")
    done = kiosk("lessons", "check", str(lessons), data_dir=tmp_path, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    for file, why in files.values():
        assert any(
            line.startswith(f"{file}:9: steps[1].picture: ") and why in line
            for line in done.stdout.splitlines()
        ), done.stdout
    library = load_library(lessons, PICTURES_DIR, PROCEDURES_DIR)
    assert [lesson.id for lesson in library.lessons] == ["good"], "a lesson with such a picture is not played"
    assert library.picture_path(str(outside)) != outside
    assert not library.picture_path(up).is_file()


@pytest.mark.posix
def test_a_link_out_of_the_picture_folder_is_refused_and_never_shown(tmp_path, qtbot) -> None:
    secret = _red_png(tmp_path / "secret.png")
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    (pictures / "link.png").symlink_to(secret)
    _red_png(pictures / "fine.png")
    lessons = tmp_path / "lessons"
    linked = _lesson(lessons, "linked", "link.png")
    _lesson(lessons, "fine", "fine.png")
    library = load_library(lessons, pictures, PROCEDURES_DIR)
    assert [lesson.id for lesson in library.lessons] == ["fine"]
    assert any(
        str(p).startswith(f"{linked}:9: steps[1].picture: ") and "outside the picture folder" in str(p)
        for p in library.problems
    ), library.problems
    view = PictureView()
    qtbot.addWidget(view)
    view.show_file(library.picture_path("link.png"))
    assert view.missing


def test_troubles_and_glossary_never_open_a_picture_outside(tmp_path) -> None:
    troubles = tmp_path / "troubles"
    troubles.mkdir()
    (troubles / "away.yaml").write_text(
        "id: away\ntitle: そと\npicture: /etc/passwd\nanswer: こたえ\nprocedure: x\n", encoding="utf-8"
    )
    found = load_troubles(troubles, {}, {"x": object()}, PICTURES_DIR)  # type: ignore[dict-item]
    assert found.items == []
    assert any("absolute path not allowed" in p.message and p.line == 3 for p in found.problems)
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (glossary / "words.yaml").write_text(
        "words:\n  - word: アプリ\n    meaning: スマホの 道具です。\n    picture: ../../etc/passwd\n",
        encoding="utf-8",
    )
    words = load_glossary(glossary, PICTURES_DIR)
    assert [(w.word, w.picture) for w in words.words] == [("アプリ", None)]
    assert any(p.line == 4 and "'..' not allowed" in p.message for p in words.problems)


def test_an_svg_that_loads_a_file_from_outside_is_refused_and_not_drawn(tmp_path, qtbot) -> None:
    secret = _red_png(tmp_path / "secret.png")
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    (pictures / "sneaky.svg").write_text(_svg_showing(str(secret)), encoding="utf-8")
    (pictures / "web.svg").write_text(_svg_showing("https://example.com/x.png"), encoding="utf-8")
    lessons = tmp_path / "lessons"
    sneaky = _lesson(lessons, "sneaky", "sneaky.svg")
    web = _lesson(lessons, "web", "web.svg")
    library = load_library(lessons, pictures, PROCEDURES_DIR, check_style=True)
    for file in (sneaky, web):
        assert any(
            str(p).startswith(f"{file}:9: steps[1].picture: ") and "SVG refers outside itself" in str(p)
            for p in library.problems
        ), library.problems
    view = _shown_view(qtbot)
    view.show_file(library.picture_path("sneaky.svg"))
    drawn = view.grab().toImage()
    colours = {drawn.pixelColor(x, y).name() for x in range(0, 200, 10) for y in range(0, 200, 10)}
    assert RED not in colours, "the outside file was loaded and drawn"
    assert view.missing


def test_a_self_contained_svg_is_still_drawn(tmp_path, qtbot) -> None:
    picture = tmp_path / "inside.svg"
    picture.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><defs><linearGradient id="g">'
        '<stop offset="0" stop-color="#f00"/><stop offset="1" stop-color="#f00"/></linearGradient></defs>'
        '<rect width="100" height="100" fill="url(#g)"/></svg>',
        encoding="utf-8",
    )
    view = _shown_view(qtbot)
    view.show_file(picture)
    assert not view.missing
    assert view.grab().toImage().pixelColor(100, 100).name() == RED


def test_a_trouble_or_word_svg_that_loads_a_file_from_outside_is_reported(tmp_path) -> None:
    secret = _red_png(tmp_path / "secret.png")
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    (pictures / "sneaky.svg").write_text(_svg_showing(str(secret)), encoding="utf-8")
    troubles = tmp_path / "troubles"
    troubles.mkdir()
    (troubles / "sneaky.yaml").write_text(
        "id: sneaky\ntitle: そと\npicture: sneaky.svg\nanswer: こたえ\nprocedure: x\n", encoding="utf-8"
    )
    found = load_troubles(troubles, {}, {"x": object()}, pictures)  # type: ignore[dict-item]
    assert [p.line for p in found.problems if "SVG refers outside itself" in p.message] == [3]
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (glossary / "words.yaml").write_text(
        "words:\n  - word: アプリ\n    meaning: スマホの 道具です。\n    picture: sneaky.svg\n",
        encoding="utf-8",
    )
    words = load_glossary(glossary, pictures)
    assert [p.line for p in words.problems if "SVG refers outside itself" in p.message] == [4]


def test_a_picture_follows_its_frame_when_the_frame_changes_size(tmp_path, qtbot) -> None:
    """The SVG is drawn once per size and kept: a new size (特大, another panel) draws it anew,
    whole and centred, and a drawing that strays past its canvas stays in its frame."""
    picture = tmp_path / "square.svg"
    picture.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
        '<rect x="-50" y="0" width="200" height="100" fill="#f00"/></svg>',
        encoding="utf-8",
    )
    view = _shown_view(qtbot)
    view.show_file(picture)

    def red(x: int, y: int) -> bool:
        return view.grab().toImage().pixelColor(x, y).name() == RED

    assert red(5, 100) and red(195, 100)
    view.resize(400, 200)  # the square picture, 200 px, centred: 100 to 300
    assert red(105, 100) and red(295, 100)
    assert not red(50, 100) and not red(350, 100), "the drawing strayed out of its frame"
    view.resize(400, 400)
    assert red(5, 200) and red(395, 200)
