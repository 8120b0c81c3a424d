"""「点検」 (`kiosk doctor`): checks a kiosk PC is ready, each check a small function (no Qt here)."""
