"""Start the kiosk: `python main.py` (same as `kiosk run`); sub-commands as `kiosk`."""

from kiosk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
