"""Write a layer as SHP, GPKG (a KCN project), GeoJSON, KML, DXF or CSV with WKT, atomically.

Shapefiles: geometry through GDAL, the .dbf through our own writer (text in UTF-8, CP1258 or TCVN3),
a .prj that GDAL and QGIS identify as the EPSG code, a .cpg naming the encoding (none for TCVN3,
which has no code page name: the ``.fields.json`` sidecar records it), long names in the sidecar.
Text over 254 bytes is refused with the fields and ids listed. GeoJSON and KML are written in
WGS 84 (EPSG:4326) unless a target CRS is given (KML always WGS 84), via EPSG:6960.

User text is made safe for each format by ``core/safe_text``: KML (XML) gets the characters XML 1.0
forbids replaced by visible symbols; CSV values (and headers) that a spreadsheet would run as a formula
get a leading apostrophe unless ``csv_raw``. KML/GeoJSON refuse coordinates that cannot be drawn.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from ..core.atomic import WriteCheckFailed, atomic_file_set, atomic_path, check_output_path, write_text_atomic
from ..core.crs import reproject, to_crs
from ..core.errors import InputError
from ..core.drawable import check_coordinates, check_drawable
from ..core.i18n import t
from ..core.safe_text import TextNotes, frame_csv_safe, frame_text_safe, safe_file_name
from . import dbf as dbf_io
from . import encodings
from .prj import prj_text
from .readers import format_of

# removed before a shapefile is replaced: a stale index or .prj must not survive beside new data
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qpj", ".qix", ".sbn", ".sbx", ".shp.xml")
CPG = {"utf-8": "UTF-8", "cp1258": "1258"}


@dataclass
class WriteResult:
    path: Path
    layer: str
    crs: object
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def write_dataset(frame: gpd.GeoDataFrame, target: str | Path, layer: str | None = None,
                  out_encoding: str = "utf-8", to_crs_value=None, id_column: str | None = None,
                  csv_raw: bool = False, account=None) -> WriteResult:
    """Write ``frame`` to ``target`` (format from the suffix), atomically; InputError on bad arguments or data.

    ``csv_raw``: write formula-like CSV values as they are (for GIS tools) instead of as text.
    Coordinates are checked against the CRS first (``core.drawable.check_coordinates``); a field name
    the target reserves (FID in a GeoPackage) is kept under another name and recorded in
    ``account`` (an ``accounting.ImportAccount``).
    """
    target = check_output_path(target)
    fmt = format_of(target)
    if fmt == "zip":
        raise InputError(t("không ghi ra .zip; chọn .shp, .gpkg, .geojson, .kml, .dxf hoặc .csv",
                           "cannot write .zip; choose .shp, .gpkg, .geojson, .kml, .dxf or .csv"), target)
    if frame.crs is None:
        raise InputError(t("dữ liệu chưa có hệ tọa độ", "the data has no coordinate system"), target)
    check_coordinates(frame, target)
    try:
        out_encoding = encodings.normalise_name(out_encoding)
    except ValueError:
        out_encoding = "?"
    if out_encoding not in encodings.OUTPUT_ENCODINGS:
        raise InputError(t("bảng mã ra không hỗ trợ (dùng: {e})", "unsupported output encoding (use: {e})",
                           e=", ".join(encodings.OUTPUT_ENCODINGS)), "--out-encoding")
    notes = []
    if fmt == "kml" or (fmt == "geojson" and to_crs_value is None):
        if to_crs_value is not None:
            notes.append(t("KML luôn dùng WGS 84 (EPSG:4326); bỏ qua --to-crs", "KML is always WGS 84 (EPSG:4326); "
                           "--to-crs ignored"))
        dst = to_crs(4326)
    elif to_crs_value is not None:
        try:
            dst = to_crs(to_crs_value)
        except Exception:
            raise InputError(t("hệ tọa độ không hợp lệ: {v}", "invalid coordinate system: {v}", v=to_crs_value),
                             "--to-crs") from None
    else:
        dst = to_crs(frame.crs)
    if not to_crs(frame.crs).equals(dst):
        frame = reproject(frame, dst)
    layer = layer or target.stem
    result = WriteResult(target, layer, dst, [target], notes)
    if fmt in ("gpkg", "geojson", "kml"):  # written through GDAL, which would cut text at a NUL
        text_notes = TextNotes()
        frame = frame_text_safe(frame, notes=text_notes, nul_only=True)
        notes += text_notes.messages(target.name)
    if fmt == "gpkg":
        frame = _rename_reserved(frame, ("fid",), target, result, account)
    if fmt == "shp":
        _write_shapefile(frame, target, out_encoding, id_column, result)
    elif fmt == "gpkg":
        _write_project_layer(frame, target, layer, result)
    elif fmt in ("geojson", "kml"):
        check_drawable(frame, layer, target)
        _write_ogr(frame, target, layer, fmt, result)
    elif fmt == "csv":
        from .csv_wkt import write_csv_wkt

        _check_encodable(frame.drop(columns=frame.geometry.name), out_encoding, target, result)
        notes = TextNotes()
        write_csv_wkt(frame_csv_safe(frame, csv_raw, notes), target, out_encoding)
        result.notes += notes.messages(target.name)
        if notes.counts["formula"]:
            result.notes.append(t("dùng --csv-raw để ghi nguyên giá trị (cho phần mềm GIS)",
                                  "use --csv-raw to write the values as they are (for GIS software)"))
    elif fmt == "dxf":
        from .dxf import write_dxf

        write_dxf(frame, target, layer)
    return result


def _write_shapefile(frame, target: Path, out_encoding: str, id_column, result: WriteResult) -> None:
    import pyogrio

    attributes = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    _check_encodable(attributes, out_encoding, target, result)
    ids = attributes[id_column] if id_column and id_column in attributes else None
    problems = dbf_io.check_text_lengths(attributes, out_encoding, ids)
    if problems:
        raise InputError(t("văn bản dài hơn 254 byte không lưu được trong shapefile (hãy xuất GeoPackage): {p}",
                           "text longer than 254 bytes cannot be stored in a shapefile (export GeoPackage "
                           "instead): {p}", p="; ".join(problems)), target)
    names = dbf_io.short_names(list(attributes.columns))
    renamed = {long: short for long, short in names.items() if long != short}
    geometry_only = gpd.GeoDataFrame(geometry=frame.geometry.values, crs=frame.crs)
    epsg = to_crs(frame.crs).to_epsg()
    with atomic_file_set(target, SHAPEFILE_PARTS) as tmp:
        try:
            pyogrio.write_dataframe(geometry_only, tmp, driver="ESRI Shapefile", promote_to_multi=True)
        except Exception as exc:
            raise InputError(t("không ghi được shapefile ({err})", "cannot write the shapefile ({err})",
                               err=str(exc)[:200]), target) from exc
        if len(attributes.columns):
            dbf_io.write_dbf(tmp.with_suffix(".dbf"), attributes, out_encoding, names)
        tmp.with_suffix(".prj").write_text(prj_text(epsg) if epsg else to_crs(frame.crs).to_wkt("WKT1_ESRI"),
                                           encoding="ascii")
        cpg = tmp.with_suffix(".cpg")
        if out_encoding in CPG:
            cpg.write_text(CPG[out_encoding], encoding="ascii")
        elif cpg.exists():
            cpg.unlink()
    sidecar = dbf_io.sidecar_path(target)
    if renamed or out_encoding not in CPG:
        write_text_atomic(sidecar, dbf_io.sidecar_json(renamed, out_encoding))
        result.files.append(sidecar)
        if renamed:
            result.notes.append(t("tên trường dài được rút gọn, tên đầy đủ lưu trong {f}: {names}",
                                  "long field names shortened, full names kept in {f}: {names}", f=sidecar.name,
                                  names=", ".join(f"{s}={n}" for n, s in renamed.items())))
    elif sidecar.exists():
        sidecar.unlink()


def _check_encodable(frame: pd.DataFrame, encoding: str, target: Path, result: WriteResult | None = None) -> None:
    """Refuse letters the legacy encoding lacks; report punctuation written as ASCII look-alikes,
    naming each changed value (field: 'before' → 'after'), in the notes and the report."""
    if encoding == "utf-8":
        return
    bad, changed, replaced = [], [], 0
    for column in frame.columns:
        if not (frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column])):
            continue
        for value in pd.unique(frame[column].dropna()):
            text = str(value)
            if not encodings.needs_fallback(text, encoding):
                continue
            try:
                written = encodings.decode(encodings.encode(text, encoding, fallback=True), encoding)
            except UnicodeEncodeError:
                bad.append(f"{column}: {value!r}")
                break
            replaced += int((frame[column] == value).sum())
            changed.append(f"{column}: {text!r} → {written!r}")
    if bad:
        raise InputError(t("có ký tự không biểu diễn được trong {e}: {b}", "characters not representable in {e}: {b}",
                           e=encoding, b="; ".join(bad[:10])), target)
    if replaced and result is not None:
        more = t(" (và {k} giá trị khác)", " (and {k} more values)", k=len(changed) - 10) if len(changed) > 10 else ""
        result.notes.append(t("{n} giá trị có dấu gạch/ngoặc kép kiểu in được ghi bằng ký tự ASCII tương đương "
                              "(bảng mã {e} không có): {v}{m}", "{n} values had typographic dashes/quotes written as "
                              "ASCII look-alikes ({e} lacks them): {v}{m}", n=replaced, e=encoding,
                              v="; ".join(changed[:10]), m=more))


def _rename_reserved(frame, reserved: tuple[str, ...], target: Path, result: WriteResult, account):
    """Keep columns the target format reserves (GeoPackage: its row id ``fid``) as ``<name>_orig``."""
    renames = {}
    for column in frame.columns:
        if column != frame.geometry.name and str(column).lower() in reserved:
            spare = f"{column}_orig"
            while spare in frame.columns:
                spare += "_"
            renames[column] = spare
    for column, spare in renames.items():
        why = t("tên dành riêng cho mã dòng trong {fmt}", "name reserved for the row id in {fmt}", fmt=target.suffix)
        result.notes.append(t("trường {s} giữ dưới tên {d} ({why})", "field {s} kept as {d} ({why})", s=column,
                              d=spare, why=why))
        if account is not None:
            account.rename(column, spare, why)
    return frame.rename(columns=renames) if renames else frame


def _write_project_layer(frame, target: Path, layer: str, result: WriteResult) -> None:
    from ..core.project import Project

    project = Project.load(target) if target.exists() else Project(crs=to_crs(frame.crs),
                                                                   meta={"name": target.stem})
    if target.exists() and not to_crs(frame.crs).equals(project.crs):
        result.notes.append(t("chuyển sang hệ tọa độ của dự án {c}", "reprojected to the project CRS {c}",
                              c=project.crs.to_string()))
        result.crs = project.crs
    if layer in project.layers:
        result.notes.append(t("thay lớp {l} có sẵn trong dự án", "replaced the existing layer {l} of the project",
                              l=layer))
    project.add_layer(layer, frame)
    project.save(target)


def _write_ogr(frame, target: Path, layer: str, fmt: str, result: WriteResult) -> None:
    import pyogrio

    # LIBKML keeps attributes as ExtendedData (the plain KML driver's schema is less portable)
    driver = {"geojson": "GeoJSON", "kml": "LIBKML" if "LIBKML" in pyogrio.list_drivers() else "KML"}[fmt]
    out = frame
    if fmt == "kml" and "name" not in out.columns:
        label = next((c for c in ("parcel_id", "zone_id", "subzone_id", "text") if c in out.columns), None)
        if label:
            out = out.assign(name=out[label])
    for column in out.columns:  # GDAL cannot write pandas' nullable booleans in KML/GeoJSON as is
        if str(out[column].dtype) == "boolean":
            out = out.assign(**{column: out[column].astype(object)})
    notes = TextNotes()
    if fmt == "kml":  # XML: no character XML 1.0 forbids, in values or field names
        out = frame_text_safe(out, notes=notes)
    safe_layer = safe_file_name(layer)  # GDAL makes file names from layer names (LIBKML, GeoJSON)
    notes.add("file_name", int(safe_layer != layer))
    layer = safe_layer
    result.notes += notes.messages(target.name)
    def complete(tmp: Path) -> None:
        # GDAL's KML/GeoJSON writers may report success on a full disk with a truncated file:
        # read it back before it replaces a good one.
        try:
            count = pyogrio.read_info(tmp, force_feature_count=True)["features"]
        except Exception as exc:
            raise WriteCheckFailed(f"{target}: unreadable after writing ({str(exc)[:120]})") from exc
        if count != len(out):
            raise WriteCheckFailed(f"{target}: {count} of {len(out)} features written")
    with atomic_path(target, verify=complete) as tmp:
        pyogrio.write_dataframe(out, tmp, driver=driver, layer=layer)
