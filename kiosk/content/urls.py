"""Hand-off URLs judged the way the citizen's phone will read them (no Qt).

A phone reads the QR with a browser's URL parser (the WHATWG URL standard), and Python's
`urllib.parse` disagrees with it on some inputs (`https://evil.example\\.city.example.jp/`
is `evil.example` to a browser). So a URL is parsed here with `ada-url`, a WHATWG-conformant
parser; the host it yields is checked against the allowlist, and the URL it writes back
(`href`, normalised) is the one shown, put in the QR and printed: what was checked is what
is printed.

Refused: whitespace and control characters anywhere (a browser drops tabs and newlines
silently, and a second URL could ride in the QR), anything but https, user names and
passwords, ports other than 443, a trailing dot after the host, hosts off the allowlist,
and URLs longer than the slip's QR can hold at its smallest module (MAX_URL_LENGTH).

The allowlist itself (`url_allowlist` in settings): each entry is a registrable domain or a
subdomain of one, by the Public Suffix List (`publicsuffixlist`): `jp`, `go.jp`, `lg.jp`,
`*` and empty entries would let every such host through, or none.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import ada_url
from publicsuffixlist import PublicSuffixList

# Registrable domains only (go.jp and lg.jp are public suffixes: anyone's office under them
# would pass); kiosk/content/urls.py checks entries against the Public Suffix List.
DEFAULT_ALLOWLIST = (
    "digital.go.jp",
    "myna.go.jp",
    "kojinbango-card.go.jp",
    "nta.go.jp",
    "lg-waps.go.jp",
    "city.naruto.tokushima.jp",
    "logoform.jp",
    "web171.jp",
)

# The slip's QR must stay readable: modules of at least 0.5 mm (4 dots at 203 dpi,
# kiosk/handoff/render.py MIN_MODULE_MM) with a 4-module quiet zone on each side, within
# 90 % of the printable width. The narrowest paper, the 58 mm roll, prints 48 mm = 383 dots:
# 383 × 0.9 = 344 dots, 344 // 4 = 86 modules, less 8 of quiet zone = 78, so QR version 15
# (77 × 77 modules) at most. Version 15 with error correction M holds 412 bytes; a
# normalised URL is ASCII, one byte a character. tests/test_url_rules.py recomputes this
# from the renderer and the QR library.
MAX_URL_LENGTH = 412

NOT_ALLOWED = "host not on the allowlist"
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


@dataclass(frozen=True)
class Judged:
    """A URL as the phone will read it: `url` (normalised) when it may be handed over, else `problem`."""

    url: str | None
    problem: str | None


def _refused(problem: str) -> Judged:
    return Judged(None, problem)


def _unsafe_character(text: str) -> str | None:
    for char in text:
        if char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"):
            return f"U+{ord(char):04X}"
    return None


def host_allowed(host: str, allowlist: tuple[str, ...]) -> bool:
    """`host` (as the WHATWG parser gives it) is an allowlist entry or a subdomain of one."""
    host = host.lower().removesuffix(".")  # a trailing dot names the same host (judge_url refuses it)
    return any(host == allowed or host.endswith("." + allowed) for allowed in allowlist)


def judge_url(url: str, allowlist: tuple[str, ...]) -> Judged:
    """How the phone would read `url`, and whether it may be handed to a citizen."""
    if len(url) > MAX_URL_LENGTH:
        return _refused(
            f"URL が長すぎます。QR に入るのは {MAX_URL_LENGTH} 文字までです "
            f"(too long for the slip's QR: {len(url)} characters, at most {MAX_URL_LENGTH})"
        )
    bad = _unsafe_character(url)
    if bad:
        return _refused(
            f"URL に空白や制御文字を入れてはいけません (no whitespace or control characters: {bad})"
        )
    try:
        parsed = ada_url.URL(url)
    except ValueError:
        return _refused("URL の形が正しくありません (malformed URL, as a browser reads it)")
    if parsed.protocol != "https:":
        scheme = parsed.protocol.rstrip(":") or "no scheme"
        return _refused(f"https:// で始まる URL だけ使えます (only https, not {scheme})")
    if parsed.username or parsed.password:
        return _refused("URL に ID やパスワードを入れてはいけません (no credentials in URLs)")
    if parsed.port:
        return _refused(f"ポート番号は使えません (no port other than 443: {parsed.port})")
    host = parsed.hostname
    if not host:
        return _refused("URL にホスト名がありません (no host)")
    if host.endswith("."):
        return _refused("ホスト名の最後の点は取ってください (no trailing dot after the host name)")
    if not host_allowed(host, allowlist):
        return _refused(f"許可されていないホストです ({NOT_ALLOWED}): {host}")
    normalised = parsed.href
    if len(normalised) > MAX_URL_LENGTH:
        return _refused(
            f"URL が長すぎます。QR に入るのは {MAX_URL_LENGTH} 文字までです "
            f"(too long for the slip's QR once written out: {len(normalised)} characters, "
            f"at most {MAX_URL_LENGTH})"
        )
    return Judged(normalised, None)


@cache
def _public_suffixes() -> PublicSuffixList:
    return PublicSuffixList()  # the list shipped with the package: no network


def allowlist_entry(entry: object) -> str:
    """An allowlist entry in the form hosts are compared in (lower-case ASCII, no trailing dot).

    Raises ValueError, saying why, for anything but a registrable domain or a subdomain of one.
    """
    if not isinstance(entry, str):
        raise ValueError(f"{entry!r}: each entry must be a host name in quotes")
    shown = repr(entry)
    text = entry.strip().removesuffix(".")
    if not text:
        raise ValueError("an empty entry allows nothing; remove it")
    if _unsafe_character(text) or any(c in text for c in "*/:@?#[]\\%"):
        raise ValueError(
            f"{shown}: write a host name only, like city.naruto.tokushima.jp "
            "(no *, scheme, path, port or spaces; a host matches itself and its subdomains)"
        )
    try:
        ascii_host = ada_url.idna_to_ascii(text).decode("ascii").lower()
    except (ValueError, UnicodeDecodeError):
        ascii_host = ""
    labels = ascii_host.split(".")
    if not ascii_host or len(ascii_host) > 253 or not all(_LABEL.match(label) for label in labels):
        raise ValueError(f"{shown}: not a host name")
    if _public_suffixes().privatesuffix(ascii_host) is None:
        raise ValueError(
            f"{shown} is a public suffix (names under it belong to many different owners), so it "
            "would allow hosts nobody checked; name the organisation's own domain, like digital.go.jp"
        )
    return ascii_host


def allowlist_entries(entries: object) -> tuple[str, ...]:
    """The `url_allowlist` setting, every entry checked by allowlist_entry; at least one."""
    if isinstance(entries, str) or not isinstance(entries, list | tuple):
        raise ValueError('must be a list of host names, like ["city.naruto.tokushima.jp"]')
    if not entries:
        raise ValueError("an empty list refuses every procedure; name at least one host")
    checked: list[str] = []
    for entry in entries:
        host = allowlist_entry(entry)
        if host not in checked:
            checked.append(host)
    return tuple(checked)
