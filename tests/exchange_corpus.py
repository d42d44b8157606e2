"""A corpus of exchange inputs built here (issue 12), one per kind of fault, with the right result.

Each builder writes its file(s) into a folder and returns what a faithful import must give. Nothing
is copied from other projects: the files are made with ezdxf, our own DBF writer and plain bytes.
Coordinates are in EPSG:9209 around Hải Dương.
"""
from __future__ import annotations

import math
import struct
from pathlib import Path

import ezdxf

X0, Y0 = 586000.0, 2316000.0


def dxf_all_lot_shapes(path: Path) -> dict:
    """Every entity kind lots are drawn with; returns {"areas": {feature key: m²}, "unread": {...}}."""
    doc = ezdxf.new("R2010")
    msp = doc.modelspace()
    areas = {}
    # closed LWPOLYLINE with a bulge (a half-circle on the top edge of a 40 x 20 lot)
    x, y = X0, Y0
    msp.add_lwpolyline([(x, y, 0), (x + 40, y, 0), (x + 40, y + 20, 1.0), (x, y + 20, 0)], format="xyb",
                       close=True, dxfattribs={"layer": "LO_BULGE"})
    areas["LO_BULGE"] = 40 * 20 + math.pi * 20 ** 2 / 2
    # LWPOLYLINE closed by repeating its first vertex, no flag
    x = X0 + 100
    msp.add_lwpolyline([(x, y), (x + 30, y), (x + 30, y + 30), (x, y + 30), (x, y)], dxfattribs={"layer": "LO_REPEAT"})
    areas["LO_REPEAT"] = 900
    # 2D and 3D POLYLINE, closed flag
    x = X0 + 200
    msp.add_polyline2d([(x, y), (x + 50, y), (x + 50, y + 10), (x, y + 10)], close=True, dxfattribs={"layer": "LO_P2D"})
    areas["LO_P2D"] = 500
    x = X0 + 300
    msp.add_polyline3d([(x, y, 5), (x + 20, y, 5), (x + 20, y + 20, 6), (x, y + 20, 6)], close=True,
                       dxfattribs={"layer": "LO_P3D"})
    areas["LO_P3D"] = 400
    # HATCH with a hole, HATCH with two areas
    x = X0 + 400
    hatch = msp.add_hatch(dxfattribs={"layer": "LO_HOLE"})
    hatch.paths.add_polyline_path([(x, y), (x + 100, y), (x + 100, y + 80), (x, y + 80)], is_closed=True, flags=1)
    hatch.paths.add_polyline_path([(x + 20, y + 20), (x + 50, y + 20), (x + 50, y + 50), (x + 20, y + 50)],
                                  is_closed=True, flags=0)
    areas["LO_HOLE"] = 8000 - 900
    x = X0 + 600
    hatch = msp.add_hatch(dxfattribs={"layer": "LO_MULTI"})
    hatch.paths.add_polyline_path([(x, y), (x + 40, y), (x + 40, y + 50), (x, y + 50)], is_closed=True, flags=1)
    hatch.paths.add_polyline_path([(x + 60, y), (x + 100, y), (x + 100, y + 40), (x + 60, y + 40)], is_closed=True,
                                  flags=1)
    areas["LO_MULTI"] = 2000 + 1600
    # HATCH with an edge path (lines and an arc): a 40 x 40 square with a half-disc on top
    x = X0 + 800
    hatch = msp.add_hatch(dxfattribs={"layer": "LO_EDGE"})
    edges = hatch.paths.add_edge_path(flags=1)
    edges.add_line((x, y), (x + 40, y))
    edges.add_line((x + 40, y), (x + 40, y + 40))
    edges.add_arc((x + 20, y + 40), radius=20, start_angle=0, end_angle=180, ccw=True)
    edges.add_line((x, y + 40), (x, y))
    areas["LO_EDGE"] = 1600 + math.pi * 400 / 2
    # CIRCLE, full ELLIPSE, closed SPLINE (a closed control polygon of a square-ish shape)
    msp.add_circle((X0 + 1000, Y0 + 30), radius=30, dxfattribs={"layer": "LO_CIRCLE"})
    areas["LO_CIRCLE"] = math.pi * 900
    msp.add_ellipse((X0 + 1100, Y0 + 30), major_axis=(40, 0), ratio=0.5, dxfattribs={"layer": "LO_ELLIPSE"})
    areas["LO_ELLIPSE"] = math.pi * 40 * 20
    x = X0 + 1200
    spline = msp.add_open_spline([(x, y), (x + 40, y - 10), (x + 50, y + 40), (x, y + 50), (x - 10, y + 20), (x, y)],
                                 degree=3, dxfattribs={"layer": "LO_SPLINE"})  # clamped, ends on its start
    areas["LO_SPLINE"] = None  # measured from the flattened curve (ezdxf and GDAL agree within 1 %)
    # a ring of LINE and ARC pieces whose ends miss by 4 mm: chained and closed exactly
    x = X0 + 1300
    msp.add_line((x, y), (x + 60, y), dxfattribs={"layer": "LO_CHAIN"})
    msp.add_line((x + 60.004, y), (x + 60, y + 40), dxfattribs={"layer": "LO_CHAIN"})
    msp.add_arc((x + 30, y + 40), radius=30, start_angle=0, end_angle=180, dxfattribs={"layer": "LO_CHAIN"})
    msp.add_line((x, y + 40.003), (x, y), dxfattribs={"layer": "LO_CHAIN"})
    areas["LO_CHAIN"] = 2400 + math.pi * 900 / 2
    # blocks: a lot as a HATCH with attributes, inserted moved, rotated, scaled, mirrored; and nested
    block = doc.blocks.new("LO_KHOI")
    block.add_lwpolyline([(0, 0), (20, 0), (20, 10), (0, 10)], close=True, dxfattribs={"layer": "LO_BLOCK"})
    block.add_attdef("MALO", (1, 1), dxfattribs={"height": 1})
    block.add_attdef("CHUSD", (1, 3), dxfattribs={"height": 1})
    placements = [("B1", (X0 + 1400, Y0), 0, (1, 1)), ("B2", (X0 + 1450, Y0), 30, (1, 1)),
                  ("B3", (X0 + 1500, Y0), 0, (2, 3)), ("B4", (X0 + 1600, Y0), 0, (-1, 1))]
    for malo, point, angle, (sx, sy) in placements:
        insert = msp.add_blockref("LO_KHOI", point, dxfattribs={"rotation": angle, "xscale": sx, "yscale": sy})
        insert.add_auto_attribs({"MALO": malo, "CHUSD": f"Công ty {malo}"})
        areas[malo] = 200 * abs(sx * sy)
    outer = doc.blocks.new("CUM_LO")
    outer.add_blockref("LO_KHOI", (0, 0))
    outer.add_blockref("LO_KHOI", (30, 0))
    msp.add_blockref("CUM_LO", (X0 + 1700, Y0), dxfattribs={"xscale": 2, "yscale": 2})
    areas["NESTED"] = 2 * 200 * 4
    # entities that are not areas: counted, never silently dropped
    msp.add_point((X0, Y0 - 10))
    msp.add_point((X0 + 5, Y0 - 10))
    msp.add_text("Lô A", dxfattribs={"insert": (X0 + 110, Y0 + 10), "height": 2})
    doc.saveas(path)
    return {"areas": areas, "unread": {"POINT": 2}, "spline": spline.dxf.handle}


# -- shapefiles built byte by byte (formats: ESRI Shapefile Technical Description, 1998; dBASE III) --
def _shp_header(shape_type: int, length_bytes: int, bbox=(0.0, 0.0, 0.0, 0.0)) -> bytes:
    return (struct.pack(">7i", 9994, 0, 0, 0, 0, 0, length_bytes // 2) + struct.pack("<2i", 1000, shape_type)
            + struct.pack("<4d", *bbox) + struct.pack("<4d", 0, 0, 0, 0))


def _polygon_record(number: int, ring: list[tuple[float, float]], shape_type: int = 5) -> bytes:
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    content = struct.pack("<i4d2i", shape_type, min(xs), min(ys), max(xs), max(ys), 1, len(ring))
    content += struct.pack("<i", 0) + b"".join(struct.pack("<2d", *p) for p in ring)
    return struct.pack(">2i", number, len(content) // 2) + content


def dbf_bytes(fields: list[tuple[bytes, str, int, int]], records: list[list[bytes]], ldid: int = 0) -> bytes:
    """A dBASE III table from raw field names (≤ 11 bytes) and raw, already padded values."""
    record_len = 1 + sum(f[2] for f in fields)
    header = struct.pack("<BBBBIHH", 3, 126, 1, 1, len(records), 32 + 32 * len(fields) + 1, record_len)
    header += bytes(17) + bytes([ldid]) + bytes(2)
    for name, kind, length, decimals in fields:
        header += name.ljust(11, b"\x00")[:11] + kind.encode() + bytes(4) + bytes([length, decimals]) + bytes(14)
    body = b"".join(b" " + b"".join(v.ljust(f[2])[:f[2]] for v, f in zip(row, fields)) for row in records)
    return header + b"\r" + body + b"\x1a"


def shapefile(folder: Path, stem: str, fields, records, cpg: str | None = None, ldid: int = 0,
              shape_type: int = 5, prj_epsg: int | None = 9209) -> Path:
    """Square lots (one per record) with the given raw DBF fields/records; returns the .shp path."""
    folder.mkdir(parents=True, exist_ok=True)
    shp_records, shx = b"", b""
    offset = 100
    for n in range(len(records)):
        x, y = X0 + 100 * n, Y0
        rec = _polygon_record(n + 1, [(x, y), (x, y + 50), (x + 40, y + 50), (x + 40, y), (x, y)], shape_type)
        shx += struct.pack(">2i", offset // 2, (len(rec) - 8) // 2)
        offset += len(rec)
        shp_records += rec
    bbox = (X0, Y0, X0 + 100 * max(len(records), 1), Y0 + 50) if records else (0, 0, 0, 0)
    (folder / f"{stem}.shp").write_bytes(_shp_header(shape_type, 100 + len(shp_records), bbox) + shp_records)
    (folder / f"{stem}.shx").write_bytes(_shp_header(shape_type, 100 + len(shx), bbox) + shx)
    (folder / f"{stem}.dbf").write_bytes(dbf_bytes(fields, records, ldid))
    if cpg is not None:
        (folder / f"{stem}.cpg").write_text(cpg, encoding="ascii")
    if prj_epsg is not None:
        from pyproj import CRS

        (folder / f"{stem}.prj").write_text(CRS.from_epsg(prj_epsg).to_wkt("WKT1_ESRI"), encoding="ascii")
    return folder / f"{stem}.shp"


def dxf_without_header(path: Path) -> dict:
    """A closed LWPOLYLINE lot on layer LO_DAT in a DXF whose HEADER section was removed."""
    doc = ezdxf.new("R2000")
    doc.layers.add("LO_DAT")
    doc.modelspace().add_lwpolyline([(X0, Y0), (X0 + 60, Y0), (X0 + 60, Y0 + 40), (X0, Y0 + 40)], close=True,
                                    dxfattribs={"layer": "LO_DAT"})
    doc.saveas(path)
    text = path.read_text(encoding="utf-8")
    start = text.index("  0\nSECTION\n  2\nHEADER")
    end = text.index("  0\nENDSEC\n", start) + len("  0\nENDSEC\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    return {"area": 2400.0, "layer": "LO_DAT"}


def dxf_empty_handles(path: Path) -> dict:
    """An R12 DXF whose entity handles are empty (group code 5 with no value): two closed lots."""
    doc = ezdxf.new("R12")
    msp = doc.modelspace()
    msp.add_polyline2d([(X0, Y0), (X0 + 30, Y0), (X0 + 30, Y0 + 30), (X0, Y0 + 30)], close=True)
    msp.add_polyline2d([(X0 + 50, Y0), (X0 + 80, Y0), (X0 + 80, Y0 + 20), (X0 + 50, Y0 + 20)], close=True)
    doc.saveas(path)
    lines = path.read_text(encoding="cp1252").split("\n")
    in_entities = False
    for i in range(0, len(lines) - 1, 2):
        if lines[i].strip() == "2" and lines[i + 1].strip() == "ENTITIES":
            in_entities = True
        if in_entities and lines[i].strip() == "5":
            lines[i + 1] = ""
    path.write_text("\n".join(lines), encoding="cp1252")
    return {"areas": [900.0, 600.0]}
