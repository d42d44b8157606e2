"""DXF drawings read and written with ezdxf (not GDAL, which returns closed polylines as lines).

Reading: closed LWPOLYLINE/POLYLINE (arcs flattened to 1 cm) become polygons; open ones come back
as lines so the geometry check lists them by handle; the DXF layer name and any TEXT/MTEXT placed
inside a polygon (else the nearest one within ``TEXT_DISTANCE`` drawing units) become attributes.
Text written with legacy fonts (TCVN3/VNI "H¶i D­¬ng") is recovered from its bytes and decoded.
Writing: each polygon ring as a closed LWPOLYLINE on its layer, with its label as TEXT.
"""
from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from ..core.errors import InputError
from ..core.i18n import t
from . import encodings
from .encodings.detect import Detection, detect_encoding, score_text

TEXT_DISTANCE = 10.0
FLATTEN = 0.01


def read_dxf(path: Path, encoding: str = "auto"):
    import ezdxf
    from ezdxf import path as ezpath

    from .readers import RawDataset

    try:
        doc = ezdxf.readfile(str(path), errors="surrogateescape")
    except (IOError, ezdxf.DXFStructureError, UnicodeDecodeError) as exc:
        raise InputError(t("không đọc được DXF ({err})", "cannot read the DXF ({err})", err=str(exc)[:200]), path) from exc
    rows, geoms, texts, text_points = [], [], [], []
    open_rows: list[int] = []
    for entity in doc.modelspace():
        kind = entity.dxftype()
        if kind in ("LWPOLYLINE", "POLYLINE"):
            if kind == "POLYLINE" and (entity.is_polygon_mesh or entity.is_poly_face_mesh):
                continue
            try:
                vertices = [(v.x, v.y) for v in ezpath.make_path(entity).flattening(FLATTEN)]
            except Exception:
                vertices = []
            closed = bool(entity.is_closed) or (len(vertices) >= 4 and vertices[0] == vertices[-1])
            if closed and len(vertices) >= 3:
                geom = shapely.Polygon(vertices)
            elif len(vertices) >= 2:
                geom = shapely.LineString(vertices)
                open_rows.append(len(rows))
            else:
                geom = shapely.Polygon()
            rows.append({"handle": entity.dxf.handle, "layer": entity.dxf.layer})
            geoms.append(geom)
        elif kind in ("TEXT", "MTEXT"):
            text = entity.plain_text() if kind == "MTEXT" else entity.dxf.text
            point = entity.dxf.insert
            texts.append(text)
            text_points.append(shapely.Point(point.x, point.y))
    if not rows:
        raise InputError(t("DXF không có polyline nào", "the DXF has no polylines"), path)
    decoded, detection = _decode_texts(texts, doc.encoding, encoding)
    frame = gpd.GeoDataFrame(rows, geometry=geoms, crs=None)
    frame["text"] = _attach_texts(frame, decoded, text_points)
    raw = RawDataset(path, path.stem, frame, encoding=detection)
    why = t("polyline hở (không khép kín), lớp {layer}", "open (not closed) polyline on layer {layer}")
    raw.type_reasons = {frame.index[i]: why.format(layer=rows[i]["layer"]) for i in open_rows}
    if open_rows:
        raw.notes.append(t("{n} polyline hở (không khép kín) không thành vùng", "{n} open (not closed) polylines "
                           "cannot become polygons", n=len(open_rows)))
    return raw


def _decode_texts(texts: list[str], doc_encoding: str, encoding: str):
    """Recover the bytes of legacy-font text and decode them; real Unicode text is kept as is."""
    doc_encoding = (doc_encoding or "cp1252").lower()
    unicode_doc = doc_encoding in ("utf8", "utf-8")
    legacy_codec = "cp1252" if unicode_doc else doc_encoding
    raws: list[bytes | None] = []
    for text in texts:
        if unicode_doc and score_text(text)[0] == 1.0:
            raws.append(None)  # already good Vietnamese (e.g. "Lô CN-01" in an R2010 file)
            continue
        try:
            raws.append(text.encode(legacy_codec, errors="surrogateescape"))
        except UnicodeEncodeError:
            raws.append(None)  # genuine Unicode (e.g. "Hải Dương" in an R2010 file)
    legacy = [r for r in raws if r is not None]
    if encoding != "auto":
        detection = Detection(encoding, 1.0, reason=t("do người dùng chọn", "chosen by the user"))
    else:
        detection = detect_encoding(legacy) if legacy else Detection("utf-8", 1.0, reason="Unicode")
    out = []
    for text, raw in zip(texts, raws):
        if raw is None or detection.encoding == "utf-8" and not _is_utf8(raw):
            out.append(text)
        else:
            out.append(encodings.decode(raw, detection.encoding))
    return out, detection


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _attach_texts(frame: gpd.GeoDataFrame, texts: list[str], points: list) -> pd.Series:
    result = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    if not texts:
        return result
    labels = gpd.GeoDataFrame({"label": texts}, geometry=points)
    polygons = frame[frame.geometry.geom_type == "Polygon"]
    if polygons.empty:
        return result
    # smallest containing polygon first (a parcel's label, not the zone outline around it)
    joined = gpd.sjoin(labels, polygons[["geometry"]], predicate="within", how="left")
    joined["area"] = polygons.geometry.area.reindex(joined["index_right"]).to_numpy()
    inside = joined.dropna(subset=["index_right"]).sort_values("area").groupby(level=0).head(1)
    outside = labels.drop(index=inside.index)
    pairs = [(int(i), lab) for i, lab in zip(inside["index_right"], inside["label"])]
    if not outside.empty:
        near = gpd.sjoin_nearest(outside, polygons[["geometry"]], max_distance=TEXT_DISTANCE, how="inner")
        near = near[~near.index.duplicated()]
        pairs += [(int(i), lab) for i, lab in zip(near["index_right"], near["label"])]
    for index, label in pairs:
        result[index] = label if result[index] is None else f"{result[index]} | {label}"
    return result


def write_dxf(frame: gpd.GeoDataFrame, target: Path, layer_name: str, label_field: str | None = None) -> None:
    import ezdxf

    from ..core.atomic import atomic_path

    doc = ezdxf.new("R2010")  # R2010 stores text as UTF-8
    doc.header["$INSUNITS"] = 6  # metres
    msp = doc.modelspace()
    layers = frame["layer"].astype(str) if "layer" in frame.columns else pd.Series(layer_name, index=frame.index)
    label_field = label_field or next((c for c in ("name", "parcel_id", "subzone_id", "zone_id", "text")
                                       if c in frame.columns), None)
    height = 2.5
    for idx, geom in zip(frame.index, frame.geometry.values):
        if geom is None or geom.is_empty:
            continue
        layer = _layer_name(layers[idx])
        if layer not in doc.layers:
            doc.layers.add(layer)
        for polygon in shapely.get_parts(geom):
            if polygon.geom_type != "Polygon":
                continue
            for ring in (polygon.exterior, *polygon.interiors):
                msp.add_lwpolyline(list(ring.coords)[:-1], close=True, dxfattribs={"layer": layer})
        if label_field and pd.notna(frame.at[idx, label_field]):
            point = geom.representative_point()
            msp.add_text(str(frame.at[idx, label_field]), height=height,
                         dxfattribs={"layer": layer, "insert": (point.x, point.y)})
    with atomic_path(target, suffix=".dxf") as tmp:
        doc.saveas(tmp)


def _layer_name(name: str) -> str:
    bad = '<>/\\":;?*|=`'
    cleaned = "".join("_" if c in bad else c for c in name).strip()
    return cleaned or "0"
