"""Build steps for the wheel and sdist (everything else is in pyproject.toml).

- The screens' translations (kiosk/i18n/*.ts) are compiled to .qm with PySide6's
  lrelease at build time, so an install can never miss or carry stale languages.
- The content folders at the top of the repository (lessons/, assets/, procedures/,
  troubles/, glossary/) go into the wheel as package data under kiosk/_data/, where
  kiosk/paths.py looks for them in an installed kiosk.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent
CONTENT_DIRS = ("assets", "lessons", "procedures", "troubles", "glossary")
# Kept out of the shipped content: tools and notes for the people who make it.
CONTENT_SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "*.py", ".*")


def lrelease() -> list[str]:
    """PySide6's lrelease (a build requirement), run as its own program."""
    import PySide6

    tool = Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if not tool.exists():
        raise SystemExit(f"PySide6's lrelease not found at {tool}: cannot compile translations")
    return [str(tool)]


def compile_translations(source: Path, target: Path) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(source.glob("kiosk_*.ts")):
        qm = target / ts.with_suffix(".qm").name
        qm.unlink(missing_ok=True)  # never write through a hard link into the checkout
        subprocess.run([*lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        if not qm.stat().st_size:
            raise SystemExit(f"lrelease wrote an empty {qm}")
        written.append(qm)
    if not written:
        raise SystemExit(f"no translations (kiosk_*.ts) in {source}")
    return written


class BuildWithContent(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads the checkout itself (scripts/bootstrap.sh compiles .qm)
        package = Path(self.build_lib) / "kiosk"
        shipped = compile_translations(ROOT / "kiosk" / "i18n", package / "i18n")
        for ts in (ROOT / "kiosk" / "i18n").glob("kiosk_*.ts"):
            shutil.copy2(ts, package / "i18n" / ts.name)  # a language is named by its .ts
        data = package / "_data"
        for name in CONTENT_DIRS:
            shutil.rmtree(data / name, ignore_errors=True)
            shutil.copytree(ROOT / name, data / name, ignore=CONTENT_SKIP)
        self.announce(f"content in {data}; translations {[q.name for q in shipped]}", level=2)


class SdistWithTranslations(sdist):
    """The sdist carries the compiled .qm as well as the .ts it is made from."""

    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        super().make_release_tree(base_dir, files)
        compile_translations(ROOT / "kiosk" / "i18n", Path(base_dir) / "kiosk" / "i18n")


setup(cmdclass={"build_py": BuildWithContent, "sdist": SdistWithTranslations})
