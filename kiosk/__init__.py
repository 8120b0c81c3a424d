"""Touchscreen kiosk for Naruto City's デジタル何でも相談室."""

__version__ = "0.1.0"

import logging
import os
import time

# When the kiosk's code began to run: `kiosk run` logs how long its home took to appear.
STARTED = time.monotonic()

# The kiosk uses no pydantic plugins; looking for them scans every installed package.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

# Messages go where the running program sends them (the kiosk: logs/kiosk.log).
logging.getLogger("kiosk").addHandler(logging.NullHandler())
