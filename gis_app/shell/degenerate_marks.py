"""On-canvas notes for degenerate geometry (issue 12, item 8): zero-area polygons and collapsed rings.

Such features are drawn as they are (the canvas never fails on them); this marks each one with a
red ring and its id on the map, and a note over the canvas's lower left corner names the layer,
the counts and the ids (``core.degenerate.degenerate_note``), so the planner can find and fix them.
The masks are recomputed only when a layer's shapes change (``geometry_version``), on the cheap
``validity=False`` path, vectorised; after an edit of a few features only those rows are tested
again (``VectorLayer.rows_changed_since``), so an edit costs what the edited features cost.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QLabel

from gis_app.core.aliases import layer_title
from gis_app.core.degenerate import degenerate_mask, degenerate_note, feature_ids

MARK_COLOR = "#d0021b"
MARK_RADIUS_PX = 9
MAX_MARKS = 200  # per layer: beyond that the note still counts them all
MAX_NOTE_LINES = 4


class DegenerateMarks:
    """Keeps ``marks`` {layer name: (xy (n, 2) in map units, ids)} and ``notes`` {layer name: text}
    for the visible vector layers of ``window.layers``; paints the marks as a renderer overlay and
    shows the notes in a label on the canvas."""

    def __init__(self, window):
        self.window = window
        self.canvas = window.canvas
        self.marks: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.notes: dict[str, str] = {}
        # layer name -> (id, geometry_version, zero-area mask, collapsed-ring mask) last computed
        self._seen: dict[str, tuple] = {}
        self.label = QLabel(self.canvas)
        self.label.setObjectName("degenerateNote")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setStyleSheet("QLabel#degenerateNote { background: rgba(255, 244, 229, 235); color: #8a1c0b;"
                                 " border: 1px solid #d0021b; border-radius: 3px; padding: 4px 6px; }")
        self.label.hide()
        self._pending = QTimer(self.canvas, singleShot=True, interval=0, timeout=self.update)
        for event in ("inserted", "removed", "moved", "changed"):
            window.layers.events.connect(event, self._on_layers)
        self.canvas.renderer.overlays.append(self.paint)
        self.canvas.rendered.connect(self._place)

    def _on_layers(self, what: str | None = None, **_):
        if what in (None, "data", "visibility"):
            self._pending.start()

    def update(self) -> None:
        """Bring the masks up to date (only the edited rows after a partial edit), then the marks
        and the note."""
        self._pending.stop()
        present = set()
        for layer in self.window.layers:
            if not hasattr(layer, "geometry_version") or not layer.visible:
                continue
            present.add(layer.name)
            state = self._seen.get(layer.name)
            if state is not None and state[0] == id(layer) and state[1] == layer.geometry_version:
                continue
            frame = layer.frame
            rows = None
            if state is not None and state[0] == id(layer) and len(state[2]) == len(frame):
                rows = layer.rows_changed_since("geometry", state[1])
            if rows is None:
                zero, collapsed = degenerate_mask(frame, validity=False) if len(frame) else \
                    (np.zeros(0, bool), np.zeros(0, bool))
            else:  # a few features edited: test those only
                zero, collapsed = state[2], state[3]
                if len(rows):
                    zero[rows], collapsed[rows] = degenerate_mask(frame.iloc[rows], validity=False)
            self._seen[layer.name] = (id(layer), layer.geometry_version, zero, collapsed)
            self._mark(layer, zero, collapsed)
        for name in list(self._seen):
            if name not in present:
                self._seen.pop(name)
                self.marks.pop(name, None)
                self.notes.pop(name, None)
        self._show_note()
        self.canvas.schedule_refresh()

    def _mark(self, layer, zero: np.ndarray, collapsed: np.ndarray) -> None:
        self.marks.pop(layer.name, None)
        self.notes.pop(layer.name, None)
        rows = np.flatnonzero(zero | collapsed)
        if not rows.size:
            return
        rows = rows[:MAX_MARKS]
        b = layer.bounds[rows]
        xy = np.column_stack([(b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2])
        self.marks[layer.name] = (xy, feature_ids(layer.frame.iloc[rows]))
        self.notes[layer.name] = degenerate_note(layer.frame, layer_title(layer.name, layer.title),
                                                 masks=(zero, collapsed))

    def retranslate(self) -> None:
        """Notes in the new UI language (they are built by the Qt-free core with ``core.i18n.t``)."""
        for layer in self.window.layers:
            state = self._seen.get(layer.name)
            if state is not None and state[0] == id(layer):
                self._mark(layer, state[2], state[3])
        self._show_note()

    def _show_note(self) -> None:
        lines = list(self.notes.values())
        if not lines:
            self.label.hide()
            return
        if len(lines) > MAX_NOTE_LINES:
            lines = lines[:MAX_NOTE_LINES] + [f"… (+{len(lines) - MAX_NOTE_LINES})"]
        self.label.setText("⚠ " + "\n⚠ ".join(lines))
        self.label.show()
        self._place()

    def _place(self) -> None:
        if not self.label.isVisible():
            return
        margin = 8
        width = max(160, min(620, self.canvas.width() - 2 * margin))
        self.label.setFixedWidth(width)
        self.label.adjustSize()
        self.label.move(margin, max(margin, self.canvas.height() - self.label.height() - margin))
        self.label.raise_()

    def paint(self, painter: QPainter, layers, view, renderer) -> None:
        """Renderer overlay: a red ring and the id at each degenerate feature in view."""
        if not self.marks:
            return
        visible = {layer.name for layer in layers if layer.visible}
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        for name, (xy, ids) in self.marks.items():
            if name not in visible:
                continue
            screen = view.to_screen(xy)
            inside = ((screen[:, 0] > -MARK_RADIUS_PX) & (screen[:, 0] < view.width + MARK_RADIUS_PX)
                      & (screen[:, 1] > -MARK_RADIUS_PX) & (screen[:, 1] < view.height + MARK_RADIUS_PX))
            for (x, y), text in zip(screen[inside], ids[inside]):
                centre = QPointF(float(x), float(y))
                painter.setPen(QPen(QColor("#ffffff"), 4))
                painter.drawEllipse(centre, MARK_RADIUS_PX, MARK_RADIUS_PX)
                painter.setPen(QPen(QColor(MARK_COLOR), 2))
                painter.drawEllipse(centre, MARK_RADIUS_PX, MARK_RADIUS_PX)
                painter.drawText(centre + QPointF(MARK_RADIUS_PX + 3, -MARK_RADIUS_PX), str(text)[:40])
        painter.restore()
