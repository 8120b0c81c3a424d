"""The text of a Wi-Fi join QR code (the `WIFI:` scheme phone cameras read). No Qt here.

`WIFI:T:WPA;S:<name>;P:<key>;;` — special characters (\\ ; , : ") are escaped with a
backslash; an open network is `T:nopass` with no key.
"""

from __future__ import annotations

_SPECIAL = '\\;,:"'


def _escaped(text: str) -> str:
    return "".join(f"\\{c}" if c in _SPECIAL else c for c in text)


def wifi_uri(ssid: str, password: str = "") -> str:
    """What a phone's camera reads to join `ssid` (WPA/WPA2 with `password`, or open)."""
    if not ssid:
        raise ValueError("a Wi-Fi QR needs the network's name")
    if password:
        return f"WIFI:T:WPA;S:{_escaped(ssid)};P:{_escaped(password)};;"
    return f"WIFI:T:nopass;S:{_escaped(ssid)};;"
