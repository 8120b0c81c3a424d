"""The tests in tests/domain load no Qt: collected in a fresh Python without pytest-qt, every
module and conftest is imported, and PySide6 is still not in sys.modules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kiosk.paths import PROJECT_ROOT

DOMAIN = Path(__file__).parent

COLLECT_WITHOUT_QT = """
import sys, pytest
code = pytest.main(["-p", "no:pytest-qt", "-p", "no:cacheprovider", "--collect-only", "-q", sys.argv[1]])
qt = sorted(name for name in sys.modules if name.split(".")[0] == "PySide6")
print("exit", int(code), "qt", qt)
"""


def test_the_domain_tests_are_collected_without_loading_qt() -> None:
    done = subprocess.run(
        [sys.executable, "-c", COLLECT_WITHOUT_QT, str(DOMAIN)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=PROJECT_ROOT,
    )
    modules = sorted(path.stem for path in DOMAIN.glob("test_*.py"))
    assert len(modules) > 5
    for module in modules:
        assert f"{module}.py::" in done.stdout, done.stdout + done.stderr
    assert done.stdout.rstrip().endswith("exit 0 qt []"), done.stdout + done.stderr
