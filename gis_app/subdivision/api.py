"""One call for the GUI (Qt-free): site + parameters → preview layers and metrics.

The shell runs :func:`run` in its worker thread with a ``Feedback`` (progress bar, Cancel), shows
``result.frames`` and ``result.metrics`` as the preview, and on Accept adds the layers to the
project as one undoable step. :func:`zone_vacant_land` picks a zone's vacant land from a loaded
:class:`~gis_app.core.project.Project`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..core.errors import InputError
from ..core.i18n import t
from ..core.processing import Feedback
from . import output, site, validate
from .engine import subdivide
from .metrics import layout_metrics
from .balance import layout_balance
from .params import SubdivisionParams, check_params


@dataclass
class SubdivisionResult:
    frames: dict  # lots, roads, reserve, remainder, access (GeoDataFrames in the site's CRS)
    metrics: dict  # the METRICS keys of the contract, plus guarantees_ok / problems
    layout: object


def zone_vacant_land(project, zone_id: str, tolerance: float = 0.05):
    """(polygon, access_ids, access_parts) of a zone's vacant industrial parcels (plus an earlier
    layout of the zone); its road parcels give access (all edges when none touches)."""
    from .project_layout import zone_site

    return zone_site(project, zone_id, tolerance)


def run(polygon, crs, params: SubdivisionParams, access_ids=None, access_parts=None,
        feedback: Feedback | None = None, lot_use: str = "cnht") -> SubdivisionResult:
    """Subdivide ``polygon`` (projected CRS ``crs``); without access, every outer edge gives access.
    Metrics add ``balance`` (``balance.layout_balance``: the land-use balance of the layout)."""
    check_params(params)
    if crs is None or getattr(crs, "is_geographic", False):
        raise InputError(t("cần hệ tọa độ phẳng (mét) để tính diện tích", "a projected CRS (metres) is needed"),
                         "crs")
    if access_parts is None:
        access_ids, access_parts = site.default_access(polygon)
    layout = subdivide(polygon, access_ids, np.asarray(access_parts, dtype=object), params, feedback)
    why = validate.lot_rule_reasons(layout.lots, layout.roads, layout.road_kinds, layout.access_parts, params)
    problems = validate.layout_problems(layout, params)
    metrics = layout_metrics(layout, params, valid_lots=int((why == "").sum()) if len(why) else 0)
    metrics["guarantees_ok"], metrics["problems"] = not problems, problems
    frames = output.to_frames(layout, crs, lot_use)
    # the land-use balance of every layout (issue 11); the QCVN check is a whole park's (run_park)
    metrics["balance"] = layout_balance(frames)
    return SubdivisionResult(frames, metrics, layout)


def run_park(polygon, crs, params, entrances=(), feedback: Feedback | None = None,
             rulesets=None) -> SubdivisionResult:
    """A whole-park layout (preset ``kcn``/``ccn``, :mod:`.park`) of ``polygon`` from ``entrances``
    (Points in ``crs``; none: the middle of the longest edge). Frames add ``green``, ``technical``,
    ``services`` and ``entrances``; metrics add ``balance`` and ``qcvn_ok`` (checked against the
    land-use-balance rules of ``rulesets``, default vn-national)."""
    from . import park

    if crs is None or getattr(crs, "is_geographic", False):
        raise InputError(t("cần hệ tọa độ phẳng (mét) để tính diện tích", "a projected CRS (metres) is needed"),
                         "crs")
    layout = park.layout_park(polygon, list(entrances), params, feedback)
    frames = park.to_frames(layout, crs)
    problems = park.layout_problems(layout, params)
    return SubdivisionResult(frames, park.layout_metrics(layout, frames, params, problems, rulesets), layout)
