"""QR hand-off: slips that scan to the official URL on every paper, and a checker that refuses bad URLs."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from kiosk.content.procedures import load_procedures, url_problem
from kiosk.paths import PROCEDURES_DIR
from tests.helpers.cli import kiosk

PROCEDURES, _ = load_procedures(PROCEDURES_DIR)


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
