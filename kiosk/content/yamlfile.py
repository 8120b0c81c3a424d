"""Read a YAML content file into plain data, keeping the line of every value.

Staff edit lesson files by hand, so the checker must point at lines. We build the
data from PyYAML's events ourselves, which keeps every position, rejects duplicate
keys (PyYAML silently keeps the last one), and bounds what one file can cost: a
careless or hostile file is refused with its `FILE:LINE`, never stops the kiosk.

Content never needs YAML's advanced parts, so they are refused outright: anchors
and aliases (no "billion laughs"), merge keys `<<`, explicit tags (`!!int`,
`!!python/…`), keys that are not text; and a file over `MAX_FILE_BYTES`, nested
deeper than `MAX_DEPTH` or holding more than `MAX_NODES` values.
"""

from __future__ import annotations

import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kiosk.content.problems import Problem

Path_ = tuple[str | int, ...]


class YamlFileError(Exception):
    """The file cannot be read as YAML; carries the problem to report."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class PositionedData:
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[Path_, int]] = field(default_factory=list)

    def line_of(self, path: Path_) -> int:
        """Line of `path`, or of its nearest ancestor that has one (1-based)."""
        probe = tuple(path)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return self.lines.get((), 1)


# libyaml's C parser when PyYAML has it (the wheels do): the same events and marks, about
# ten times faster, which is most of the kiosk's start-up with 80+ lesson files.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Far above any real content file (the largest is ~20 KB, ~1,500 values, 6 levels deep),
# far below what would slow the kiosk's start-up noticeably.
MAX_FILE_BYTES = 1_000_000
MAX_NODES = 50_000
MAX_DEPTH = 32


_STR = "tag:yaml.org,2002:str"


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def read_yaml(file: Path) -> PositionedData:
    text = _read_text(file)
    builder = _Builder()
    try:
        return builder.build(yaml.parse(text, Loader=_LOADER))
    except _Refused as exc:
        raise YamlFileError(Problem(file, exc.line, "", exc.message)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else builder.line
        what = exc.problem or exc.context or "syntax error"
        raise YamlFileError(
            Problem(file, line, "", f"YAML の書き方に誤りがあります (YAML syntax: {what})")
        ) from None
    except yaml.YAMLError as exc:
        raise YamlFileError(Problem(file, builder.line, "", f"YAML syntax: {exc}")) from None
    except Exception as exc:  # any other failure in a value (a date that cannot be …): skip the file
        raise YamlFileError(
            Problem(
                file,
                builder.line,
                "",
                f"この値を読めません (cannot read this value: {type(exc).__name__}: {str(exc)[:120]})",
            )
        ) from None


def _read_text(file: Path) -> str:
    """The file's text, refused before reading when it is too big or not a plain file."""
    try:
        # Looked at before it is opened: opening a pipe named `x.yaml` would wait forever.
        info = file.stat()
        if not stat.S_ISREG(info.st_mode):
            raise YamlFileError(Problem(file, 1, "", "ふつうのファイルではありません (not a regular file)"))
        if info.st_size > MAX_FILE_BYTES:
            raise YamlFileError(_too_big(file, info.st_size))
        with file.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)  # a file that grows while read is still capped
    except OSError as exc:
        raise YamlFileError(
            Problem(file, 1, "", f"ファイルを読めません (cannot read file: {exc.strerror})")
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise YamlFileError(_too_big(file, len(data)))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise YamlFileError(
            Problem(file, 1, "", "UTF-8 の文字として読めません (file is not UTF-8 text)")
        ) from None


def _too_big(file: Path, size: int) -> Problem:
    return Problem(
        file,
        1,
        "",
        f"ファイルが大きすぎます (file too large: {size:,} bytes, at most {MAX_FILE_BYTES:,})",
    )


@dataclass
class _Open:
    """A mapping or list being read: where it is, what it holds so far, the key waiting for its value."""

    path: Path_
    value: dict[Any, Any] | list[Any]
    key: str | None = None
    key_line: int = 0


class _Builder:
    """Plain data from a stream of YAML events, without recursion, refusing what content never needs."""

    def __init__(self) -> None:
        self.out = PositionedData(data=None)
        self.open: list[_Open] = []
        self.nodes = 0
        self.documents = 0
        self.line = 1
        self.loader = yaml.SafeLoader("")

    def build(self, events: Iterable[yaml.Event]) -> PositionedData:
        for event in events:
            if event.start_mark is not None:
                self.line = event.start_mark.line + 1
            self._feed(event)
        return self.out

    def _feed(self, event: yaml.Event) -> None:
        if type(event) is yaml.ScalarEvent and event.anchor is None:  # most events: checked first
            self._count()
            self._place(self._scalar(event), scalar=True)
            return
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(self.line, "「*」の参照は使えません (aliases are not allowed in content files)")
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            raise _Refused(self.line, "「&」の名前は使えません (anchors are not allowed in content files)")
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _Refused(self.line, "「---」で区切らず 1つに してください (only one document per file)")
        elif isinstance(event, yaml.ScalarEvent):
            self._count()
            self._place(self._scalar(event), scalar=True)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self._count()
            self._refuse_tag(event.tag)
            if len(self.open) >= MAX_DEPTH:
                raise _Refused(self.line, f"入れ子が深すぎます (nested deeper than {MAX_DEPTH} levels)")
            path = self._child_path(scalar=False)
            self.out.lines.setdefault(path, self.line)
            holder: dict[Any, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
            self.open.append(_Open(path, holder))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            done = self.open.pop()
            self._place(done.value, scalar=False, path=done.path)

    def _count(self) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Refused(self.line, f"値が多すぎます (more than {MAX_NODES:,} values)")

    def _refuse_tag(self, tag: str | None) -> None:
        if tag not in (None, "!"):
            raise _Refused(self.line, f"「!」の型指定は使えません (explicit tags are not allowed: {tag})")

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        self._refuse_tag(event.tag)
        tag: str = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        if tag == _STR:
            return event.value
        construct = yaml.SafeLoader.yaml_constructors.get(tag)
        if construct is None:  # `<<` (merge) and `=` (value) keys
            raise _Refused(self.line, f"この書き方は使えません (not allowed in content files: {event.value})")
        node = yaml.ScalarNode(tag, event.value, None, None, event.style)  # errors are located by self.line
        return construct(self.loader, node)

    def _child_path(self, *, scalar: bool) -> Path_:
        if not self.open:
            return ()
        parent = self.open[-1]
        if isinstance(parent.value, list):
            return (*parent.path, len(parent.value))
        if parent.key is None:
            if not scalar:
                raise _Refused(self.line, "項目名は文字で書いてください (keys must be plain text)")
            return parent.path  # a key: its own line is kept below
        return (*parent.path, parent.key)

    def _place(self, value: Any, *, scalar: bool, path: Path_ | None = None) -> None:
        if path is None:
            path = self._child_path(scalar=scalar)
            if self.open and not (isinstance(self.open[-1].value, dict) and self.open[-1].key is None):
                self.out.lines.setdefault(path, self.line)
        if not self.open:
            self.out.lines.setdefault((), self.line)
            self.out.data = value
            return
        parent = self.open[-1]
        if isinstance(parent.value, list):
            parent.value.append(value)
            return
        if parent.key is None:
            if not isinstance(value, str):
                raise _Refused(
                    self.line, f"項目名は文字で書いてください (keys must be text, not {value!r:.40})"
                )
            parent.key, parent.key_line = value, self.line
            return
        child = (*parent.path, parent.key)
        if parent.key in parent.value:
            self.out.duplicate_keys.append((child, parent.key_line))
        parent.value[parent.key] = value
        # A field's line is its key's line, not where its value starts.
        self.out.lines[child] = parent.key_line
        parent.key = None
