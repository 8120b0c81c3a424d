"""QR hand-off: slips that scan to the official URL on every paper, and a checker that refuses bad URLs."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.content.procedures import load_procedures, url_problem
from kiosk.handoff import resume
from kiosk.handoff.render import geometry_for, paint_slip
from kiosk.handoff.slip import PAPERS, build_slip
from kiosk.paths import PROCEDURES_DIR
from tests.helpers.cli import kiosk

PROCEDURES, _ = load_procedures(PROCEDURES_DIR)


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["80mm", "58mm", "a4"])
@pytest.mark.parametrize("procedure_id", sorted(PROCEDURES))
def test_slip_scans_to_the_catalog_url(tmp_path, procedure_id: str, paper: str) -> None:
    pdf = tmp_path / "slip.pdf"
    done = kiosk("slip", procedure_id, "--pdf", str(pdf), "--paper", paper, data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    subprocess.run(["pdftoppm", "-r", "203", "-png", str(pdf), str(tmp_path / "page")], check=True)
    page = sorted(tmp_path.glob("page*.png"))[0]
    scanned = subprocess.run(
        [shutil.which("zbarimg") or "zbarimg", "-q", "--raw", str(page)], capture_output=True, text=True
    )
    assert scanned.stdout.strip() == PROCEDURES[procedure_id].url
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows and all(row[-5] == "yes" for row in rows), fonts  # every font embedded


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://myna.go.jp/", "only https"),
        ("https://example.com/", "allowlist"),
        ("javascript:alert(1)", "only https"),
        ("https://user:pw@myna.go.jp/", "credentials"),
        ("https://myna.go.jp.evil.com/", "allowlist"),
    ],
)
def test_checker_refuses_bad_urls(url: str, problem: str) -> None:
    assert problem in (url_problem(url, ("go.jp", "lg.jp")) or "")


def test_checker_names_file_and_line(tmp_path) -> None:
    text = (
        (PROCEDURES_DIR / "mynaportal.yaml")
        .read_text(encoding="utf-8")
        .replace("https://myna.go.jp/", "http://myna.go.jp/")
    )
    (tmp_path / "mynaportal.yaml").write_text(text, encoding="utf-8")
    done = kiosk("procedures", "check", str(tmp_path), data_dir=tmp_path)
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if row.startswith("url:"))
    assert done.returncode == 1
    assert done.stdout.startswith(f"{tmp_path / 'mynaportal.yaml'}:{line}: url: ")


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["80mm", "58mm", "a4"])
def test_slip_content_stays_inside_the_printable_width(fonts, paper: str) -> None:
    """Ink outside the printable area is lost on a receipt printer; a full A4 page must not overflow."""
    spec = PAPERS[paper]
    geometry = geometry_for(spec, 203)
    width = round(spec.width_mm * geometry.dots_per_mm)
    margin = (spec.width_mm - spec.printable_mm) / 2 * geometry.dots_per_mm  # from the paper, not the code
    printable = range(int(margin), int(margin + spec.printable_mm * geometry.dots_per_mm) + 1)
    for procedure in PROCEDURES.values():
        content = build_slip(
            procedure,
            room_name="デジタル何でも相談室（鳴門市役所 本庁舎 1階）",
            today=date(2026, 11, 26),
            contact="088-684-1234（デジタル推進課）",
            hours="平日 9時〜17時（12時〜13時は お休み）",
            resume_code="123456",
        )
        height = paint_slip(None, content, geometry)
        if spec.height_mm is not None:
            assert height <= spec.height_mm * geometry.dots_per_mm, (procedure.id, "page overflows")
        image = QImage(width, int(height) + 1, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        paint_slip(painter, content, geometry)
        painter.end()
        inked = [
            x
            for x in range(width)
            if x not in printable
            and any(image.pixelColor(x, y).lightness() < 200 for y in range(0, image.height(), 2))
        ]
        assert inked == [], (procedure.id, f"ink outside the printable {spec.printable_mm} mm")


def test_slip_carries_the_lessons_resume_code(tmp_path) -> None:
    pdf = tmp_path / "slip.pdf"
    done = kiosk("slip", "mynaportal", "--pdf", str(pdf), "--lesson", "mynumber-card", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert f"つづきから 番号: {resume.encode('mynumber-card', 1)}" in text
    assert "5回" not in text and "3回 まちがえると ロックされます" in text  # mynaportal needs the 4-digit PIN
    unknown = kiosk("slip", "mynaportal", "--pdf", str(pdf), "--lesson", "no-such-lesson", data_dir=tmp_path)
    assert unknown.returncode == 2 and "unknown lesson" in unknown.stderr


def test_a_note_too_long_for_the_handoff_screen_is_reported(tmp_path) -> None:
    """A 75-character note was cut off at 特大 on a 1280×800 panel: the checker now says so
    (the procedure is still used)."""
    shutil.copy(PROCEDURES_DIR / "mynaportal.yaml", tmp_path)
    file = tmp_path / "mynaportal.yaml"
    text = file.read_text(encoding="utf-8")
    note = next(line for line in text.splitlines() if line.startswith("note: "))
    file.write_text(text.replace(note, "note: " + "あ" * 75), encoding="utf-8")
    procedures, problems = load_procedures(tmp_path)
    assert "mynaportal" in procedures
    assert [(p.field, p.fatal) for p in problems] == [("note", False)], problems
    assert "65" in problems[0].message
