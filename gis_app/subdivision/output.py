"""Layout → GeoDataFrames (the contract's layers) and the atomic GeoPackage write."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely

from ..core.atomic import atomic_path

LAYERS = ("lots", "roads", "reserve", "remainder")  # the contract's layers (polygons)
EXTRA_LAYERS = ("green", "technical", "services")  # second round, presets kcn and ccn


def to_frames(layout, crs, use: str = "cnht") -> dict:
    import geopandas as gpd

    lots = gpd.GeoDataFrame({
        "lot_id": list(layout.lot_ids), "area_m2": np.round(np.asarray(layout.lot_area, float), 3),
        "frontage_m": np.round(np.asarray(layout.lot_frontage, float), 3),
        "depth_m": np.round(np.asarray(layout.lot_depth, float), 3),
        "use": [use] * len(layout.lot_ids), "road_id": list(layout.lot_road)},
        geometry=list(layout.lots), crs=crs)
    roads = gpd.GeoDataFrame({"road_id": list(layout.road_ids), "kind": list(layout.road_kinds),
                              "area_m2": shapely.area(np.asarray(layout.roads, dtype=object)) if len(layout.roads)
                              else np.zeros(0)}, geometry=list(layout.roads), crs=crs)
    reserve = gpd.GeoDataFrame({"reserve_id": [f"HT-{i + 1:02d}" for i in range(len(layout.reserve))],
                                "use": ["hightech"] * len(layout.reserve),
                                "area_m2": shapely.area(np.asarray(layout.reserve, dtype=object))
                                if len(layout.reserve) else np.zeros(0)},
                               geometry=list(layout.reserve), crs=crs)
    remainder = gpd.GeoDataFrame({"reason": list(layout.remainder_reason),
                                  "area_m2": shapely.area(np.asarray(layout.remainder, dtype=object))
                                  if len(layout.remainder) else np.zeros(0)},
                                 geometry=list(layout.remainder), crs=crs)
    # the access edges used (extra layer): the edit operations measure frontage against them too
    access = gpd.GeoDataFrame({"access_id": list(layout.access_ids)}, geometry=list(layout.access_parts), crs=crs)
    return {"lots": lots, "roads": roads, "reserve": reserve, "remainder": remainder, "access": access}


def write_gpkg(frames: dict, path: str | Path) -> None:
    """All layers into one new GeoPackage, atomically (empty layers are kept as empty tables)."""
    import pyogrio

    with atomic_path(path, suffix=".gpkg") as tmp:
        for name in LAYERS:
            frame = frames[name]
            frame = frame.set_geometry(frame.geometry.apply(
                lambda g: shapely.MultiPolygon([g]) if g is not None and g.geom_type == "Polygon" else g),
                crs=frame.crs)
            pyogrio.write_dataframe(frame, tmp, layer=name, driver="GPKG", geometry_type="MultiPolygon",
                                    promote_to_multi=True)
        for name in EXTRA_LAYERS:  # whole-park layouts (presets kcn, ccn)
            if name in frames:
                pyogrio.write_dataframe(frames[name], tmp, layer=name, driver="GPKG", geometry_type="MultiPolygon",
                                        promote_to_multi=True)
        if "entrances" in frames:
            pyogrio.write_dataframe(frames["entrances"], tmp, layer="entrances", driver="GPKG",
                                    geometry_type="Point")
        if "access" in frames:
            pyogrio.write_dataframe(frames["access"], tmp, layer="access", driver="GPKG",
                                    geometry_type="MultiLineString", promote_to_multi=True)
