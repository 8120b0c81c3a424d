"""Read a YAML content file into plain data, keeping the line of every value.

Staff edit lesson files by hand, so the checker must point at lines. PyYAML's
node tree carries positions; we build the data from it ourselves, which also
lets us reject duplicate keys (PyYAML silently keeps the last one).
"""

from __future__ import annotations

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


# libyaml's C parser when PyYAML has it (the wheels do): the same nodes and marks, about
# ten times faster, which is most of the kiosk's start-up with 80+ lesson files.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(file: Path) -> PositionedData:
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YamlFileError(
            Problem(file, 1, "", "UTF-8 の文字として読めません (file is not UTF-8 text)")
        ) from None
    except OSError as exc:
        raise YamlFileError(
            Problem(file, 1, "", f"ファイルを読めません (cannot read file: {exc.strerror})")
        ) from None
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or exc.context or "syntax error"
        raise YamlFileError(
            Problem(file, line, "", f"YAML の書き方に誤りがあります (YAML syntax: {what})")
        ) from None
    except yaml.YAMLError as exc:
        raise YamlFileError(Problem(file, 1, "", f"YAML syntax: {exc}")) from None
    result = PositionedData(data=None)
    if root is None:
        result.data = None
        return result
    result.data = _build(root, (), result, yaml.SafeLoader(""))
    return result


def _build(node: yaml.Node, path: Path_, out: PositionedData, loader: yaml.SafeLoader) -> Any:
    out.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            child = (*path, str(key))
            if key in mapping:
                out.duplicate_keys.append((child, key_node.start_mark.line + 1))
            out.lines[child] = key_node.start_mark.line + 1
            mapping[key] = _build(value_node, child, out, loader)
            # A field's line is its key's line, not where its value starts.
            out.lines[child] = key_node.start_mark.line + 1
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), out, loader) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
