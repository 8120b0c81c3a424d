"""Practice corner logic: exercises, thresholds, keyboards (no Qt)."""
