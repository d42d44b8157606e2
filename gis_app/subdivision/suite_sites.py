"""The suite of test and benchmark sites (issue 4), built in code, in metres (EPSG:9209 plane)."""
from __future__ import annotations

import math

import numpy as np
import shapely
from shapely import affinity

# a place in Hải Dương so that the sites sit where a VN-2000 TM-3 105°30' plane makes sense
ORIGIN = (560000.0, 2318000.0)


def _scaled_to(poly, area_m2: float):
    f = math.sqrt(area_m2 / poly.area)
    return affinity.scale(poly, f, f, origin="centroid")


def _placed(poly):
    return affinity.translate(poly, *ORIGIN)


def irregular(area_m2: float = 860_000.0):
    """A concave, wavy outline (deterministic), turned 17° off the axes."""
    theta = np.linspace(0, 2 * np.pi, 40, endpoint=False)
    r = 1 + 0.22 * np.sin(3 * theta + 0.4) + 0.08 * np.cos(7 * theta)
    poly = shapely.Polygon(np.column_stack([1.3 * r * np.cos(theta), r * np.sin(theta)]))
    poly = affinity.rotate(poly, 17, origin="centroid")
    return _scaled_to(poly, area_m2)


def suite() -> dict:
    """name → polygon. Areas exact to the stated hectares."""
    side = math.sqrt(100_000.0)
    hole = affinity.rotate(shapely.box(-side / 2, -side / 2, side / 2, side / 2), 30)
    leg = math.sqrt(2 * 50_000.0 / math.tan(math.radians(20)))  # right triangle, 20° at the origin
    sites = {
        "rectangle_10ha": shapely.box(0, 0, 400, 250),
        "L_51ha": shapely.Polygon([(0, 0), (1000, 0), (1000, 300), (300, 300), (300, 1000), (0, 1000)]),
        "U_45ha": shapely.Polygon([(0, 0), (900, 0), (900, 600), (600, 600), (600, 300), (300, 300),
                                   (300, 600), (0, 600)]),
        "square_100ha_hole_10ha": shapely.Polygon(
            [(-500, -500), (500, -500), (500, 500), (-500, 500)], [list(hole.exterior.coords)]),
        "irregular_86ha": irregular(860_000.0),
        "irregular_500ha": irregular(5_000_000.0),
        "triangle_5ha_20deg": shapely.Polygon([(0, 0), (leg, 0), (leg, leg * math.tan(math.radians(20)))]),
    }
    return {name: shapely.normalize(_placed(p)) for name, p in sites.items()}


def sample_vacant_land(project_path, zone_id: str = "KCN-DAIAN"):
    """(site polygon, access polygons array, crs) from the sample project, or None when absent.

    Site = the zone's vacant industrial parcels; access = its road parcels.
    """
    from pathlib import Path

    import geopandas as gpd

    if not Path(project_path).exists():
        return None
    parcels = gpd.read_file(project_path, layer="parcels")
    mine = parcels[parcels["zone_id"] == zone_id]
    vacant = mine[(mine["landuse"] == "industrial") & (mine["status"] == "vacant")]
    roads = mine[mine["landuse"] == "road"]
    if vacant.empty:
        return None
    site = shapely.union_all(shapely.make_valid(vacant.geometry.values))
    return site, roads.geometry.values, parcels.crs
