"""Open a layer geometry first: the map can draw a shapefile before its attributes are decoded.

``read_dataset_geometry_first`` reads the shapes alone (pyogrio's WKB, turned into a shapely array
in one vectorised ``from_wkb``), hands them to ``on_geometry`` (e.g. the map, for a first paint),
then runs the ordinary ``readers.read_dataset`` (DBF decoding, encodings, CRS resolution,
geometry check and its accounting) without reading the shapes a second time. The .dbf is
decoded (``readers.decode_attributes``) in a thread meanwhile, so the attributes are mostly
ready when the shapes have been drawn. The result is the
same ``Dataset`` as ``read_dataset`` gives; the early geometries are only a preview and are
replaced by the checked layer.

Only shapefiles are split this way (the cadastral exchange format, and the one whose attribute
table costs as much as its shapes); other formats are read whole before ``on_geometry``.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

import numpy as np

_prefetched: dict = {}  # (path, size, mtime) -> shapely array read for the first paint
_attribute_jobs: dict = {}  # (path, size, mtime) -> (encoding, thread, {"decoded": ...}) of the .dbf
_lock = threading.Lock()


def read_shapefile_geometry(path: str | Path, with_crs: bool = False):
    """The shapes of a shapefile as a shapely array, in file order (None for null shapes); with
    ``with_crs``, (shapes, the CRS GDAL reads from the .prj as "EPSG:n"/WKT, or None).

    Raises whatever pyogrio raises for an unreadable file (callers turn it into InputError)."""
    import pyogrio
    import shapely

    # attributes are read by dbf.py: GDAL must not decode (and fail on) the field names
    meta, _fids, wkb, _fields = pyogrio.raw.read(path, columns=[], read_geometry=True, encoding="latin1")
    shapes = shapely.from_wkb(wkb)
    return (shapes, meta.get("crs")) if with_crs else shapes


def take_prefetched(path: str | Path) -> np.ndarray | None:
    """The shapes already read for ``path`` by ``read_dataset_geometry_first`` (once), else None."""
    with _lock:
        return _prefetched.pop(_key(Path(path)), None)


def take_prefetched_attributes(path: str | Path, encoding: str):
    """(table, detection, account, attributes) decoded for ``path`` with ``encoding`` by
    ``read_dataset_geometry_first`` while the shapes were read, waiting for it to finish; None
    when there is none or it failed (the caller then decodes, and reports the problem)."""
    with _lock:
        job = _attribute_jobs.pop(_key(Path(path)), None)
    if job is None or job[0] != encoding:
        return None
    job[1].join()
    return job[2].get("decoded")


def _start_attributes(path: Path, encoding: str, key) -> None:
    """Decode the .dbf in a thread while the shapes are read and drawn: reading the shapes
    (GDAL) and most of the decoding (numpy) run outside the GIL, so the two overlap."""
    from .readers import decode_attributes

    holder: dict = {}

    def work():
        try:
            holder["decoded"] = decode_attributes(path, encoding)
        except Exception:  # noqa: BLE001 - the reader decodes again and reports the problem itself
            holder.clear()

    thread = threading.Thread(target=work, name=f"dbf-{path.name}", daemon=True)
    with _lock:
        _attribute_jobs[key] = (encoding, thread, holder)
    thread.start()


def read_dataset_geometry_first(path: str | Path, layer: str | None = None, crs=None, encoding: str = "auto",
                                repair: bool = False, on_geometry: Callable | None = None, **options):
    """``readers.read_dataset`` with the shapes handed to ``on_geometry(GeoSeries)`` first.

    ``on_geometry`` gets every shape of the file (unchecked, in the file's CRS, or the one the
    planner chose) as soon as they are read; it is not called when the CRS is not known yet (the
    full read then asks for it, as usual) or the shapes cannot be read (the full read names the
    problem). Returns the ``Dataset``; raises what ``read_dataset`` raises."""
    from .readers import format_of, read_dataset

    path = Path(path)
    key = None
    if on_geometry is not None and format_of(path) == "shp" and path.exists():
        _start_attributes(path, encoding, _key(path))
        shapes, known_crs = _early_shapes(path, crs)
        if shapes is not None:
            key = _key(path)
            with _lock:
                _prefetched[key] = shapes
            if known_crs is not None:
                import geopandas as gpd

                on_geometry(gpd.GeoSeries(shapes, crs=known_crs))
    try:
        dataset = read_dataset(path, layer, crs, encoding, repair=repair, **options)
    finally:
        with _lock:
            _attribute_jobs.pop(_key(path), None)  # not taken (the read failed early): forget it
            if key is not None:
                _prefetched.pop(key, None)
    if on_geometry is not None and key is None:
        on_geometry(dataset.frame.geometry)
    return dataset


def _early_shapes(path: Path, crs):
    """(shapes or None, CRS or None) read before the attributes; never raises. The CRS is the
    planner's choice, else the one GDAL reads from the .prj (the full read then recognises the
    .prj itself, VN-2000 variants included, and its CRS is the one the layer gets)."""
    from .readers import _user_crs

    try:
        shapes, file_crs = read_shapefile_geometry(path, with_crs=True)
    except Exception:  # the full read reports the problem with its own, clearer message
        return None, None
    try:
        return shapes, _user_crs(crs) or file_crs
    except Exception:
        return shapes, None


def _key(path: Path):
    try:
        stat = path.stat()
    except OSError:
        return (str(path), None, None)
    return (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
