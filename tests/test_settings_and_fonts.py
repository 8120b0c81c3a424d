"""Settings are validated; the bundled UD font is really what draws the text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontInfo, QRawFont

from kiosk.settings import Settings, SettingsError, load_settings


def test_defaults_when_no_file(tmp_path) -> None:
    settings = load_settings(tmp_path)
    assert (settings.idle_seconds, settings.warning_seconds) == (90, 30)


def test_values_from_file(tmp_path) -> None:
    (tmp_path / "settings.toml").write_text('kiosk_id = "kominkan-2"\nidle_seconds = 120\n', encoding="utf-8")
    settings = load_settings(tmp_path)
    assert settings.kiosk_id == "kominkan-2" and settings.idle_seconds == 120


@pytest.mark.parametrize(
    "text",
    [
        "warning_seconds = 19\n",
        "idle_seconds = 5\n",
        'text_size = "huge"\n',
        "colour = 1\n",
        "idle_seconds = \n",
    ],
)
def test_bad_values_are_refused_with_the_field_named(tmp_path, text: str) -> None:
    (tmp_path / "settings.toml").write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        load_settings(tmp_path)
    assert str(tmp_path / "settings.toml") in str(raised.value)


def test_warning_never_under_twenty_seconds() -> None:
    with pytest.raises(ValueError):
        Settings(warning_seconds=10)


def test_bundled_font_draws_japanese(fonts: str, make_window) -> None:
    assert fonts == "BIZ UDPGothic"
    window = make_window()
    label = window.screens.home.findChildren(type(window.top_bar.title))[0]
    assert QFontInfo(label.font()).family() == "BIZ UDPGothic"
    raw = QRawFont.fromFont(label.font())
    # By code point: the one-character-string overload misreads some kanji (相, 談).
    assert all(raw.supportsCharacter(ord(ch)) for ch in "デジタル何でも相談室◀▶✓")


def test_a_settings_file_saved_with_a_bom_is_read(tmp_path) -> None:
    """Notepad's 「UTF-8 (BOM 付き)」: before, the kiosk could not read its settings at all."""
    (tmp_path / "settings.toml").write_bytes("\ufeffidle_seconds = 120\n".encode())
    assert load_settings(tmp_path).idle_seconds == 120


def test_the_former_default_allowlist_saved_by_staff_still_starts(tmp_path) -> None:
    """The staff screen wrote the default url_allowlist into settings.toml; its go.jp and lg.jp
    are public suffixes, refused now. That exact list is read as today's default."""
    from kiosk.content.urls import DEFAULT_ALLOWLIST

    former = '["go.jp", "lg.jp", "city.naruto.tokushima.jp", "logoform.jp", "lg-waps.go.jp", "web171.jp"]'
    (tmp_path / "settings.toml").write_text(f"url_allowlist = {former}\n", encoding="utf-8")
    assert load_settings(tmp_path).url_allowlist == DEFAULT_ALLOWLIST
    (tmp_path / "settings.toml").write_text('url_allowlist = ["go.jp", "web171.jp"]\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="public suffix"):
        load_settings(tmp_path)


@pytest.mark.parametrize(
    "text",
    ["a = " + "[" * 5000 + "]" * 5000 + "\n", "room_name = 'x'\n" + "# filler\n" * 20_000],
    ids=["nested-5000-deep", "200-kB"],
)
def test_a_hostile_settings_file_is_one_calm_line(tmp_path, text: str) -> None:
    """Before: arrays nested 5,000 deep stopped the kiosk with a RecursionError traceback."""
    (tmp_path / "settings.toml").write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match="cannot read settings"):
        load_settings(tmp_path)
