"""The map canvas: paints a cached image of the layers; drag translates it, wheel zooms.

Mouse moves only report coordinates (no redraw); a drag shifts the cached image and the layers
are re-rendered once, on release. Layer changes are coalesced into one re-render per event loop.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QWidget

from layers.layer_list import LayerList
from layers.viewport import Viewport

from .renderer import Renderer

ZOOM_STEP = 1.25
CLICK_SLOP_PX = 3


class MapCanvas(QWidget):
    cursor_moved = Signal(float, float)  # map coordinates under the mouse
    view_changed = Signal()  # extent or scale changed
    clicked = Signal(float, float, object)  # map x, y, Qt.KeyboardModifiers
    rendered = Signal()

    def __init__(self, layers: LayerList, parent=None):
        super().__init__(parent)
        self.layers = layers
        self.view = Viewport(width=max(self.width(), 1), height=max(self.height(), 1))
        self.renderer = Renderer()
        self.underlays: list = []  # callables view -> [(rgba array, map extent)], drawn under the layers
        self.overlays: list = []  # callables (painter, view) drawn over the cached image: previews, rubber bands
        self.tool = None  # a map tool (see shell/subdivision/map_tools.py) takes clicks, moves and keys
        self.image: QImage | None = None
        self.last_render_ms = 0.0
        self._drag_start: QPoint | None = None
        self._drag_offset = QPoint(0, 0)
        self._fit_extent = None  # last zoom_to extent, kept fitted on resize until the user navigates
        self._pending = QTimer(self, singleShot=True, interval=0, timeout=self.refresh)
        self.setMouseTracking(True)
        self.setMinimumSize(200, 150)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        for event in ("inserted", "removed", "moved", "changed"):
            layers.events.connect(event, self._on_layers_changed)
        layers.events.connect("removed", lambda layer, index: self.renderer.forget(layer))

    # -- rendering --------------------------------------------------------------------------
    def _on_layers_changed(self, **_):
        self.schedule_refresh()

    def schedule_refresh(self) -> None:
        self._pending.start()

    def refresh(self) -> None:
        """Re-render all layers into the cached image now."""
        import time

        self._pending.stop()
        self.view.width, self.view.height = max(self.width(), 1), max(self.height(), 1)
        start = time.perf_counter()
        underlays = [u for u in self.underlays if getattr(u, "active", True)]  # none drawn: none passed
        self.image = self.renderer.render(list(self.layers), self.view, underlays=underlays)
        self.last_render_ms = (time.perf_counter() - start) * 1000
        self._drag_offset = QPoint(0, 0)
        self.update()
        self.rendered.emit()

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if self.image is not None:
            painter.drawImage(self._drag_offset, self.image)
        if self.overlays:
            painter.translate(self._drag_offset)
            for overlay in list(self.overlays):
                overlay(painter, self.view)
        painter.end()

    def resizeEvent(self, event):
        old_w, old_h = self.view.width, self.view.height
        self.view.width, self.view.height = max(self.width(), 1), max(self.height(), 1)
        if (old_w, old_h) != (self.view.width, self.view.height):
            if self._fit_extent is not None:
                self.view.fit(self._fit_extent)
            self.schedule_refresh()
            self.view_changed.emit()
        super().resizeEvent(event)

    # -- navigation -------------------------------------------------------------------------
    def zoom_to(self, extent) -> None:
        if extent is None:
            return
        self.view.width, self.view.height = max(self.width(), 1), max(self.height(), 1)
        self._fit_extent = tuple(extent)
        self.view.fit(extent)
        self.refresh()
        self.view_changed.emit()

    def full_extent(self):
        extents = [layer.extent for layer in self.layers if layer.extent is not None]
        if not extents:
            return None
        return (min(e[0] for e in extents), min(e[1] for e in extents),
                max(e[2] for e in extents), max(e[3] for e in extents))

    def zoom_by(self, factor: float, at: QPointF | None = None) -> None:
        self._fit_extent = None
        if at is None:
            self.view.zoom(factor)
        else:
            self.view.zoom(factor, at.x(), at.y())
        self.refresh()
        self.view_changed.emit()

    def wheelEvent(self, event):
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(ZOOM_STEP ** steps, event.position())
        event.accept()

    def mousePressEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_start = event.position().toPoint()
            self._drag_offset = QPoint(0, 0)

    def mouseMoveEvent(self, event):
        pos = event.position()
        if self._drag_start is not None:
            self._drag_offset = pos.toPoint() - self._drag_start
            self.update()  # only blits the cached image, shifted
        x, y = self.view.to_map(pos.x(), pos.y())
        self.cursor_moved.emit(x, y)
        if self.tool is not None:
            self.tool.moved(x, y)

    def mouseReleaseEvent(self, event):
        if self._drag_start is None or event.button() != Qt.MouseButton.LeftButton:
            return
        delta = event.position().toPoint() - self._drag_start
        self._drag_start = None
        if abs(delta.x()) <= CLICK_SLOP_PX and abs(delta.y()) <= CLICK_SLOP_PX:
            self._drag_offset = QPoint(0, 0)
            self.update()
            x, y = self.view.to_map(event.position().x(), event.position().y())
            if self.tool is not None:
                self.tool.clicked(x, y)
            else:
                self.clicked.emit(x, y, event.modifiers())
            return
        self._fit_extent = None
        self.view.pan_pixels(delta.x(), delta.y())
        self.refresh()
        self.view_changed.emit()

    def mouseDoubleClickEvent(self, event):
        if self.tool is not None and event.button() == Qt.MouseButton.LeftButton:
            self.tool.double_clicked(*self.view.to_map(event.position().x(), event.position().y()))
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event):
        if self.tool is not None and self.tool.key_pressed(event.key()):
            return
        super().keyPressEvent(event)

    def pixel_tolerance(self, pixels: float = 3.0) -> float:
        return pixels * self.view.mpp
