"""A stand-in for aplay in speech tests: records what it is handed and when, in a folder.

    python recording_player.py FOLDER RATE [paced]   (raw S16_LE mono PCM on stdin)

FOLDER/pid at start, FOLDER/first when the first samples arrive, FOLDER/played.raw with
every sample, FOLDER/done when its stdin ends (everything was handed over). `paced` takes
as long as a sound card would to play what it reads.
"""

import os
import sys
import time
from pathlib import Path

folder, rate = Path(sys.argv[1]), int(sys.argv[2])
paced = sys.argv[3:] == ["paced"]
folder.mkdir(parents=True, exist_ok=True)
(folder / "rate").write_text(str(rate))
(folder / "pid").write_text(str(os.getpid()))
with open(folder / "played.raw", "ab") as played:
    while chunk := os.read(0, 1 << 16):
        played.write(chunk)
        played.flush()
        if not (folder / "first").exists():
            (folder / "first").write_text("")
        if paced:
            time.sleep(len(chunk) / 2 / rate)
(folder / "done").write_text("")
