"""Keep personal data out of the records: notes, supporter names and merged rows refuse what looks like it.

The records exist to learn what citizens need, not who they are (APPI: collect
no more than the purpose needs). Names cannot be detected reliably; numbers
and addresses that identify a person can, and those are refused.

The text is first normalised (NFKC, kanji and other scripts' digits to 0-9, every
dash to "-"), dates and times are set aside, and digits joined by separators are
read as one number — so no list of example spellings is needed.
"""

from __future__ import annotations

import re
import unicodedata

# Shown above the note field in supporter mode.
NOTE_WARNING = "お名前・住所・電話番号・マイナンバー・暗証番号は 書かないでください。"
MAX_NOTE = 200
MAX_CHECKED = 10_000  # longer text (only a tampered bundle has it) is refused unread

# 〇 and ○ are both written for zero in Japanese numbers; 壱弐参 in formal ones.
_KANJI_DIGITS = dict(zip("〇○零一二三四五六七八九壱弐参", "000123456789123", strict=True))
_DASHES = "‐‑‒–—―−－﹣⁃"
# The katakana long mark is typed as a dash in numbers (090ー1234ー5678), but is part of words (パスワード).
_LONG_MARK_IN_NUMBER = re.compile(r"(\d\s?)ー(?=\s?\d)")
# Stands where a character was that holds a digit but is not one (①, ², ⑴): it breaks a number,
# so step markers ①②③…⑩ do not add up to a long number.
_BREAK = "|"

# Between the digit groups of one number: spaces, dashes, dots, slashes, brackets, 「・」 —
# at most three in a row ("090 - 1234", "(090) 1234"). Commas and 、 separate list items instead.
_SEP = r"[\s\-./()\[\]{}<>・_~〜]{1,3}"
_NUMBER = re.compile(rf"\d+(?:{_SEP}\d+)*")
_TIME = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3])\s?:\s?[0-5]\d(?::[0-5]\d)?(?![\d:])")
_DATE = re.compile(
    r"(?<!\d)(?:19|20)\d\d\s?[-/.年]\s?(?:0?[1-9]|1[0-2])\s?[-/.月]\s?(?:0?[1-9]|[12]\d|3[01])日?"
    rf"(?!\d|{_SEP}\d)"
)
_PLACEHOLDER = "#"  # where a date or time was: not a digit, not a separator
# Business-only numbers (free dial, ナビダイヤル): never a person's, and a note may name a help line.
_BUSINESS = re.compile(r"(?:0120|0570)\d{6}|0800\d{7}")

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+\s?@\s?[\w-]+(?:\.[\w-]+)+")
_POSTAL_MARK = re.compile(r"〒|郵便番号\D{0,6}\d{3}")
_PHONE_WORDS = re.compile(
    rf"(?:電話|でんわ|(?<![a-z])(?:tel|fax)(?![a-z])|携帯|ケータイ|連絡先)\D{{0,8}}?(\d+(?:{_SEP}\d+)*)",
    re.I,
)
_PIN_WORDS = "暗証番号|暗証|パスワード|パスコード|(?<![a-z])(?:pin|password|passcode|passwd)(?![a-z])"
# The word, a few characters, then 4+ digits that are not a count, a price or a year.
_PIN_DIGITS = re.compile(
    rf"(?:{_PIN_WORDS})[^\d]{{0,8}}?\d(?:(?:{_SEP})?\d){{3,}}"
    r"(?!\d)(?!\s?(?:年|円|回|月|日|時|分|秒|歳|才|人|けた|桁|個|枚|件|番目|文字|%))",
    re.I,
)
# The word, then "は" / ":" / "=" and a code of letters and digits ("PIN=ab12", "パスワードは Abc123").
_PIN_CODE = re.compile(rf"(?:{_PIN_WORDS})\s?(?:は|:|=|＝|→)\s?[「『\"']?(?=[!-~]*\d)[!-~]{{4,}}", re.I)


class PersonalDataRefused(ValueError):
    """The text holds something that looks like personal data; says what."""


def normalise(text: str) -> str:
    """The text as the checks read it: ASCII digits, NFKC, one kind of dash."""
    out = []
    for char in text:
        if char in _KANJI_DIGITS:
            out.append(_KANJI_DIGITS[char])
        elif char.isdecimal():  # full-width, Arabic-Indic, Devanagari … digits
            out.append(str(unicodedata.decimal(char)))
        elif any(c.isdigit() for c in unicodedata.normalize("NFKC", char)):
            out.append(_BREAK)
        else:
            out.append(char)
    folded = unicodedata.normalize("NFKC", "".join(out))
    dashed = folded.translate(str.maketrans(_DASHES, "-" * len(_DASHES)))
    return _LONG_MARK_IN_NUMBER.sub(r"\1-", dashed)


def _digits(run: str) -> str:
    return re.sub(r"\D", "", run)


def _groups(run: str) -> list[str]:
    return re.findall(r"\d+", run)


def personal_data(text: str) -> str | None:
    """What kind of personal data `text` seems to hold, or None (any length of text)."""
    if len(text) > MAX_CHECKED:
        return f"longer than {MAX_CHECKED} characters"
    plain = normalise(text)
    if _EMAIL.search(plain):
        return "an e-mail address"
    if _PIN_DIGITS.search(plain) or _PIN_CODE.search(plain):
        return "a PIN or password"
    if _POSTAL_MARK.search(plain):
        return "a postal code"
    if any(len(_digits(found.group(1))) >= 6 for found in _PHONE_WORDS.finditer(plain)):
        return "a phone number"
    numbers = _DATE.sub(_PLACEHOLDER, _TIME.sub(_PLACEHOLDER, plain))
    for found in _NUMBER.finditer(numbers):
        digits = _digits(found.group())
        if len(digits) >= 10 and not _BUSINESS.fullmatch(digits):
            return "a long number (phone number or My Number)"
        if [len(group) for group in _groups(found.group())] == [3, 4]:
            return "a postal code"
    return None


def personal_data_in(text: str) -> str | None:
    """For a note: too long, or what kind of personal data it seems to hold, or None."""
    if len(text) > MAX_NOTE:
        return f"longer than {MAX_NOTE} characters"
    return personal_data(text)
