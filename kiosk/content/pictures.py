"""The picture rule: a content file names a picture inside the picture folder, and an SVG
loads nothing outside itself.

A picture name is a plain relative name (`wifi-menu.svg`, `sub/x.png`): never absolute,
never `..`, never a link that leads out of the folder — such a picture is refused by the
checker and never opened. An SVG may point only inside itself (`#id`) or at data it
carries (`data:`); a file path or web address in `href`, `src`, `url(…)` or `@import`,
or an XML entity, is refused by the checker, and the kiosk does not draw that SVG
(Qt's SVG renderer would load `<image href="/any/file.png">` from the disk).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path, PurePosixPath, PureWindowsPath

MAX_PICTURE_BYTES = 5_000_000  # the largest shipped picture is well under 100 KB

_REFERENCE = re.compile(rb"""(?:href|src)\s*=\s*["']\s*([^"']*)|url\(\s*["']?\s*([^)"']*)""", re.IGNORECASE)
_INSIDE = (b"#", b"data:")


def picture_problem(name: str, folder: Path) -> str | None:
    """Why the picture `name` may not be opened from `folder`, or None when it may."""
    return _picture_problem(name, str(folder))


@lru_cache(maxsize=8192)  # asked for every picture of every lesson as the kiosk starts
def _picture_problem(name: str, folder: str) -> str | None:
    windows = PureWindowsPath(name)
    if PurePosixPath(name).is_absolute() or windows.is_absolute() or windows.drive or "\\" in name:
        return f"絵は 絵のフォルダの 中の 名前で 書いてください (absolute path not allowed: {name})"
    if ".." in PurePosixPath(name).parts:
        return f"絵の 名前に「..」は 使えません ('..' not allowed in a picture name: {name})"
    try:
        root = _real(folder)
        target = os.path.realpath(os.path.join(folder, name))  # follows links
        inside = os.path.commonpath([root, target]) == root
    except (OSError, ValueError):  # a NUL in the name …
        inside = False
    if not inside:
        return f"絵の フォルダの 外を 指しています (picture leads outside the picture folder: {name})"
    return None


@lru_cache(maxsize=16)
def _real(folder: str) -> str:
    return os.path.realpath(folder)


def inside_folder(folder: Path, name: str) -> Path | None:
    """`folder / name` when the picture rule allows opening it, else None."""
    return None if picture_problem(name, folder) else folder / name


def svg_problem(data: bytes) -> str | None:
    """Why this SVG may not be drawn (it would load something outside itself), or None."""
    if len(data) > MAX_PICTURE_BYTES:
        return f"絵の ファイルが 大きすぎます (picture too large: {len(data):,} bytes)"
    if b"<!ENTITY" in data.upper():
        return "SVG の 中に ENTITY は 使えません (XML entities not allowed in SVG)"
    if b"@import" in data.lower():
        return "SVG の 中に @import は 使えません (@import not allowed in SVG)"
    for match in _REFERENCE.finditer(data):
        target = (match.group(1) if match.group(1) is not None else match.group(2)).strip()
        if not target.lower().startswith(_INSIDE):
            shown = target[:60].decode("utf-8", "replace")
            return f"SVG が 外の ファイルを 読もうと しています (SVG refers outside itself: {shown})"
    return None


def read_svg(path: Path) -> tuple[bytes | None, str | None]:
    """The SVG's bytes when it may be drawn, else None and why."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_PICTURE_BYTES + 1)
    except OSError as exc:
        return None, f"cannot read: {exc.strerror}"
    problem = svg_problem(data)
    return (None, problem) if problem else (data, None)


def svg_file_problem(folder: Path, name: str) -> str | None:
    """Why the SVG `name` in `folder` will not be drawn (for the checker), or None (also for a
    picture that is not an SVG, is missing, or is refused by the picture rule, reported apart)."""
    picture = folder / name
    if picture.suffix.lower() != ".svg" or picture_problem(name, folder) or not picture.is_file():
        return None
    return read_svg(picture)[1]
