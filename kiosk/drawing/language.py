"""The kiosk's languages: Japanese (the source) and one per `kiosk/i18n/kiosk_<language>.ts`.

Each `.ts` is compiled to a `.qm` by `pyside6-lrelease`: in a checkout by scripts/bootstrap.sh,
for a wheel by its build (setup.py). A language is offered when its `.qm` loads; its own name
("English", 「やさしい にほんご」) is the translation of 「日本語」 in its own file, so a new
language needs a new `.ts` and lesson texts, not code.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QTranslator

from kiosk.paths import I18N_DIR
from kiosk.speech.engines import base_language

log = logging.getLogger("kiosk")

SOURCE = "ja"
OWN_NAME = str(QT_TRANSLATE_NOOP("LanguageName", "日本語"))  # each .ts: the language in its own words


# The translator installed in the application now, whichever Languages installed it: only
# one language is ever in use, even when a window is replaced (as tests do).
_installed: list[QTranslator] = []


def ts_files(directory: Path = I18N_DIR) -> dict[str, Path]:
    return {path.stem.removeprefix("kiosk_"): path for path in sorted(directory.glob("kiosk_*.ts"))}


class Languages:
    """Loads every compiled language once and switches the application's translator."""

    def __init__(self, directory: Path = I18N_DIR) -> None:
        self._translators: dict[str, QTranslator] = {}
        # The compiled texts are read into memory: Qt would map the file, and an update
        # copied over it while the kiosk runs would pull the texts from under it (a crash).
        self._data: dict[str, bytes] = {}
        for language, ts in ts_files(directory).items():
            loaded = load_compiled(ts.with_suffix(".qm"))
            if loaded is not None:
                self._translators[language], self._data[language] = loaded
            else:
                log.warning(
                    "language %s not offered: %s missing (run pyside6-lrelease on %s)",
                    language,
                    ts.with_suffix(".qm"),
                    ts,
                )
        self.current = SOURCE
        self._install(None)

    @staticmethod
    def _install(translator: QTranslator | None) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        while _installed:
            app.removeTranslator(_installed.pop())
        if translator is not None:
            app.installTranslator(translator)
            _installed.append(translator)

    @property
    def available(self) -> list[str]:
        return [SOURCE, *self._translators]

    def own_name(self, language: str) -> str:
        translator = self._translators.get(language)
        name = translator.translate("LanguageName", OWN_NAME) if translator else ""
        return name or (OWN_NAME if language == SOURCE else language)

    def use(self, language: str) -> str:
        """Switch the screens to `language` (Japanese for one not offered); returns the language used."""
        chosen = language if language in self.available else SOURCE
        if chosen != self.current:
            self._install(self._translators.get(chosen))
            self.current = chosen
        return chosen


def load_compiled(qm: Path) -> tuple[QTranslator, bytes] | None:
    """A compiled language and the bytes it reads from (keep both alive); None if missing."""
    translator = QTranslator()
    try:
        data = qm.read_bytes()
    except OSError:
        return None
    return (translator, data) if data and translator.load(data) else None


@cache
def _compiled(language: str) -> tuple[QTranslator, bytes] | None:
    return load_compiled(I18N_DIR / f"kiosk_{language}.qm")


def translate(language: str, context: str, text: str) -> str:
    """`text` (Japanese, the source) as `language` writes it, read from that language's own file,
    not from the screens' translator: what is printed names its language."""
    if language == SOURCE:
        return text
    compiled = _compiled(language)
    found = compiled[0].translate(context, text) if compiled is not None else ""
    return found or text


def locale_for(language: str) -> QLocale:
    """Dates and numbers as the language writes them."""
    return QLocale(base_language(language))
