"""Reaching a person when a citizen presses 「係員を呼ぶ」: a chime, a webhook (no Qt)."""
