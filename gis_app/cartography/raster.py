"""Raster backgrounds (orthophotos, scanned plans): GeoTIFF in any CRS, read for one view only.

:func:`read_raster` is what the Qt canvas and the print layout call: it picks the overview level
matching the output resolution, reads only the window covering the extent (bounded size, never the
whole image), reprojects it with ``rasterio.warp`` to the project CRS (VN-2000 <-> other datums
through EPSG:6960, as gis_app/core/crs.py requires) and returns RGBA with the layer opacity in alpha.
Project model: ``project.meta["rasters"] = [{"path", "opacity", "visible"}]``, drawn under vectors.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..core.crs import is_vn2000, operation_definition, to_crs, transformer
from ..core.errors import InputError
from ..core.i18n import t

READ_OVERSAMPLE = 2  # read at most twice the output resolution: enough for resampling


@dataclass
class RasterImage:
    rgba: np.ndarray  # (height, width, 4) uint8, alpha already scaled by opacity
    extent: tuple[float, float, float, float]  # xmin, ymin, xmax, ymax in the destination CRS
    read_shape: tuple[int, int]  # (rows, cols) actually read from the file
    overview_level: int  # -1: full resolution, else index into the file's overviews


def _open(path):
    import rasterio

    try:
        return rasterio.open(path)
    except Exception as exc:  # RasterioIOError: not a raster, truncated, missing
        raise InputError(t("không mở được ảnh nền ({e})", "cannot open the raster ({e})",
                           e=str(exc).splitlines()[0][:200]), path) from exc


def _warp_options(src_crs, dst_crs) -> dict:
    """Force the EPSG:6960 pipeline when crossing the VN-2000 datum, like the vector reprojection."""
    if src_crs == dst_crs or is_vn2000(src_crs) == is_vn2000(dst_crs):
        return {}
    return {"COORDINATE_OPERATION": operation_definition(src_crs, dst_crs)}


def raster_info(path) -> dict:
    """Size, CRS, bounds and overview factors of a raster (cheap: header only)."""
    with _open(path) as src:
        return {"width": src.width, "height": src.height, "count": src.count, "crs": src.crs,
                "bounds": tuple(src.bounds), "overviews": src.overviews(1)}


def read_raster(path, dst_crs, extent, out_size: tuple[int, int], opacity: float = 1.0) -> RasterImage | None:
    """RGBA of ``path`` covering ``extent`` (dst CRS) at ``out_size`` = (width, height) pixels.

    None when the raster does not overlap the extent.
    """
    import rasterio
    from rasterio.enums import Resampling
    from rasterio.transform import from_bounds
    from rasterio.warp import reproject, transform_bounds
    from rasterio.windows import from_bounds as window_from_bounds

    out_w, out_h = max(1, int(out_size[0])), max(1, int(out_size[1]))
    dst_crs = to_crs(dst_crs)
    with _open(path) as src:
        if src.crs is None:
            raise InputError(t("ảnh nền không có hệ tọa độ", "the raster has no coordinate system"), path)
        src_crs = to_crs(src.crs.to_wkt())
        options = _warp_options(src_crs, dst_crs)
        if options:
            tr = transformer(dst_crs, src_crs)
            xs = np.linspace(extent[0], extent[2], 21)
            ys = np.linspace(extent[1], extent[3], 21)
            gx, gy = np.meshgrid(xs, ys)
            sx, sy = tr.transform(gx.ravel(), gy.ravel())
            src_bounds = (np.min(sx), np.min(sy), np.max(sx), np.max(sy))
        else:
            src_bounds = transform_bounds(dst_crs, src_crs, *extent, densify_pts=21)
        left, bottom, right, top = src.bounds
        clipped = (max(src_bounds[0], left), max(src_bounds[1], bottom),
                   min(src_bounds[2], right), min(src_bounds[3], top))
        if clipped[0] >= clipped[2] or clipped[1] >= clipped[3]:
            return None
        # Coarsest overview still at least as fine as the output needs.
        need = min((src_bounds[2] - src_bounds[0]) / out_w, (src_bounds[3] - src_bounds[1]) / out_h)
        base = abs(src.transform.a)
        level = -1
        for i, factor in enumerate(src.overviews(1)):
            if base * factor <= need:
                level = i
        bands = [1, 2, 3] if src.count >= 3 else [1]
        has_alpha = src.count >= 4
        nodata = src.nodata
    with (rasterio.open(path, overview_level=level) if level >= 0 else rasterio.open(path)) as ds:
        window = window_from_bounds(*clipped, transform=ds.transform).round_offsets().round_lengths()
        window = window.intersection(rasterio.windows.Window(0, 0, ds.width, ds.height))
        rows = min(int(window.height), out_h * READ_OVERSAMPLE)
        cols = min(int(window.width), out_w * READ_OVERSAMPLE)
        rows, cols = max(rows, 1), max(cols, 1)
        data = ds.read(bands, window=window, out_shape=(len(bands), rows, cols), resampling=Resampling.average)
        alpha = ds.read(4, window=window, out_shape=(rows, cols)) if has_alpha else \
            ds.read_masks(1, window=window, out_shape=(rows, cols))
        w_transform = ds.window_transform(window) @ rasterio.Affine.scale(window.width / cols, window.height / rows)
    if data.dtype != np.uint8:
        data = _stretch(data, nodata)
    if data.shape[0] == 1:
        data = np.repeat(data, 3, axis=0)
    stack = np.concatenate([data, alpha[None].astype(np.uint8)], axis=0)
    dst_transform = from_bounds(*extent, out_w, out_h)
    out = np.zeros((4, out_h, out_w), dtype=np.uint8)
    reproject(stack, out, src_transform=w_transform, src_crs=src_crs.to_wkt(), dst_transform=dst_transform,
              dst_crs=dst_crs.to_wkt(), resampling=Resampling.bilinear, src_nodata=None, dst_nodata=0, **options)
    rgba = np.moveaxis(out, 0, -1).copy()
    rgba[..., 3] = (rgba[..., 3].astype(float) * max(0.0, min(1.0, opacity))).astype(np.uint8)
    return RasterImage(rgba, tuple(extent), (rows, cols), level)


def _stretch(data: np.ndarray, nodata) -> np.ndarray:
    """Scale non-byte data (e.g. 16-bit orthophotos) to 0..255 by its 2–98 percentiles."""
    values = data.astype(float)
    valid = values if nodata is None else values[values != nodata]
    lo, hi = (np.percentile(valid, [2, 98]) if valid.size else (0.0, 1.0))
    return np.clip((values - lo) / max(hi - lo, 1e-9) * 255, 0, 255).astype(np.uint8)


def add_raster_layer(project, path, opacity: float = 1.0, visible: bool = True) -> dict:
    """Check ``path`` is a georeferenced raster, then record it in ``project.meta["rasters"]`` (on top)."""
    info = raster_info(path)
    if info["crs"] is None:
        raise InputError(t("ảnh nền không có hệ tọa độ", "the raster has no coordinate system"), path)
    if not 0.0 <= float(opacity) <= 1.0:
        raise InputError(t("độ mờ phải từ 0 đến 1", "opacity must be between 0 and 1"), "opacity")
    entry = {"path": str(path), "opacity": float(opacity), "visible": bool(visible)}
    rasters = [r for r in project.meta.get("rasters", []) if r.get("path") != str(path)]
    project.meta["rasters"] = rasters + [entry]
    return entry


def resolve_raster_path(project, entry: dict) -> Path:
    """Relative raster paths are relative to the project file."""
    path = Path(entry["path"])
    if not path.is_absolute() and project.path is not None:
        path = Path(project.path).parent / path
    return path


def draw_rasters(c, tr, project, dpi: int = 200, max_pixels: int = 24_000_000) -> int:
    """Draw the project's visible rasters under the vectors, in the map frame; returns how many."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    drawn = 0
    fx0, fy0, fx1, fy1 = tr.frame
    w_in, h_in = (fx1 - fx0) / 72, (fy1 - fy0) / 72
    dpi = min(dpi, (max_pixels / (w_in * h_in)) ** 0.5)  # A0 at 200 dpi would be ~60 Mpx per raster
    size = (int(w_in * dpi), int(h_in * dpi))
    for entry in project.meta.get("rasters", []) or []:
        if not entry.get("visible", True):
            continue
        path = resolve_raster_path(project, entry)
        image = read_raster(path, project.crs, tr.extent, size, float(entry.get("opacity", 1.0)))
        if image is None:
            continue
        c.drawImage(ImageReader(Image.fromarray(image.rgba, "RGBA")), fx0, fy0, fx1 - fx0, fy1 - fy0, mask="auto")
        drawn += 1
    return drawn
