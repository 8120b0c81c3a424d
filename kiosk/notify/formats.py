"""The JSON body each messaging tool's incoming webhook expects, and which tool a URL is (no Qt).

Every body carries the same one line of text — the kiosk id, the time and the screen's name —
and nothing else about the person at the kiosk. Each shape was checked against the tool's own
documentation (README, 「係員を呼ぶ」):

- slack: `{"text": …}` (Slack's incoming webhooks; the retired Teams O365 connector read it too).
  Our own `kiosk_id` / `time` / `screen` fields ride along for a city's own receiver.
- teams-workflows: a message with one Adaptive Card attachment holding a TextBlock — Teams
  Workflows ("When a Teams webhook request is received") take Adaptive Cards only.
- google-chat: `{"text": …}` only — Google's APIs refuse fields they do not know.
- discord: `{"content": …}` with mentions switched off (Execute Webhook).

LINE WORKS is left out: its Incoming Webhook app's request format could not be confirmed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, assert_never, get_args
from urllib.parse import urlsplit

from kiosk.notify.notice import StaffCallNotice

WebhookFormat = Literal["slack", "teams-workflows", "google-chat", "discord"]
FORMATS: tuple[WebhookFormat, ...] = get_args(WebhookFormat)
DEFAULT_FORMAT: WebhookFormat = "slack"  # a host we do not know: the plainest body, {"text"}

# (host, or ".suffix" for its subdomains) → format. Checked in order.
_HOSTS: tuple[tuple[str, WebhookFormat], ...] = (
    ("hooks.slack.com", "slack"),
    (".logic.azure.com", "teams-workflows"),  # Workflows URLs made before the 2025 move
    (".powerplatform.com", "teams-workflows"),  # …environment.api.powerplatform.com
    ("chat.googleapis.com", "google-chat"),
    ("discord.com", "discord"),
    (".discord.com", "discord"),  # ptb. / canary.
    ("discordapp.com", "discord"),
)
_UNCONFIRMED = (".worksmobile.com", "LINE WORKS")  # its body format could not be confirmed


def _matches(host: str, pattern: str) -> bool:
    return host.endswith(pattern) if pattern.startswith(".") else host == pattern


def infer_format(url: str) -> WebhookFormat | None:
    """The format the URL's host tells, or None when the host is not one we know."""
    host = (urlsplit(url).hostname or "").lower()
    for pattern, fmt in _HOSTS:
        if _matches(host, pattern):
            return fmt
    return None


@dataclass(frozen=True)
class Resolved:
    """Which body to send to a URL, and why (for the log: never the URL itself, a secret)."""

    fmt: WebhookFormat
    why: str


def resolve(url: str, setting: WebhookFormat | Literal[""] = "") -> Resolved:
    """The setting when staff gave one; else what the host tells; else the plain {"text"}."""
    if setting:
        return Resolved(setting, "set in settings.toml")
    host = (urlsplit(url).hostname or "").lower()
    inferred = infer_format(url)
    if inferred is not None:
        return Resolved(inferred, f"inferred from the host {host}")
    suffix, tool = _UNCONFIRMED
    if _matches(host, suffix):
        return Resolved(DEFAULT_FORMAT, f"{tool}'s format is unconfirmed: trying the plain body")
    return Resolved(DEFAULT_FORMAT, f"the host {host or '?'} is not a known tool: the plain body")


def body(fmt: WebhookFormat, notice: StaffCallNotice) -> dict[str, Any]:
    """The JSON object to POST for `notice` in the tool's own shape."""
    text = notice.text
    if fmt == "slack":
        return {
            "text": text,
            "kiosk_id": notice.kiosk_id,
            "time": notice.at.isoformat(timespec="seconds"),
            "screen": notice.screen,
        }
    if fmt == "teams-workflows":
        card = {
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "type": "AdaptiveCard",
            "version": "1.2",
            "body": [{"type": "TextBlock", "text": text, "wrap": True}],
        }
        return {
            "type": "message",
            "attachments": [
                {
                    "contentType": "application/vnd.microsoft.card.adaptive",
                    "contentUrl": None,
                    "content": card,
                }
            ],
        }
    if fmt == "google-chat":
        return {"text": text}
    if fmt == "discord":
        return {"content": text, "allowed_mentions": {"parse": []}}  # a kiosk id never pings anyone
    assert_never(fmt)
