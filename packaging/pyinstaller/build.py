"""Build the frozen kiosk (PyInstaller, one folder): `python packaging/pyinstaller/build.py`.

Compiles the screens' translations into the work folder (never into the checkout), runs
PyInstaller with naruto-kiosk.spec beside this file, and prints the built folder's path as
the last line. The spec calls `compile_translations` and `content_files` from here too, so
`pyinstaller packaging/pyinstaller/naruto-kiosk.spec` alone builds the same app.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SPEC = HERE / "naruto-kiosk.spec"
APP = "naruto-kiosk"  # the folder, and the windowed executable in it; `kiosk` is the console one
# The content folders, as setup.py ships them: tools and notes for the people who make them stay out.
CONTENT_DIRS = ("assets", "lessons", "procedures", "troubles", "glossary")
CONTENT_SKIP_SUFFIXES = (".py", ".pyc")


def lrelease() -> Path:
    """PySide6's lrelease (installed with PySide6-Essentials), run as its own program."""
    import PySide6

    tool = Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if not tool.exists():
        raise SystemExit(f"PySide6's lrelease not found at {tool}: cannot compile translations")
    return tool


def compile_translations(target: Path, source: Path = ROOT / "kiosk" / "i18n") -> list[Path]:
    """kiosk_<language>.ts → .qm in `target`, with the .ts beside it (a language is named by its .ts)."""
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for ts in sorted(source.glob("kiosk_*.ts")):
        qm = target / ts.with_suffix(".qm").name
        qm.unlink(missing_ok=True)
        subprocess.run([str(lrelease()), "-silent", str(ts), "-qm", str(qm)], check=True)
        if not qm.stat().st_size:
            raise SystemExit(f"lrelease wrote an empty {qm}")
        (target / ts.name).write_bytes(ts.read_bytes())
        written.append(qm)
    if not written:
        raise SystemExit(f"no translations (kiosk_*.ts) in {source}")
    return written


def content_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """(file, folder in the bundle) for every shipped content file, under kiosk/_data/ where
    kiosk/paths.py looks in a frozen app."""
    pairs: list[tuple[str, str]] = []
    for name in CONTENT_DIRS:
        for path in sorted((root / name).rglob("*")):
            relative = path.relative_to(root)
            if (
                path.is_dir()
                or path.suffix in CONTENT_SKIP_SUFFIXES
                or any(part.startswith(".") or part == "__pycache__" for part in relative.parts)
            ):
                continue
            pairs.append((str(path), str(Path("kiosk", "_data", *relative.parent.parts))))
    return pairs


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; the built folder (dist/naruto-kiosk)."""
    dist, work = dist.resolve(), work.resolve()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    subprocess.run(command, check=True, cwd=ROOT)
    folder = dist / APP
    if not (folder / executable_name("kiosk")).exists():
        raise SystemExit(f"PyInstaller finished but {folder} has no kiosk executable")
    return folder


def executable_name(name: str) -> str:
    return f"{name}.exe" if sys.platform == "win32" else name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app folder goes")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    folder = build(args.dist, args.work)
    print(f"built in {time.monotonic() - started:.0f} s:", file=sys.stderr)
    print(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
