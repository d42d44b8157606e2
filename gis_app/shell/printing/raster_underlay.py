"""Background rasters on the canvas: read per view in a worker thread, cached, drawn under the vectors.

The canvas calls the underlay for every render. It answers at once with what it has (the last image
read for each raster, drawn at the extent it was read for, so a pan or zoom shows it moved and scaled
until the new read lands) and asks the worker for the current view. Reads use
``gis_app.cartography.raster.read_raster`` (window + overview, never the whole file) at full opacity;
opacity is applied here so the slider never re-reads the file.
"""
from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
from PySide6.QtCore import QObject, Signal

from gis_app.core.errors import InputError

log = logging.getLogger(__name__)


class _Cached:
    __slots__ = ("key", "rgba", "extent")

    def __init__(self, key, rgba, extent):
        self.key, self.rgba, self.extent = key, rgba, extent


def with_opacity(rgba: np.ndarray, opacity: float) -> np.ndarray:
    if opacity >= 1.0:
        return rgba
    out = rgba.copy()
    out[..., 3] = (rgba[..., 3].astype(np.float32) * opacity).astype(np.uint8)
    return out


class RasterUnderlay(QObject):
    """Callable ``view -> [(rgba, extent)]`` for ``MapCanvas.underlays``."""

    read_done = Signal(object, object)  # view key, {path: (rgba or None, extent) or error text}
    failed = Signal(str, str)  # path, message: a raster that could not be read

    def __init__(self, rasters, project_getter, on_ready, parent=None):
        super().__init__(parent)
        self.rasters = rasters  # LayerList of RasterLayer, bottom first
        self.project = project_getter
        self.on_ready = on_ready  # called (UI thread) when new images arrived: re-render the canvas
        self._cache: dict[str, _Cached] = {}
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="raster-read")
        self._latest = None
        self._future: Future | None = None
        self.reads = 0  # completed file reads (tests and the benchmark look at it)
        self.read_done.connect(self._store)

    # -- called by the renderer (UI thread) -------------------------------------------------------
    @property
    def active(self) -> bool:
        """True when a raster may be drawn (one visible and readable): else the canvas leaves this
        underlay out, and the renderer keeps its pan and edit shortcuts."""
        return any(layer.visible and not layer.error for layer in self.rasters)

    def __call__(self, view):
        key = (tuple(round(float(v), 6) for v in view.extent), int(view.width), int(view.height))
        images, missing = [], []
        for layer in self.rasters:
            if not layer.visible or layer.error:
                continue
            cached = self._cache.get(layer.path)
            if cached is None or cached.key != key:
                missing.append(layer.path)
            if cached is not None and cached.rgba is not None:
                images.append((with_opacity(cached.rgba, layer.opacity), cached.extent))
        if missing:
            self._request(key, tuple(view.extent), (int(view.width), int(view.height)), missing)
        return images

    def _request(self, key, extent, size, paths) -> None:
        if self._latest is not None and self._latest[0] == key and set(paths) <= set(self._latest[1]):
            return  # already asked for this view
        self._latest = (key, tuple(paths))
        project = self.project()
        crs, resolve = project.crs, _resolver(project)
        self._future = self._executor.submit(self._read, key, extent, size, [(p, resolve(p)) for p in paths], crs)

    # -- worker thread ----------------------------------------------------------------------------
    def _read(self, key, extent, size, paths, crs) -> None:
        from gis_app.cartography.raster import read_raster

        results = {}
        for name, path in paths:
            if self._latest is None or self._latest[0] != key:
                return  # the view moved on: skip the stale read
            try:
                image = read_raster(path, crs, extent, size, 1.0)
                results[name] = (None, extent) if image is None else (image.rgba, image.extent)
            except InputError as exc:
                results[name] = str(exc)
            except Exception as exc:  # a bug or a GDAL surprise must not kill the canvas
                log.exception("reading raster %s failed", path)
                results[name] = f"{type(exc).__name__}: {exc}"
        self.read_done.emit(key, results)

    # -- back in the UI thread --------------------------------------------------------------------
    def _store(self, key, results) -> None:
        if self._latest is not None and self._latest[0] == key:
            self._latest = None
        for name, value in results.items():
            self.reads += 1
            if isinstance(value, str):
                self._cache.pop(name, None)
                self.failed.emit(name, value)
            else:
                self._cache[name] = _Cached(key, value[0], value[1])
        self.on_ready()

    def forget(self, path=None) -> None:
        """Drop cached images (of one raster, or all)."""
        if path is None:
            self._cache.clear()
        else:
            self._cache.pop(path, None)
        self._latest = None

    def idle(self) -> bool:
        """True when no read is running and the last one's result has been stored (not only finished)."""
        return self._future is None or (self._future.done() and self._latest is None)

    def wait(self, timeout: float = 30.0) -> bool:
        """Block until the pending read has landed (screenshots, tests); True when nothing is pending."""
        from PySide6.QtCore import QCoreApplication

        future = self._future
        if future is not None:
            try:
                future.result(timeout)
            except Exception:  # reported through read_done / failed already
                pass
        QCoreApplication.processEvents()  # deliver the queued read_done to _store
        return self.idle()

    def shutdown(self) -> None:
        self._latest = None
        self._executor.shutdown(wait=True, cancel_futures=True)


def _resolver(project):
    from gis_app.cartography.raster import resolve_raster_path

    return lambda path: resolve_raster_path(project, {"path": path})
