"""The edit log of a shared (PostGIS) project: who changed which row, when, before and after.

The database writes it (a trigger on every layer table), so it holds every edit whoever made it; the
desktop shows it filtered by person, layer, row and date.
"""
from __future__ import annotations

import pandas as pd

from .postgis import PostgisStore, connect

LOG_COLUMNS = ("at", "who", "layer", "row_key", "operation", "before", "after")


def read_edit_log(address: str, who: str | None = None, layer: str | None = None, row_key: str | None = None,
                  since=None, limit: int = 5000) -> pd.DataFrame:
    """The newest ``limit`` log entries matching the filters (``row_key``: a part of the id; others exact).

    Returns a DataFrame with LOG_COLUMNS (``before``/``after`` as dicts). Raises InputError when the
    database cannot be reached.
    """
    from psycopg import sql

    store = PostgisStore(address)
    clauses, params = [], []
    if who:
        clauses.append(sql.SQL("who = %s"))
        params.append(who)
    if layer:
        clauses.append(sql.SQL("layer = %s"))
        params.append(layer)
    if row_key:
        clauses.append(sql.SQL("row_key ILIKE %s"))
        params.append("%" + row_key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    if since is not None:
        clauses.append(sql.SQL("at >= %s"))
        params.append(since)
    where = sql.SQL(" WHERE ") + sql.SQL(" AND ").join(clauses) if clauses else sql.SQL("")
    query = sql.SQL("SELECT at, who, layer, row_key, operation, before, after FROM {}{} "
                    "ORDER BY id DESC LIMIT %s").format(store._q("kcn_edit_log"), where)
    with connect(address) as conn:
        rows = conn.execute(query, [*params, int(limit)]).fetchall()
    return pd.DataFrame(rows, columns=list(LOG_COLUMNS))


def changed_fields(before: dict | None, after: dict | None) -> dict:
    """``{field: (before, after)}`` for the fields an entry changed (row version left out)."""
    before, after = before or {}, after or {}
    keys = [k for k in {**before, **after} if k not in ("kcn_version", "kcn_fid")]
    return {k: (before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)}
