"""The procedure catalog (`procedures/*.yaml`): where the kiosk hands a citizen off to their own phone.

Every URL must be https, without credentials, on a host from the allowlist in
settings (government domains and named services), judged as the phone's browser will
read it (kiosk/content/urls.py); a usable procedure carries that normalised URL. The
checker names the file, line and field of every mistake, like the lesson checker.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from kiosk.content.freshness import freshness_problems
from kiosk.content.lessons import Ident, Text
from kiosk.content.problems import Problem
from kiosk.content.urls import DEFAULT_ALLOWLIST, judge_url
from kiosk.content.validate import load_model

MAX_STEP, MAX_BRING, MAX_TITLE, MAX_SUMMARY = 40, 30, 24, 60
# The note sits under the QR on the hand-off screen: at 特大 on a 1280×800 panel a note of
# 75 characters no longer fits the view whole, 65 does (tests/test_handoff_screen.py).
MAX_NOTE = 65


class Pin(StrEnum):
    """Which My Number card PIN the procedure asks for (never the PIN itself)."""

    USER = "user"  # 利用者証明用電子証明書: 4 digits, locks after 3 wrong tries
    SIGNATURE = "signature"  # 署名用電子証明書: 6–16 capital letters and digits, locks after 5
    NONE = "none"


class Place(StrEnum):
    PHONE_APP = "phone-app"
    PC = "pc"
    CONVENIENCE_STORE = "convenience-store"
    COUNTER = "counter"


class Procedure(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Ident
    title: Text
    summary: Text
    url: Annotated[str, StringConstraints(min_length=1)]  # not stripped: judged as written
    pin: Pin
    where: list[Place] = Field(min_length=1, max_length=4)
    steps: list[Text] = Field(min_length=3, max_length=6)
    bring: list[Text] = Field(min_length=1, max_length=4)
    sources: list[Text] = Field(min_length=1)  # official pages the facts come from; 未確認 marks
    checked_on: date  # when they were last checked
    verified: bool
    note: Text | None = None


def url_problem(url: str, allowlist: tuple[str, ...]) -> str | None:
    """Why `url` may not be handed to a citizen, or None when it may (as a browser reads it)."""
    return judge_url(url, allowlist).problem


def load_procedures(
    directory: Path, allowlist: tuple[str, ...] = DEFAULT_ALLOWLIST
) -> tuple[dict[str, Procedure], list[Problem]]:
    procedures: dict[str, Procedure] = {}
    problems: list[Problem] = []
    if not directory.is_dir():
        return procedures, [
            Problem(directory, 1, "", "手続きのフォルダがありません (procedure folder not found)")
        ]
    for file in sorted(directory.glob("*.yaml")):
        loaded = load_model(file, Procedure)
        problems.extend(loaded.problems)
        procedure = loaded.model
        if procedure is None:
            continue
        found: list[Problem] = []
        judged = judge_url(procedure.url, allowlist)
        if judged.problem:
            found.append(Problem(file, loaded.line_of("url"), "url", judged.problem))
        elif judged.url != procedure.url:  # what was checked is what is shown, put in the QR and printed
            procedure = procedure.model_copy(update={"url": judged.url})
        if procedure.id in procedures:
            found.append(
                Problem(
                    file, loaded.line_of("id"), "id", f"id '{procedure.id}' は重複しています (duplicate id)"
                )
            )
        if procedure.id != file.stem:
            found.append(
                Problem(
                    file,
                    loaded.line_of("id"),
                    "id",
                    "ファイル名と同じにしてください (id must match the file name)",
                )
            )
        for field, texts, most in (
            ("title", [procedure.title], MAX_TITLE),
            ("summary", [procedure.summary], MAX_SUMMARY),
            ("steps", procedure.steps, MAX_STEP),
            ("bring", procedure.bring, MAX_BRING),
            ("note", [procedure.note] if procedure.note else [], MAX_NOTE),
        ):
            for index, text in enumerate(texts):
                if len(text) > most:
                    path: tuple[str | int, ...] = (field, index) if field in ("steps", "bring") else (field,)
                    where = field if len(path) == 1 else f"{field}[{index + 1}]"
                    found.append(
                        Problem(
                            file,
                            loaded.line_of(*path),
                            where,
                            f"長すぎます。{most} 文字までにしてください "
                            f"(too long: {len(text)}, at most {most})",
                            fatal=False,
                        )
                    )
        problems.extend(found)
        if any(p.fatal for p in found):
            continue
        procedures[procedure.id] = procedure
    return procedures, problems


def freshness_notes(directory: Path, today: date) -> list[str]:
    """The checker's notes on the catalog: a procedure not checked for 12 months, each 未確認."""
    notes: list[str] = []
    for file in sorted(directory.glob("*.yaml")):
        loaded = load_model(file, Procedure)
        if loaded.model is not None:
            sources = [(("sources", i), source) for i, source in enumerate(loaded.model.sources)]
            notes += [str(p) for p in freshness_problems(loaded, loaded.model.checked_on, sources, today)]
    return notes
