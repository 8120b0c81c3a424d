"""Start the kiosk: `python main.py` (same as `kiosk run`); sub-commands as `kiosk`.

Also a frozen app's entry: kiosk/entry.py starts the read-aloud worker instead when asked.
"""

from kiosk.entry import main

if __name__ == "__main__":
    raise SystemExit(main())
