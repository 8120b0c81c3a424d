"""Speech played as it is made: raw PCM handed to one player while the rest is synthesised.

On Linux the player is one `aplay` process reading 16-bit mono PCM on its stdin
(`KIOSK_SPEECH_PLAYER` may name another command; the bench uses it to timestamp
the first samples). On Windows each piece is played from memory with winsound
while the next one is synthesised. Stopping is ending the worker's process
group, which takes the player with it.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import shlex
import shutil
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

PLAYER_ENV = "KIOSK_SPEECH_PLAYER"  # a command reading raw S16_LE mono PCM on stdin; {rate} is replaced
# Room for several seconds of speech in the pipe, so a busy synthesiser never starves the player.
_PIPE_BYTES = 1 << 20


class PlayerMissing(Exception):
    """No program to play sound with (the engine turns it into SpeechUnavailable)."""


class Player(Protocol):
    rate: int

    def write(self, pcm: bytes) -> None:
        """Hand samples to the audio device (may block while earlier ones play)."""

    def finish(self) -> None:
        """Return when everything written has been played."""

    def close(self) -> None:
        """Stop at once (an error on the way): what is not yet played is dropped."""


def player_command(rate: int) -> list[str]:
    configured = os.environ.get(PLAYER_ENV, "").strip()
    if configured:
        return [part.replace("{rate}", str(rate)) for part in shlex.split(configured)]
    aplay = shutil.which("aplay")
    if aplay is None:
        raise PlayerMissing("aplay not found: install alsa-utils (Debian) to hear speech")
    return [aplay, "-q", "-t", "raw", "-f", "S16_LE", "-c", "1", "-r", str(rate), "-"]


class PipePlayer:
    """One player process for a whole utterance, fed on its stdin (started before synthesis)."""

    def __init__(self, rate: int) -> None:
        self.rate = rate
        self._process = subprocess.Popen(player_command(rate), stdin=subprocess.PIPE)
        assert self._process.stdin is not None
        self._stdin = self._process.stdin
        if sys.platform.startswith("linux"):
            import fcntl

            with contextlib.suppress(OSError):  # a lower system limit: the default pipe still works
                fcntl.fcntl(self._stdin.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)

    def write(self, pcm: bytes) -> None:
        self._stdin.write(pcm)
        self._stdin.flush()

    def finish(self) -> None:
        with contextlib.suppress(BrokenPipeError):  # a player that has gone: nothing to wait for
            self._stdin.close()
        self._process.wait()

    def close(self) -> None:
        self._process.kill()
        with contextlib.suppress(BrokenPipeError):  # a player that has gone: nothing to wait for
            self._stdin.close()
        self._process.wait()


def wav_bytes(pcm: bytes, rate: int) -> bytes:
    """A WAV file in memory around 16-bit mono samples (what winsound plays)."""
    header = struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        *(b"RIFF", 36 + len(pcm), b"WAVE", b"fmt ", 16, 1, 1, rate, rate * 2, 2, 16, b"data", len(pcm)),
    )
    return header + pcm


class WinsoundPlayer:
    """Windows: each piece plays from memory while the synthesiser works on the next one."""

    def __init__(self, rate: int) -> None:
        self.rate = rate

    def write(self, pcm: bytes) -> None:
        import winsound

        winsound.PlaySound(wav_bytes(pcm, self.rate), winsound.SND_MEMORY)  # type: ignore[attr-defined]

    def finish(self) -> None:
        pass

    def close(self) -> None:
        pass


def open_player(rate: int) -> Player:
    if sys.platform == "win32" and not os.environ.get(PLAYER_ENV):
        return WinsoundPlayer(rate)
    return PipePlayer(rate)


def play(pieces: Iterable[bytes], player: Player) -> None:
    """Write each piece as it comes, then wait until played; the player is stopped on any error."""
    try:
        for pcm in pieces:
            player.write(pcm)
    except BaseException:
        player.close()
        raise
    player.finish()


# ---- text in pieces ----------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[。！？!?\n])")
_CLAUSE_END = re.compile(r"(?<=[、，,])")
# A first sentence longer than this is started at its first comma: its first clause alone is
# synthesised in a third of the time, and that is when the person first hears the voice.
FIRST_PIECE_CHARS = 12


def sentences(text: str) -> list[str]:
    """The text in the pieces it is synthesised in: sentences, the first one cut at a comma."""
    parts = [part for part in _SENTENCE_END.split(text) if part.strip()]
    if parts and len(parts[0]) > FIRST_PIECE_CHARS:
        head, *rest = _CLAUSE_END.split(parts[0], maxsplit=1)
        if rest and head.strip() and rest[0].strip():
            parts[0:1] = [head, rest[0]]
    return parts


# ---- synthesis ahead of playback ---------------------------------------------------------

T = TypeVar("T")
_END = object()


def made_ahead(
    items: Iterable[T], make: Callable[[T], bytes], *, name: str = "speech-synth"
) -> Iterator[bytes]:
    """`make(item)` for each item on a thread of its own, yielded in order as each is ready.

    The caller plays piece one while piece two is being made. An error in `make` is raised
    here, in the caller; a caller that stops early leaves the thread to finish its current piece
    and make no more.
    """
    ready: queue.Queue[object] = queue.Queue()
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in items:
                if stop.is_set():
                    return
                ready.put(make(item))
        except BaseException as exc:  # handed to the caller
            ready.put(exc)
            return
        ready.put(_END)

    thread = threading.Thread(target=produce, name=name, daemon=True)
    thread.start()
    try:
        while (piece := ready.get()) is not _END:
            if isinstance(piece, BaseException):
                raise piece
            assert isinstance(piece, bytes)
            yield piece
    finally:
        stop.set()
