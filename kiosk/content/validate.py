"""Turn a YAML file into a typed model, with every problem located by line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from kiosk.content.problems import Problem
from kiosk.content.yamlfile import Path_, PositionedData, YamlFileError, read_yaml

M = TypeVar("M", bound=BaseModel)

# Plain-Japanese wording (with the English term) for the errors staff will meet.
_MESSAGES = {
    "missing": "必要な項目がありません (required field missing)",
    "extra_forbidden": "知らない項目です。綴りを確かめてください (unknown field)",
    "string_type": "文字で書いてください (must be text)",
    "string_too_short": "空です。文を書いてください (must not be empty)",
    "string_pattern_mismatch": "使えない文字があります (does not match the allowed pattern)",
    "int_type": "数字で書いてください (must be a whole number)",
    "int_parsing": "数字で書いてください (must be a whole number)",
    "list_type": "「- 」で始まる並びで書いてください (must be a list)",
    "too_short": "少なすぎます (too few items)",
    "too_long": "多すぎます (too many items)",
    "model_type": "「項目: 値」の形で書いてください (must be a mapping of fields)",
    "dict_type": "「項目: 値」の形で書いてください (must be a mapping of fields)",
}


def field_name(path: Path_) -> str:
    """`('steps', 1, 'picture')` → `steps[2].picture` (steps counted from 1, as staff count)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + part
    return out


def _message(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind in ("literal_error", "enum"):
        expected = error.get("ctx", {}).get("expected", "")
        return f"次のどれかにしてください (must be one of): {expected}"
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"]))
    return _MESSAGES.get(kind, str(error["msg"]))


@dataclass
class Loaded(Generic[M]):
    file: Path
    model: M | None
    problems: list[Problem]
    positions: PositionedData | None

    def line_of(self, *path: str | int) -> int:
        return self.positions.line_of(path) if self.positions else 1


def load_model(file: Path, model: type[M]) -> Loaded[M]:
    try:
        positioned = read_yaml(file)
    except YamlFileError as exc:
        return Loaded(file, None, [exc.problem], None)
    problems = [
        Problem(file, line, field_name(path), "同じ項目が二度あります (duplicate key)")
        for path, line in positioned.duplicate_keys
    ]
    if positioned.data is None:
        problems.append(Problem(file, 1, "", "ファイルが空です (file is empty)"))
        return Loaded(file, None, problems, positioned)
    try:
        parsed = model.model_validate(positioned.data)
    except ValidationError as exc:
        for error in exc.errors():
            path = tuple(error["loc"])
            problems.append(Problem(file, positioned.line_of(path), field_name(path), _message(dict(error))))
        return Loaded(file, None, sorted(problems), positioned)
    return Loaded(file, parsed, problems, positioned)
