"""Zone figures computed inside PostGIS: one query, no parcel leaves the server.

For a province-sized shared database (a million parcels) the check's fill rates and reservation
figures are pushed into SQL rather than downloading every parcel. The definitions are those of
../shared/CONTRACTS.md, as ``gis_app/core/fill_rates.py`` and ``gis_app/rules/figures.py`` compute them
in memory: a zone's industrial land fund is the area of its ``industrial`` parcels (else the declared
``industrial_m2``), leased the area of those ``leased`` (else ``leased_m2``), fill rate = leased / fund;
high-tech (CNHT) land is the industrial land inside its ``hightech`` (``cnht``) subzones (dissolved per
zone and use), or, for a zone without parcels, the area of those subzones.
"""
from __future__ import annotations

import pandas as pd

from .postgis import PostgisStore, connect

COLUMNS = ("gross_m2", "industrial_m2", "leased_m2", "vacant_m2", "fill_rate", "figures_from",
           "hightech_m2", "cnht_m2")


def database_figures(address: str) -> pd.DataFrame:
    """One row per zone (index zone_id) with COLUMNS, computed by PostGIS in a single query.

    Raises InputError when the database or project cannot be reached.
    """
    from psycopg import sql

    store = PostgisStore(address)
    q = store._q
    with connect(address) as conn:
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        layers = {name: dict(columns) for name, columns in conn.execute(
            sql.SQL("SELECT name, columns FROM {}").format(q("kcn_layers"))).fetchall()}
        zone_cols = layers.get("zones", {})
        declared = {c: sql.Identifier(c) if c in zone_cols else sql.SQL("NULL::double precision")
                    for c in ("industrial_m2", "leased_m2")}
        parcels = sql.SQL("SELECT zone_id::text AS zone_id, status, geom FROM {} WHERE landuse = 'industrial'").format(
            q("parcels")) if "parcels" in layers else \
            sql.SQL("SELECT NULL::text AS zone_id, NULL::text AS status, NULL::geometry AS geom WHERE false")
        subzones = sql.SQL("SELECT zone_id::text AS zone_id, use, ST_Union(geom) AS geom FROM {} "
                           "WHERE use IN ('hightech', 'cnht') GROUP BY 1, 2").format(q("subzones")) \
            if "subzones" in layers else \
            sql.SQL("SELECT NULL::text AS zone_id, NULL::text AS use, NULL::geometry AS geom WHERE false")
        query = sql.SQL("""
            WITH z AS (SELECT zone_id::text AS zone_id, ST_Area(geom) AS gross,
                              {d_ind}::double precision AS d_ind, {d_leased}::double precision AS d_leased
                       FROM {zones}),
                 ind AS ({parcels}),
                 agg AS (SELECT zone_id, sum(ST_Area(geom)) AS ind,
                                coalesce(sum(ST_Area(geom)) FILTER (WHERE status = 'leased'), 0) AS leased
                         FROM ind GROUP BY zone_id),
                 res AS ({subzones}),
                 pairs AS (SELECT i.zone_id, r.use, sum(ST_Area(ST_Intersection(i.geom, r.geom))) AS a
                           FROM ind AS i JOIN res AS r ON r.zone_id = i.zone_id AND ST_Intersects(i.geom, r.geom)
                           GROUP BY 1, 2),
                 fig AS (SELECT z.zone_id, z.gross,
                                CASE WHEN agg.zone_id IS NULL THEN z.d_ind ELSE agg.ind END AS fund,
                                CASE WHEN agg.zone_id IS NULL THEN z.d_leased ELSE agg.leased END AS leased,
                                agg.zone_id IS NOT NULL AS from_parcels
                         FROM z LEFT JOIN agg ON agg.zone_id = z.zone_id)
            SELECT f.zone_id, f.gross, f.fund, f.leased, f.fund - f.leased,
                   CASE WHEN f.fund > 0 THEN f.leased / f.fund END,
                   CASE WHEN f.from_parcels THEN 'parcels' ELSE 'declared' END,
                   CASE WHEN f.from_parcels
                        THEN coalesce((SELECT a FROM pairs p WHERE p.zone_id = f.zone_id AND p.use = 'hightech'), 0)
                        ELSE coalesce((SELECT ST_Area(geom) FROM res r WHERE r.zone_id = f.zone_id
                                       AND r.use = 'hightech'), 0) END,
                   CASE WHEN f.from_parcels
                        THEN coalesce((SELECT a FROM pairs p WHERE p.zone_id = f.zone_id AND p.use = 'cnht'), 0)
                        ELSE coalesce((SELECT ST_Area(geom) FROM res r WHERE r.zone_id = f.zone_id
                                       AND r.use = 'cnht'), 0) END
            FROM fig AS f ORDER BY f.zone_id""").format(
            d_ind=declared["industrial_m2"], d_leased=declared["leased_m2"], zones=q("zones"),
            parcels=parcels, subzones=subzones)
        rows = conn.execute(query).fetchall()
        conn.rollback()
    frame = pd.DataFrame(rows, columns=["zone_id", *COLUMNS]).set_index("zone_id")
    for column in COLUMNS:
        if column != "figures_from":
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    return frame
