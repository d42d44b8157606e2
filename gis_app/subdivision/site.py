"""Input preparation: read and project the site, find its access edges, the local (rotated) frame.

Areas are only ever computed on a projected plane: a geographic SITE is moved to its VN-2000
TM-3 zone (VN-2000 data) or to its UTM zone (anything else) first.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely

from ..core.errors import InputError
from ..core.i18n import t


ACCESS_SNAP_M = 0.5  # a site edge this close to a road counts as lying on it


def _read(path: str | Path, layer: str | None, what: str):
    import pyogrio
    import geopandas as gpd

    path = Path(path)
    if not path.exists():
        raise InputError(t("không tìm thấy tệp {w}", "{w} file not found", w=what), path)
    try:
        frame = gpd.read_file(path, layer=layer, engine="pyogrio") if layer else \
            gpd.read_file(path, engine="pyogrio")
    except Exception as exc:  # pyogrio raises several types for unreadable/partial files
        raise InputError(t("không đọc được tệp ({err})", "cannot read the file ({err})",
                           err=str(exc)[:200]), path) from exc
    if frame.empty or frame.geometry.isna().all():
        raise InputError(t("tệp không có đối tượng hình học nào", "the file holds no geometry"), path)
    return frame


def _projected_crs_for(frame):
    """The VN-2000 TM-3 zone (VN-2000 data) or UTM zone (otherwise) for geographic ``frame``."""
    from ..core.crs import local_projected_crs

    return local_projected_crs(frame)


def load_site(path, layer=None, crs=None) -> tuple[object, object]:
    """Read SITE, check its CRS and polygons, return (projected union polygon, CRS)."""
    from ..core.crs import reproject, to_crs

    frame = _read(path, layer, t("vùng đất", "site"))
    if crs:
        try:
            given = to_crs(crs)
        except Exception:
            raise InputError(t("mã hệ tọa độ không hợp lệ {c!r}", "invalid CRS code {c!r}", c=crs), "--crs")
        # a GeoJSON always comes back as WGS 84 from GDAL, even in metres: --crs must then win
        geojson_default = Path(path).suffix.lower() in (".geojson", ".json") and frame.crs is not None \
            and frame.crs.to_epsg() == 4326
        frame = frame.set_crs(given, allow_override=True) if frame.crs is None or geojson_default else frame
    if frame.crs is None:
        raise InputError(t("tệp không có hệ tọa độ (.prj); hãy chỉ ra bằng --crs",
                           "the file has no coordinate system (.prj); give it with --crs"), path)
    geoms = frame.geometry.values
    geoms = geoms[~shapely.is_empty(geoms) & ~shapely.is_missing(geoms)]
    kinds = set(shapely.get_type_id(geoms).tolist())
    if not kinds <= {3, 6}:
        raise InputError(t("tệp phải chứa vùng (Polygon), không phải điểm hay đường",
                           "the file must hold polygons, not points or lines"), path)
    if frame.crs.is_geographic:
        from ..core.drawable import check_coordinates

        check_coordinates(frame, path)  # metres in a GeoJSON without "crs" are not degrees
        frame = reproject(frame.set_geometry(list(geoms)) if len(geoms) != len(frame) else frame,
                          _projected_crs_for(frame))
        geoms = frame.geometry.values
    geoms = shapely.make_valid(geoms)
    polygon = shapely.union_all(geoms)
    polygon = shapely.union_all([g for g in shapely.get_parts(polygon) if shapely.get_type_id(g) in (3, 6)])
    if polygon is None or polygon.is_empty or polygon.area < 1.0:
        raise InputError(t("vùng đất rỗng hoặc diện tích bằng 0", "the site is empty or has no area"), path)
    return shapely.normalize(polygon), frame.crs


def load_zone_vacant_land(path, zone_id: str, tolerance: float):
    """From a project GeoPackage: the zone's vacant industrial parcels plus an earlier accepted layout
    of the zone (the site) and its road parcels (the access), exactly as the desktop's Subdivide zone
    takes them (``project_layout.zone_land``). Returns (polygon, crs, access_ids, access_parts)."""
    if not Path(path).exists():
        raise InputError(t("không tìm thấy tệp dự án", "project file not found"), path)
    frame = _read(path, "parcels", t("dự án", "project")) if "parcels" in _layer_names(path) else None
    if frame is None:
        raise InputError(t("tệp không phải dự án (không có lớp parcels)", "not a project file (no parcels layer)"),
                         path)
    missing = {"zone_id", "landuse", "status"} - set(frame.columns)
    if missing or frame.crs is None:
        raise InputError(t("lớp parcels thiếu cột {c} hoặc hệ tọa độ", "the parcels layer lacks columns {c} or a CRS",
                           c=", ".join(sorted(missing))), path)
    if frame.crs.is_geographic:
        from ..core.project_crs import require_projected

        zones = frame["province"] if "province" in frame.columns else None
        require_projected(frame.crs, bounds=tuple(frame.total_bounds), where=path,
                          province=str(zones.dropna().iloc[0]) if zones is not None and zones.notna().any() else None)
    from .project_layout import zone_land  # the desktop's definition: an earlier layout is re-planned

    polygon, ids, parts = zone_land(frame, zone_id, tolerance)
    return polygon, frame.crs, ids, parts


def vacant_land_from_parcels(parcels, zone_id: str, tolerance: float):
    """(polygon, access_ids, access_parts): a zone's vacant industrial parcels, its road parcels as
    access (every outer edge when no road parcel runs along the land)."""
    mine = parcels[parcels["zone_id"] == zone_id]
    if mine.empty:
        raise InputError(t("không có khu {z} trong dự án", "there is no zone {z} in the project", z=zone_id), "--zone")
    vacant = mine[(mine["landuse"] == "industrial") & (mine["status"] == "vacant")]
    if vacant.empty:
        raise InputError(t("khu {z} không còn đất công nghiệp trống", "zone {z} has no vacant industrial land",
                           z=zone_id), "--zone")
    polygon = shapely.normalize(shapely.union_all(shapely.make_valid(vacant.geometry.values)))
    roads = mine[mine["landuse"] == "road"].geometry.values
    if len(roads):
        try:
            ids, parts = load_access_geoms(roads, polygon, tolerance)
            return polygon, ids, parts
        except InputError:
            pass  # no road parcel along the vacant land: fall back to all its edges
    ids, parts = default_access(polygon)
    return polygon, ids, parts


def _layer_names(path) -> set:
    import pyogrio

    try:
        return {name for name, _ in pyogrio.list_layers(path)}
    except Exception as exc:
        raise InputError(t("không đọc được tệp ({err})", "cannot read the file ({err})", err=str(exc)[:200]),
                         path) from exc


def load_access(path, crs, site_polygon, tolerance: float) -> tuple[list[str], np.ndarray]:
    """Access pieces from a file of roads (polygons) or access edges (lines), in the site's CRS."""
    from ..core.crs import reproject

    frame = _read(path, None, t("lối vào", "access"))
    if frame.crs is None:
        raise InputError(t("tệp lối vào không có hệ tọa độ (.prj)", "the access file has no coordinate system (.prj)"),
                         path)
    frame = reproject(frame, crs)
    return load_access_geoms(frame.geometry.values, site_polygon, tolerance, path)


def load_access_geoms(geoms, site_polygon, tolerance: float, path="--access") -> tuple[list[str], np.ndarray]:
    """Access pieces from road polygons or access lines already in the site's CRS."""
    geoms = np.asarray(geoms, dtype=object)
    geoms = geoms[~shapely.is_missing(geoms)]
    geoms = shapely.make_valid(geoms)
    geoms = geoms[~shapely.is_empty(geoms)]
    if len(geoms) and set(shapely.get_type_id(geoms).tolist()) & {0, 4}:
        raise InputError(t("tệp lối vào phải chứa đường hoặc vùng, không phải điểm",
                           "the access file must hold lines or polygons, not points"), path)
    lines = np.array([shapely.boundary(g) if shapely.get_type_id(g) in (3, 6) else g for g in geoms], dtype=object)
    near = shapely.dwithin(lines, site_polygon, ACCESS_SNAP_M) if len(lines) else np.zeros(0, bool)
    lines = lines[near]
    if not len(lines):
        raise InputError(t("không có đường nào trong tệp lối vào chạm vào vùng đất",
                           "no road in the access file touches the site"), path)
    # access = the stretches of the site's own edge that run along a road (snapped onto the edge)
    edge = shapely.boundary(site_polygon)
    lines = shapely.line_merge(shapely.intersection(edge, shapely.buffer(lines, ACCESS_SNAP_M)))
    keep = shapely.length(lines) > 1.0
    lines = lines[keep]
    if not len(lines):
        raise InputError(t("không có đường nào trong tệp lối vào chạy dọc cạnh vùng đất",
                           "no road in the access file runs along the site's edge"), path)
    return [f"A-{i + 1:02d}" for i in range(len(lines))], lines


def default_access(site_polygon) -> tuple[list[str], np.ndarray]:
    """No access given: every outer edge of the site (holes are not roads)."""
    rings = shapely.get_exterior_ring(shapely.get_parts(site_polygon))
    # LineStrings, not LinearRings: GDAL cannot write a LinearRing to a GeoPackage (it crashed)
    lines = shapely.boundary(shapely.polygons(rings))
    return [f"A-{i + 1:02d}" for i in range(len(rings))], np.asarray(lines, dtype=object)


# -- local frame: x along the site's principal axis ------------------------------------------------
def candidate_angles(site_polygon, access_parts) -> list[float]:
    """Grid orientations to try: the minimum rotated rectangle's axis, the longest access edge."""
    angles = []
    rect = shapely.minimum_rotated_rectangle(site_polygon)
    xy = np.asarray(rect.exterior.coords)
    sides = np.diff(xy, axis=0)
    longest = sides[np.argmax(np.hypot(sides[:, 0], sides[:, 1]))]
    angles.append(float(np.arctan2(longest[1], longest[0])))
    segs = []
    for part in access_parts:
        for line in shapely.get_parts(part):
            c = np.asarray(shapely.get_coordinates(line))
            if len(c) >= 2:
                d = np.diff(c, axis=0)
                segs.append(d)
    if segs:
        d = np.vstack(segs)
        lengths = np.hypot(d[:, 0], d[:, 1])
        # bin segment directions (mod 180°) by total length: the dominant edge direction
        theta = np.mod(np.arctan2(d[:, 1], d[:, 0]), np.pi)
        bins = np.round(np.degrees(theta)).astype(int) % 180
        weight = np.bincount(bins, weights=lengths, minlength=180)
        angles.append(float(np.radians(np.argmax(weight))))
    out = []
    for a in angles:
        a = float(np.mod(a, np.pi / 2))  # a grid is the same under 90° turns... up to x/y swap
        for b in (a, a + np.pi / 2):
            if not any(abs(np.mod(b - o + np.pi / 2, np.pi) - np.pi / 2) < 1e-3 for o in out):
                out.append(b)
    return out


class LocalFrame:
    """Rotation by -angle about ``origin``: site axis → x. ``to_world`` undoes it exactly."""

    def __init__(self, angle: float, origin: tuple[float, float]):
        self.angle, self.origin = angle, np.asarray(origin, float)
        c, s = np.cos(angle), np.sin(angle)
        self._fwd = np.array([[c, s], [-s, c]])
        self._inv = self._fwd.T

    def to_local(self, geoms):
        return shapely.transform(geoms, lambda xy: (xy - self.origin) @ self._fwd.T)

    def to_world(self, geoms):
        return shapely.transform(geoms, lambda xy: xy @ self._inv.T + self.origin)


# -- entrances of a whole-park layout (issue 11) ---------------------------------------------------
def read_geoms(path, crs, what: str) -> np.ndarray:
    """The geometries of a file, reprojected to ``crs``; InputError naming the file otherwise."""
    from ..core.crs import reproject

    frame = _read(path, None, what)
    if frame.crs is None:
        raise InputError(t("tệp không có hệ tọa độ (.prj)", "the file has no coordinate system (.prj)"), path)
    geoms = reproject(frame, crs).geometry.values
    return np.asarray(geoms[~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)], dtype=object)


def zone_road_geoms(path, zone_id: str) -> np.ndarray:
    """The road parcels of ``zone_id`` in a project file (the existing roads an entrance meets)."""
    from .project_layout import zone_roads

    return zone_roads(_read(path, "parcels", t("dự án", "project")), zone_id)


def load_entrances(value: str, crs, site_polygon) -> list:
    """``X,Y`` (site CRS) or a file of points → Points snapped to the site's edge.

    InputError (``--entrance``) when the text is neither, a file holds no point, or a point lies
    farther than 100 m from the site's edge (a typo in a coordinate, most likely)."""
    text = str(value).strip()
    points = None
    if "," in text and not Path(text).exists():
        try:
            x, y = (float(v) for v in text.split(","))
            points = [shapely.Point(x, y)]
        except ValueError:
            raise InputError(t("cần X,Y hoặc một tệp điểm", "expected X,Y or a file of points"), "--entrance")
    else:
        geoms = read_geoms(text, crs, t("lối vào", "entrance"))
        points = [g for g in shapely.get_parts(geoms) if shapely.get_type_id(g) == 0]
        if not points:
            raise InputError(t("tệp lối vào không có điểm nào", "the entrance file holds no point"), text)
    edge = shapely.boundary(site_polygon)
    out = []
    for pt in points:
        if shapely.distance(pt, edge) > 100.0:
            raise InputError(t("lối vào ({x:.1f}, {y:.1f}) cách ranh giới vùng đất hơn 100 m",
                               "the entrance ({x:.1f}, {y:.1f}) is more than 100 m from the site's edge",
                               x=pt.x, y=pt.y), "--entrance")
        out.append(shapely.shortest_line(edge, pt).interpolate(0.0))
    return out
