"""`python -m kiosk` — same as the `kiosk` command (and a frozen app's entry: see kiosk/entry.py)."""

from kiosk.entry import main

raise SystemExit(main())
