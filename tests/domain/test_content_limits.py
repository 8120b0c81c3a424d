"""Content that can never stop the kiosk: a malformed, hostile or huge YAML file is skipped with
its `FILE:LINE`, in the checker and in the log, and the kiosk starts with the rest."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.library import load_library
from kiosk.content.yamlfile import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES
from kiosk.paths import GLOSSARY_DIR, LESSONS_DIR, PICTURES_DIR, PROCEDURES_DIR, PROJECT_ROOT, TROUBLES_DIR
from tests.helpers.cli import kiosk
from tests.helpers.lessons import good

# Each a few bytes; every one stopped start-up with a traceback before (line of the problem).
MALFORMED = {
    "complex-key": ("? [a, b]\n: x\n", 1),
    "flow-complex-key": ("id: x\n{[a]: 1}: 2\n", 2),
    "merge-number": ("id: x\n<<: 1\n", 2),
    "merge-list": ("id: x\n<<: [1, 2]\n", 2),
    "merge-alias": ("a: &x {b: 1}\n<<: *x\n", 1),
    "int-tag": ("id: !!int abc\n", 1),
    "timestamp-tag": ("id: x\nchecked: !!timestamp 2024-99-99\n", 2),
    "impossible-date": ("id: x\nsummary: y\nchecked: 2024-02-30\n", 3),
    "self-alias": ("a: &a [*a]\n", 1),
    "huge-number": ("id: x\norder: " + "9" * 5000 + "\n", 2),
}
# Never a crash before, but not content either: refused the same way.
REFUSED = {
    "python-tag": ("id: !!python/object/apply:os.system [echo]\n", 1),
    "binary-tag": ("id: x\npicture: !!binary '***'\n", 2),
    "number-key": ("id: x\n1: one\n", 2),
    "null-key": ("id: x\n~: nothing\n", 2),
    "two-documents": ("id: x\n---\nid: y\n", 2),
    "set-tag": ("id: x\nlearned: !!set {a, b}\n", 2),
    "deep": ("a:\n" + "".join("  " * i + "- \n" for i in range(1, MAX_DEPTH + 2)), MAX_DEPTH + 1),
}
ALIAS_BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{c}: &{c} [{','.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / f"{name}.yaml"
    file.write_text(text, encoding="utf-8")
    return file


def _check(folder: Path, capsys) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    code = main(["lessons", "check", str(folder)])
    return code, capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("name", [*MALFORMED, *REFUSED])
def test_each_malformed_file_is_skipped_with_its_line(tmp_path, capsys, name: str) -> None:
    text, line = {**MALFORMED, **REFUSED}[name]
    file = _write(tmp_path, name, text)
    _write(tmp_path, "good", good("good"))
    code, lines = _check(tmp_path, capsys)
    assert code == 1
    assert [entry for entry in lines if entry.startswith(str(file))] != [], lines
    assert any(entry.startswith(f"{file}:{line}: ") for entry in lines), lines
    assert [lesson.id for lesson in load_library(tmp_path, PICTURES_DIR, PROCEDURES_DIR).lessons] == ["good"]


def _content_with_bad_files(root: Path) -> dict[str, str]:
    """A content folder (real lessons, troubles, glossary) plus one broken file of each kind:
    the `FILE:LINE: ` each must be reported with."""
    shutil.copytree(LESSONS_DIR, root / "lessons")
    shutil.copytree(TROUBLES_DIR, root / "troubles")
    shutil.copytree(GLOSSARY_DIR, root / "glossary")
    broken = {
        "lesson": (root / "lessons", "zz-broken", "self-alias"),
        "translation": (root / "lessons" / "en", "zz-broken", "merge-number"),
        "trouble": (root / "troubles", "zz-broken", "int-tag"),
        "glossary": (root / "glossary", "words", "complex-key"),
    }
    where = {}
    for kind, (folder, name, example) in broken.items():
        text, line = MALFORMED[example]
        where[kind] = f"{_write(folder, name, text)}:{line}: "
    where["bomb"] = f"{_write(root / 'lessons', 'zz-bomb', ALIAS_BOMB)}:1: "
    return where


@pytest.mark.slow
def test_the_real_check_command_names_every_broken_file(tmp_path) -> None:
    bad = _content_with_bad_files(tmp_path / "content")
    done = kiosk("lessons", "check", str(tmp_path / "content" / "lessons"), data_dir=tmp_path, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 1
    for kind, where in bad.items():
        assert any(line.startswith(where) for line in done.stdout.splitlines()), (kind, done.stdout)
    shipped = len(list(LESSONS_DIR.glob("*.yaml")))
    assert f"{shipped} lesson(s) usable" in done.stderr


def test_the_real_procedures_check_names_every_broken_file(tmp_path) -> None:
    folder = tmp_path / "procedures"
    shutil.copytree(PROCEDURES_DIR, folder)
    bad = [_write(folder, f"zz-{name}", text) for name, (text, _line) in MALFORMED.items()]
    done = kiosk("procedures", "check", str(folder), data_dir=tmp_path, timeout=60)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 1
    for file, (text, line) in zip(bad, MALFORMED.values(), strict=True):
        assert any(entry.startswith(f"{file}:{line}: ") for entry in done.stdout.splitlines()), text
    shipped = len(list(PROCEDURES_DIR.glob("*.yaml")))
    assert f"{shipped} procedure(s) usable" in done.stderr


@pytest.mark.posix
def test_an_alias_bomb_is_refused_at_once_with_little_memory(tmp_path) -> None:
    """400 bytes that expand to a billion values: before, minutes and gigabytes (51 s, then out of
    memory at a 3 GB cap); now refused at its first anchor. Run apart, under a memory cap."""
    file = _write(tmp_path, "bomb", ALIAS_BOMB)
    assert file.stat().st_size < 400
    script = textwrap.dedent(
        """
        import resource, sys, time, tracemalloc
        from pathlib import Path
        resource.setrlimit(resource.RLIMIT_AS, (2_000_000_000, 2_000_000_000))
        from kiosk.content.lessons import Lesson
        from kiosk.content.validate import load_model
        tracemalloc.start()
        start = time.perf_counter()
        loaded = load_model(Path(sys.argv[1]), Lesson)
        print(time.perf_counter() - start, tracemalloc.get_traced_memory()[1], loaded.problems[0])
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(file)],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=PROJECT_ROOT,
    )
    assert done.returncode == 0, done.stderr
    seconds, peak, problem = done.stdout.split(" ", 2)
    assert float(seconds) < 1.0
    assert int(peak) < 5_000_000
    assert problem.startswith(f"{file}:1: -: ") and "anchors are not allowed" in problem


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path, capsys) -> None:
    padding = ("# " + "x" * 98 + "\n") * (MAX_FILE_BYTES // 100 + 1)
    big = _write(tmp_path, "big", good("big") + padding)
    code, lines = _check(tmp_path, capsys)
    assert code == 1
    assert lines == [
        f"{big}:1: -: ファイルが大きすぎます "
        f"(file too large: {big.stat().st_size:,} bytes, at most {MAX_FILE_BYTES:,})"
    ]
    assert load_library(tmp_path, PICTURES_DIR, PROCEDURES_DIR).lessons == []


def test_too_many_values_are_refused(tmp_path, capsys) -> None:
    many = _write(tmp_path, "many", "id: many\nlearned: [" + "a," * MAX_NODES + "a]\n")
    assert many.stat().st_size < MAX_FILE_BYTES
    code, lines = _check(tmp_path, capsys)
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith(f"{many}:2: -: ") and "values" in lines[0]


@pytest.mark.posix
def test_a_pipe_named_like_a_lesson_is_skipped_not_waited_on(tmp_path, capsys) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    _write(tmp_path, "good", good("good"))
    code, lines = _check(tmp_path, capsys)
    assert code == 1
    assert lines == [f"{fifo}:1: -: ふつうのファイルではありません (not a regular file)"]


def _screenshot(shot: Path, screen: str) -> list[str]:
    return ["run", "--screenshot", str(shot), "--screen", screen, "--lesson", "power-on"]


@pytest.mark.slow
def test_the_kiosk_starts_with_a_broken_file_of_each_kind(tmp_path) -> None:
    """The real start-up, with a content folder holding one broken file of each kind: the
    kiosk draws its home screen and a lesson, and the log names each file and line."""
    content = tmp_path / "content"
    bad = _content_with_bad_files(content)
    data = tmp_path / "data"
    start = (
        "import sys\nfrom pathlib import Path\nimport kiosk.app\n"
        "kiosk.app.LESSONS_DIR = Path(sys.argv[1])\n"
        "from kiosk.cli import main\nsys.exit(main(sys.argv[2:]))\n"
    )
    for screen in ("home", "lesson"):
        shot = tmp_path / f"{screen}.png"
        done = subprocess.run(
            [sys.executable, "-c", start, str(content / "lessons"), *_screenshot(shot, screen)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=PROJECT_ROOT,
            env={**os.environ, "KIOSK_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"},
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        assert shot.stat().st_size > 10_000
    log = (data / "logs" / "kiosk.log").read_text(encoding="utf-8")
    for kind, where in bad.items():
        if kind != "translation":  # other languages are read when first chosen
            assert f"lesson problem: {where}" in log, kind
