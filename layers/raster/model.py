"""A background raster: a GeoTIFF path plus how it is shown (visible, opacity); Qt-free.

Kept in its own LayerList (index 0 = bottom) drawn under every vector layer. Its state is the
project's ``meta["rasters"]`` entry ``{"path", "opacity", "visible"}`` (gis_app.cartography.raster).
"""
from __future__ import annotations

from pathlib import Path

from ..base import DisplayedLayer

# Events: "path", "visibility", "opacity" (all with layer=self).


class RasterLayer(DisplayedLayer):
    def __init__(self, path, *, opacity: float = 1.0, visible: bool = True, name: str | None = None):
        super().__init__(visible=visible, opacity=opacity)
        self._path = str(path)
        self.name = name or self._path  # unique key in the raster list
        self.error: str | None = None  # why the file cannot be read (moved, corrupt); None when fine

    @property
    def title(self) -> str:
        return Path(self._path).name

    @property
    def path(self) -> str:
        return self._path

    @path.setter
    def path(self, value) -> None:
        if str(value) != self._path:
            self._path = str(value)
            self.error = None
            self._changed("path")

    def entry(self) -> dict:
        """The ``project.meta["rasters"]`` record."""
        return {"path": self._path, "opacity": self._opacity, "visible": self._visible}

    @classmethod
    def from_entry(cls, entry: dict) -> "RasterLayer":
        return cls(entry["path"], opacity=float(entry.get("opacity", 1.0)), visible=bool(entry.get("visible", True)))

