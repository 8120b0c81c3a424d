"""The domain tests: lessons, records, practice, speech text, settings — checked without Qt.

Their fixtures (library, store) come from tests/conftest.py, which loads Qt only for the
fixtures that need it. Run them alone, without pytest-qt, with
`.venv/bin/python -m pytest tests/domain -p no:pytest-qt`."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def loads_no_qt() -> Iterator[None]:
    """Where Qt was not loaded before a domain test (a run of tests/domain without pytest-qt),
    it is not loaded after it either: the code under test does not reach for Qt."""
    loaded_before = "PySide6" in sys.modules
    yield
    if not loaded_before:
        assert "PySide6" not in sys.modules, "this domain test loaded Qt"
