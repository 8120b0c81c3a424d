"""Fuzzing (issue 23 point 8): generated malformed content files and URLs never raise.

Hypothesis generates a thousand YAML documents for each content loader — random text in
YAML's own characters, and real files with pieces cut, repeated or swapped — and a thousand
URLs for the URL check. Every one must come back as problems or a verdict, never as an
exception, in under a second (Hypothesis's deadline) and under 100 MB (tracemalloc).
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from kiosk.content.glossary import GlossaryFile
from kiosk.content.lessons import Lesson
from kiosk.content.procedures import Procedure
from kiosk.content.troubles import Trouble
from kiosk.content.urls import DEFAULT_ALLOWLIST, judge_url
from kiosk.content.validate import load_model
from kiosk.paths import GLOSSARY_DIR, LESSONS_DIR, PROCEDURES_DIR, TROUBLES_DIR

EXAMPLES = settings(
    max_examples=1000,
    deadline=1000,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,  # the same thousand every run: a failure in CI is one anyone can repeat
    database=None,  # nothing written into the checkout
)
MEMORY_BYTES = 100 * 1024 * 1024

# YAML's own characters, so that much of what is generated is almost YAML.
YAML_BITS = st.sampled_from(
    [": ", "- ", "\n", "  ", "&a ", "*a", "<<: ", "!!int ", "!!timestamp ", "!!python/object ", "? ",
     "[", "]", "{", "}", ", ", "'", '"', "|", ">", "#", "---\n", "...\n", "%YAML 1.1\n", "\t",
     "id", "steps", "text", "title", "url", "picture", "../", "/etc/passwd", "ｱ", "画面", "0x1F",
     "1e999", "2026-13-45", "~", "null", "true", "\ufeff", "\x00", "\u2028"]
)  # fmt: skip
GENERATED = st.lists(st.one_of(YAML_BITS, st.text(max_size=8)), max_size=60).map("".join)


def _real(folder: Path) -> list[str]:
    return [file.read_text(encoding="utf-8") for file in sorted(folder.glob("*.yaml"))[:12]]


@st.composite
def broken_real_file(draw: st.DrawFn, texts: list[str]) -> str:
    """A real content file with a piece cut out, repeated, or replaced by almost-YAML."""
    text = draw(st.sampled_from(texts))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 400)))
    piece = draw(st.one_of(st.just(""), st.just(text[start:end] * 3), GENERATED))
    return text[:start] + piece + text[end:]


LOADERS = [
    (Lesson, _real(LESSONS_DIR)),
    (Procedure, _real(PROCEDURES_DIR)),
    (Trouble, _real(TROUBLES_DIR)),
    (GlossaryFile, _real(GLOSSARY_DIR)),
]


@pytest.mark.slow
@pytest.mark.parametrize(("model", "texts"), LOADERS, ids=lambda v: getattr(v, "__name__", ""))
def test_a_malformed_content_file_is_problems_never_an_exception(
    tmp_path_factory: pytest.TempPathFactory, model: type[BaseModel], texts: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    tried: list[int] = []

    @EXAMPLES
    @given(st.one_of(GENERATED, broken_real_file(texts)))
    def load(text: str) -> None:
        file = folder / "fuzzed.yaml"
        file.write_text(text, encoding="utf-8", errors="surrogatepass")
        tried.append(len(text))
        tracemalloc.start()
        try:
            loaded = load_model(file, model)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert loaded.model is not None or loaded.problems, "a file refused without a reason"
        assert peak < MEMORY_BYTES

    load()
    assert len(tried) >= 1000


URL_BITS = st.sampled_from(
    ["https://", "http://", "city.naruto.tokushima.jp", "digital.go.jp", "evil.example", "@", "\\", "/",
     ":", ":443", ":8443", "%2F", "%2E", "%00", "#", "?", ".", "..", "xn--", "ı", "ｃｉｔｙ", "\t", "\n",
     " ", "\u200b", "\u3000", "[::1]", "127.0.0.1", "javascript:", "data:", "//", "a" * 50]
)  # fmt: skip
URLS = st.lists(st.one_of(URL_BITS, st.text(max_size=6)), max_size=30).map("".join)


@pytest.mark.slow
@EXAMPLES
@given(URLS)
def test_a_generated_url_gets_a_verdict_and_what_passes_is_what_the_qr_holds(url: str) -> None:
    judged = judge_url(url, DEFAULT_ALLOWLIST)
    if judged.url is None:
        assert judged.problem
        return
    again = judge_url(judged.url, DEFAULT_ALLOWLIST)  # what goes into the QR, read by the phone
    assert again.url == judged.url, "the normalised URL is its own normal form"
    assert judged.url.startswith("https://") and judged.url.isascii()
