"""The house rules of DESIGN.md: the domain layers never import Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kiosk.paths import PROJECT_ROOT

NO_QT = [
    "kiosk/card",
    "kiosk/content",
    "kiosk/practice",
    "kiosk/records",
    "kiosk/settings.py",
    "kiosk/datadir.py",
    "kiosk/paths.py",
    "kiosk/run_options.py",
    "kiosk/console.py",
]


def _imports(file: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _files(where: str) -> list[Path]:
    path = PROJECT_ROOT / where
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


@pytest.mark.parametrize("where", NO_QT)
def test_domain_imports_no_qt(where: str) -> None:
    files = _files(where)
    assert files
    for file in files:
        bad = {
            name
            for name in _imports(file)
            if name.split(".")[0] in {"PySide6", "shiboken6"} or name.startswith("kiosk.ui")
        }
        assert not bad, f"{file.relative_to(PROJECT_ROOT)} imports {sorted(bad)}"


# Only the windows (kiosk/ui) and the composition root (kiosk/app.py) may import the windows:
# printing, speech, reports, the doctor and the command line work without any screen.
NO_UI = [
    *NO_QT,
    "kiosk/speech",
    "kiosk/handoff",
    "kiosk/report",
    "kiosk/doctor",
    "kiosk/drawing",
    "kiosk/notify",
    "kiosk/qt_looks.py",
    "kiosk/cli",
]


@pytest.mark.parametrize("where", NO_UI)
def test_only_the_windows_import_the_windows(where: str) -> None:
    for file in _files(where):
        bad = {name for name in _imports(file) if name == "kiosk.ui" or name.startswith("kiosk.ui.")}
        assert not bad, f"{file.relative_to(PROJECT_ROOT)} imports {sorted(bad)}"


def test_the_scan_sees_imports() -> None:
    """The rule checker itself: a file that imports Qt is caught."""
    assert "PySide6.QtWidgets" in _imports(PROJECT_ROOT / "kiosk/ui/main_window.py")


def test_lessons_check_runs_without_qt() -> None:
    import subprocess
    import sys

    code = "import sys; from kiosk.cli import main; main(['lessons','list']); print(any(m.startswith('PySide6') for m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=60
    )
    assert done.stdout.strip().splitlines()[-1] == "False"


def _modules() -> dict[str, Path]:
    return {
        ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts).removesuffix(".__init__"): path
        for path in (PROJECT_ROOT / "kiosk").rglob("*.py")
    }


def _module_level_imports(file: Path, known: dict[str, Path]) -> set[str]:
    """The kiosk modules `file` imports when it is imported (not those a function imports when called)."""
    found: set[str] = set()
    body = list(ast.parse(file.read_text(encoding="utf-8")).body)
    while body:
        node = body.pop()
        if isinstance(node, ast.If | ast.Try):  # `if TYPE_CHECKING:` and `try: import …` count
            body.extend(node.body)
            body.extend(getattr(node, "orelse", []))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom) and node.module in known:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in known else node.module)
    return found


def test_no_import_cycle() -> None:
    """Arrows one way: no module imports, through others, a module that imports it."""
    known = _modules()
    graph = {name: _module_level_imports(path, known) - {name} for name, path in known.items()}
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            raise AssertionError("import cycle: " + " → ".join([*path[path.index(name) :], name]))
        if name in done:
            return
        for imported in sorted(graph[name]):
            visit(imported, [*path, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])


def test_each_module_is_small() -> None:
    """STYLE.md: one job a file; none over 500 lines, and the window only a shell and navigator."""
    sizes = {path: len(path.read_text(encoding="utf-8").splitlines()) for path in _modules().values()}
    assert {str(p.relative_to(PROJECT_ROOT)): n for p, n in sizes.items() if n > 500} == {}
    assert sizes[PROJECT_ROOT / "kiosk/ui/main_window.py"] <= 300


def test_flows_talk_to_the_window_only_as_a_navigator() -> None:
    """A flow is given the state, the screens and a `Navigator`: it never imports the window."""
    for file in _files("kiosk/ui/flows"):
        assert "kiosk.ui.main_window" not in _imports(file), file.relative_to(PROJECT_ROOT)
