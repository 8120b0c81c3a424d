"""Keep personal data out of the records: the note field refuses what looks like it.

The records exist to learn what citizens need, not who they are (APPI: collect
no more than the purpose needs). Names cannot be detected reliably; numbers
and addresses that identify a person can, and those are refused.
"""

from __future__ import annotations

import re

# Shown above the note field in supporter mode.
NOTE_WARNING = "お名前・住所・電話番号・マイナンバー・暗証番号は 書かないでください。"
MAX_NOTE = 200

_DIGIT_RUN = re.compile(r"(?:\d[\s\-‐－ー]?){10,}")  # phone numbers, the 12-digit My Number
_POSTAL = re.compile(r"〒|\b\d{3}-\d{4}\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PIN_WORDS = re.compile(r"(暗証番号|パスワード|PIN)\s*[:：は]?\s*[\w\d]{4,}", re.IGNORECASE)


class PersonalDataRefused(ValueError):
    """The text holds something that looks like personal data; says what."""


def personal_data_in(text: str) -> str | None:
    """What kind of personal data `text` seems to hold, or None."""
    normalised = text.translate(str.maketrans("０１２３４５６７８９＠", "0123456789@"))
    if len(normalised) > MAX_NOTE:
        return f"longer than {MAX_NOTE} characters"
    if _DIGIT_RUN.search(normalised):
        return "a long number (phone number or My Number)"
    if _EMAIL.search(normalised):
        return "an e-mail address"
    if _POSTAL.search(normalised):
        return "a postal code"
    if _PIN_WORDS.search(normalised):
        return "a PIN or password"
    return None
