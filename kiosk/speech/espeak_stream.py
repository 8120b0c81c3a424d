"""espeak-ng, through pyttsx3's own binding to libespeak-ng, played while it synthesises.

pyttsx3 2.99's espeak driver gathers a whole utterance, writes it to a WAV file and then
runs `aplay` on it — from espeak's thread, and on a new engine after `runAndWait` has
already returned (so a first utterance could report "done" before any sound, or none).
Here each buffer espeak hands back (up to a second of speech, made in milliseconds) goes
straight to the player, and the call returns when the player has played it all.
"""

from __future__ import annotations

import ctypes
import queue
from collections.abc import Callable, Iterator
from typing import Any

from kiosk.speech.playback import Player, open_player, play

SAMPLE_RATE = 22050  # espeak-ng's voices (pyttsx3 assumes the same)


class EspeakFailed(Exception):
    """libespeak-ng refused a setting or the text."""


def speak(
    text: str,
    *,
    voice: str,
    words_per_minute: int,
    volume: float,
    player: Callable[[int], Player] = open_player,
) -> None:
    """Speak `text` with an espeak-ng voice already initialised by pyttsx3; blocks until played."""
    from pyttsx3.drivers import _espeak

    if _espeak.SetVoiceByName(voice.encode("utf-8")) != 0:
        raise EspeakFailed(f"espeak-ng has no voice {voice!r}")
    _espeak.SetParameter(_espeak.RATE, words_per_minute, 0)
    _espeak.SetParameter(_espeak.VOLUME, round(max(0.0, min(1.0, volume)) * 100), 0)
    pieces: queue.Queue[bytes | None] = queue.Queue()
    aborted = False

    def on_synth(wav: Any, samples: int, events: Any) -> int:  # on espeak's own thread
        if wav and samples > 0:
            pieces.put(ctypes.string_at(wav, samples * ctypes.sizeof(ctypes.c_short)))
        i = 0
        while events[i].type != _espeak.EVENT_LIST_TERMINATED:
            if events[i].type == _espeak.EVENT_MSG_TERMINATED:
                pieces.put(None)
            i += 1
        return 1 if aborted else 0

    def played() -> Iterator[bytes]:
        while (piece := pieces.get()) is not None:
            yield piece

    previous = _espeak.SynthCallback  # pyttsx3's own, put back for its save_to_file
    output = player(SAMPLE_RATE)  # started first: its start-up overlaps synthesis
    _espeak.SetSynthCallback(on_synth)
    try:
        _espeak.Synth(text, flags=_espeak.ENDPAUSE | _espeak.CHARS_UTF8)
        play(played(), output)
    except BaseException:
        aborted = True
        _espeak.Cancel()
        output.close()
        raise
    finally:
        if previous is not None:
            _espeak.SynthCallback = previous
            _espeak.cSetSynthCallback(previous)
