"""「係員を呼ぶ」 reaches a person: a chime, a banner until someone answers, a webhook to staff."""

from __future__ import annotations

import ast
import json
import socket
import threading
import wave
from array import array
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kiosk.notify import chime as chime_module
from kiosk.notify.chime import CHIME, Chime
from kiosk.notify.formats import FORMATS, Resolved, infer_format, resolve
from kiosk.notify.notice import StaffCallNotice
from kiosk.notify.webhook import Delivery, WebhookSender, post
from kiosk.paths import PROJECT_ROOT
from kiosk.records.accounts import Accounts, Role
from kiosk.records.events import EventKind
from kiosk.settings import Settings, SettingsError, load_settings
from kiosk.speech import worker
from kiosk.ui.staff_call import Notice

STAFF_PIN = "739164"
NOT_SET_WORDS = "受付の 係員に 手を あげて お知らせ ください。"


# ---- a webhook receiver on this machine, started and stopped by the test --------------------


class _Receiver(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Hook)
        self.bodies: list[dict] = []
        self.statuses: list[int] = []  # answers for the next requests; then 200

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}/hooks/T000/secret"


class _Hook(BaseHTTPRequestHandler):
    server: _Receiver

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        assert self.headers.get("Content-Type", "").startswith("application/json")
        self.server.bodies.append(json.loads(self.rfile.read(length).decode("utf-8")))
        status = self.server.statuses.pop(0) if self.server.statuses else 200
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: the test asserts what arrived


@pytest.fixture
def receiver() -> Iterator[_Receiver]:
    server = _Receiver()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    give_up = threading.Timer(60, server.shutdown)  # bounded even if the test never ends it
    give_up.start()
    yield server
    give_up.cancel()
    server.shutdown()
    server.server_close()
    thread.join(5)


def _closed_port() -> int:
    """A port on this machine where nothing listens (the staff's tool is down)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


NOTICE = StaffCallNotice(
    "naruto-kiosk-2", datetime(2026, 12, 3, 10, 42, tzinfo=timezone(timedelta(hours=9))), "PlayerScreen"
)


def test_the_payload_holds_kiosk_time_and_screen_and_nothing_else(receiver: _Receiver) -> None:
    delivery = post(receiver.url, NOTICE, retry_delays=())
    assert delivery == Delivery(True, 1)
    [body] = receiver.bodies
    assert set(body) == {"text", "kiosk_id", "time", "screen"}, "Slack/Teams read `text`; nothing personal"
    assert body["kiosk_id"] == "naruto-kiosk-2"
    assert body["time"] == "2026-12-03T10:42:00+09:00"
    assert body["screen"] == "PlayerScreen"
    assert body["text"] == "【係員呼び出し】naruto-kiosk-2 で 係員が呼ばれています（10:42、画面: レッスン）"


def test_a_server_error_is_tried_again(receiver: _Receiver) -> None:
    receiver.statuses = [500, 503]
    delivery = post(receiver.url, NOTICE, retry_delays=(0.0, 0.0))
    assert delivery.sent and delivery.tries == 3
    assert len(receiver.bodies) == 3 and receiver.bodies[0] == receiver.bodies[2]


def test_a_refusal_is_not_tried_again(receiver: _Receiver) -> None:
    receiver.statuses = [404]
    delivery = post(receiver.url, NOTICE, retry_delays=(0.0, 0.0))
    assert delivery == Delivery(False, 1, "HTTP 404")
    assert delivery.detail() == "failed: HTTP 404 (1 try)"


def test_errors_all_the_way_give_up_after_three_tries(receiver: _Receiver) -> None:
    receiver.statuses = [500, 500, 500, 500]
    delivery = post(receiver.url, NOTICE, retry_delays=(0.0, 0.0))
    assert delivery == Delivery(False, 3, "HTTP 500")
    assert len(receiver.bodies) == 3


def test_a_server_that_is_down_is_tried_three_times_then_given_up() -> None:
    waited: list[float] = []
    delivery = post(
        f"http://127.0.0.1:{_closed_port()}/hook", NOTICE, retry_delays=(1.0, 3.0), sleep=waited.append
    )
    assert not delivery.sent and delivery.tries == 3
    assert waited == [1.0, 3.0], "a pause before each try again"
    assert "refused" in delivery.problem.lower()
    assert "127.0.0.1" not in delivery.detail(), "the URL (the channel's secret) is never in the records"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("", True),
        ("https://hooks.slack.com/services/T0/B0/x", True),
        ("https://example.webhook.office.com/webhookb2/abc", True),
        ("http://127.0.0.1:8080/hook", True),
        ("http://localhost/hook", True),
        ("http://hooks.example.jp/hook", False),  # plain http off this machine: the secret in clear
        ("ftp://example.jp/hook", False),
        ("https://", False),
        ("hooks.slack.com/services/x", False),
    ],
)
def test_the_webhook_setting_is_https_only(url: str, ok: bool) -> None:
    if ok:
        assert Settings(staff_call_webhook=url).staff_call_webhook == url
    else:
        with pytest.raises(ValueError, match="https://"):
            Settings(staff_call_webhook=url)


# ---- one body per messaging tool -------------------------------------------------------------

CALL_TEXT = "【係員呼び出し】naruto-kiosk-2 で 係員が呼ばれています（10:42、画面: レッスン）"
BODIES = {
    "slack": {
        "text": CALL_TEXT,
        "kiosk_id": "naruto-kiosk-2",
        "time": "2026-12-03T10:42:00+09:00",
        "screen": "PlayerScreen",
    },
    "teams-workflows": {
        "type": "message",
        "attachments": [
            {
                "contentType": "application/vnd.microsoft.card.adaptive",
                "contentUrl": None,
                "content": {
                    "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                    "type": "AdaptiveCard",
                    "version": "1.2",
                    "body": [{"type": "TextBlock", "text": CALL_TEXT, "wrap": True}],
                },
            }
        ],
    },
    "google-chat": {"text": CALL_TEXT},  # Google's APIs refuse fields they do not know
    "discord": {"content": CALL_TEXT, "allowed_mentions": {"parse": []}},
}


def test_every_format_has_its_body() -> None:
    assert set(BODIES) == set(FORMATS)


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_tool_receives_its_own_shape_with_the_japanese_words(receiver: _Receiver, fmt) -> None:  # type: ignore[no-untyped-def]
    assert post(receiver.url, NOTICE, fmt=fmt, retry_delays=()) == Delivery(True, 1)
    [body] = receiver.bodies
    assert body == BODIES[fmt], "the shape the tool documents, and only the kiosk, time and screen"


@pytest.mark.parametrize(
    ("url", "fmt"),
    [
        ("https://hooks.slack.com/services/T0/B0/x", "slack"),
        (
            "https://prod-23.japaneast.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x",
            "teams-workflows",
        ),
        (
            "https://default1234.56.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc",
            "teams-workflows",
        ),
        ("https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=t", "google-chat"),
        ("https://discord.com/api/webhooks/1/tok", "discord"),
        ("https://canary.discord.com/api/webhooks/1/tok", "discord"),
        ("https://discordapp.com/api/webhooks/1/tok", "discord"),
        ("https://HOOKS.SLACK.COM/services/x", "slack"),
        ("https://example.webhook.office.com/webhookb2/abc", None),  # the old Teams connector: {"text"}
        ("https://webhook.worksmobile.com/message/abc", None),  # LINE WORKS: format unconfirmed
        ("https://discord.com.example.jp/hook", None),  # a look-alike host is not the tool
        ("https://notslack.com/hooks.slack.com", None),
        ("http://127.0.0.1:8080/hook", None),
    ],
)
def test_the_format_is_inferred_from_the_host(url: str, fmt: str | None) -> None:
    assert infer_format(url) == fmt
    resolved = resolve(url)
    assert resolved.fmt == (fmt or "slack"), 'an unknown host gets the plain {"text"} body'
    assert "secret" not in resolved.why and "abc" not in resolved.why, "the log never holds the URL's path"


def test_a_format_set_by_staff_wins_over_the_host() -> None:
    assert resolve("https://hooks.slack.com/services/x", "discord") == Resolved(
        "discord", "set in settings.toml"
    )
    assert resolve("https://webhook.worksmobile.com/message/abc").why.startswith("LINE WORKS")


def test_the_sender_says_which_body_it_sends_and_why(receiver: _Receiver, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level("INFO", logger="kiosk.notify")
    inferred = WebhookSender("https://prod-1.japaneast.logic.azure.com/workflows/x/triggers/manual?sig=s")
    assert inferred.format == Resolved(
        "teams-workflows", "inferred from the host prod-1.japaneast.logic.azure.com"
    )
    results: list[Delivery] = []
    sender = WebhookSender(receiver.url, fmt="google-chat", retry_delays=())
    sender.send(NOTICE, results.append).join(10)
    assert results == [Delivery(True, 1)]
    assert receiver.bodies == [{"text": CALL_TEXT}]
    assert "staff-call webhook to 127.0.0.1 as google-chat (set in settings.toml)" in caplog.text
    assert "/hooks/T000/secret" not in caplog.text


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("", ""),
        ("discord", "discord"),
        (" Teams-Workflows ", "teams-workflows"),
        ("google_chat", "google-chat"),
    ],
)
def test_the_format_setting_takes_the_tools_names(value: str, kept: str) -> None:
    assert Settings(staff_call_webhook_format=value).staff_call_webhook_format == kept


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("teams", "must be one of slack, teams-workflows, google-chat, discord"),
        ("line-works", "LINE WORKS is not supported yet"),
        ("chatwork", "or leave it out to go by the URL"),
    ],
)
def test_a_bad_format_is_refused_calmly(tmp_path: Path, value: str, says: str) -> None:
    (tmp_path / "settings.toml").write_text(
        f'staff_call_webhook = "https://hooks.slack.com/services/x"\nstaff_call_webhook_format = "{value}"\n',
        encoding="utf-8",
    )
    with pytest.raises(SettingsError) as refused:
        load_settings(tmp_path)
    message = str(refused.value)
    assert "settings.toml: staff_call_webhook_format: " in message, "names the file and the setting"
    assert says in message
    assert "Traceback" not in message and "pydantic" not in message


def test_the_notify_package_imports_no_qt() -> None:
    for file in sorted((PROJECT_ROOT / "kiosk" / "notify").glob("*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert not any(m.startswith(("PySide6", "kiosk.ui")) for m in modules), file


# ---- the chime ------------------------------------------------------------------------------


def _seconds_and_loudness(path: Path) -> tuple[float, float]:
    with wave.open(str(path)) as wav:
        assert wav.getsampwidth() == 2
        seconds = wav.getnframes() / wav.getframerate()
        samples = array("h", wav.readframes(wav.getnframes()))
    return seconds, (sum(s * s for s in samples) / max(1, len(samples))) ** 0.5


def test_the_shipped_chime_is_a_soft_one_second_sound() -> None:
    seconds, rms = _seconds_and_loudness(CHIME)
    assert 0.8 < seconds < 1.5
    assert 500 < rms < 12_000, "heard, but not startling"


@pytest.fixture
def sound_to_file(tmp_path, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    """ALSA's default device writes what is played to a WAV file (a sound card stand-in)."""
    home = tmp_path / "home"
    home.mkdir()
    played = tmp_path / "played.wav"
    (home / ".asoundrc").write_text(
        f'pcm.!default {{\n type file\n slave.pcm "null"\n file "{played}"\n format "wav"\n}}\n'
    )
    monkeypatch.setenv("HOME", str(home))  # aplay reads it
    assert "default" in worker.alsa_devices(), "the real aplay -L reads the file"
    return played


@pytest.mark.linux  # plays through ALSA's aplay
def test_the_chime_really_plays(sound_to_file: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level("INFO", logger="kiosk.notify")
    played = Chime().play()
    assert played is not None
    played.join(15)
    seconds, rms = _seconds_and_loudness(sound_to_file)
    assert 0.8 < seconds < 1.5, "the whole chime went to the speakers"
    assert rms > 500, "not silence"
    assert "staff-call chime played" in caplog.text


def test_no_sound_device_is_a_log_line_not_a_crash(monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(chime_module.sys, "platform", "linux")
    monkeypatch.setattr(worker, "audio_device_problem", lambda: "no sound card (ALSA lists none)")
    chime = Chime()
    played = chime.play()
    assert played is not None
    played.join(15)
    assert chime.last_problem == "no sound card (ALSA lists none)"
    assert "staff-call chime not played: no sound card" in caplog.text


# ---- the kiosk: the card, the banner, the call ----------------------------------------------


@pytest.fixture
def handed(monkeypatch) -> list[tuple[Path, float]]:  # type: ignore[no-untyped-def]
    """What the kiosk hands to the sound player: (file, its length in seconds)."""
    calls: list[tuple[Path, float]] = []

    def player(path: Path) -> None:
        with wave.open(str(path)) as wav:
            calls.append((path, wav.getnframes() / wav.getframerate()))

    monkeypatch.setattr(chime_module, "play_wav", player)
    return calls


def _answered_in_audit(store) -> list[dict]:  # type: ignore[no-untyped-def]
    return [row for row in store.audit_log() if row["action"] == "staff_call_answered"]


def test_without_a_webhook_the_card_says_to_raise_a_hand(make_window, qtbot, handed) -> None:
    window = make_window()
    window.screens.home.start_button.click()
    window.top_bar.staff_button.click()
    card = window.screens.call_staff
    assert card.isVisible()
    assert NOT_SET_WORDS in card.body.source()
    assert "来ます" not in card.heading.text() + card.body.source(), "no promise the kiosk cannot keep"
    assert NOT_SET_WORDS in window.reader.speech_text(), "read aloud as shown"
    qtbot.waitUntil(lambda: len(handed) == 1, timeout=5000)
    assert handed == [(CHIME, pytest.approx(1.1, abs=0.1))], "the real chime WAV went to the player"
    assert window.staff_call_banner.isVisible()
    assert "よびだし中" in window.staff_call_banner.label.text()


def test_the_banner_stays_across_screens_and_visits_until_a_pin_sign_in(
    make_window, store, qtbot, handed
) -> None:
    Accounts(store).set_pin("yamada", Role.STAFF, STAFF_PIN, actor="test")
    window = make_window()
    window.screens.home.start_button.click()
    window.call_for_staff()
    window.screens.call_staff.back_button.click()
    banner = window.staff_call_banner
    assert banner.isVisible() and not banner.answer_button.isVisible(), "a citizen cannot clear it"
    window.lessons.open_lesson("power-on")
    window.screens.device_card.hide()
    assert banner.isVisible()
    window.go_home()  # the person leaves with 「はじめに戻る」: the call is still open
    assert banner.isVisible()
    window.language.choose("en")
    assert banner.isVisible() and "Calling staff" in banner.label.text()
    window.idle.reset()  # and the idle reset
    assert banner.isVisible()
    window.helpers.open_pin_pad()
    for digit in STAFF_PIN:
        window.screens.pin_pad.digit_buttons[digit].click()
    window.screens.pin_pad.open_button.click()
    assert window.state.helper is not None
    assert not banner.isVisible(), "signing in at the kiosk answers the call"
    [answered] = _answered_in_audit(store)
    assert answered["actor"] == "yamada"


def test_a_signed_in_helper_answers_with_the_banner_button(make_window, store, qtbot, handed) -> None:
    Accounts(store).set_pin("yamada", Role.STAFF, STAFF_PIN, actor="test")
    window = make_window()
    window.helpers.sign_in(STAFF_PIN)
    window.screens.intake.hide()
    assert not window.staff_call_banner.isVisible()
    window.call_for_staff()  # the supporter beside a citizen calls staff
    banner = window.staff_call_banner
    assert banner.isVisible() and banner.answer_button.isVisible()
    assert banner.answer_button.height() >= 80
    banner.answer_button.click()
    assert not banner.isVisible()
    assert len(_answered_in_audit(store)) == 1


def _kinds(store, consultation: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    rows = store.db.execute(
        "SELECT kind, detail FROM events WHERE consultation_id = ? ORDER BY seq", [consultation]
    ).fetchall()
    return [(kind, detail) for kind, detail in rows]


def test_with_a_webhook_staff_are_told_and_the_card_says_so(
    make_window, store, qtbot, receiver, handed
) -> None:
    window = make_window(settings=Settings(kiosk_id="naruto-2", staff_call_webhook=receiver.url))
    window.screens.home.start_button.click()
    receiver.statuses = [500]  # the first try fails; the kiosk tries again
    window.staff_calls.retry_delays = (0.0, 0.0)
    window.call_for_staff()
    card = window.screens.call_staff
    assert "送っています" in card.body.source(), "the screen did not wait for the network"
    qtbot.waitUntil(lambda: window.staff_calls.notice is Notice.SENT, timeout=10_000)
    assert card.heading.text() == "係員に 知らせました。"
    assert "係員に 知らせました" in window.reader.speech_text()
    assert len(receiver.bodies) == 2
    body = receiver.bodies[-1]
    assert set(body) == {"text", "kiosk_id", "time", "screen"}
    assert (body["kiosk_id"], body["screen"]) == ("naruto-2", "MenuScreen")
    datetime.fromisoformat(body["time"])
    window.call_for_staff()  # pressed again while the call is open: staff are not told twice
    qtbot.wait(200)
    assert len(receiver.bodies) == 2
    consultation = window.state.recorder.consultation_id
    window.state.recorder.flush()
    events = _kinds(store, consultation)
    assert ("staff_called", "MenuScreen") in events
    assert (str(EventKind.STAFF_NOTIFIED), "sent (2 tries)") in events


def test_a_webhook_that_is_down_leaves_an_honest_card(make_window, store, qtbot, handed) -> None:
    window = make_window(settings=Settings(staff_call_webhook=f"http://127.0.0.1:{_closed_port()}/hook"))
    window.screens.home.start_button.click()
    window.staff_calls.retry_delays = (0.0, 0.0)
    window.call_for_staff()
    qtbot.waitUntil(lambda: window.staff_calls.notice is Notice.FAILED, timeout=10_000)
    card = window.screens.call_staff
    assert "送れませんでした" in card.body.source() and NOT_SET_WORDS in card.body.source()
    assert window.staff_call_banner.isVisible(), "the call is still open"
    consultation = window.state.recorder.consultation_id
    window.state.recorder.flush()
    [(_kind, detail)] = [e for e in _kinds(store, consultation) if e[0] == "staff_notified"]
    assert detail is not None and detail.startswith("failed: ") and detail.endswith("(3 tries)")


def test_the_chime_can_be_turned_off(make_window, qtbot, handed) -> None:
    window = make_window(settings=Settings(staff_call_chime=False))
    window.call_for_staff()
    qtbot.wait(100)
    assert handed == []
    assert window.staff_call_banner.isVisible()


def test_the_kiosk_sends_the_format_staff_set(make_window, qtbot, receiver, handed) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(staff_call_webhook=receiver.url, staff_call_webhook_format="google-chat")
    window = make_window(settings=settings)
    window.staff_calls.retry_delays = ()
    window.call_for_staff()
    qtbot.waitUntil(lambda: window.staff_calls.notice is Notice.SENT, timeout=10_000)
    [body] = receiver.bodies
    assert set(body) == {"text"}
