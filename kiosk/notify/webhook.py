"""Tells staff through the city's messaging tool that someone at the kiosk called (no Qt).

A POST of a small JSON body to an incoming-webhook URL, in the shape the city's tool expects
(formats.py: Slack, Teams Workflows, Google Chat, Discord). It carries the kiosk id, the time
and the screen — never what the person did, typed or is called. Sent from a thread of its
own, with a few tries; the result comes back through a callback (on that thread).
"""

from __future__ import annotations

import json
import logging
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from kiosk.notify.formats import WebhookFormat, body, resolve
from kiosk.notify.notice import StaffCallNotice

log = logging.getLogger("kiosk.notify")

TIMEOUT_S = 5.0
RETRY_DELAYS_S = (1.0, 3.0)  # before the second and the third try


@dataclass(frozen=True)
class Delivery:
    sent: bool
    tries: int
    problem: str = ""  # why it was not sent (never the URL: it holds the channel's secret)

    def detail(self) -> str:
        """For the records: 'sent (1 try)' / 'failed: HTTP 500 (3 tries)'."""
        tries = f"{self.tries} {'try' if self.tries == 1 else 'tries'}"
        return f"sent ({tries})" if self.sent else f"failed: {self.problem} ({tries})"


def where(url: str) -> str:
    """The host only, for the log: the rest of a webhook URL is a secret."""
    return urlsplit(url).hostname or "?"


def post(
    url: str,
    notice: StaffCallNotice,
    *,
    fmt: WebhookFormat | Literal[""] = "",
    timeout: float = TIMEOUT_S,
    retry_delays: Sequence[float] = RETRY_DELAYS_S,
    sleep: Callable[[float], None] = time.sleep,
) -> Delivery:
    """POST the notice in `fmt` (empty: as the URL's host tells), trying again after a server
    error or no answer. Blocking."""
    data = json.dumps(body(resolve(url, fmt).fmt, notice), ensure_ascii=False).encode("utf-8")
    problem = ""
    tries = 0
    for delay in (0.0, *retry_delays):
        if delay:
            sleep(delay)
        tries += 1
        request = urllib.request.Request(
            url,
            data=data,
            method="POST",
            headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": "naruto-kiosk"},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read(4096)
            return Delivery(True, tries)
        except urllib.error.HTTPError as exc:
            problem = f"HTTP {exc.code}"
            # The tool refuses this URL or body: trying again won't help (429: it asks us to wait).
            if exc.code < 500 and exc.code != 429:
                return Delivery(False, tries, problem)
        except urllib.error.URLError as exc:
            problem = _reason(exc.reason)
        except (OSError, ValueError) as exc:  # timeouts, resets; a malformed URL
            problem = _reason(exc)
    return Delivery(False, tries, problem)


def _reason(reason: object) -> str:
    if isinstance(reason, BaseException):
        text = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    else:
        text = str(reason)
    return text[:120]


class WebhookSender:
    """Sends a notice from a thread of its own; `done` is called there with the Delivery."""

    def __init__(
        self,
        url: str,
        *,
        fmt: WebhookFormat | Literal[""] = "",
        timeout: float = TIMEOUT_S,
        retry_delays: Sequence[float] = RETRY_DELAYS_S,
    ) -> None:
        self.url = url
        self.format = resolve(url, fmt)  # `staff_call_webhook_format`; empty: the host tells
        self.timeout = timeout
        self.retry_delays = tuple(retry_delays)

    def send(self, notice: StaffCallNotice, done: Callable[[Delivery], None]) -> threading.Thread:
        fmt, why = self.format.fmt, self.format.why

        def run() -> None:
            log.info("staff-call webhook to %s as %s (%s)", where(self.url), fmt, why)
            try:
                delivery = post(
                    self.url, notice, fmt=fmt, timeout=self.timeout, retry_delays=self.retry_delays
                )
            except Exception as exc:  # a bug must still end in an honest "not sent"
                log.exception("staff-call webhook failed")
                delivery = Delivery(False, 1, type(exc).__name__)
            if delivery.sent:
                log.info("staff told through the webhook at %s (%s)", where(self.url), delivery.detail())
            else:
                log.warning("staff-call webhook to %s %s", where(self.url), delivery.detail())
            done(delivery)

        thread = threading.Thread(target=run, name="staff-call-webhook", daemon=True)
        thread.start()
        return thread
