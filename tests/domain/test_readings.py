"""Furigana readings: numbers with their counters, and the readings worker that keeps the
reading dictionary out of the screen's process (issue 27)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.speech import readings
from kiosk.speech.readings import ReadingsUnavailable, ruby
from kiosk.speech.readings_worker import ReadingsWorker, worker_command

ROOT = Path(__file__).resolve().parents[2]


def shown(text: str) -> list[tuple[str, str]]:
    return [(piece.text, piece.reading) for piece in ruby(text) if piece.reading]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027年2月20日まで", [("2027年", "にせんにじゅうななねん"), ("2月", "にがつ"), ("20日", "はつか")]),
        (
            "12月29日〜1月3日",
            [
                ("12月", "じゅうにがつ"),
                ("29日", "にじゅうきゅうにち"),
                ("1月", "いちがつ"),
                ("3日", "みっか"),
            ],
        ),
        ("あと 3回 ためせます", [("3回", "さんかい")]),
        ("3か月以内", [("3か月", "さんかげつ"), ("以内", "いない")]),
        ("6時30分から", [("6時", "ろくじ"), ("30分", "さんじゅうふん")]),
    ],
)
def test_a_number_and_its_counter_are_read_together(text: str, expected: list[tuple[str, str]]) -> None:
    """Alone, 年 would be read とし, 月 つき and 日 ひ: wrong over a date."""
    assert shown(text) == expected


def test_numbers_without_a_kanji_counter_carry_no_reading() -> None:
    assert shown("20ページ") == []
    assert shown("4けたの番号") == [("番号", "ばんごう")]
    assert "".join(piece.text for piece in ruby("電話 0120-123-456 へ")) == "電話 0120-123-456 へ"


@pytest.fixture
def worker() -> Iterator[ReadingsWorker]:
    started = ReadingsWorker()
    readings.use_worker(started)
    yield started
    readings.use_worker(None)
    started.close()


def test_the_worker_gives_the_same_readings(worker: ReadingsWorker) -> None:
    text = "暗証番号を 忘れたときは、2027年2月20日までに 市役所の 窓口へ 行きます。"
    from_worker = ruby(text)
    readings.use_worker(None)
    assert from_worker == ruby(text)


def test_the_screens_process_never_loads_the_dictionary() -> None:
    """With the worker, the process asking for furigana never imports pyopenjtalk."""
    program = (
        "import sys\n"
        "from kiosk.speech import readings\n"
        "from kiosk.speech.readings_worker import ReadingsWorker\n"
        "worker = ReadingsWorker()\n"
        "readings.use_worker(worker)\n"
        "print([p.reading for p in readings.ruby('市役所の窓口') if p.reading])\n"
        "print('pyopenjtalk' in sys.modules)\n"
        "worker.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.splitlines() == ["['しやくしょ', 'まどぐち']", "False"]


def test_a_worker_that_cannot_start_leaves_the_text_without_readings(tmp_path: Path) -> None:
    readings.use_worker(ReadingsWorker([str(tmp_path / "no-such-program")]))
    try:
        with pytest.raises(ReadingsUnavailable):
            ruby("市役所")
        with pytest.raises(ReadingsUnavailable):  # not started again at once: no stall per text
            ruby("窓口")
    finally:
        readings.use_worker(None)


def test_a_worker_that_dies_is_started_again_later(
    worker: ReadingsWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert shown("市役所") == [("市役所", "しやくしょ")]
    worker.close()  # as if it crashed: the next question finds it gone
    monkeypatch.setattr("kiosk.speech.readings_worker.RETRY_S", 0.0)
    assert shown("窓口") == [("窓口", "まどぐち")]


def test_the_frozen_app_starts_the_worker_with_its_own_executable() -> None:
    assert worker_command(frozen=True)[1:] == ["--readings-worker"]
    assert worker_command(frozen=False)[1:] == ["-m", "kiosk.speech.readings_worker"]
