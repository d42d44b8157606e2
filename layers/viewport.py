"""What part of the map the canvas shows: centre, map units per pixel and pixel size (Qt-free)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

METRES_PER_INCH = 0.0254


@dataclass
class Viewport:
    cx: float = 0.0
    cy: float = 0.0
    mpp: float = 1.0  # map units (metres) per screen pixel
    width: int = 800
    height: int = 600

    @property
    def extent(self) -> tuple[float, float, float, float]:
        hw, hh = self.width * self.mpp / 2, self.height * self.mpp / 2
        return (self.cx - hw, self.cy - hh, self.cx + hw, self.cy + hh)

    def fit(self, extent, margin: float = 0.05) -> None:
        """Centre on ``extent`` (xmin, ymin, xmax, ymax) and zoom so it fits with a margin."""
        xmin, ymin, xmax, ymax = extent
        self.cx, self.cy = (xmin + xmax) / 2, (ymin + ymax) / 2
        w, h = max(xmax - xmin, 1e-6), max(ymax - ymin, 1e-6)
        self.mpp = max(w / max(self.width, 1), h / max(self.height, 1)) * (1 + 2 * margin)
        if self.mpp <= 0:
            self.mpp = 1.0

    def to_screen(self, xy: np.ndarray) -> np.ndarray:
        """Map coordinates (n, 2) → pixel coordinates (n, 2), y down."""
        xmin, _, _, ymax = self.extent
        out = np.empty_like(xy, dtype=float)
        out[:, 0] = (xy[:, 0] - xmin) / self.mpp
        out[:, 1] = (ymax - xy[:, 1]) / self.mpp
        return out

    def to_map(self, px: float, py: float) -> tuple[float, float]:
        xmin, _, _, ymax = self.extent
        return xmin + px * self.mpp, ymax - py * self.mpp

    def pan_pixels(self, dx: float, dy: float) -> None:
        """Move the map content by (dx, dy) pixels, as a drag does."""
        self.cx -= dx * self.mpp
        self.cy += dy * self.mpp

    def zoom(self, factor: float, px: float | None = None, py: float | None = None) -> None:
        """Zoom in by ``factor`` (>1 = closer) keeping the map point under pixel (px, py) fixed."""
        px = self.width / 2 if px is None else px
        py = self.height / 2 if py is None else py
        anchor = self.to_map(px, py)
        self.mpp /= factor
        new = self.to_map(px, py)
        self.cx += anchor[0] - new[0]
        self.cy += anchor[1] - new[1]

    def scale_denominator(self, dots_per_inch: float) -> float:
        """N of the scale 1:N on a screen of the given physical resolution."""
        return self.mpp * dots_per_inch / METRES_PER_INCH
