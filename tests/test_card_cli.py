"""`kiosk card check|readers` (issue 26): the staff's test of a card reader.

In this process the command reaches the software card through its one seam,
`kiosk.cli.card.ACCESS`; the last test runs the real program against the same card
behind a pcscd of its own and vsmartcard's virtual reader (as tests/test_card_pcsc.py).
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from kiosk.card import apdu
from kiosk.card.pcsc import Transport
from kiosk.card.problems import CardProblem, CardRemoved, NoCard, NoReader, Timeout
from kiosk.cli import card as card_cli
from kiosk.cli import main
from tests.helpers.cli import kiosk
from tests.helpers.virtual_card import TEST_SERIAL, CardTransport, VirtualMyNumberCard
from tests.helpers.vpcd import Pcscd, VpcdCard
from tests.test_card_check import TODAY, card

READER = "Virtual PCD 00 00"


class Desk:
    """What the command reaches instead of PC/SC: one software card (or a problem), and the
    `card_reader` value each check was opened with."""

    def __init__(self, virtual: VirtualMyNumberCard | None = None, **transport: int) -> None:
        self.virtual, self.transport = virtual, transport
        self.problem: CardProblem | None = None
        self.opened_with: list[str] = []
        self.readers: list[str] | CardProblem = ["Sony FeliCa RC-S300/P 00 00"]

    def access(self) -> card_cli.CardAccess:
        return card_cli.CardAccess(opener=self._opener, readers=self._readers, today=lambda: TODAY)

    def _opener(self, setting: str) -> Callable[[float], contextlib.AbstractContextManager[Transport]]:
        self.opened_with.append(setting)

        def open_card(_wait_s: float) -> contextlib.AbstractContextManager[Transport]:
            if self.problem is not None:
                raise self.problem
            assert self.virtual is not None
            return contextlib.nullcontext(CardTransport(self.virtual, **self.transport))

        return open_card

    def _readers(self) -> list[str]:
        if isinstance(self.readers, CardProblem):
            raise self.readers
        return self.readers


@pytest.fixture
def desk(monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    chosen = Desk(card(date(2026, 9, 30), auth_tries=3, sign_tries=1, kenhojo_tries=0))
    monkeypatch.setattr(card_cli, "ACCESS", chosen.access())
    yield chosen


def card_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str, settings: str = ""
) -> tuple[int, str, str]:
    data = tmp_path / "data"
    if settings:
        data.mkdir(exist_ok=True)
        (data / "settings.toml").write_text(settings, encoding="utf-8")
    code = main(["--data-dir", str(data), "card", *args])
    out, err = capsys.readouterr()
    return code, out, err


def no_card_data(text: str) -> None:
    for secret in (TEST_SERIAL.hex(), TEST_SERIAL.hex().upper(), TEST_SERIAL.hex(" ").upper()):
        assert secret not in text
    assert "Traceback" not in text


# --- a result ---------------------------------------------------------------------------


def test_the_result_in_plain_japanese(desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = card_output(capsys, tmp_path, "check", settings='card_reader = "any"\n')
    assert code == 0, err
    assert out.splitlines() == [
        "電子証明書の 有効期限: 2026年9月30日（あと 258日）",
        "  ✓ 使えます（1年以内に 切れます）",
        "暗証番号の 残り回数:",
        "  利用者証明用（数字 4けた）: ✓ あと 3回 まちがえられます",
        "  署名用（英数字 6〜16けた）: ⚠ あと 1回です。ためさないで、窓口へ",
        "  券面事項入力補助用（数字 4けた）: ✗ ロック されています → 市役所の 窓口で 解除",
    ]
    assert "カードを 読み取り機に のせて ください（20 秒 待ちます）" in err
    assert desk.opened_with == ["any"]
    no_card_data(out + err)


@pytest.mark.parametrize(
    ("expires_on", "words"),
    [
        (
            date(2030, 3, 14),
            "電子証明書の 有効期限: 2030年3月14日（あと 1519日）\n  ✓ 1年より 先まで 使えます",
        ),
        (date(2026, 3, 15), "（あと 59日）\n  ⚠ 3か月以内に 切れます → 更新の 手続きを ご案内ください"),
        (date(2025, 11, 2), "2025年11月2日（74日 前に 切れました）\n  ✗ 切れています → 市役所の 窓口で 更新"),
    ],
)
def test_each_expiry_band(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str], expires_on: date, words: str
) -> None:
    desk.virtual = card(expires_on)
    code, out, _ = card_output(capsys, tmp_path, "check")
    assert code == 0 and words in out


def test_json_has_the_categories_and_the_date_only(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = card_output(capsys, tmp_path, "check", "--json")
    assert code == 0
    assert json.loads(out) == {
        "expires_on": "2026-09-30",
        "expiry_band": "within_1_year",
        "pins": {"auth": "ok", "sign": "low", "kenhojo": "locked"},
    }
    no_card_data(out + err)
    assert desk.virtual is not None
    certificate = desk.virtual.certificate
    for start in range(0, len(certificate) - 8, 8):  # no run of the certificate's bytes, in any spelling
        piece = certificate[start : start + 8]
        assert piece.hex() not in out.lower() and piece.hex(" ") not in out.lower()


def test_no_pin_is_sent_and_nothing_is_written(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = card_output(capsys, tmp_path, "check")
    assert code == 0
    assert desk.virtual is not None and not desk.virtual.pin_data_received
    assert not any(apdu.carries_pin_data(command) for command in desk.virtual.received)
    assert [c for c in desk.virtual.received if c[1] == 0x20] == [apdu.VERIFY_TRIES_LEFT] * 3
    assert not (tmp_path / "data").exists()  # no records, no audit, no log: a staff tool only looks


def test_the_reader_from_settings_from_the_option_or_any(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    named = 'card_reader = "Sony FeliCa RC-S300/P 00 00"\n'
    assert card_output(capsys, tmp_path, "check", settings=named)[0] == 0
    assert card_output(capsys, tmp_path, "check", "--reader", "Other 01 00", settings=named)[0] == 0
    (tmp_path / "data" / "settings.toml").unlink()
    code, _, err = card_output(capsys, tmp_path, "check", "--wait", "7")
    assert code == 0
    assert desk.opened_with == ["Sony FeliCa RC-S300/P 00 00", "Other 01 00", "any"]
    assert "設定の card_reader が 空です。つながっている どの 読み取り機でも 調べます。" in err
    assert "（7 秒 待ちます）" in err


# --- no result: one calm sentence, exit 3 -----------------------------------------------


@pytest.mark.parametrize(
    ("problem", "kind", "words"),
    [
        (NoReader("pyscard is not installed"), "no_reader", "カード読み取り機が 見つかりません。"),
        (NoReader("smart-card service: connect: SCARD_E_NO_SERVICE"), "no_reader", "USB を つなぎ直して"),
        (NoCard("no card placed"), "no_card", "カードが のせられませんでした。"),
        (Timeout("card does not answer"), "timeout", "もう一度 ゆっくり のせて ください。"),
        (CardRemoved("transmit: SCARD_W_REMOVED_CARD"), "card_removed", "途中で カードが 離れました。"),
    ],
)
def test_each_problem_is_one_calm_sentence(
    desk: Desk,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    problem: CardProblem,
    kind: str,
    words: str,
) -> None:
    desk.problem = problem
    code, out, err = card_output(capsys, tmp_path, "check")
    assert code == card_cli.EXIT_CARD_PROBLEM == 3
    assert out.count("\n") == 1 and words in out
    assert f"（くわしく: {kind}: {problem.detail}）" in err and "Traceback" not in out + err
    code, out, _ = card_output(capsys, tmp_path, "check", "--json")
    assert code == 3 and json.loads(out) == {"problem": kind}


def test_not_a_my_number_card(desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    desk.virtual = card(has_jpki=False)
    code, out, _ = card_output(capsys, tmp_path, "check")
    assert (
        code == 3
        and out
        == "マイナンバーカードとして 読めませんでした。ほかの カードが 重なって いないか 確かめて ください。\n"
    )
    assert json.loads(card_output(capsys, tmp_path, "check", "--json")[1]) == {
        "problem": "not_my_number_card"
    }


def test_card_taken_away_mid_read(desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    desk.transport = {"remove_after": 6}
    code, out, _ = card_output(capsys, tmp_path, "check", "--json")
    assert code == 3 and json.loads(out) == {"problem": "card_removed"}


def test_a_bug_below_is_a_calm_timeout_without_a_traceback(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    desk.problem = KeyError("driver state")  # type: ignore[assignment]  # not a CardProblem: a bug
    code, out, err = card_output(capsys, tmp_path, "check")
    assert code == 3 and "もう一度 ゆっくり のせて ください" in out
    assert "Traceback" not in out + err and "KeyError" in err  # the detail names it, calmly


def test_without_pyscard_or_service_the_real_opener_says_no_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "smartcard", None)
    monkeypatch.setitem(sys.modules, "smartcard.scard", None)
    code, out, err = card_output(capsys, tmp_path, "check", "--wait", "1")
    assert code == 3 and out.startswith("カード読み取り機が 見つかりません。")
    assert "pyscard is not installed" in err and "Traceback" not in out + err
    code, out, _ = card_output(capsys, tmp_path, "readers", "--json")
    assert code == 3 and json.loads(out) == {"service": False, "problem": "no_reader"}


def test_a_bad_wait_is_a_usage_error(desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--data-dir", str(tmp_path), "card", "check", "--wait", "0"])
    assert stopped.value.code == 2
    assert "--wait must be 1 to 120 seconds" in capsys.readouterr().err


# --- readers ----------------------------------------------------------------------------


def test_readers_lists_them_and_the_setting(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = card_output(
        capsys, tmp_path, "readers", settings='card_reader = "Sony FeliCa RC-S300/P 00 00"\n'
    )
    assert code == 0
    assert out.splitlines() == [
        "つながっている 読み取り機: 1 台",
        "  Sony FeliCa RC-S300/P 00 00",
        "設定の card_reader: 「Sony FeliCa RC-S300/P 00 00」",
        "  ✓ その 読み取り機が つながっています",
    ]
    code, out, _ = card_output(capsys, tmp_path, "readers", "--json", settings='card_reader = "Gone 00 00"\n')
    assert code == 3
    assert json.loads(out) == {
        "service": True,
        "readers": ["Sony FeliCa RC-S300/P 00 00"],
        "card_reader": "Gone 00 00",
        "found": False,
    }


def test_readers_with_none_plugged_in_or_no_service(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    desk.readers = []
    code, out, _ = card_output(capsys, tmp_path, "readers")
    assert (
        code == 3 and "つながっている 読み取り機: 0 台" in out and "カード読み取り機が 見つかりません" in out
    )
    assert "空（キオスクに「カードを かざして 調べる」は 出ません）" in out
    desk.readers = NoReader("smart-card service: connect: SCARD_E_NO_SERVICE")
    code, out, err = card_output(capsys, tmp_path, "readers")
    assert code == 3 and out.startswith("スマートカードの サービスが 答えません。")
    assert "SCARD_E_NO_SERVICE" in err and "Traceback" not in out + err


# --- the real program through pcscd and the virtual reader -------------------------------


@pytest.mark.linux
@pytest.mark.slow
def test_the_command_through_pcscd(pcscd: Pcscd, tmp_path: Path) -> None:
    data = tmp_path / "data"
    listed = kiosk("card", "readers", "--json", data_dir=data, timeout=60)
    assert listed.returncode == 0, listed.stderr
    assert READER in json.loads(listed.stdout)["readers"]
    virtual = card(date(2045, 1, 1), sign_tries=1)  # far enough that today's date cannot change the band
    try:
        with VpcdCard(virtual, pcscd.port):
            done = kiosk(
                "card", "check", "--json", "--reader", READER, "--wait", "10", data_dir=data, timeout=60
            )
    finally:
        pcscd.wait_until_empty(READER)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "expires_on": "2045-01-01",
        "expiry_band": "over_1_year",
        "pins": {"auth": "ok", "sign": "low", "kenhojo": "ok"},
    }
    assert not virtual.pin_data_received and "Traceback" not in done.stdout + done.stderr
    no_card_data(done.stdout + done.stderr)
    gone = kiosk("card", "check", "--reader", READER, "--wait", "1", data_dir=data, timeout=60)
    assert gone.returncode == 3 and gone.stdout.startswith("カードが のせられませんでした。")
    assert not data.exists()
