"""DXF drawings read and written with ezdxf (GDAL returns closed polylines as lines).

Reading turns every entity that land departments and consultants draw lots with into a polygon:
closed LWPOLYLINE/POLYLINE (2D/3D, bulges flattened to 1 cm, closed by flag or by a repeated
vertex), HATCH (each boundary path; nested paths become holes, several areas one multipolygon, as
GDAL's DXF driver does), CIRCLE, full ELLIPSE, closed SPLINE, and closed rings chained from LINE, ARC
and open polyline pieces whose ends meet within ``CLOSE_TOLERANCE``. INSERTs are expanded (nested,
moved, rotated, scaled, mirrored) and their ATTRIBs become fields. Rings are closed exactly.
Files that the strict reader refuses (no HEADER, empty handles, structure faults) are read with
``ezdxf.recover``. Every entity is accounted for by type (``accounting.ImportAccount.entity``):
pieces that close no ring are rejected by handle; other types are counted as not read.
The DXF layer name and any TEXT/MTEXT placed inside a polygon (else the nearest one within
``TEXT_DISTANCE`` drawing units) become attributes. Text written with legacy fonts (TCVN3/VNI
"H¶i D­¬ng") is recovered from its bytes and decoded.
Writing: each polygon without holes as a closed LWPOLYLINE on its layer (with holes or several parts:
a HATCH with one boundary path per ring, as GDAL writes), with its label as TEXT.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..core.errors import InputError
from ..core.i18n import t
from . import encodings
from .accounting import ImportAccount
from .encodings.detect import Detection, detect_encoding, score_text

TEXT_DISTANCE = 10.0
FLATTEN = 0.01  # max distance (drawing units, m) between a curve and its flattened chords
CLOSE_TOLERANCE = 0.01  # ends this close (drawing units) meet: the ring is closed exactly
CHAINABLE = ("LINE", "ARC", "LWPOLYLINE", "POLYLINE", "SPLINE", "ELLIPSE")


@dataclass
class _Piece:
    geom: object  # shapely Polygon/MultiPolygon (closed) or LineString (open, to chain)
    handle: str
    layer: str
    kind: str
    attribs: dict = field(default_factory=dict)
    block: str | None = None


@dataclass
class _Context:
    handle: str | None = None  # the outermost INSERT's handle
    attribs: dict = field(default_factory=dict)
    block: str | None = None
    counter: list = field(default_factory=lambda: [0])


def _unread_reasons() -> dict:
    return {
        "POINT": t("điểm, không phải vùng", "a point, not an area"),
        "DIMENSION": t("kích thước", "a dimension"),
        "LEADER": t("đường dẫn chú thích", "a leader"), "MLEADER": t("đường dẫn chú thích", "a leader"),
        "ATTDEF": t("mẫu thuộc tính trong khối", "an attribute template in a block"),
        "VIEWPORT": t("khung nhìn", "a viewport"), "IMAGE": t("ảnh", "an image"),
        "3DFACE": t("mặt 3D", "a 3D face"), "SOLID": t("mặt tô 2D (SOLID)", "a 2D fill (SOLID)"),
        "MESH": t("lưới 3D", "a 3D mesh"), "3DSOLID": t("khối 3D", "a 3D solid"),
        "REGION": t("vùng ACIS (không đọc được)", "an ACIS region (unreadable)"),
        "MULTILEADER": t("đường dẫn chú thích", "a leader"),
    }


def read_dxf(path: Path, encoding: str = "auto"):
    """Read the polygons of a DXF drawing (see the module docstring); InputError when none can be read."""
    from .dataset import RawDataset

    doc, recovered = _open(path)
    account = ImportAccount()
    pieces: list[_Piece] = []
    texts: list[tuple[str, object]] = []
    for entity in doc.modelspace():
        _collect(entity, _Context(), pieces, texts, account)
    closed = [p for p in pieces if p.geom.geom_type in ("Polygon", "MultiPolygon")]
    for piece in closed:
        account.entity(piece.kind, imported=1)
    chained, leftovers = _chain([p for p in pieces if p.geom.geom_type == "LineString"], account)
    for piece in leftovers:
        account.entity(piece.kind, rejected=1)
    features = closed + chained
    rows = [{"handle": p.handle, "layer": p.layer, "entity": p.kind, "block": p.block, **p.attribs}
            for p in features + leftovers]
    geoms = [p.geom for p in features + leftovers]
    if not rows:
        raise InputError(t("DXF không có vùng nào đọc được ({what})", "the DXF has no area that can be read ({what})",
                           what="; ".join(account.entity_details()) or t("không có thực thể", "no entities")), path)
    frame = gpd.GeoDataFrame(rows, geometry=geoms, crs=None)
    if frame["block"].isna().all():
        frame = frame.drop(columns="block")
    attrib_names = [c for c in frame.columns if c not in ("handle", "layer", "entity", "block", "geometry")]
    # R2007 (AC1021) and later are UTF-8 whatever $DWGCODEPAGE says (ezdxf reports that code page)
    doc_encoding = "utf-8" if doc.dxfversion >= "AC1021" else doc.encoding
    decoded, detection = _decode_texts([text for text, _, _ in texts] + _attrib_values(frame, attrib_names),
                                       doc_encoding, encoding)
    label_texts = decoded[:len(texts)]
    _put_attrib_values(frame, attrib_names, decoded[len(texts):])
    frame["text"], attached = _attach_texts(frame, label_texts, [point for _, point, _ in texts])
    _account_texts(account, texts, attached)
    for name in attrib_names:  # block attributes are the drawing's fields
        account.keep(name)
    raw = RawDataset(path, path.stem, frame, encoding=detection, account=account)
    why = t("{kind} hở (không khép kín) trên lớp {layer}, không nối thành vòng khép kín",
            "open (not closed) {kind} on layer {layer}, chained into no closed ring")
    raw.type_reasons = {frame.index[len(features) + i]: why.format(kind=p.kind, layer=p.layer)
                        for i, p in enumerate(leftovers)}
    if recovered is not None:
        raw.notes.append(t("DXF đọc ở chế độ phục hồi ({why})", "DXF read in recovery mode ({why})", why=recovered))
    if leftovers:
        raw.notes.append(t("{n} đường hở (không khép kín) không thành vùng", "{n} open (not closed) lines "
                           "cannot become polygons", n=len(leftovers)))
    return raw


def _open(path: Path):
    """(document, why it was recovered or None): the strict reader first, ezdxf.recover on faults.

    A file without a HEADER section gets a minimal one naming its version ($ACADVER: R2000 when its
    entities carry AcDb subclass markers, else R12) so that no reader guesses R12 and drops the
    subclass data (closed flags, layers) of newer entities.
    """
    import io

    import ezdxf
    from ezdxf import recover

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(t("không đọc được DXF ({err})", "cannot read the DXF ({err})", err=exc), path) from exc
    strict_error = None
    has_header = b"HEADER" in data[:4096].upper()
    if has_header:
        try:
            return ezdxf.readfile(str(path), errors="surrogateescape"), None
        except Exception as exc:  # DXFStructureError, ValueError (empty handles), UnicodeDecodeError ...
            strict_error = exc
    else:
        version = b"AC1015" if b"AcDb" in data else b"AC1009"
        data = b"  0\nSECTION\n  2\nHEADER\n  9\n$ACADVER\n  1\n" + version + b"\n  0\nENDSEC\n" + data.lstrip()
    try:
        doc, auditor = recover.read(io.BytesIO(data), errors="surrogateescape")
    except Exception as exc:
        raise InputError(t("không đọc được DXF ({err})", "cannot read the DXF ({err})",
                           err=str(strict_error or exc)[:200]), path) from exc
    why = str(strict_error)[:120] if strict_error is not None else t("không có phần HEADER", "no HEADER section")
    return doc, t("{why}; {n} lỗi đã sửa", "{why}; {n} faults fixed", why=why, n=len(auditor.fixes))


def _collect(entity, ctx: _Context, pieces: list, texts: list, account: ImportAccount) -> None:
    """Turn one entity (and, for INSERT, its block's entities) into pieces, labels or a count."""
    from ezdxf import path as ezpath

    kind = entity.dxftype()
    account.entity(kind, read=1)
    if ctx.handle is None:
        handle = str(entity.dxf.get("handle", "") or "")
    else:
        ctx.counter[0] += 1
        handle = f"{ctx.handle}/{ctx.counter[0]}"
    layer = str(entity.dxf.get("layer", "0"))

    def add(geom) -> None:
        pieces.append(_Piece(geom, handle, layer, kind, dict(ctx.attribs), ctx.block))

    try:
        if kind == "INSERT":
            attribs = {str(a.dxf.tag): str(a.dxf.text) for a in entity.attribs}
            inner = _Context(ctx.handle or handle, {**ctx.attribs, **attribs}, str(entity.dxf.name), ctx.counter)
            found = False
            for child in entity.virtual_entities():
                found = True
                _collect(child, inner, pieces, texts, account)
            if found:
                account.entity(kind, imported=1)
            else:
                account.entity(kind, unread=1, reason=t("khối rỗng", "an empty block"))
            return
        if kind in ("TEXT", "MTEXT"):
            text = entity.plain_text() if kind == "MTEXT" else entity.dxf.text
            point = entity.dxf.insert
            texts.append((text, shapely.Point(point.x, point.y), kind))
            return
        if kind == "HATCH":
            geom = _hatch_polygon(entity)
            if geom is None:
                account.entity(kind, unread=1, reason=t("đường biên rỗng", "an empty boundary"))
                return
            add(geom)
            return
        if kind == "POLYLINE" and (entity.is_polygon_mesh or entity.is_poly_face_mesh):
            account.entity(kind, unread=1, reason=t("lưới 3D (polyface/mesh)", "a 3D mesh (polyface/mesh)"))
            return
        if kind in ("LWPOLYLINE", "POLYLINE", "CIRCLE", "ELLIPSE", "SPLINE", "LINE", "ARC"):
            vertices = _vertices(ezpath.make_path(entity))
            if len(vertices) < 2:
                account.entity(kind, unread=1, reason=t("không có đỉnh", "no vertices"))
                return
            closed = kind == "CIRCLE" or _is_closed(entity, kind, vertices)
            if closed and len(vertices) >= 3:
                add(_ring_polygon(vertices))
            else:
                add(shapely.LineString(vertices))
            return
    except Exception as exc:  # a faulty entity is named, never the end of the import
        account.entity(kind, unread=1, reason=t("lỗi đọc: {err}", "read error: {err}", err=str(exc)[:80]))
        return
    account.entity(kind, unread=1, reason=_unread_reasons().get(kind, t("không phải hình vùng", "not an area shape")))


def _vertices(path) -> list[tuple[float, float]]:
    return [(v.x, v.y) for v in path.flattening(FLATTEN)]


def _is_closed(entity, kind: str, vertices) -> bool:
    if kind in ("LWPOLYLINE", "POLYLINE"):
        flagged = bool(entity.is_closed)
    elif kind == "SPLINE":
        flagged = bool(entity.closed)
    elif kind == "ELLIPSE":
        import math

        span = (entity.dxf.end_param - entity.dxf.start_param) % (2 * math.pi)
        flagged = math.isclose(span, 0.0, abs_tol=1e-9) or math.isclose(span, 2 * math.pi, abs_tol=1e-9)
    else:
        flagged = False
    if flagged or kind in ("LINE", "ARC"):
        return flagged
    (x0, y0), (x1, y1) = vertices[0], vertices[-1]
    return len(vertices) >= 4 and abs(x0 - x1) <= CLOSE_TOLERANCE and abs(y0 - y1) <= CLOSE_TOLERANCE


def _ring_polygon(vertices):
    """A polygon whose ring is closed exactly (a last vertex within tolerance of the first is dropped)."""
    coords = list(vertices)
    (x0, y0), (x1, y1) = coords[0], coords[-1]
    if len(coords) > 3 and abs(x0 - x1) <= CLOSE_TOLERANCE and abs(y0 - y1) <= CLOSE_TOLERANCE:
        coords = coords[:-1]
    return shapely.Polygon(coords + [coords[0]])


def _hatch_polygon(hatch):
    """The hatch's area: boundary paths nested even-odd (a path inside another is a hole)."""
    from ezdxf import path as ezpath

    rings = []
    for boundary in ezpath.from_hatch(hatch):
        vertices = _vertices(boundary)
        if len(vertices) >= 3:
            ring = _ring_polygon(vertices)
            if ring.area > 0:
                rings.append(shapely.make_valid(ring) if not ring.is_valid else ring)
    if not rings:
        return None
    return nest_rings(rings)


def nest_rings(rings: list):
    """Polygons from rings by even-odd nesting: depth 0 shells, depth 1 their holes, depth 2 islands...

    ``rings`` are simple polygons (one ring each). Returns a Polygon or MultiPolygon.
    """
    order = sorted(range(len(rings)), key=lambda i: -rings[i].area)
    depth: dict[int, int] = {}
    parent: dict[int, int | None] = {}
    for n, i in enumerate(order):
        container = None
        for j in reversed(order[:n]):  # the smallest larger ring that holds it
            if rings[j].contains(rings[i].representative_point()) and rings[j].area > rings[i].area:
                container = j
                break
        parent[i] = container
        depth[i] = 0 if container is None else depth[container] + 1
    shells = {i: [] for i in order if depth[i] % 2 == 0}
    for i in order:
        if depth[i] % 2 == 1:
            shells[parent[i]].append(rings[i].exterior)
    polygons = [shapely.Polygon(rings[i].exterior, holes) for i, holes in shells.items()]
    return polygons[0] if len(polygons) == 1 else shapely.MultiPolygon(polygons)


def _chain(lines: list[_Piece], account: ImportAccount) -> tuple[list[_Piece], list[_Piece]]:
    """(closed rings chained from open pieces per layer, pieces left open).

    Ends within ``CLOSE_TOLERANCE`` are snapped together, the pieces noded and polygonized
    (shapely); each face is one feature named by the handles of its pieces.
    """
    if not lines:
        return [], []
    chained, leftovers = [], []
    by_layer: dict[str, list[_Piece]] = {}
    for piece in lines:
        by_layer.setdefault(piece.layer, []).append(piece)
    for layer, group in by_layer.items():
        snapped = _snap_ends([p.geom for p in group])
        faces = shapely.get_parts(shapely.polygonize(snapped))
        used = np.zeros(len(group), dtype=bool)
        if len(faces):
            tree = shapely.STRtree(snapped)
            for face in faces:
                edge = shapely.buffer(face.exterior, CLOSE_TOLERANCE)
                members = [int(i) for i in tree.query(edge, predicate="contains")]
                if not members:
                    continue
                for i in members:
                    if not used[i]:
                        account.entity(group[i].kind, imported=1)
                used[members] = True
                first = group[members[0]]
                kinds = "+".join(sorted({group[i].kind for i in members}))
                handles = ",".join(group[i].handle for i in members[:5]) + ("…" if len(members) > 5 else "")
                chained.append(_Piece(face, handles, layer, kinds, dict(first.attribs), first.block))
        leftovers += [p for p, u in zip(group, used) if not u]
    return chained, leftovers


def _snap_ends(lines: list) -> np.ndarray:
    """Lines whose end points within ``CLOSE_TOLERANCE`` of each other are moved onto one point."""
    coords = [np.asarray(shapely.get_coordinates(g)) for g in lines]
    ends = np.array([c[k] for c in coords for k in (0, -1)])
    points = shapely.points(ends)
    tree = shapely.STRtree(points)
    pairs = tree.query(points, predicate="dwithin", distance=CLOSE_TOLERANCE)
    root = np.arange(len(ends))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for a, b in zip(*pairs):
        ra, rb = find(int(a)), find(int(b))
        if ra != rb:
            root[max(ra, rb)] = min(ra, rb)
    out = []
    for n, c in enumerate(coords):
        c = c.copy()
        c[0], c[-1] = ends[find(2 * n)], ends[find(2 * n + 1)]
        out.append(shapely.LineString(c))
    return np.array(out, dtype=object)


def _attrib_values(frame, names: list[str]) -> list[str]:
    return [str(v) for name in names for v in frame[name].tolist() if isinstance(v, str)]


def _put_attrib_values(frame, names: list[str], decoded: list[str]) -> None:
    position = 0
    for name in names:
        values = frame[name].tolist()
        for i, v in enumerate(values):
            if isinstance(v, str):
                values[i] = decoded[position]
                position += 1
        frame[name] = pd.Series(values, index=frame.index, dtype=object)


def _account_texts(account: ImportAccount, texts: list, attached: set) -> None:
    """TEXT/MTEXT used as a label count as imported; the others as not read, with the reason."""
    why = t("không nằm trong/gần vùng nào ({d} đơn vị)", "not inside or near any area ({d} units)", d=TEXT_DISTANCE)
    for i, (_, _, kind) in enumerate(texts):
        if i in attached:
            account.entity(kind, imported=1)
        else:
            account.entity(kind, unread=1, reason=why)


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


def _attach_texts(frame: gpd.GeoDataFrame, texts: list[str], points: list) -> tuple[pd.Series, set]:
    """(label per feature, positions of the texts used): texts joined to the polygon they label."""
    result = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    if not texts:
        return result, set()
    labels = gpd.GeoDataFrame({"label": texts}, geometry=points)
    polygons = frame[frame.geometry.geom_type.isin(("Polygon", "MultiPolygon"))]
    if polygons.empty:
        return result, set()
    # smallest containing polygon first (a parcel's label, not the zone outline around it)
    joined = gpd.sjoin(labels, polygons[["geometry"]], predicate="within", how="left")
    joined["area"] = polygons.geometry.area.reindex(joined["index_right"]).to_numpy()
    inside = joined.dropna(subset=["index_right"]).sort_values("area").groupby(level=0).head(1)
    outside = labels.drop(index=inside.index)
    pairs = [(int(i), lab) for i, lab in zip(inside["index_right"], inside["label"])]
    used = set(int(i) for i in inside.index)
    if not outside.empty:
        near = gpd.sjoin_nearest(outside, polygons[["geometry"]], max_distance=TEXT_DISTANCE, how="inner")
        near = near[~near.index.duplicated()]
        pairs += [(int(i), lab) for i, lab in zip(near["index_right"], near["label"])]
        used |= set(int(i) for i in near.index)
    for index, label in pairs:
        result[index] = label if result[index] is None else f"{result[index]} | {label}"
    return result, used


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
        parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon"]
        if len(parts) == 1 and not parts[0].interiors:
            msp.add_lwpolyline(list(parts[0].exterior.coords)[:-1], close=True, dxfattribs={"layer": layer})
        elif parts:  # holes or several parts: one HATCH, as GDAL writes, so the lot stays one feature
            hatch = msp.add_hatch(dxfattribs={"layer": layer})
            for polygon in parts:
                hatch.paths.add_polyline_path(list(polygon.exterior.coords)[:-1], is_closed=True, flags=1)
                for ring in polygon.interiors:
                    hatch.paths.add_polyline_path(list(ring.coords)[:-1], is_closed=True, flags=0)
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
