"""Writes staff-call-chime.wav: a soft two-tone chime (ding–dong), made here from sine waves.

Run from the repository: `python assets/sounds/make_chime.py`. Standard library only, so
the sound's origin is this file (no recording, no licence to track).
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
SECONDS = 1.1
# E5 then C5, the 「ピン・ポーン」 of a Japanese counter bell, each with a soft octave above.
TONES = ((0.0, 659.25), (0.35, 523.25))
PEAK = 0.45  # of full scale: clear in a quiet room, not startling


def sample(t: float) -> float:
    value = 0.0
    for start, freq in TONES:
        if t < start:
            continue
        age = t - start
        attack = min(1.0, age / 0.01)  # 10 ms: no click
        decay = math.exp(-age * 3.2)
        value += attack * decay * (math.sin(2 * math.pi * freq * age) + 0.25 * math.sin(4 * math.pi * freq * age))
    fade = min(1.0, (SECONDS - t) / 0.08)  # the tail ends in silence, not a cut
    return value * fade


def main() -> None:
    count = int(RATE * SECONDS)
    raw = [sample(i / RATE) for i in range(count)]
    scale = PEAK / max(abs(v) for v in raw)
    out = Path(__file__).with_name("staff-call-chime.wav")
    with wave.open(str(out), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(b"".join(struct.pack("<h", round(v * scale * 32767)) for v in raw))
    print(out)


if __name__ == "__main__":
    main()
