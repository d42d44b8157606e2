"""Read SHP, GPKG, GeoJSON, KML, DXF and CSV-with-WKT into a GeoDataFrame with a confirmed CRS.

``open_dataset`` returns everything the import dialog shows before the planner confirms: raw
attributes decoded with the detected (or chosen) encoding, the CRS and how it was found, or the
CRS candidates when it must be confirmed. ``read_dataset`` then checks geometries. Bad input
raises InputError naming the file and the problem.
"""
from __future__ import annotations

import json
import re
import sqlite3
import struct
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from ..core.crs import to_crs
from ..core.errors import InputError
from ..core.i18n import t
from . import dbf as dbf_io
from .encodings import ENCODINGS, normalise_name
from .accounting import ImportAccount
from .encodings.detect import Detection, resolve_encoding
from .geometry_check import GeometryReport, check_geometries
from ..core.drawable import check_coordinates, impossible_for_crs
from .dataset import EncodingRequired, RawDataset, encoding_required  # noqa: F401 (re-exported)
from .prj import recognise_prj
from .vn2000 import Candidate, crs_candidates, format_candidates

FORMATS = {".shp": "shp", ".gpkg": "gpkg", ".geojson": "geojson", ".json": "geojson", ".kml": "kml",
           ".dxf": "dxf", ".csv": "csv", ".zip": "zip"}  # .zip: read only (a zipped shapefile, ...)
KML_DISPLAY_COLUMNS = ("timestamp", "begin", "end", "altitudeMode", "tessellate", "extrude", "visibility",
                       "drawOrder", "icon")


class CrsRequired(InputError):
    """The file has no usable CRS: the planner must choose one (CLI: --crs)."""

    def __init__(self, problem: str, path, candidates: list[Candidate]):
        super().__init__(problem, path)
        self.candidates = candidates


@dataclass
class Dataset(RawDataset):
    report: GeometryReport = field(default_factory=GeometryReport)


def format_of(path: str | Path) -> str:
    """The reader format of ``path`` from its suffix; InputError naming a known unsupported format
    (File Geodatabase, DWG) with what to export instead, or listing the supported suffixes."""
    suffix = Path(path).suffix.lower()
    fmt = FORMATS.get(suffix)
    if fmt is None and suffix == ".gdb":
        raise InputError(t("File Geodatabase (.gdb) không hỗ trợ: xuất lớp ra GeoPackage hoặc shapefile",
                           "a File Geodatabase (.gdb) is not supported: export the layer to GeoPackage or "
                           "shapefile"), path)
    if fmt is None and suffix == ".dwg":
        raise InputError(t("bản vẽ DWG không hỗ trợ: lưu thành DXF (Save As → DXF) rồi nhập",
                           "DWG drawings are not supported: save the drawing as DXF (Save As → DXF), then import "
                           "it"), path)
    if fmt is None:
        raise InputError(t("định dạng không hỗ trợ '{ext}' (dùng: {all})", "unsupported format '{ext}' (use: {all})",
                           ext=Path(path).suffix, all=", ".join(sorted(FORMATS))), path)
    return fmt


def open_dataset(path: str | Path, layer: str | None = None, crs=None, encoding: str = "auto") -> RawDataset:
    path = Path(path)
    fmt = format_of(path)
    if not path.exists():
        raise InputError(t("không tìm thấy tệp", "file not found"), path)
    if encoding != "auto":
        try:
            encoding = normalise_name(encoding)
        except ValueError:
            raise InputError(t("bảng mã không hỗ trợ: {v} (dùng: auto, {e} hoặc một bảng mã Python như cp1250)",
                               "unsupported encoding: {v} (use: auto, {e} or a Python codec such as cp1250)",
                               v=encoding, e=", ".join(ENCODINGS)), "--encoding") from None
    user_crs = _user_crs(crs)
    if fmt == "zip":
        return _open_zip(path, layer, crs, encoding)
    raw, declared = load_without_crs(path, fmt, layer, encoding)
    return _resolve_crs(raw, declared, user_crs)


def load_without_crs(path: Path, fmt: str, layer: str | None, encoding: str):
    """(RawDataset without CRS, PrjResult or None): what the file says, before any CRS decision."""
    if fmt == "shp":
        raw, declared = _read_shapefile(path, encoding)
    elif fmt == "dxf":
        from .dxf import read_dxf

        raw, declared = read_dxf(path, encoding), None
    elif fmt == "csv":
        from .csv_wkt import read_csv_wkt

        raw, declared = read_csv_wkt(path, encoding), None
    else:
        raw, declared = _read_ogr(path, fmt, layer)
    if len(raw.frame) == 0:
        raise InputError(t("tệp không có đối tượng nào", "the file has no features"), path)
    return raw, declared


def _resolve_crs(raw: RawDataset, declared, user_crs) -> RawDataset:
    frame, path = raw.frame, raw.path
    if user_crs is not None:
        raw.crs_reason = t("hệ tọa độ do người dùng chọn (--crs)", "coordinate system chosen by the user (--crs)")
        if declared is not None and declared.epsg not in (None, user_crs.to_epsg()):
            raw.notes.append(t("--crs thay cho hệ tọa độ của tệp ({r})", "--crs overrides the file's CRS ({r})",
                               r=declared.reason))
        raw.frame = frame.set_crs(user_crs, allow_override=True)
        check_coordinates(raw.frame, path)
        _check_position(raw)
        return raw
    if declared is not None and declared.epsg is not None and impossible_for_crs(frame.total_bounds, declared.epsg):
        # e.g. a GeoJSON in metres with no "crs" member: never take it as WGS 84
        candidates = crs_candidates(frame.total_bounds)
        raise CrsRequired(t("tọa độ ngoài ±180/±90 nên không phải kinh/vĩ độ ({why}): có lẽ là mét; hãy chọn hệ tọa "
                            "độ (--crs). Gợi ý: {c}", "coordinates beyond ±180/±90 are not longitude/latitude ({why}): "
                            "probably metres; choose the coordinate system (--crs). Candidates: {c}",
                            why=declared.reason, c=format_candidates(candidates)), path, candidates)
    if declared is not None and declared.epsg is not None:
        raw.crs_reason = declared.reason
        raw.frame = frame.set_crs(to_crs(declared.epsg), allow_override=True)
        _check_position(raw)
        return raw
    candidates = crs_candidates(frame.total_bounds)
    if declared is not None and declared.guess is not None:
        candidates = sorted(candidates, key=lambda c: c.epsg != declared.guess)
    why = declared.reason if declared is not None else t("tệp không có thông tin hệ tọa độ",
                                                         "the file has no coordinate system")
    raise CrsRequired(t("{why}; hãy chọn hệ tọa độ (--crs). Gợi ý: {c}", "{why}; choose the coordinate system "
                        "(--crs). Candidates: {c}", why=why, c=format_candidates(candidates)), path, candidates)


def _open_zip(path: Path, layer: str | None, crs, encoding: str) -> RawDataset:
    """Open the dataset inside a zip (e.g. a shapefile sent by e-mail); ``layer`` picks one by name."""
    import tempfile
    import zipfile

    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(t("không mở được tệp zip ({err})", "cannot open the zip file ({err})", err=exc), path) from exc
    with archive, tempfile.TemporaryDirectory(prefix="kcn-zip-") as tmp:
        members = [m for m in archive.namelist() if not m.endswith("/") and ".." not in Path(m).parts
                   and not Path(m).is_absolute()]
        datasets = [m for m in members if Path(m).suffix.lower() in FORMATS and Path(m).suffix.lower() != ".zip"
                    and not m.lower().endswith(dbf_io.SIDECAR_SUFFIX)]
        if layer is not None:
            datasets = [m for m in datasets if Path(m).stem == layer or m == layer]
        gdb = sorted({part for m in members for part in Path(m).parts if part.lower().endswith(".gdb")})
        if not datasets and gdb:
            raise InputError(t("tệp zip chứa File Geodatabase ({g}) không hỗ trợ: xuất lớp ra GeoPackage hoặc shapefile",
                               "the zip holds a File Geodatabase ({g}), which is not supported: export the layer to "
                               "GeoPackage or shapefile", g=", ".join(gdb)), path)
        if not datasets:
            raise InputError(t("tệp zip không chứa bộ dữ liệu nào đọc được ({exts}); có: {names}",
                               "the zip holds no dataset that can be read ({exts}); it has: {names}",
                               exts=", ".join(sorted(FORMATS)), names=", ".join(members[:10]) or "-"), path)
        if len(datasets) != 1:
            raise InputError(t("tệp zip chứa {n} bộ dữ liệu phù hợp: chọn một bằng --layer ({names})",
                               "the zip holds {n} matching datasets: pick one with --layer ({names})",
                               n=len(datasets), names=", ".join(datasets) or "-"), path)
        archive.extractall(tmp, members=members)
        inner = Path(tmp) / datasets[0]
        try:
            raw = open_dataset(inner, None, crs, encoding)
        except InputError as exc:
            problem = exc.problem.replace(str(inner.parent), str(path))
            if isinstance(exc, CrsRequired):
                raise CrsRequired(problem, f"{path}!{datasets[0]}", exc.candidates) from None
            raise InputError(problem, f"{path}!{datasets[0]}") from None
    raw.path = path
    return raw


def _check_position(raw: RawDataset) -> None:
    """Warn (in the notes) when the CRS puts the data outside Vietnam: probably the wrong CRS."""
    import math

    from ..core.crs import transformer
    from .vn2000 import VN_LAT, VN_LON

    xmin, ymin, xmax, ymax = raw.frame.total_bounds
    if not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax)):
        return
    try:
        lon, lat = transformer(raw.frame.crs, 4326).transform((xmin + xmax) / 2, (ymin + ymax) / 2)
    except Exception:  # a CRS PROJ cannot transform: nothing to check against
        return
    if not (VN_LON[0] <= lon <= VN_LON[1] and VN_LAT[0] <= lat <= VN_LAT[1]):
        raw.notes.append(t("cảnh báo: với hệ tọa độ này dữ liệu nằm ngoài Việt Nam ({lon:.3f}, {lat:.3f}); kiểm tra "
                           "lại hệ tọa độ", "warning: with this CRS the data lies outside Vietnam ({lon:.3f}, "
                           "{lat:.3f}); check the coordinate system", lon=lon, lat=lat))


def read_dataset(path: str | Path, layer: str | None = None, crs=None, encoding: str = "auto",
                 repair: bool = False, polygons_only: bool = True, id_column: str | None = None) -> Dataset:
    raw = open_dataset(path, layer, crs, encoding)
    id_column = id_column or guess_id_column(raw.frame)
    frame, report = check_geometries(raw.frame, id_column, repair=repair, polygons_only=polygons_only,
                                     type_reasons=raw.type_reasons)
    if report.imported == 0:
        raise InputError(t("không có đối tượng nào nhập được ({s}): {d}", "no feature can be imported ({s}): {d}",
                           s=report.summary(), d="; ".join(report.details(5))), path)
    return Dataset(raw.path, raw.layer, frame, raw.crs_reason, raw.encoding, raw.notes, raw.type_reasons,
                   raw.account, report)


def sniff_encoding(path: str | Path) -> Detection | None:
    """The encoding a shapefile's .dbf would be read with (with preview), for the import dialog."""
    path = Path(path)
    dbf_path = _sidecar(path, ".dbf")
    if dbf_path is None:
        return None
    table = dbf_io.read_dbf(dbf_path)
    declared, declared_by = _declared_encoding(path, table)
    return resolve_encoding(table.text_samples(), declared, declared_by)


def _declared_encoding(path: Path, table) -> tuple[str | None, str]:
    """(normalised encoding, where declared): our sidecar, then the .cpg, then the language driver."""
    sidecar = dbf_io.read_sidecar(path).get("encoding")
    cpg = _encoding_hint(path)
    for value, source in ((sidecar, dbf_io.sidecar_path(path).name), (cpg, path.with_suffix(".cpg").name)):
        if value:
            try:
                return normalise_name(value), source
            except ValueError:
                continue
    ldid = dbf_io.ldid_encoding(table.ldid)
    if ldid:
        return ldid, t("byte ngôn ngữ của .dbf (0x{b:02X})", "the .dbf language driver (0x{b:02X})", b=table.ldid)
    return None, ""


# -- shapefile ------------------------------------------------------------------------------
def _read_shapefile(path: Path, encoding: str):
    import pyogrio

    shx, dbf_path, prj = _sidecar(path, ".shx"), _sidecar(path, ".dbf"), _sidecar(path, ".prj")
    for needed, ext, what_vi, what_en in ((shx, ".shx", "chỉ mục hình", "shape index"),
                                          (dbf_path, ".dbf", "bảng thuộc tính", "attribute table")):
        if needed is None:
            raise InputError(t("thiếu tệp {ext} ({what}) đi kèm", "the {ext} file ({what}) is missing",
                               ext=ext, what=t(what_vi, what_en)), path)
    shape_type = _check_shp_header(path)
    _check_shp_header(shx)
    if shape_type == 31:
        raise InputError(t("shapefile MultiPatch (bề mặt 3D) không hỗ trợ: xuất thành vùng (polygon), ví dụ ArcGIS "
                           "'Multipatch Footprint'", "MultiPatch shapefiles (3D surfaces) are not supported: export "
                           "them as polygons (e.g. ArcGIS 'Multipatch Footprint')"), path)
    if path.stat().st_size <= 100:
        raise InputError(t("lớp rỗng: shapefile không có đối tượng nào", "empty layer: the shapefile has no features"),
                         path)
    from .geometry_first import read_shapefile_geometry, take_prefetched, take_prefetched_attributes

    decoded = take_prefetched_attributes(path, encoding)  # decoded beside the shapes (geometry_first)
    table = decoded[0] if decoded else dbf_io.read_dbf(dbf_path)  # first: its messages are clearer than GDAL's
    shapes = take_prefetched(path)  # already read for a first paint (geometry_first)
    try:
        shapes = read_shapefile_geometry(path) if shapes is None else shapes
        geometry = gpd.GeoDataFrame(geometry=gpd.GeoSeries(shapes))
    except Exception as exc:
        raise InputError(t("không đọc được hình học ({err})", "cannot read the geometries ({err})",
                           err=_short(exc)), path) from exc
    sidecar = dbf_io.read_sidecar(path)
    _, detection, account, attributes = decoded or decode_attributes(path, encoding, table)
    if len(attributes) != len(geometry):
        if table.deleted.any() and int((~table.deleted).sum()) == len(geometry):
            attributes = attributes[~table.deleted]
        else:
            raise InputError(t("số bản ghi .dbf ({a}) khác số hình .shp ({g})",
                               "the .dbf has {a} records but the .shp has {g} shapes",
                               a=len(attributes), g=len(geometry)), path)
    renames = {f["short"]: f["name"] for f in sidecar.get("fields", []) if f.get("short") in attributes.columns}
    for short, long in renames.items():
        account.rename(short, long, t("tên dài từ {f}", "long name from {f}", f=dbf_io.sidecar_path(path).name))
    attributes = attributes.rename(columns=renames)
    _label_value_rows(account, attributes)
    attributes = attributes.reset_index(drop=True)
    frame = gpd.GeoDataFrame(attributes, geometry=geometry.geometry.values, crs=None)
    declared_crs = None
    if prj is not None:
        try:
            declared_crs = recognise_prj(prj.read_text(encoding="latin-1"))
        except OSError as exc:
            raise InputError(t("không đọc được .prj ({err})", "cannot read the .prj ({err})", err=exc), prj) from exc
    raw = RawDataset(path, path.stem, frame, encoding=detection, account=account)
    if detection.warning:
        raw.notes.append(detection.warning)
    if renames:
        raw.notes.append(t("khôi phục tên trường dài từ {f}", "restored long field names from {f}",
                           f=dbf_io.sidecar_path(path).name))
    _value_notes(raw)
    return raw, declared_crs


def decode_attributes(path: Path, encoding: str, table=None):
    """(DBF table, encoding detection, import account, attributes DataFrame) of the shapefile
    ``path``'s .dbf, decoded with ``encoding`` ("auto": declared or detected). Raises
    InputError for a missing or unreadable .dbf and EncodingRequired when the encoding is
    not clear (as ``read_dataset``)."""
    dbf_path = _sidecar(path, ".dbf")
    if dbf_path is None:
        raise InputError(t("thiếu tệp .dbf (bảng thuộc tính) đi kèm", "the .dbf file (attribute table) is missing"),
                         path)
    table = dbf_io.read_dbf(dbf_path) if table is None else table
    declared, declared_by = _declared_encoding(path, table)
    detection = resolve_encoding(table.text_samples(), declared, declared_by,
                                 user=None if encoding == "auto" else encoding)
    if not detection.clean:
        raise encoding_required(detection, dbf_path)
    account = ImportAccount()
    return table, detection, account, dbf_io.decode_table(table, detection.encoding, account)


def _label_value_rows(account: ImportAccount, attributes: pd.DataFrame) -> None:
    """Name problem rows by the feature id (e.g. L07) instead of the record number."""
    id_column = _id_column(attributes.columns)
    ids = attributes[id_column] if id_column is not None else None
    positions = {label: n for n, label in enumerate(attributes.index)}
    for problem in account.values:
        row = int(problem.row)
        n = positions.get(row)
        if n is None:
            problem.row = f"#{row + 1}"
        elif ids is not None and pd.notna(ids.iloc[n]):
            problem.row = str(ids.iloc[n])
        else:
            problem.row = f"#{n + 1}"


def _value_notes(raw: RawDataset) -> None:
    """One note per kind of value problem, naming the rows (details in the report)."""
    by_field: dict = {}
    for problem in raw.account.values:
        by_field.setdefault((problem.field, problem.reason), []).append(problem.row)
    for (field_name, reason), rows in by_field.items():
        raw.notes.append(t("{f}: {why} ở {n} dòng: {rows}", "{f}: {why} in {n} rows: {rows}", f=field_name, why=reason,
                           n=len(rows), rows=", ".join(rows[:20]) + (" …" if len(rows) > 20 else "")))
    for fate in raw.account.fields:
        if fate.status == "renamed" and fate.source != fate.target:
            raw.notes.append(t("trường {s} giữ dưới tên {d} ({why})", "field {s} kept as {d} ({why})",
                               s=fate.source, d=fate.target, why=fate.reason))
        elif fate.status == "renamed":
            raw.notes.append(t("trường {s}: {why}", "field {s}: {why}", s=fate.source, why=fate.reason))


def _check_shp_header(path: Path) -> int:
    size = path.stat().st_size
    with open(path, "rb") as f:
        head = f.read(100)
    if len(head) < 100 or struct.unpack(">i", head[:4])[0] != 9994:
        raise InputError(t("không phải tệp shapefile hợp lệ (tiêu đề hỏng)", "not a valid shapefile (bad header)"),
                         path)
    declared = struct.unpack(">i", head[24:28])[0] * 2
    if size < declared:
        raise InputError(t("tệp bị cắt: tiêu đề ghi {d} byte, tệp chỉ có {s}",
                           "the file is truncated: its header says {d} bytes, it has {s}", d=declared, s=size), path)
    return struct.unpack("<i", head[32:36])[0]


def _sidecar(path: Path, ext: str) -> Path | None:
    for candidate in (path.with_suffix(ext), path.with_suffix(ext.upper())):
        if candidate.exists():
            return candidate
    for candidate in path.parent.glob(path.stem + ".*"):
        if candidate.suffix.lower() == ext:
            return candidate
    return None


def _encoding_hint(path: Path) -> str | None:
    cpg = _sidecar(path, ".cpg")
    if cpg is None:
        return None
    try:
        return cpg.read_text(encoding="latin-1").strip() or None
    except OSError:
        return None


# -- GDAL-read formats ----------------------------------------------------------------------
def _read_ogr(path: Path, fmt: str, layer: str | None):
    import pyogrio

    try:
        layers = [(name, gtype) for name, gtype in pyogrio.list_layers(path)]
    except Exception as exc:
        raise InputError(t("không đọc được tệp ({err})", "cannot read the file ({err})", err=_short(exc)), path) from exc
    feature_layers = [name for name, gtype in layers if gtype is not None]
    if layer is None:
        if len(feature_layers) != 1:
            raise InputError(t("tệp có {n} lớp: chọn một bằng --layer ({names})", "the file has {n} layers: pick one "
                               "with --layer ({names})", n=len(feature_layers), names=", ".join(feature_layers)), path)
        layer = feature_layers[0]
    elif layer not in feature_layers:
        raise InputError(t("không có lớp '{l}' (có: {names})", "no layer '{l}' (present: {names})", l=layer,
                           names=", ".join(feature_layers)), path)
    surfaces = {}
    try:
        frame = pyogrio.read_dataframe(path, layer=layer, fid_as_index=fmt == "gpkg")
    except Exception as exc:
        if "Unknown WKB type" not in str(exc):
            raise InputError(t("không đọc được lớp {l} ({err})", "cannot read layer {l} ({err})", l=layer,
                               err=_short(exc)), path) from exc
        frame, surfaces = _read_with_surfaces(path, layer, fmt)  # TIN/polyhedral rows: GEOS has no such type
    nul_values = restore_nul_text(frame, path, fmt, layer)
    if fmt == "gpkg":
        frame = frame.reset_index(drop=True)
    if fmt == "kml":  # LIBKML's display columns are not attributes of the data
        drop = [c for c in KML_DISPLAY_COLUMNS if c in frame.columns]
        drop += [c for c in ("id", "Name", "description") if c in frame.columns and frame[c].isna().all()]
        frame = frame.drop(columns=drop)
    for column in frame.columns:
        if column != frame.geometry.name and (frame[column].dtype == object
                                              or pd.api.types.is_string_dtype(frame[column])):
            frame[column] = frame[column].map(lambda v: unicodedata.normalize("NFC", v) if isinstance(v, str) else v)
    declared = None
    if fmt in ("geojson", "kml"):  # GDAL reports WGS 84 for a GeoJSON with or without a "crs" member
        from .prj import PrjResult

        stated = frame.crs is not None and _geojson_states_crs(path) if fmt == "geojson" else False
        declared = recognise_prj(frame.crs.to_wkt()) if stated else \
            PrjResult(4326, t("GeoJSON/KML mặc định WGS 84", "GeoJSON/KML default to WGS 84"))
    elif frame.crs is not None:
        declared = recognise_prj(frame.crs.to_wkt())
    elif fmt in ("geojson", "kml"):
        from .prj import PrjResult

        declared = PrjResult(4326, t("GeoJSON/KML mặc định WGS 84", "GeoJSON/KML default to WGS 84"))
    raw = RawDataset(path, layer, frame.set_crs(None, allow_override=True) if frame.crs is not None else frame,
                     encoding=Detection("utf-8", 1.0, reason="UTF-8"))
    raw.type_reasons.update(surfaces)
    if nul_values:
        raw.notes.append(t("{n} giá trị chứa ký tự NUL (U+0000): giữ nguyên khi đọc; định dạng ghi không chứa được "
                           "sẽ thay bằng “\ufffd”", "{n} values hold a NUL character (U+0000): kept as read; output "
                           "formats that cannot store it get “\ufffd”", n=nul_values))
    return raw, declared


SURFACE_WKB = {15: "POLYHEDRALSURFACE", 16: "TIN", 17: "TRIANGLE"}  # ISO 19125 / SQL-MM type codes (mod 1000)


def _read_with_surfaces(path: Path, layer: str, fmt: str):
    """The layer read as WKB when GEOS cannot parse some rows (TIN, polyhedral surfaces: 3D): those
    rows get no geometry and a reason {row position: text}; the others are read as usual."""
    import numpy as np
    import pyogrio
    import shapely

    try:
        meta, fids, wkb, fields = pyogrio.raw.read(path, layer=layer, return_fids=fmt == "gpkg")
    except Exception as exc:
        raise InputError(t("không đọc được lớp {l} ({err})", "cannot read layer {l} ({err})", l=layer,
                           err=_short(exc)), path) from exc
    kinds = [struct.unpack("<I" if b[0] == 1 else ">I", b[1:5])[0] % 1000 if b is not None and len(b) >= 5 else 0
             for b in wkb]
    reasons = {i: t("bề mặt 3D ({k}) không hỗ trợ: xuất thành vùng (polygon)", "3D surface ({k}) not supported: "
                    "export it as polygons", k=SURFACE_WKB[k]) for i, k in enumerate(kinds) if k in SURFACE_WKB}
    geoms = shapely.from_wkb(np.array([None if i in reasons else b for i, b in enumerate(wkb)], dtype=object),
                             on_invalid="ignore")
    data = {name: values for name, values in zip(meta["fields"], fields)}
    frame = gpd.GeoDataFrame(data, geometry=geoms, crs=meta["crs"],
                             index=pd.Index(fids) if fids is not None else None)
    return frame, reasons


def restore_nul_text(frame, path: Path, fmt: str, layer: str) -> int:
    """Put back, in place, the text values GDAL cut at a NUL character (it ends C strings there), read
    again with Python's own JSON/SQLite readers; the number of values restored. GeoJSON rows follow
    the file's feature order; GeoPackage rows are matched by fid (``frame`` indexed by fid)."""
    try:
        if fmt == "geojson":
            with open(path, "rb") as f:
                data = f.read()
            if not re.search(rb"\\u0000", data, re.I):
                return 0
            features = json.loads(data.decode("utf-8-sig")).get("features") or []
            if len(features) != len(frame):
                return 0
            hits = [(i, key, value) for i, feature in enumerate(features)
                    for key, value in ((feature or {}).get("properties") or {}).items()
                    if isinstance(value, str) and "\x00" in value and key in frame.columns]
            for i, key, value in hits:
                frame.iloc[i, frame.columns.get_loc(key)] = unicodedata.normalize("NFC", value)
            return len(hits)
        if fmt == "gpkg":
            with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as db:
                info = db.execute(f'PRAGMA table_info("{layer.replace(chr(34), chr(34) * 2)}")').fetchall()
                pk = next((row[1] for row in info if row[5]), None)
                texts = [row[1] for row in info if "TEXT" in str(row[2]).upper() and row[1] in frame.columns]
                if pk is None:
                    return 0
                table = layer.replace('"', '""')
                n = 0
                for column in texts:
                    col = column.replace('"', '""')
                    rows = db.execute(f'SELECT "{pk}", "{col}" FROM "{table}" WHERE instr("{col}", char(0)) > 0')
                    for fid, value in rows:
                        if fid in frame.index and isinstance(value, str):
                            frame.at[fid, column] = unicodedata.normalize("NFC", value)
                            n += 1
            return n
    except (OSError, ValueError, AttributeError, sqlite3.Error):  # best effort: the GDAL read stands
        return 0
    return 0


def _geojson_states_crs(path: Path) -> bool:
    """True when the GeoJSON has a top-level "crs" member (GeoJSON 2008); looked for in its head."""
    try:
        with open(path, "rb") as f:
            head = f.read(65536)
    except OSError:
        return False
    return b'"crs"' in head


def _user_crs(value):
    if value in (None, ""):
        return None
    try:  # pyproj parses "9209", "EPSG:9209", "epsg:9209", WKT and PROJ strings itself
        return to_crs(value)
    except Exception:
        raise InputError(t("hệ tọa độ không hợp lệ: {v}", "invalid coordinate system: {v}", v=value), "--crs") from None


def guess_id_column(frame: pd.DataFrame) -> str | None:
    """The column that names features for the planner (MaLo, zone_id, ...), or None."""
    return _id_column([c for c in frame.columns if c != frame.geometry.name])


def _id_column(columns) -> str | None:
    from .field_mapping import normalise

    preferred = ("zoneid", "parcelid", "subzoneid", "malo", "sothua", "makcn", "maccn", "id", "fid", "ma", "handle")
    normal = {normalise(c): c for c in columns}
    for key in preferred:
        if key in normal:
            return normal[key]
    return None


def _short(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__
