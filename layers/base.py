"""What every map layer model shares: events, visibility and opacity (Qt-free)."""
from __future__ import annotations

from .events import EventEmitter


class DisplayedLayer:
    """Base of the vector and raster layer models; emits "visibility"/"opacity" with layer=self."""

    def __init__(self, *, visible: bool = True, opacity: float = 1.0):
        self.events = EventEmitter()
        self._visible = bool(visible)
        self._opacity = clamp_opacity(opacity)

    @property
    def visible(self) -> bool:
        return self._visible

    @visible.setter
    def visible(self, value: bool) -> None:
        if bool(value) != self._visible:
            self._visible = bool(value)
            self._changed("visibility")

    @property
    def opacity(self) -> float:
        return self._opacity

    @opacity.setter
    def opacity(self, value: float) -> None:
        value = clamp_opacity(value)
        if value != self._opacity:
            self._opacity = value
            self._changed("opacity")

    def _changed(self, event: str) -> None:
        self.events.emit(event, layer=self)


def clamp_opacity(value: float) -> float:
    return max(0.0, min(1.0, float(value)))
