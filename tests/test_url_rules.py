"""Hand-off URLs judged as the phone's browser reads them (issue 23, part 2).

Python's urlsplit and the WHATWG URL standard (every phone's browser) disagree on some
inputs; the kiosk parses with a WHATWG parser (ada-url), checks the host it yields, and
puts exactly its normalised URL in the QR, on screen and on the slip.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
import qrcode
from qrcode.constants import ERROR_CORRECT_M
from qrcode.exceptions import DataOverflowError

from kiosk.content.procedures import load_procedures
from kiosk.content.urls import DEFAULT_ALLOWLIST, MAX_URL_LENGTH, allowlist_entries, judge_url
from kiosk.doctor import checks
from kiosk.doctor.result import Status, report_lines
from kiosk.paths import PROCEDURES_DIR
from kiosk.settings import SettingsError, load_settings
from tests.helpers.cli import kiosk

CITY = "city.naruto.tokushima.jp"
TEMPLATE = (PROCEDURES_DIR / "mynaportal.yaml").read_text(encoding="utf-8")


def _procedure(directory: Path, ident: str, url: str) -> tuple[Path, int]:
    """A real procedure file with `url` (written as a YAML double-quoted string); its url line."""
    lines = TEMPLATE.splitlines()
    at = next(n for n, row in enumerate(lines) if row.startswith("url:"))
    lines[at] = f"url: {json.dumps(url)}"
    lines = [f"id: {ident}" if row.startswith("id:") else row for row in lines]
    file = directory / f"{ident}.yaml"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return file, at + 1


def _scan(image: Path) -> str:
    done = subprocess.run(
        [shutil.which("zbarimg") or "zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True
    )
    return done.stdout.rstrip("\n")


# ---- the judge, input by input --------------------------------------------------------------------

REFUSED = [
    # urlsplit saw a host ending in .city.naruto.tokushima.jp; a browser goes to evil.example
    # (backslash is a slash in https URLs). Passed before.
    ("https://evil.example\\.city.naruto.tokushima.jp/", "allowlist): evil.example"),
    ("https://evil.example\\@city.naruto.tokushima.jp/", "allowlist): evil.example"),
    ("https:\\\\evil.example\\city.naruto.tokushima.jp", "allowlist): evil.example"),
    # A percent-encoded slash in the host: a browser refuses the URL. Passed before.
    ("https://evil.example%2F.city.naruto.tokushima.jp/", "malformed"),
    ("https://evil.example%23.city.naruto.tokushima.jp/", "malformed"),
    # User info: the host is evil.example, the allowed name only a user name.
    ("https://city.naruto.tokushima.jp@evil.example/", "credentials"),
    ("https://city.naruto.tokushima.jp:x@evil.example/", "credentials"),
    ("https://user@city.naruto.tokushima.jp/", "credentials"),
    # Tab and newline: a browser drops them silently (evil.exa<TAB>mple is evil.example), and a
    # newline put a second URL in the QR. Passed before.
    ("https://city.naruto.tokushima.jp/\nhttps://evil.example/", "no whitespace or control"),
    ("https://evil.exa\tmple.city.naruto.tokushima.jp/", "no whitespace or control"),
    ("https://city.naruto\t.tokushima.jp/", "no whitespace or control"),
    ("https://city.naruto.tokushima.jp/a b", "no whitespace or control"),
    ("https://city.naruto.tokushima.jp/\u200b", "no whitespace or control"),
    ("https://city.naruto.tokushima.jp/\u202e", "no whitespace or control"),
    ("https://city.naruto.tokushima.jp/\u3000", "no whitespace or control"),
    # Ports: any was accepted before.
    ("https://city.naruto.tokushima.jp:8443/", "no port other than 443"),
    ("https://city.naruto.tokushima.jp:0/", "no port other than 443"),
    # A look-alike letter is another host (punycode): the browser goes there.
    ("https://c\u0131ty.naruto.tokushima.jp/", "allowlist): xn--cty-jua.naruto.tokushima.jp"),
    # Percent-encoded dots are dots to a browser: this is evil.example's subdomain.
    ("https://city.naruto.tokushima.jp%2Eevil.example/", "allowlist): city.naruto.tokushima.jp.evil.example"),
    ("https://city.naruto.tokushima.jp./", "trailing dot"),
    ("http://city.naruto.tokushima.jp/", "only https"),
    ("javascript:alert(1)", "only https"),
    ("https://[::1]/", "allowlist"),
    ("https://3232235777/", "allowlist"),
    ("//city.naruto.tokushima.jp/", "malformed"),
    ("https://www.city.naruto.tokushima.jp/" + "a" * 5000, "too long"),
]

ACCEPTED = [
    # (as written, as the browser reads it: shown, put in the QR, printed)
    ("https://CITY.Naruto.Tokushima.JP/Path", "https://city.naruto.tokushima.jp/Path"),
    ("https://\uff43\uff49\uff54\uff59.naruto.tokushima.jp/", "https://city.naruto.tokushima.jp/"),
    ("https://city%2Enaruto%2Etokushima%2Ejp/", "https://city.naruto.tokushima.jp/"),
    ("https://city.naruto.tokushima.jp:443/", "https://city.naruto.tokushima.jp/"),
    ("https://city.naruto.tokushima.jp", "https://city.naruto.tokushima.jp/"),
    ("https:city.naruto.tokushima.jp/a/../b", "https://city.naruto.tokushima.jp/b"),
    ("https://www.city.naruto.tokushima.jp/くらし?q=マイナ#上", None),
    ("https://www.digital.go.jp/policies/account_registration", None),
]


@pytest.mark.parametrize(("url", "problem"), REFUSED)
def test_refused_as_a_browser_reads_it(url: str, problem: str) -> None:
    judged = judge_url(url, DEFAULT_ALLOWLIST)
    assert judged.url is None and problem in (judged.problem or ""), judged


@pytest.mark.parametrize(("url", "normalised"), ACCEPTED)
def test_accepted_as_the_browser_writes_it(url: str, normalised: str | None) -> None:
    judged = judge_url(url, DEFAULT_ALLOWLIST)
    assert judged.problem is None
    assert judged.url == (normalised or judged.url)
    assert judged.url is not None and judged.url.isascii()
    assert judge_url(judged.url, DEFAULT_ALLOWLIST).url == judged.url  # normalising is stable


def test_unicode_is_written_out_for_the_qr() -> None:
    judged = judge_url("https://www.city.naruto.tokushima.jp/くらし", DEFAULT_ALLOWLIST)
    assert judged.url == "https://www.city.naruto.tokushima.jp/%E3%81%8F%E3%82%89%E3%81%97"


# ---- the real checker: FILE:LINE: url: … -----------------------------------------------------------


def test_procedures_check_names_file_and_line_of_every_bad_url(tmp_path: Path) -> None:
    folder = tmp_path / "procedures"
    folder.mkdir()
    expected = {}
    for index, (url, problem) in enumerate(REFUSED):
        file, line = _procedure(folder, f"bad-{index:02d}", url)
        expected[f"{file}:{line}: url: "] = problem
    done = kiosk("procedures", "check", str(folder), data_dir=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    out = done.stdout.splitlines()
    for prefix, problem in expected.items():
        lines = [row for row in out if row.startswith(prefix)]
        assert len(lines) == 1 and problem in lines[0], (prefix, lines)
    assert "0 procedure(s) usable" in done.stderr


def test_a_usable_procedure_carries_the_normalised_url(tmp_path: Path) -> None:
    for index, (url, _normalised) in enumerate(ACCEPTED):
        _procedure(tmp_path, f"good-{index:02d}", url)
    procedures, problems = load_procedures(tmp_path, DEFAULT_ALLOWLIST)
    assert not [p for p in problems if p.fatal]
    for index, (url, _normalised) in enumerate(ACCEPTED):
        assert procedures[f"good-{index:02d}"].url == judge_url(url, DEFAULT_ALLOWLIST).url


# ---- what was checked is what is printed and shown -------------------------------------------------


@pytest.mark.parametrize("paper", ["58mm", "80mm"])
def test_slip_qr_and_text_are_the_normalised_url(fonts, tmp_path: Path, paper: str) -> None:
    from kiosk.handoff.render import write_pdf
    from kiosk.handoff.slip import PAPERS, build_slip

    url = "https://\uff23\uff29\uff34\uff39.Naruto.tokushima.jp:443/くらし/../手続き?a=1#x"
    _procedure(tmp_path, "odd", url)
    procedures, _ = load_procedures(tmp_path, DEFAULT_ALLOWLIST)
    normalised = procedures["odd"].url
    assert normalised == "https://city.naruto.tokushima.jp/%E6%89%8B%E7%B6%9A%E3%81%8D?a=1#x"
    slip = build_slip(procedures["odd"], room_name="相談室", today=date(2026, 12, 6))
    assert slip.url == normalised
    pdf = tmp_path / "slip.pdf"
    write_pdf(slip, PAPERS[paper], pdf)
    subprocess.run(["pdftoppm", "-r", "203", "-png", str(pdf), str(tmp_path / "page")], check=True)
    assert _scan(sorted(tmp_path.glob("page*.png"))[0]) == normalised
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert normalised.split("?")[0] in "".join(text.split())  # printed as checked (wrapped anywhere)


def test_screen_qr_is_the_normalised_url(qtbot, tmp_path: Path) -> None:
    from kiosk.ui.widgets.qr_view import QrView

    _procedure(tmp_path, "odd", "https://WWW.City.Naruto.Tokushima.JP:443/%7e/")
    procedures, _ = load_procedures(tmp_path, DEFAULT_ALLOWLIST)
    view = QrView()
    qtbot.addWidget(view)
    view.resize(560, 560)
    view.set_url(procedures["odd"].url)
    view.show()
    image = tmp_path / "screen.png"
    view.grab().save(str(image))
    assert _scan(image) == procedures["odd"].url == "https://www.city.naruto.tokushima.jp/%7e/"
    assert view.accessibleDescription() == procedures["odd"].url


# ---- the length limit, from the slip's smallest module ---------------------------------------------


def _qr_version_fits(text: str, version: int) -> bool:
    code = qrcode.QRCode(version=version, error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(text, optimize=0)
    try:
        code.make(fit=False)
    except DataOverflowError:
        return False
    return True


def test_length_limit_is_what_the_narrowest_slip_can_print() -> None:
    """Recomputed from the renderer: the largest QR whose modules stay ≥ 0.5 mm on every paper."""
    from kiosk.handoff.render import SlipTooNarrow, geometry_for, module_dots
    from kiosk.handoff.slip import PAPERS

    def largest_version(paper: str) -> int:
        spec = PAPERS[paper]
        geometry = geometry_for(spec, spec.dpi)
        best = 0
        for version in range(1, 41):
            try:
                module_dots(17 + 4 * version, geometry)
            except SlipTooNarrow:
                break
            best = version
        return best

    version = min(largest_version(paper) for paper in PAPERS)
    assert version == 15  # 58 mm roll: 383 dots × 0.9 // 4 dots = 86 modules, 8 of them quiet zone
    low, high = 1, 3000  # the most bytes version `version` holds at error correction M
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if _qr_version_fits("a" * middle, version) else (low, middle - 1)
    longest = low
    assert longest == MAX_URL_LENGTH == 412


def test_the_longest_url_prints_and_scans_on_58mm_and_one_more_is_refused(fonts, tmp_path: Path) -> None:
    from kiosk.handoff.render import write_pdf
    from kiosk.handoff.slip import PAPERS, build_slip

    base = "https://www.city.naruto.tokushima.jp/"
    longest = base + "x" * (MAX_URL_LENGTH - len(base))
    assert judge_url(longest + "x", DEFAULT_ALLOWLIST).problem is not None
    # Percent-encoding counts: 46 kana are 46 characters as written, 414 as the browser writes them.
    assert "too long" in (judge_url(base + "あ" * 46, DEFAULT_ALLOWLIST).problem or "")
    _procedure(tmp_path, "long", longest)
    procedures, _ = load_procedures(tmp_path, DEFAULT_ALLOWLIST)
    slip = build_slip(procedures["long"], room_name="相談室", today=date(2026, 12, 6))
    pdf = tmp_path / "slip.pdf"
    write_pdf(slip, PAPERS["58mm"], pdf)  # raised SlipTooNarrow (a traceback in `kiosk slip`) past v15
    subprocess.run(["pdftoppm", "-r", "203", "-png", str(pdf), str(tmp_path / "page")], check=True)
    assert _scan(sorted(tmp_path.glob("page*.png"))[0]) == longest


# ---- the url_allowlist setting ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entries", "said"),
    [
        (["jp"], "public suffix"),
        (["lg.jp"], "public suffix"),
        (["go.jp"], "public suffix"),
        (["tokushima.jp"], "public suffix"),
        (["naruto.tokushima.jp"], "public suffix"),
        (["com"], "public suffix"),
        (["*"], "host name only"),
        (["*.go.jp"], "host name only"),
        ([""], "empty entry"),
        (["  "], "empty entry"),
        ([], "empty list"),
        ("city.naruto.tokushima.jp", "must be a list"),
        (["https://city.naruto.tokushima.jp/"], "host name only"),
        (["city.naruto.tokushima.jp:443"], "host name only"),
        (["city naruto.jp"], "host name only"),
        (["-bad-.example.jp"], "not a host name"),
        ([3], "host name in quotes"),
    ],
)
def test_bad_allowlist_settings_are_refused_with_a_clear_message(
    tmp_path: Path, entries: object, said: str
) -> None:
    (tmp_path / "settings.toml").write_text(f"url_allowlist = {json.dumps(entries)}\n", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(tmp_path)
    assert "url_allowlist" in str(caught.value) and said in str(caught.value)


def test_bad_allowlist_stops_the_checker_calmly(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text('url_allowlist = ["jp"]\n', encoding="utf-8")
    done = kiosk("procedures", "check", data_dir=tmp_path)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "url_allowlist" in done.stderr and "public suffix" in done.stderr


def test_good_allowlist_entries_are_written_as_hosts_are_compared() -> None:
    assert allowlist_entries(
        ["City.Naruto.Tokushima.JP.", " digital.go.jp ", "例え.jp", "digital.go.jp"]
    ) == (
        CITY,
        "digital.go.jp",
        "xn--r8jz45g.jp",
    )
    assert allowlist_entries(list(DEFAULT_ALLOWLIST)) == DEFAULT_ALLOWLIST  # the default passes its own rule


def test_the_shipped_catalog_passes_the_default_allowlist() -> None:
    procedures, problems = load_procedures(PROCEDURES_DIR, DEFAULT_ALLOWLIST)
    assert procedures and not [p for p in problems if p.field == "url"]


# ---- staff mode: an allowlist that refuses every procedure is ✗ -----------------------------------


def test_an_allowlist_refusing_every_procedure_is_a_cross_in_the_check(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text('url_allowlist = ["example.com"]\n', encoding="utf-8")
    settings = load_settings(tmp_path)  # a valid setting …
    result = checks.check_procedures(PROCEDURES_DIR, settings.url_allowlist)  # … that lets nothing through
    assert result.status is Status.FAIL
    assert "url_allowlist が すべての 手続きを 断っています" in result.seen and "example.com" in result.seen
    assert any(line.startswith("✗ 手続きの 案内") for line in report_lines([result]))
    fine = checks.check_procedures(PROCEDURES_DIR, DEFAULT_ALLOWLIST)
    assert fine.status is Status.OK


@pytest.mark.slow
def test_staff_check_shows_the_refusing_allowlist_as_a_cross(make_window, store, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Staff mode's 点検: a valid allowlist that lets no procedure through is ✗, naming the setting."""
    from kiosk import qt_looks as qt_doctor
    from kiosk.doctor.run import Doctor
    from kiosk.records.accounts import Accounts, Role
    from kiosk.ui.widgets.doctor_panel import DoctorContext
    from tests.test_doctor import A_GOOD_DAY, ToneEngine
    from tests.test_supporter_mode import STAFF_PIN, _sign_in

    (tmp_path / "settings.toml").write_text('url_allowlist = ["example.com"]\n', encoding="utf-8")
    Accounts(store).set_pin("yamada", Role.STAFF, STAFF_PIN, actor="test")
    window = make_window(door_hold_ms=200, data_dir=tmp_path)
    _sign_in(window, qtbot, STAFF_PIN)
    window.screens.intake.cancel_button.click()
    window.desk.open_staff()
    panel = window.screens.staff.doctor
    context = panel.context()
    assert context is not None
    panel.context = lambda: DoctorContext(
        Doctor(
            tmp_path, now=lambda: A_GOOD_DAY, engine=lambda _name: ToneEngine(), sound_problem=lambda: None
        ),
        looks=qt_doctor.QtLooks(printer=lambda _name: None),
        audit=context.audit,
    )
    with qtbot.waitSignal(panel.finished, timeout=60_000):
        panel.button.click()
    shown = panel.results.text()
    assert "✗ 手続きの 案内: 設定の url_allowlist が すべての 手続きを 断っています" in shown, shown
    window.screens.staff.clear()


# ---- many made-up URLs: never an exception, and what passes is what a browser reads ----------------

PIECES = [
    "https://",
    "http://",
    "https:",
    "//",
    "\\",
    "/",
    "@",
    ":",
    ":443",
    ":8443",
    ".",
    "..",
    "%2E",
    "%2F",
    "%40",
    "%00",
    "%",
    "#",
    "?",
    "\t",
    "\n",
    " ",
    "\u3000",
    "\u200b",
    "\uff0e",
    "\u3002",
    "\uff0f",
    "city.naruto.tokushima.jp",
    "CITY.Naruto",
    "tokushima.jp",
    "evil.example",
    "xn--",
    "digital.go.jp",
    "www.",
    "[::1]",
    "0x7f.1",
    "あ",
    "ı",
    "a" * 60,
    "user:pw",
    "javascript:",
    "data:",
]


def test_many_made_up_urls_never_raise_and_what_passes_is_safe() -> None:
    import random
    import time

    import ada_url

    from kiosk.content.urls import host_allowed

    chance = random.Random(23)
    started = time.monotonic()
    passed = 0
    for _ in range(3000):
        url = "".join(chance.choice(PIECES) for _ in range(chance.randint(1, 8)))
        url = chance.choice(["", "https://", "https://city.naruto.tokushima.jp", f"https://{CITY}/"]) + url
        judged = judge_url(url, DEFAULT_ALLOWLIST)
        assert (judged.url is None) != (judged.problem is None), url
        if judged.url is None:
            continue
        passed += 1
        read = ada_url.URL(judged.url)  # as the phone reads what the QR holds
        assert read.href == judged.url and read.protocol == "https:" and not read.port
        assert not read.username and not read.password and host_allowed(read.hostname, DEFAULT_ALLOWLIST)
        assert judged.url.isascii() and judged.url.isprintable() and " " not in judged.url
        assert len(judged.url) <= MAX_URL_LENGTH
    assert passed > 300  # the generator does reach the accepting side
    assert time.monotonic() - started < 10
