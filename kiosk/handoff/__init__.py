"""QR hand-off: the QR code, the printed slip, printing."""
