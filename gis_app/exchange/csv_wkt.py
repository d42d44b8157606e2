"""CSV with a WKT geometry column (WKT, geometry, geom, the_geom, shape), any delimiter.

The file's bytes are decoded with the detected (or chosen) Vietnamese encoding. Rows whose WKT
cannot be parsed get an empty geometry, so the geometry check lists them by row.
Written as UTF-8 with a BOM (Excel opens it correctly) or in a legacy encoding on request.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from ..core.errors import InputError
from ..core.i18n import t
from . import encodings
from .encodings.detect import Detection, detect_encoding

WKT_COLUMNS = ("wkt", "geometry", "geom", "the_geom", "shape", "hinh")


def read_csv_wkt(path: Path, encoding: str = "auto"):
    from .readers import RawDataset

    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data, encoding = data[3:], "utf-8"
    lines = data.splitlines()
    if encoding == "auto":
        detection = detect_encoding(lines[:5000])
    else:
        detection = Detection(encoding, 1.0, reason=t("do người dùng chọn", "chosen by the user"))
    text = encodings.decode(data, detection.encoding)
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
    geoms = shapely.from_wkt(wkt.to_numpy(dtype=object), on_invalid="ignore")
    bad = [str(i + 2) for i, (g, w) in enumerate(zip(geoms, wkt)) if g is None and w]
    table = table.replace("", None)
    for c in table.columns:  # numbers back to numbers where every value parses
        converted = pd.to_numeric(table[c], errors="coerce")
        if converted.notna().sum() == table[c].notna().sum() and table[c].notna().any():
            table[c] = converted
    frame = gpd.GeoDataFrame(table, geometry=gpd.GeoSeries(geoms), crs=None)
    raw = RawDataset(path, path.stem, frame, encoding=detection)
    if bad:
        raw.notes.append(t("WKT không đọc được ở dòng: {rows}", "unreadable WKT on lines: {rows}",
                           rows=", ".join(bad[:20])))
    return raw


def write_csv_wkt(frame: gpd.GeoDataFrame, target: Path, encoding: str = "utf-8") -> None:
    from ..core.atomic import write_bytes_atomic

    table = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    table.insert(0, "WKT", shapely.to_wkt(frame.geometry.values, rounding_precision=-1))
    text = table.to_csv(index=False, lineterminator="\r\n")
    data = (b"\xef\xbb\xbf" + text.encode("utf-8")) if encoding == "utf-8" else encodings.encode(text, encoding, fallback=True)
    write_bytes_atomic(target, data)
