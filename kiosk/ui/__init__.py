"""Qt screens and widgets of the kiosk."""
