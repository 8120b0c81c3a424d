"""Touchscreen kiosk for Naruto City's デジタル何でも相談室."""

__version__ = "0.1.0"
