"""A printer that stands in for the real one only: it draws what it is given into a PDF (as
`kiosk slip` does), so a test reads the paper with pdftotext or zbarimg."""

from __future__ import annotations

import subprocess
from pathlib import Path

from kiosk.handoff.render import write_pdf
from kiosk.handoff.slip import PAPERS


class PdfPrinter:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.printed: list[Path] = []

    def print_slip(self, content: object) -> None:
        path = self.folder / f"printed-{len(self.printed)}.pdf"
        write_pdf(content, PAPERS["80mm"], path)  # type: ignore[arg-type]
        self.printed.append(path)


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
