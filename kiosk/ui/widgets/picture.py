"""Shows a lesson picture (SVG or PNG), scaled to fit, or a calm placeholder."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.content.pictures import read_svg
from kiosk.ui.retranslate import Retranslating

log = logging.getLogger("kiosk.ui")


class PictureView(Retranslating):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._svg: QSvgRenderer | None = None
        self._pixmap: QPixmap | None = None
        self._missing = False
        # The SVG drawn once at the size it is shown (a repaint only copies it): drawing the
        # vector picture again on every paint was a fifth of a step change.
        self._drawn: QPixmap | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("説明の絵"))

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 160)

    def sizeHint(self) -> QSize:
        return QSize(600, 800)

    @property
    def missing(self) -> bool:
        return self._missing

    def show_file(self, path: Path | None) -> None:
        self._svg, self._pixmap, self._missing, self._drawn = None, None, False, None
        if path is not None and not path.is_file():
            self._missing = True
            log.warning("picture missing: %s", path)
        elif path is not None:
            if path.suffix.lower() == ".svg":
                # Drawn from bytes that were checked first: Qt would otherwise load any
                # `<image href="/file.png">` the SVG names, from anywhere on the disk.
                data, refused = read_svg(path)
                if refused:
                    log.warning("picture refused: %s: %s", path, refused)
                elif data is not None:
                    renderer = QSvgRenderer(QByteArray(data))
                    if renderer.isValid():
                        self._svg = renderer
            else:
                pixmap = QPixmap(str(path))
                if not pixmap.isNull():
                    self._pixmap = pixmap
            if self._svg is None and self._pixmap is None:
                self._missing = True
                log.warning("picture cannot be shown: %s", path)
        self.update()

    def _content_size(self) -> QSize | None:
        if self._svg is not None:
            return self._svg.defaultSize()
        if self._pixmap is not None:
            return self._pixmap.size()
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        size = self._content_size()
        if size is None or size.isEmpty():
            if self._missing:
                painter.setPen(self.palette().windowText().color())
                painter.drawText(
                    self.rect(),
                    Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                    self.tr("（絵は ありません）"),
                )
            return
        scaled = size.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(
            (self.width() - scaled.width()) // 2,
            (self.height() - scaled.height()) // 2,
            scaled.width(),
            scaled.height(),
        )
        if self._svg is not None:
            painter.drawPixmap(target.topLeft(), self._svg_drawn(self._svg, scaled))
        elif self._pixmap is not None:
            painter.drawPixmap(target, self._pixmap)

    def _svg_drawn(self, svg: QSvgRenderer, size: QSize) -> QPixmap:
        """`svg` drawn at `size` (kept until the picture or its size changes). The pixmap is
        the picture's frame: a drawing that strays past its canvas stays inside it."""
        ratio = self.devicePixelRatioF()
        drawn = self._drawn
        shown = None if drawn is None else (drawn.deviceIndependentSize().toSize(), drawn.devicePixelRatio())
        if drawn is None or shown != (size, ratio):
            drawn = QPixmap(size * ratio)
            drawn.setDevicePixelRatio(ratio)
            drawn.fill(Qt.GlobalColor.transparent)
            painter = QPainter(drawn)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            svg.render(painter, QRectF(0, 0, size.width(), size.height()))
            painter.end()
            self._drawn = drawn
        return drawn
