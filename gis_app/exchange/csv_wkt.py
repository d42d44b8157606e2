"""CSV with a WKT geometry column (WKT, geometry, geom, the_geom, shape), any delimiter.

The file's bytes are decoded with the detected (or chosen) Vietnamese encoding. Rows whose WKT
cannot be parsed get an empty geometry, so the geometry check lists them by row.
Written as UTF-8 with a BOM (Excel opens it correctly) or in a legacy encoding on request.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..core.errors import InputError
from ..core.i18n import t
from . import encodings
from .accounting import ImportAccount
from .encodings.detect import resolve_encoding

WKT_COLUMNS = ("wkt", "geometry", "geom", "the_geom", "shape", "hinh")


def read_csv_wkt(path: Path, encoding: str = "auto"):
    from .dataset import RawDataset

    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data, encoding = data[3:], "utf-8"
    lines = data.splitlines()
    detection = resolve_encoding(lines[:5000], user=None if encoding == "auto" else encoding)
    if not detection.clean:
        from .dataset import encoding_required

        raise encoding_required(detection, path)
    text = encodings.decode(data, detection.encoding)
    damaged = [n for n, line in enumerate(lines, start=1) if not line.isascii()
               and encodings.decode_checked(line, detection.encoding)[1]]
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
        sep = dialect.delimiter
    except csv.Error:
        sep = ","
    try:
        table = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(t("không đọc được CSV ({err})", "cannot read the CSV ({err})", err=str(exc)[:200]), path) from exc
    column = next((c for c in table.columns if c.strip().lower() in WKT_COLUMNS), None)
    if column is None:
        raise InputError(t("CSV không có cột hình học WKT (tên cột: {names})", "the CSV has no WKT geometry column "
                           "(expected one of: {names})", names=", ".join(WKT_COLUMNS)), path)
    wkt = table.pop(column).replace("", None)
    geoms, type_reasons, curve_lines = parse_wkt(wkt)
    bad = [str(i + 2) for i, (g, w) in enumerate(zip(geoms, wkt)) if g is None and w and i not in type_reasons]
    table = table.replace("", None)
    account = ImportAccount()
    for c in table.columns:
        account.keep(c)
    for n in damaged:  # bytes invalid in the encoding were dropped from these lines
        account.value(n, "-", lines[n - 1][:120], t("byte hỏng trong {e}: bỏ phần hỏng", "damaged bytes in {e}: dropped",
                                                    e=detection.encoding))
    table, number_notes = parse_number_columns(table, sep)
    frame = gpd.GeoDataFrame(table, geometry=gpd.GeoSeries(geoms), crs=None)
    raw = RawDataset(path, path.stem, frame, encoding=detection, account=account)
    raw.type_reasons = type_reasons
    raw.notes.extend(number_notes)
    if damaged:
        raw.notes.append(t("byte hỏng trong {e} đã bỏ ở dòng: {rows}", "damaged bytes in {e} dropped on lines: {rows}",
                           e=detection.encoding, rows=", ".join(map(str, damaged[:20]))))
    if curve_lines:
        raw.notes.append(t("đường cong (CIRCULARSTRING, CURVEPOLYGON…) chuyển thành đoạn thẳng như GDAL ở dòng: {r}",
                           "curves (CIRCULARSTRING, CURVEPOLYGON…) turned into straight segments as GDAL does, on "
                           "lines: {r}", r=", ".join(curve_lines[:20])))
    if bad:
        raw.notes.append(t("WKT không đọc được ở dòng: {rows}", "unreadable WKT on lines: {rows}",
                           rows=", ".join(bad[:20])))
    return raw


# Number spellings. Vietnamese (as Excel writes on a Vietnamese Windows): "." groups thousands, ","
# marks decimals ("75.000" = 75,000; "52500,5"); English the other way round. Source: Unicode CLDR
# number symbols for locales "vi" and "en".
_PLAIN_INT = re.compile(r"^[-+]?\d+$")
_VI = re.compile(r"^[-+]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")
_EN = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def parse_number_columns(table: pd.DataFrame, sep: str) -> tuple[pd.DataFrame, list[str]]:
    """Text columns that hold numbers become numbers, read in the file's number style.

    The style is decided per column: a column whose values only fit one style ("52500,5",
    "1,234.5") is read in it; a column that fits both ("75.000") follows the file: Vietnamese when
    another column is unambiguously Vietnamese or the separator is ";" (Excel on a Vietnamese
    Windows), else English. A column mostly of numbers with values that fit no style is kept as
    text with a note naming it and the rows. Returns (table, notes).
    """
    notes: list[str] = []
    candidates = {}
    for column in table.columns:
        values = table[column].dropna().astype(str).str.strip()
        values = values[values != ""]
        if values.empty:
            continue
        vi, en = values.str.match(_VI), values.str.match(_EN)
        candidates[column] = (values, vi, en)
    file_vi = any((vi & ~en).any() for values, vi, en in candidates.values() if vi.all())
    file_en = any((en & ~vi).any() for values, vi, en in candidates.values() if en.all())
    prefer_vi = file_vi or (sep == ";" and not file_en)
    for column, (values, vi, en) in candidates.items():
        if values.str.match(_PLAIN_INT).all():
            table[column] = pd.to_numeric(table[column].str.strip(), errors="coerce")
            continue
        style = None
        if vi.all() and en.all():
            style = "vi" if prefer_vi else "en"
        elif vi.all():
            style = "vi"
        elif en.all():
            style = "en"
        if style is None:
            numeric = vi | en
            if numeric.all():  # every value a number, but written in both styles: which one is meant?
                lines = {k: ", ".join(str(i + 2) for i in values.index[mask][:10])
                         for k, mask in (("vi_lines", vi & ~en), ("en_lines", en & ~vi))}
                notes.append(t("cột {c} giữ dạng văn bản: số viết lẫn hai kiểu (kiểu Việt Nam ở dòng {vi_lines}; kiểu "
                               "tiếng Anh ở dòng {en_lines})", "column {c} kept as text: numbers written in two styles "
                               "(Vietnamese on lines {vi_lines}; English on lines {en_lines})", c=column, **lines))
            elif numeric.mean() >= 0.5:
                bad = [str(i + 2) for i in values.index[~numeric]]
                notes.append(t("cột {c} giữ dạng văn bản: giá trị không phải số ở dòng {rows}",
                               "column {c} kept as text: values that are not numbers on lines {rows}",
                               c=column, rows=", ".join(bad[:20])))
            continue
        text = table[column].str.strip()
        if style == "vi":
            text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        else:
            text = text.str.replace(",", "", regex=False)
        table[column] = pd.to_numeric(text, errors="coerce")
        if not (values.str.match(_PLAIN_INT) | ~values.str.contains(r"[.,]")).all():
            notes.append(t("cột {c} đọc theo kiểu số {s}", "column {c} read as {s} numbers", c=column,
                           s=t("Việt Nam (. nghìn, , thập phân)", "Vietnamese (. thousands, , decimals)")
                           if style == "vi" else t("tiếng Anh (, nghìn, . thập phân)", "English (, thousands, . "
                                                   "decimals)")))
    return table, notes


CURVE_TYPES = ("CIRCULARSTRING", "COMPOUNDCURVE", "CURVEPOLYGON", "MULTICURVE", "MULTISURFACE", "CURVE", "SURFACE")
SURFACE_TYPES = ("TIN", "POLYHEDRALSURFACE", "TRIANGLE")


def parse_wkt(wkt: pd.Series):
    """(geometries, {row position: reason} for unsupported types, line numbers of linearized curves).

    Shapely has no curves: curve WKT is linearized by GDAL (as ``ogr2ogr`` and every GDAL reader
    do); TIN/polyhedral surfaces (3D) are named as unsupported. Other unparsable WKT gives None.
    """
    kinds = wkt.fillna("").str.strip().str.upper().str.extract(r"^([A-Z]+)", expand=False).fillna("")
    kinds = kinds.str.replace(r"(ZM|Z|M)$", "", regex=True)
    curves = kinds.isin(CURVE_TYPES).to_numpy()
    surfaces = kinds.isin(SURFACE_TYPES).to_numpy()
    values = wkt.to_numpy(dtype=object).copy()
    values[curves | surfaces] = None
    geoms = shapely.from_wkt(values, on_invalid="ignore")
    reasons = {int(i): t("bề mặt 3D ({k}) không hỗ trợ: xuất thành vùng (polygon)", "3D surface ({k}) not "
                         "supported: export it as polygons", k=kinds.iloc[i]) for i in np.flatnonzero(surfaces)}
    curve_lines = []
    if curves.any():
        linear = _linearize(wkt[curves].tolist())
        for i, g in zip(np.flatnonzero(curves), linear):
            geoms[i] = g
            if g is None:
                reasons[int(i)] = t("đường cong không đọc được", "unreadable curve")
            else:
                curve_lines.append(str(i + 2))
    return geoms, reasons, curve_lines


def _linearize(texts: list[str]) -> list:
    """Curve WKT to linear shapely geometries through GDAL's CSV reader (None where it fails)."""
    import tempfile

    import pyogrio

    with tempfile.TemporaryDirectory(prefix="kcn-curves-") as tmp:
        path = Path(tmp) / "curves.csv"
        path.write_text("WKT\n" + "".join('"' + w.replace('"', "") + '"\n' for w in texts), encoding="utf-8")
        try:
            frame = pyogrio.read_dataframe(path)
        except Exception:
            return [None] * len(texts)
    out = list(frame.geometry.values)
    return out if len(out) == len(texts) else [None] * len(texts)


def write_csv_wkt(frame: gpd.GeoDataFrame, target: Path, encoding: str = "utf-8") -> None:
    from ..core.atomic import write_bytes_atomic

    table = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    table.insert(0, "WKT", shapely.to_wkt(frame.geometry.values, rounding_precision=-1))
    text = table.to_csv(index=False, lineterminator="\r\n")
    data = (b"\xef\xbb\xbf" + text.encode("utf-8")) if encoding == "utf-8" else encodings.encode(text, encoding, fallback=True)
    write_bytes_atomic(target, data)
