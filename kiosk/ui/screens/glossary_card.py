"""A word's meaning in plain words, with its picture; 「よみあげ」 reads it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from kiosk.content.glossary import Word
from kiosk.content.library import LessonLibrary
from kiosk.ui.widgets.overlay import Overlay
from kiosk.ui.widgets.picture import PictureView


def picture_of(library: LessonLibrary, word: Word) -> Path | None:
    """The word's picture, when it has one and the file is there."""
    path = library.picture_path(word.picture) if word.picture else None
    return path if path is not None and path.is_file() else None


class GlossaryCard(Overlay):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.word: Word | None = None
        self.picture = PictureView()
        self.picture.setMinimumSize(240, 240)
        self.content.insertWidget(1, self.picture, 1)
        self.back_button = self.add_dismiss_button()
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("わかりました"))

    def clear(self) -> None:
        self.word = None
        self.heading.clear()
        self.body.clear()
        self.picture.show_file(None)

    def show_in_language(self, library: LessonLibrary) -> None:
        if self.isVisible() and self.word is not None:
            found = library.glossary.get(self.word.word)
            if found is not None:
                self.show_word(found, picture_of(library, found))

    def show_word(self, word: Word, picture: Path | None) -> None:
        self.word = word
        self.heading.setText(word.shown)
        self.body.setText(word.meaning)
        self.picture.show_file(picture)
        self.picture.setVisible(picture is not None)
        self.setGeometry(self._host.rect())
        self.show()
        self.raise_()
