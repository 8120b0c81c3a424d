"""Kiosk settings: declared and validated here, read from `settings.toml` in the data dir."""

from __future__ import annotations

import logging
import tomllib
from datetime import time
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kiosk.content.urls import DEFAULT_ALLOWLIST, allowlist_entries
from kiosk.notify.formats import FORMATS, WebhookFormat

TextSize = Literal["standard", "large", "xlarge"]
ThemeName = Literal["standard", "high-contrast"]
SpeechEngine = Literal["pyttsx3", "openjtalk", "timed"]
Paper = Literal["80mm", "58mm", "a4"]

SETTINGS_FILE = "settings.toml"
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


class SettingsError(Exception):
    """settings.toml is unreadable or holds a bad value; the message names which."""


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kiosk_id: str = Field(default="kiosk-1", min_length=1, max_length=40)
    # Seconds without a touch before 「まだ続けますか？」 appears.
    idle_seconds: int = Field(default=90, ge=30, le=3600)
    # Countdown shown on the warning; WCAG 2.2.1 wants at least 20 s to react.
    warning_seconds: int = Field(default=30, ge=20, le=300)
    # Consultations older than this are deleted at start-up (and by `kiosk purge`).
    retention_days: int = Field(default=365, ge=30, le=3650)
    # A city secret, the same on its kiosks and its central machine: bundles are signed with
    # it and merged only when signed with it. Empty: bundles carry their checksum only.
    bundle_key: str = Field(default="", max_length=200, pattern=r"^$|^\S{16,}$")
    # Read-aloud: pyttsx3 (the platform's voice) or openjtalk (natural Japanese voice).
    speech_engine: SpeechEngine = "pyttsx3"
    speech_volume: float = Field(default=1.0, ge=0.0, le=1.0)
    # Read each lesson step aloud as it appears.
    auto_read: bool = False
    # Hosts a hand-off QR may point to (a host matches itself and its subdomains).
    url_allowlist: tuple[str, ...] = DEFAULT_ALLOWLIST
    # The slip: paper, printer (empty = the system's default) and what the room tells people.
    paper: Paper = "80mm"
    printer_name: str = ""
    room_name: str = Field(default="鳴門市 デジタル何でも相談室", max_length=40)
    room_contact: str = Field(default="", max_length=60)
    room_hours: str = Field(default="", max_length=60)
    # Opening days (1 = Monday … 7 = Sunday) and times, written on the slip as each language
    # writes them (「月〜金 9:00〜17:00」 / "Mon–Fri 9:00 AM–5:00 PM"); room_hours adds a note.
    open_days: tuple[Annotated[int, Field(ge=1, le=7)], ...] = ()
    open_from: time = time(9, 0)
    open_until: time = time(17, 0)
    text_size: TextSize = "standard"
    theme: ThemeName = "standard"
    # Practice corner: generous for slow hands (a phone's own defaults are stricter).
    long_press_ms: int = Field(default=800, ge=300, le=3000)
    double_tap_ms: int = Field(default=700, ge=300, le=2000)
    swipe_px: int = Field(default=80, ge=30, le=400)
    # PIN pad: this many wrong PINs in a row lock it for this many minutes (also after a restart).
    pin_max_tries: int = Field(default=5, ge=3, le=10)
    pin_lock_minutes: int = Field(default=5, ge=1, le=60)
    # The city that publishes `kiosk export opendata`: its 全国地方公共団体コード (6 digits,
    # check digit included) and names, written in every row of the open-data file.
    opendata_code: str = Field(default="362026", pattern=r"^\d{6}$")
    opendata_prefecture: str = Field(default="徳島県", min_length=1, max_length=10)
    opendata_city: str = Field(default="鳴門市", min_length=1, max_length=20)
    # 災害モード: the home leads with the shelter's cards (staff switch it; audited).
    disaster_mode: bool = False
    # The shelter's own Wi-Fi, shown on the disaster home with a QR the phone's camera joins
    # by (WIFI: URI). A shelter's Wi-Fi key is meant to be shared; leave it empty for an
    # open network. Nothing is shown while the name is empty.
    shelter_wifi_ssid: str = Field(default="", max_length=32)
    shelter_wifi_password: str = Field(default="", max_length=63)
    shelter_wifi_note: str = Field(default="", max_length=60)
    # 「係員を呼ぶ」: a chime on the kiosk's speakers, and (when set) a message to staff through
    # the city's messaging tool — an incoming-webhook URL (Slack, Teams Workflows, Google Chat, Discord).
    # It carries only the kiosk id, the time and the screen. https only (http only to this PC).
    staff_call_chime: bool = True
    staff_call_webhook: str = Field(default="", max_length=500)
    # The body the tool expects (kiosk/notify/formats.py); empty: told by the URL's host.
    staff_call_webhook_format: WebhookFormat | Literal[""] = ""
    # 「カードを かざして 調べる」 (issue 26): the PC/SC card reader. Empty: no reader, the
    # button is not shown. "any": the first reader with a card; else one reader's exact name
    # (as `kiosk card readers` lists it).
    card_reader: str = Field(default="", max_length=200)
    card_wait_seconds: int = Field(default=20, ge=5, le=120)

    @field_validator("staff_call_webhook_format", mode="before")
    @classmethod
    def _webhook_format(cls, value: object) -> str:
        name = value.strip().lower().replace("_", "-") if isinstance(value, str) else None
        if name == "" or name in FORMATS:
            return name
        choices = f"one of {', '.join(FORMATS)}, or leave it out to go by the URL"
        if name == "line-works":  # asked for in issue 21; its body format could not be confirmed
            raise ValueError(f"LINE WORKS is not supported yet; use {choices}")
        raise ValueError(f"must be {choices}")

    @field_validator("staff_call_webhook")
    @classmethod
    def _webhook_url(cls, value: str) -> str:
        value = value.strip()
        if not value:
            return ""
        parts = urlsplit(value)
        if parts.scheme == "https" and parts.hostname:
            return value
        if parts.scheme == "http" and parts.hostname in LOCAL_HOSTS:
            return value
        raise ValueError("must start with https:// (http:// only to localhost, for tests)")

    # ---- url_allowlist (issue 23): registrable domains only, by the Public Suffix List ----
    @field_validator("url_allowlist", mode="before")
    @classmethod
    def _allowlist(cls, value: object) -> tuple[str, ...]:
        if isinstance(value, list | tuple) and set(value) == FORMER_DEFAULT_ALLOWLIST:
            # Saved by the staff screen before go.jp and lg.jp were refused: today's default.
            logging.getLogger("kiosk").warning("url_allowlist: the former default, read as today's")
            return DEFAULT_ALLOWLIST
        return allowlist_entries(value)


# The default url_allowlist until December 2026 (go.jp and lg.jp are public suffixes, refused
# now). The staff screen wrote it into settings.toml on every save.
FORMER_DEFAULT_ALLOWLIST = frozenset(
    {"go.jp", "lg.jp", "city.naruto.tokushima.jp", "logoform.jp", "lg-waps.go.jp", "web171.jp"}
)


MAX_SETTINGS_BYTES = 100_000


def load_settings(data_dir: Path) -> Settings:
    file = data_dir / SETTINGS_FILE
    if not file.exists():
        return Settings()
    try:
        if file.stat().st_size > MAX_SETTINGS_BYTES:  # a settings file is a few hundred bytes
            raise SettingsError(f"{file}: cannot read settings: larger than {MAX_SETTINGS_BYTES} bytes")
        raw = tomllib.loads(file.read_text(encoding="utf-8-sig"))  # Notepad's 「UTF-8 (BOM 付き)」 too
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:
        # RecursionError: arrays nested thousands deep, which tomllib reads by recursion.
        raise SettingsError(f"{file}: cannot read settings: {type(exc).__name__}: {exc}") from None
    return _validated(raw, file)


def _validated(raw: dict[str, Any], file: Path) -> Settings:
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SettingsError(f"{file}: {where}: {first['msg']}") from None


def save_settings(data_dir: Path, changes: dict[str, Any]) -> Settings:
    """Write `changes` into settings.toml (keeping staff comments), only if the result is valid.

    Returns the new settings; raises SettingsError and leaves the file as it was otherwise.
    """
    import tomlkit  # for writing only, keeping comments; reading is tomllib (the kiosk starts faster)
    import tomlkit.exceptions

    file = data_dir / SETTINGS_FILE
    try:
        document = tomlkit.parse(file.read_text(encoding="utf-8")) if file.exists() else tomlkit.document()
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.ParseError) as exc:
        raise SettingsError(f"{file}: cannot read settings: {exc}") from None
    for key, value in changes.items():
        document[key] = list(value) if isinstance(value, tuple) else value
    settings = _validated(document.unwrap(), file)
    temporary = file.with_name(file.name + ".new")
    try:
        temporary.write_text(tomlkit.dumps(document), encoding="utf-8")
        temporary.replace(file)  # all or nothing, even on power loss mid-write
    except OSError as exc:
        raise SettingsError(f"{file}: cannot write settings: {exc}") from None
    return settings
