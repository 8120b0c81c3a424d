"""Procedure catalog entries (`procedures/*.yaml`): where a lesson hands the citizen off."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from kiosk.content.lessons import Ident, Text
from kiosk.content.problems import Problem
from kiosk.content.validate import load_model


class Procedure(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Ident
    title: Text
    url: Text
    source: Text
    checked: date


def load_procedures(directory: Path) -> tuple[dict[str, Procedure], list[Problem]]:
    procedures: dict[str, Procedure] = {}
    problems: list[Problem] = []
    for file in sorted(directory.glob("*.yaml")):
        loaded = load_model(file, Procedure)
        problems.extend(loaded.problems)
        if loaded.model is None:
            continue
        if loaded.model.id in procedures:
            problems.append(
                Problem(
                    file,
                    loaded.line_of("id"),
                    "id",
                    f"id '{loaded.model.id}' は重複しています (duplicate id)",
                )
            )
            continue
        procedures[loaded.model.id] = loaded.model
    return procedures, problems
