"""Linux-only and POSIX-only tests skip with their reason on Windows instead of failing there."""

from __future__ import annotations

import sys

import pytest

from tests.helpers.platforms import platform_skip


@pytest.mark.parametrize(
    ("markers", "platform", "os_name", "skipped"),
    [
        (["linux"], "win32", "nt", True),
        (["posix"], "win32", "nt", True),
        (["linux"], "linux", "posix", False),
        (["posix"], "linux", "posix", False),
        (["posix"], "darwin", "posix", False),
        (["linux"], "darwin", "posix", True),
        (["windows"], "linux", "posix", True),
        (["windows"], "win32", "nt", False),
        (["slow", "parametrize"], "win32", "nt", False),  # other markers say nothing of the platform
    ],
)
def test_a_platform_marker_skips_where_the_test_cannot_run(
    markers: list[str], platform: str, os_name: str, skipped: bool
) -> None:
    reason = platform_skip(markers, platform, os_name)
    assert (reason is not None) == skipped
    if reason is not None:
        assert platform in reason and "needs" in reason


@pytest.mark.windows
def test_a_windows_test_runs_only_on_windows() -> None:
    # Skipped elsewhere by tests/conftest.py; were it not, this would fail there.
    assert sys.platform == "win32"
