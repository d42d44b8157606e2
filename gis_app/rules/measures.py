"""The catalogue of measures a rule can use (documented in docs/guide/rules.md).

A zone measure gives, for every zone at once (vectorised: groupbys over the parcel/subzone overlaps
of figures.py, STRtree queries, shapely arrays), a frame indexed by zone_id with
- ``cmp_value`` (and optionally ``cmp_target``, ``cmp_tol``): what the rule's comparator tests; without
  ``cmp_target`` the rule's threshold is the target;
- ``missing``: the key of MISSING when the data needed is absent (the finding is then ``unknown``);
- ``na``: the key of NA_REASONS when the measure does not apply to that zone;
- one column per figure of ``figure_names`` (what message templates may use).
A province measure returns a list of subjects (facilities, the province) with the same keys.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

import numpy as np
import pandas as pd
import shapely

from ..core.project import Project
from .figures import LOT_INSIDE_SHARE, zone_figures

TOL_M2 = 0.5  # area deficits below half a square metre are rounding, not findings

# Items whose absence makes a finding `unknown` (vi, en).
MISSING = {
    "fund": ("quỹ đất công nghiệp (thửa đất công nghiệp hoặc diện tích đất công nghiệp khai báo)",
             "industrial land fund (industrial parcels or field industrial_m2)"),
    "layout": ("bố cục bên trong khu (phân khu hoặc thửa đất của khu)",
               "the zone's internal layout (layers subzones or parcels)"),
    "leased": ("diện tích đã cho thuê (tình trạng thửa đất hoặc diện tích cho thuê khai báo)",
               "leased area (parcel status or field leased_m2)"),
    "lots": ("thửa đất (lô) trong phân khu", "parcels (lots) inside the subzones"),
    "travel": ("thời gian di chuyển đến nhà máy lắp ráp (trình đơn Quy tắc)",
               "travel times to assembly plants (Rules menu, or the proximity command and check --proximity)"),
    "sector": ("ngành nghề của thửa đất đã cho thuê", "sector of the leased parcels"),
    "leased_from": ("ngày bắt đầu thuê của thửa đất đã cho thuê", "lease start (leased_from) of the leased parcels"),
    "facilities": ("lớp công trình (trạm xử lý nước thải, cơ sở sản xuất)",
                   "layer facilities (wastewater plants, production sites)"),
    "parcels": ("thửa đất của khu với loại đất", "the zone's parcels with their landuse"),
    "zone_status": ("trạng thái của các khu và ngày đạt trạng thái", "zone status (status, status_date)"),
    "established": ("ngày thành lập", "establishment date (established)"),
    "general": ("khu tổng hợp hay chuyên ngành", "general or specialised (field general)"),
    "status": ("trạng thái khu", "zone status (field status)"),
    "district": ("huyện", "district (field district)"),
    # --as-of on a past date: values the data model records without a date (check.state_as_of)
    "status_as_of": ("trạng thái khu tại ngày {date} (trạng thái ghi nhận không có ngày hoặc đạt sau ngày đó)",
                     "zone status on {date} (the recorded status has no date or was reached later)"),
    "tenants_as_of": ("có doanh nghiệp thứ cấp tại ngày {date} hay không (diện tích cho thuê, tình trạng hoạt "
                      "động ghi nhận là số liệu hiện nay)",
                      "whether it had secondary tenants on {date} (the recorded leased area and operating "
                      "flag are today's)"),
    "leased_as_of": ("diện tích đã cho thuê tại ngày {date} (diện tích khai báo hoặc thửa thuê không có ngày "
                     "leased_from)",
                     "leased area on {date} (declared leased_m2, or leased parcels without leased_from)"),
    "facility_status": ("trạng thái của công trình (trường status của lớp facilities)",
                        "status of the facility (field status of layer facilities)"),
    "facility_status_as_of": ("trạng thái công trình tại ngày {date} (lớp facilities không có ngày)",
                              "the facility's status on {date} (the facilities layer has no dates)"),
    "facility_since": ("công trình đã có tại ngày {date} hay chưa (lớp facilities không có ngày)",
                       "whether the facility existed on {date} (the facilities layer has no dates)"),
    "tenants": ("có doanh nghiệp thứ cấp hay không (diện tích cho thuê, thửa đã thuê hoặc tình trạng hoạt động)",
                "whether it has secondary tenants (leased_m2, leased parcels or operating)"),
}
# Why a measure does not apply to a zone (vi, en); {…} filled from the zone/rule.
NA_REASONS = {
    "kind": ("loại khu {kind}", "zone kind {kind}"),
    "general_true": ("khu chuyên ngành, quy tắc cho khu tổng hợp", "specialised zone; the rule is for general zones"),
    "general_false": ("khu tổng hợp, quy tắc cho khu chuyên ngành", "general zone; the rule is for specialised zones"),
    "before": ("thành lập trước {date}", "established before {date}"),
    "after": ("thành lập từ {date}", "established on or after {date}"),
    "status": ("trạng thái {status}", "status {status}"),
    "district": ("huyện {district} ngoài phạm vi quy tắc", "district {district} outside the rule's scope"),
    "not_operating": ("khu chưa hoạt động", "the zone was not operating"),
    "no_tenants": ("chưa có doanh nghiệp thứ cấp", "no secondary tenants yet"),
    "no_vacant": ("không còn đất chưa cho thuê", "no unleased land left"),
    "no_subzone": ("khu chưa có phân khu {use}", "the zone has no {use} subzone"),
    "no_leases": ("không có thửa đất cho thuê{since}", "no leased parcels{since}"),
    "no_sites": ("không có vị trí CNHT hay đất trống trong kết quả proximity",
                 "no CNHT site or vacant land in the proximity result"),
}


@dataclass(frozen=True)
class Measure:
    name: str
    scope: str  # "zone" or "province"
    doc: tuple  # (vi, en) one line
    unit: str
    params: dict  # key -> (param kind of ruleset.PARAM_KINDS, default or None when required)
    figures: tuple
    fn: Callable
    facilities: bool = False  # about facilities (takes `location`)
    common: tuple = ("value", "threshold", "low", "high", "zone", "kind")

    @property
    def figure_names(self) -> tuple:
        return self.common + self.figures


CATALOGUE: dict[str, Measure] = {}


def measure(name, scope, doc, unit, params, figures, facilities=False):
    def register(fn):
        CATALOGUE[name] = Measure(name, scope, doc, unit, params, figures, fn, facilities)
        return fn
    return register


class Context:
    """What the measures share for one check: the figures per zone and cached overlays."""

    def __init__(self, project: Project, as_of: dt.date | None = None, travel: pd.DataFrame | None = None,
                 state=None):
        """``state``: check.AsOfState of ``project`` (what is unknown on ``as_of``), or None."""
        self.project = project
        self.as_of = as_of or dt.date.today()
        self.past = as_of is not None and as_of < dt.date.today()
        self.cache: dict = {}
        self.zones = zone_figures(project, cache=self.cache)
        self.travel = travel
        self.index = self.zones.index
        self.as_of_unknown: dict = dict(state.unknown) if state is not None else {}
        unknown = self.index.isin(sorted(state.leased_unknown)) if state is not None else None
        if unknown is not None and unknown.any():
            # leased area not known on that date: every figure made from it is unknown too
            self.zones = self.zones.copy()
            for column in ("leased_m2", "vacant_m2", "fill_rate", "cnht_vacant_m2"):
                self.zones.loc[unknown, column] = np.nan

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(index=self.index)

    def col(self, series: pd.Series, fill=0.0) -> np.ndarray:
        return series.reindex(self.index).fillna(fill).to_numpy(dtype=float)

    @cached_property
    def parcel_zones(self) -> set:
        return set(pd.unique(self.project.parcels["zone_id"].astype(str).to_numpy()))

    @cached_property
    def subzone_zones(self) -> set:
        return set(pd.unique(self.project.subzones["zone_id"].astype(str).to_numpy()))

    @cached_property
    def pairs_by_use(self) -> pd.DataFrame:
        """m² of industrial parcels inside subzones, per zone (rows) and use (columns)."""
        pairs = self.cache["pairs"]
        if not len(pairs):
            return pd.DataFrame(index=self.index)
        return pairs.groupby(["zone_id", "use"])["area"].sum().unstack(fill_value=0.0)

    @cached_property
    def subzones_by_use(self) -> pd.DataFrame:
        """m² of (dissolved) subzones per zone and use: the record of zones without parcels."""
        subzones = self.cache["subzones"]
        if not len(subzones):
            return pd.DataFrame(index=self.index)
        area = pd.Series(shapely.area(subzones.geometry.values))
        return area.groupby([subzones["zone_id"].astype(str).to_numpy(), subzones["use"].to_numpy()]).sum() \
            .unstack(fill_value=0.0)

    def use_area(self, table: pd.DataFrame, uses) -> np.ndarray:
        present = [u for u in uses if u in table.columns]
        return self.col(table[present].sum(axis=1)) if present else np.zeros(len(self.index))

    @cached_property
    def has_layout(self) -> np.ndarray:
        return self.index.isin(self.parcel_zones | self.subzone_zones)

    @cached_property
    def landuse_m2(self) -> pd.DataFrame:
        """m² of parcels per zone (rows) and landuse (columns)."""
        parcels = self.project.parcels
        if not len(parcels):
            return pd.DataFrame(index=self.index)
        area = pd.Series(shapely.area(parcels.geometry.values), index=parcels.index)
        return area.groupby([parcels["zone_id"].astype(str), parcels["landuse"]]).sum().unstack(fill_value=0.0)

    @cached_property
    def facilities(self) -> pd.DataFrame | None:
        """The facilities layer with ``zone`` (the zone its geometry lies in, else its zone_id), or None."""
        if "facilities" not in self.project.layers:
            return None
        fac = self.project.layers["facilities"].copy()
        zones = self.project.zones
        points = shapely.point_on_surface(fac.geometry.values) if len(fac) else np.array([])
        inside = pd.Series([None] * len(fac), index=fac.index, dtype=object)
        if len(fac) and len(zones):
            tree = shapely.STRtree(zones.geometry.values)
            f_idx, z_idx = tree.query(points, predicate="within")
            ids = zones["zone_id"].astype(str).to_numpy()
            inside.iloc[f_idx] = ids[z_idx]
        declared = fac["zone_id"].where(fac["zone_id"].notna(), None) if "zone_id" in fac else inside
        fac["zone"] = inside.where(inside.notna(), declared)
        fac["in_zone"] = inside.notna()
        for column in ("status", "sector", "name"):
            if column not in fac:
                fac[column] = None
        return fac

    @cached_property
    def leased(self) -> pd.DataFrame:
        """Leased industrial parcels: zone, area (m²), lease start, normalised sector (computed once)."""
        industrial = self.cache["industrial"]
        leased = industrial[industrial["status"] == "leased"]
        start = pd.to_datetime(leased["leased_from"], errors="coerce") if "leased_from" in leased \
            else pd.Series(pd.NaT, index=leased.index)
        zone = leased["zone_id"].astype(str)
        return pd.DataFrame({"zone": zone, "code": self.index.get_indexer(zone),
                             "area": shapely.area(leased.geometry.values), "start": start,
                             "text": _sector_text(leased)}, index=leased.index)

    def zone_sum(self, codes: np.ndarray, weights: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Σ weights per zone (in index order) over ``mask``; codes from ``index.get_indexer`` (−1: no zone)."""
        keep = np.asarray(mask, dtype=bool) & (codes >= 0)
        return np.bincount(codes[keep], weights=weights[keep], minlength=len(self.index)).astype(float)

    def keyword_match(self, words) -> pd.Series:
        """Leased parcels whose sector names one of ``words`` (memoised per word list)."""
        memo = self.cache.setdefault("keywords", {})
        key = tuple(words)
        if key not in memo:
            memo[key] = _matches(self.leased["text"], words)
        return memo[key]

    @cached_property
    def tenants(self) -> pd.Series:
        """True/False/NA per zone: has secondary tenants (leased land > 0 or operating)."""
        leased = self.zones["leased_m2"]
        operating = self.zones["operating"].astype("boolean") if "operating" in self.zones else None
        out = pd.Series(pd.NA, index=self.index, dtype="boolean")
        out[leased.notna()] = leased[leased.notna()] > TOL_M2
        if operating is not None:
            out[operating.fillna(False).to_numpy(dtype=bool)] = True
        return out


class BalanceContext(Context):
    """A Context over one planned layout's land-use balance instead of a project's zones, so that the
    land-use-balance measures (``landuse_share``) and the rules' gates evaluate a layout as one zone.

    ``landuse_m2``: {parcel landuse code (core/schema.py LANDUSES): m²}; ``kind``: KCN, CCN or KCNC.
    The layout's status is ``planned``; attributes a layout has not (general, established, district,
    tenants) are unknown, so a rule gated on them is ``unknown`` rather than guessed. ``site`` (the
    layout's polygon) and ``landuse_geoms`` ({landuse: geometry}) let ``isolation_strip`` measure it."""

    ZONE = "layout"

    def __init__(self, landuse_m2: dict, kind: str, name: str = "", as_of: dt.date | None = None,
                 site=None, landuse_geoms: dict | None = None):
        self.project, self.travel, self.cache = None, None, {}
        # the layout's site polygon and {landuse: geometry}, for measures of geometry (isolation_strip)
        self.site, self.landuse_geoms = site, dict(landuse_geoms or {})
        self.as_of = as_of or dt.date.today()
        self.past, self.as_of_unknown = False, {}
        areas = {k: float(v or 0.0) for k, v in landuse_m2.items()}
        gross = sum(areas.values())
        self.index = pd.Index([self.ZONE], name="zone_id")
        self.zones = pd.DataFrame({"name": [name or self.ZONE], "kind": [kind], "gross_m2": [gross],
                                   "status": ["planned"], "general": [None], "established": [None],
                                   "district": [None], "leased_m2": [np.nan]}, index=self.index)
        # instance values shadow Context's cached properties (non-data descriptors)
        self.landuse_m2 = pd.DataFrame([areas], index=self.index)
        self.parcel_zones = {self.ZONE} if gross > 0 else set()


# -- zone measures --------------------------------------------------------------------------------

def _uses(params, key="use"):
    return tuple(params[key])


@measure("subzone_share", "zone",
         ("Tỷ lệ quỹ đất công nghiệp nằm trong phân khu có công năng `use`",
          "Share of the industrial land fund inside subzones of the use(s) `use`"),
         "fraction of the industrial land fund",
         {"use": ("use", None), "cap_remaining": ("bool", False)},
         ("actual_m2", "required_m2", "fund_m2", "deficit_m2", "share", "use"))
def subzone_share(ctx: Context, rule) -> pd.DataFrame:
    """Compared in m²: land in the use(s) ≥ threshold × fund (cap_remaining: capped at the fund left by
    the other reserved uses, seed 003 II.3 "80% of the remaining fund"). Unknown without a fund or a layout."""
    uses = _uses(rule.params)
    z = ctx.zones
    from_parcels = (z["figures_from"] == "parcels").to_numpy()
    actual = np.where(from_parcels, ctx.use_area(ctx.pairs_by_use, uses), ctx.use_area(ctx.subzones_by_use, uses))
    fund = z["industrial_m2"].to_numpy(dtype=float)
    threshold = float(rule.threshold if not isinstance(rule.threshold, tuple) else rule.threshold[0])
    required = threshold * np.nan_to_num(fund)
    if rule.params["cap_remaining"]:
        others = [u for u in ("hightech", "cnht") if u not in uses]
        other = np.where(from_parcels, ctx.use_area(ctx.pairs_by_use, others),
                         ctx.use_area(ctx.subzones_by_use, others))
        required = np.minimum(required, np.maximum(np.nan_to_num(fund) - other, 0.0))
    out = ctx.frame()
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share"] = np.where(fund > 0, actual / fund, np.nan)
    out["actual_m2"], out["required_m2"], out["fund_m2"] = actual, required, fund
    out["deficit_m2"] = np.maximum(required - actual, 0.0)
    out["use"] = ", ".join(uses)
    out["value"] = out["share"]
    out["cmp_value"], out["cmp_target"], out["cmp_tol"] = actual, required, TOL_M2
    out["missing"] = np.where(~(fund > 0), "fund", np.where(~ctx.has_layout, "layout", None))
    return out


@measure("vacant_in_subzones", "zone",
         ("Tỷ lệ đất công nghiệp chưa cho thuê đã bố trí vào phân khu `use` (kể cả lô CNHT đã chia)",
          "Share of the unleased industrial land arranged into `use` subzones (laid-out CNHT lots included)"),
         "fraction of the unleased industrial land",
         {"use": ("use", ("cnht",))},
         ("actual_m2", "vacant_m2", "required_m2", "share", "use"))
def vacant_in_subzones(ctx: Context, rule) -> pd.DataFrame:
    """Unleased land lying in subzones of the use (parcels inside them are laid-out lots); zones
    without parcels: their subzone area, at most their unleased land. Seed 003 II.3 (R3)."""
    uses = _uses(rule.params)
    z = ctx.zones
    pairs, subzones = ctx.cache["pairs"], ctx.cache["subzones"]
    sel = pairs[pairs["use"].isin(uses) & (pairs["status"] == "vacant")] if len(pairs) else pairs
    by_parcels = sel.groupby("zone_id")["area"].sum() if len(sel) else pd.Series(dtype=float)
    own = subzones[subzones["use"].isin(uses)] if len(subzones) else subzones
    by_decl = pd.Series(shapely.area(own.geometry.values), index=own["zone_id"].astype(str).to_numpy()) \
        .groupby(level=0).sum() if len(own) else pd.Series(dtype=float)
    vacant = z["vacant_m2"].to_numpy(dtype=float)
    from_parcels = (z["figures_from"] == "parcels").to_numpy()
    actual = np.where(from_parcels, ctx.col(by_parcels), np.fmin(ctx.col(by_decl), np.nan_to_num(vacant)))
    out = ctx.frame()
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share"] = np.where(vacant > TOL_M2, actual / vacant, np.nan)
    out["actual_m2"], out["vacant_m2"] = actual, vacant
    threshold = rule.threshold if not isinstance(rule.threshold, tuple) else rule.threshold[0]
    out["required_m2"] = threshold * np.nan_to_num(vacant)
    out["use"] = ", ".join(uses)
    out["value"] = out["share"]
    out["missing"] = np.where(np.isnan(vacant), "leased", None)
    out["na"] = np.where(~np.isnan(vacant) & (vacant <= TOL_M2), "no_vacant", None)
    return out


@measure("mean_lot_area", "zone",
         ("Diện tích lô trung bình trong phân khu `use`, không tính khối đất dự trữ chưa chia",
          "Mean lot area in `use` subzones, leaving out unsubdivided reserve blocks"),
         "m²",
         {"use": ("use", ("cnht",)), "reserve_block_m2": ("area", 10000.0)},
         ("lots", "mean_m2", "reserve_blocks", "use"))
def mean_lot_area(ctx: Context, rule) -> pd.DataFrame:
    """A lot is an industrial parcel at least half inside a subzone of the use; a vacant one of
    ``reserve_block_m2`` or more is an unsubdivided reserve block, left out (seed 003 III 2.6, 2.9)."""
    uses = _uses(rule.params)
    pairs, subzones = ctx.cache["pairs"], ctx.cache["subzones"]
    sel = pairs[pairs["use"].isin(uses)] if len(pairs) else pairs
    out = ctx.frame()
    if len(sel):
        per = sel.groupby("parcel").agg(zone_id=("zone_id", "first"), inside=("area", "sum"),
                                        parcel_area=("parcel_area", "first"), status=("status", "first"))
        per = per[per["inside"] >= LOT_INSIDE_SHARE * per["parcel_area"]]
        block = (per["status"] == "vacant") & (per["parcel_area"] >= rule.params["reserve_block_m2"])
        stats = per[~block].groupby("zone_id")["parcel_area"].agg(["count", "mean"])
        blocks = block.groupby(per["zone_id"]).sum()
    else:
        stats, blocks = pd.DataFrame(columns=["count", "mean"]), pd.Series(dtype=float)
    out["lots"] = stats["count"].reindex(ctx.index).fillna(0).astype(int).to_numpy()
    out["mean_m2"] = stats["mean"].reindex(ctx.index).astype(float).to_numpy()
    out["reserve_blocks"] = ctx.col(blocks).astype(int)
    out["use"] = ", ".join(uses)
    out["value"] = out["mean_m2"]
    has_sub = ctx.index.isin(set(subzones.loc[subzones["use"].isin(uses), "zone_id"].astype(str))) \
        if len(subzones) else np.zeros(len(ctx.index), bool)
    out["na"] = np.where(~has_sub, "no_subzone", None)
    out["missing"] = np.where(has_sub & (out["lots"].to_numpy() == 0), "lots", None)
    return out


@measure("travel_minutes", "zone",
         ("Thời gian di chuyển xa nhất từ vị trí CNHT/đất trống tới doanh nghiệp lắp ráp gần nhất",
          "Longest travel time from a CNHT site or vacant land to the nearest assembly plant"),
         "minutes", {}, ("sites", "minutes"))
def travel_minutes(ctx: Context, rule) -> pd.DataFrame:
    """From the proximity result (travel.py); unknown without it. Seed 003 Part I, II.2 (R5)."""
    out = ctx.frame()
    if ctx.travel is None:
        out["sites"], out["minutes"], out["value"] = 0, np.nan, np.nan
        out["missing"] = "travel"
        return out
    out["sites"] = ctx.travel["travel_sites"].reindex(ctx.index).fillna(0).astype(int).to_numpy()
    out["minutes"] = ctx.travel["travel_max_minutes"].reindex(ctx.index).astype(float).to_numpy()
    out["value"] = out["minutes"]
    out["na"] = np.where(out["sites"].to_numpy() == 0, "no_sites", None)
    return out


def _keyword_pattern(words) -> str:
    words = [unicodedata.normalize("NFC", w).lower() for w in words]
    return "|".join(re.escape(w) for w in words) or r"(?!)"


def _sector_text(frame) -> pd.Series:
    """Sectors normalised for keyword matching (NFC, lower case, stripped); None when absent (object dtype)."""
    if "sector" not in frame:
        return pd.Series([None] * len(frame), index=frame.index, dtype=object)
    codes, uniques = pd.factorize(frame["sector"], use_na_sentinel=True)
    clean = [unicodedata.normalize("NFC", str(v)).strip().lower() or None for v in uniques]  # per distinct sector
    table = np.array(clean + [None], dtype=object)
    return pd.Series(table[codes], index=frame.index, dtype=object)


def _matches(text: pd.Series, words) -> pd.Series:
    if not words:
        return pd.Series(False, index=text.index)
    return text.str.contains(_keyword_pattern(words), regex=True, na=False).astype(bool)


@measure("leased_sector_share", "zone",
         ("Tỷ lệ đất đã cho thuê (ghi rõ ngành) thuộc ngành được nhận (`sectors = accepted`) hoặc bị loại trừ "
          "(`excluded`), có thể chỉ tính hợp đồng thuê từ `leases_from`",
          "Share of leased land (with a recorded sector) in accepted (`sectors = accepted`) or excluded "
          "(`excluded`) sectors, optionally only leases from `leases_from`"),
         "fraction of the leased land with a recorded sector",
         {"sectors": ("sectors", None), "accepted": ("strlist", ()), "excluded": ("strlist", ()),
          "leases_from": ("date", "")},
         ("share", "class_m2", "known_m2", "leased_m2", "accepted_m2", "excluded_m2", "other_m2",
          "undated_m2", "unrecorded_m2", "since"))
def leased_sector_share(ctx: Context, rule) -> pd.DataFrame:
    """Keywords match case-insensitively inside the parcel's sector; excluded wins over accepted.
    Leases without ``leased_from`` cannot be placed in time: left out (undated_m2) when the rule
    names ``leases_from``. Seed 003 Part II, II.3 and I.2.2.3 (R6)."""
    p = rule.params
    leased = ctx.leased
    text = leased["text"]
    codes, weights = leased["code"].to_numpy(), leased["area"].to_numpy(dtype=float)
    since = p["leases_from"]
    dated = pd.Series(True, index=leased.index)
    undated = pd.Series(False, index=leased.index)
    if since:
        start = leased["start"]
        undated = start.isna()
        dated = ~undated & (start >= pd.Timestamp(since))
    known = text.notna()
    excluded = known & ctx.keyword_match(p["excluded"])
    accepted = known & ~excluded & ctx.keyword_match(p["accepted"])
    other = known & ~excluded & ~accepted
    sums = lambda mask: ctx.zone_sum(codes, weights, mask.to_numpy(dtype=bool))  # noqa: E731
    out = ctx.frame()
    out["leased_m2"] = sums(dated)
    out["known_m2"] = sums(dated & known)
    out["accepted_m2"] = sums(dated & accepted)
    out["excluded_m2"] = sums(dated & excluded)
    out["other_m2"] = sums(dated & other)
    out["undated_m2"] = sums(undated)
    out["unrecorded_m2"] = sums(dated & ~known)
    out["class_m2"] = out["accepted_m2"] if p["sectors"] == "accepted" else out["excluded_m2"]
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share"] = np.where(out["known_m2"] > 0, out["class_m2"] / out["known_m2"], np.nan)
    out["since"] = since.isoformat() if since else ""
    out["value"] = out["share"]
    z = ctx.zones
    declared_leases = (z["figures_from"] == "declared").to_numpy() & (z["leased_m2"].fillna(0).to_numpy() > TOL_M2)
    no_leases = (out["leased_m2"].to_numpy() <= 0) & (out["undated_m2"].to_numpy() <= 0)
    out["na"] = np.where(no_leases & ~declared_leases, "no_leases", None)
    missing = np.where(declared_leases | ((out["leased_m2"] > 0) & (out["known_m2"] <= 0)), "sector", None)
    missing = np.where((out["leased_m2"] <= 0) & (out["undated_m2"] > 0), "leased_from", missing)
    if not since and ctx.past:  # all tenants on a past date: undated leases may have started later
        unknown = ctx.index.isin([z for z, keys in ctx.as_of_unknown.items() if "leased" in keys])
        missing = np.where(unknown, "leased_as_of", missing)
    out["missing"] = missing
    return out


@measure("facility_count", "zone",
         ("Số cơ sở loại `facility_kind` (trạng thái `facility_status`) trong khu",
          "Number of facilities of kind `facility_kind` (status `facility_status`) in the zone"),
         "count", {"facility_kind": ("facility_kind", None), "facility_status": ("facility_status", ())},
         ("count", "found", "statuses"))
def facility_count(ctx: Context, rule) -> pd.DataFrame:
    """A facility belongs to the zone its geometry lies in (else its zone_id). Unknown without the
    facilities layer. Seed 002 §II.2 (100% with a central wastewater plant), §III.6 (before tenants)."""
    out = ctx.frame()
    fac = ctx.facilities
    if fac is None:
        out["count"], out["found"], out["statuses"], out["value"] = 0, 0, "", np.nan
        out["missing"] = "facilities"
        return out
    of_kind = fac[fac["kind"].isin(rule.params["facility_kind"]) & fac["zone"].notna()]
    wanted = rule.params["facility_status"]
    ok = of_kind[of_kind["status"].isin(wanted)] if wanted else of_kind
    out["count"] = ctx.col(ok.groupby(ok["zone"].astype(str)).size()).astype(int)
    out["found"] = ctx.col(of_kind.groupby(of_kind["zone"].astype(str)).size()).astype(int)
    if wanted:
        # a facility without a status might be in one of the wanted ones: decide only if it cannot matter
        open_ = of_kind[of_kind["status"].isna()]
        out["cmp_alt"] = out["count"] + ctx.col(open_.groupby(open_["zone"].astype(str)).size())
        out["alt_missing"] = "facility_status_as_of" if ctx.past else "facility_status"
    statuses = of_kind.assign(s=of_kind["status"].fillna("?")).groupby(of_kind["zone"].astype(str))["s"] \
        .agg(lambda s: ", ".join(sorted(set(map(str, s)))))
    out["statuses"] = statuses.reindex(ctx.index).fillna("—").to_numpy()
    out["value"] = out["count"].astype(float)
    return out


@measure("landuse_share", "zone",
         ("Tỷ lệ diện tích khu thuộc các loại đất `landuse` (cân bằng sử dụng đất)",
          "Share of the zone's area in the land uses `landuse` (land-use balance)"),
         "fraction of the zone's gross area", {"landuse": ("landuse", None)},
         ("share", "class_m2", "gross_m2", "landuse"))
def landuse_share(ctx: Context, rule) -> pd.DataFrame:
    """Parcels of the classes over the zone's gross area; unknown for a zone without parcels.
    QCVN 01:2021/BXD §2.5 (roads, green, technical infrastructure); Decree 35/2022 (services)."""
    classes = tuple(rule.params["landuse"])
    table = ctx.landuse_m2
    present = [c for c in classes if c in table.columns]
    class_m2 = table[present].sum(axis=1) if present else pd.Series(dtype=float)
    gross = ctx.zones["gross_m2"].to_numpy(dtype=float)
    out = ctx.frame()
    out["class_m2"] = ctx.col(class_m2)
    out["gross_m2"] = gross
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share"] = np.where(gross > 0, out["class_m2"] / gross, np.nan)
    out["landuse"] = ", ".join(classes)
    out["value"] = out["share"]
    out["missing"] = np.where(~ctx.index.isin(ctx.parcel_zones), "parcels", None)
    return out


@measure("zone_area", "zone",
         ("Diện tích khu (ha)", "The zone's gross area (ha)"), "ha", {}, ("area_ha",))
def zone_area(ctx: Context, rule) -> pd.DataFrame:
    """Gross area of the zone polygon on the projected plane, in ha. Decree 32/2024 Art. 2.1 (CCN 10–75 ha)."""
    out = ctx.frame()
    out["area_ha"] = ctx.zones["gross_m2"].to_numpy(dtype=float) / 10_000
    out["value"] = out["area_ha"]
    return out


@measure("isolation_strip", "zone",
         ("Tỷ lệ dải sát ranh giới khu (rộng `width_m`) là đất `landuse` (dải cây xanh cách ly)",
          "Share of the strip along the zone boundary (`width_m` wide) in land uses `landuse` (green isolation strip)"),
         "fraction of the boundary strip", {"width_m": ("area", 10.0), "landuse": ("landuse", ("green", "water"))},
         ("share", "strip_m2", "green_m2", "width_m"))
def isolation_strip(ctx: Context, rule) -> pd.DataFrame:
    """The inner strip = zone − zone buffered by −width; covered part = strip ∩ the zone's parcels of the
    classes (dissolved per zone). QCVN 01:2021/BXD §2.5 (a green isolation strip ≥ 10 m)."""
    width = rule.params["width_m"]
    if isinstance(ctx, BalanceContext):
        return _layout_strip(ctx, rule, width)
    zones = ctx.project.zones
    geoms = zones.geometry.values
    strip = shapely.difference(geoms, shapely.buffer(geoms, -width))
    parcels = ctx.project.parcels
    green = parcels[parcels["landuse"].isin(rule.params["landuse"])]
    out = ctx.frame()
    covered = np.zeros(len(zones))
    if len(green):
        merged = green[["zone_id", "geometry"]].assign(zone_id=green["zone_id"].astype(str)).dissolve(by="zone_id")
        union = merged.geometry.reindex(zones["zone_id"].astype(str)).to_numpy()
        has = pd.notna(union)
        covered[has] = shapely.area(shapely.intersection(strip[has], np.asarray(union[has], dtype=object)))
    strip_m2 = shapely.area(strip)
    out["strip_m2"], out["green_m2"], out["width_m"] = strip_m2, covered, width
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share"] = np.where(strip_m2 > 0, covered / strip_m2, np.nan)
    out["value"] = out["share"]
    out["missing"] = np.where(~ctx.index.isin(ctx.parcel_zones), "parcels", None)
    return out


def _layout_strip(ctx: "BalanceContext", rule, width: float) -> pd.DataFrame:
    """``isolation_strip`` of a planned layout: its site's inner strip covered by its land of the
    rule's landuses; unknown ("parcels") when the layout gave no site."""
    out = ctx.frame()
    if ctx.site is None:
        out["strip_m2"], out["green_m2"], out["width_m"], out["share"] = np.nan, np.nan, width, np.nan
        out["value"], out["missing"] = np.nan, "parcels"
        return out
    strip = shapely.difference(ctx.site, shapely.buffer(ctx.site, -width))
    cover = [g for k, g in ctx.landuse_geoms.items() if k in rule.params["landuse"] and g is not None]
    covered = float(shapely.area(shapely.intersection(strip, shapely.union_all(cover)))) if cover else 0.0
    strip_m2 = float(shapely.area(strip))
    out["strip_m2"], out["green_m2"], out["width_m"] = strip_m2, covered, width
    out["share"] = covered / strip_m2 if strip_m2 > 0 else np.nan
    out["value"], out["missing"] = out["share"], None
    return out


# -- province measures ------------------------------------------------------------------------------

@measure("facility_sector", "province",
         ("Cơ sở thuộc ngành `sector_keywords` (hoặc loại `facility_kind`) nằm trong/ngoài mọi khu (`location`)",
          "Facilities of the sectors `sector_keywords` (or kind `facility_kind`) inside/outside every zone (`location`)"),
         "count", {"facility_kind": ("facility_kind", ()), "sector_keywords": ("strlist", ())},
         ("name", "sector", "facility_id", "count"), facilities=True)
def facility_sector(ctx: Context, rule) -> list[dict]:
    """One subject per matching facility at the rule's location (default outside): value 1; none: one
    subject "province" with value 0. Seed 002 §III.6 (polluting projects not accepted outside KCN/CCN)."""
    fac = ctx.facilities
    if fac is None:
        return [{"subject": "facilities", "missing": "facilities", "value": np.nan,
                 "figures": {"name": "", "sector": "", "facility_id": "", "count": 0}}]
    kinds, words = rule.params["facility_kind"], rule.params["sector_keywords"]
    match = fac["kind"].isin(kinds) if kinds else pd.Series(True, index=fac.index)
    if words:
        by_sector = _matches(_sector_text(fac), words)
        match = (match & by_sector) if not kinds else (match | by_sector)
    outside = rule.applies.get("location", "outside") == "outside"
    at = match & (~fac["in_zone"] if outside else fac["in_zone"])
    hits = fac[at.to_numpy(dtype=bool)]
    if not len(hits):
        return [{"subject": "province", "value": 0.0, "none": True,
                 "figures": {"name": "", "sector": "", "facility_id": "", "count": 0}}]
    # the facilities layer has no dates: on a past date a facility found today may not have existed yet
    missing = "facility_since" if ctx.past else None
    return [{"subject": f"facility:{row.facility_id}", "value": 1.0, "missing": missing,
             "figures": {"name": str(row.name or row.facility_id), "sector": str(row.sector or ""),
                         "facility_id": str(row.facility_id), "count": 1}}
            for row in hits[["facility_id", "name", "sector"]].itertuples(index=False)]


@measure("zones_reaching_status", "province",
         ("Số khu (loại `kinds`) đạt trạng thái `zone_status` trong khoảng `from_date` – `by` (chỉ tiêu kế hoạch)",
          "Number of zones (kinds `kinds`) reaching status `zone_status` between `from_date` and `by` (plan target)"),
         "count", {"zone_status": ("zone_status", ("operating",)), "from_date": ("date", ""), "by": ("date", None)},
         ("count", "by", "from_date", "undated", "as_of", "ids"))
def zones_reaching_status(ctx: Context, rule) -> list[dict]:
    """Counts zones whose status is one of ``zone_status`` with a status_date in [from_date, by] and not
    after the evaluation date; before ``by`` a shortfall is progress (info). Seed 002 §II.2."""
    z = ctx.zones
    kinds = rule.applies.get("kinds")
    sel = z[z["kind"].isin(kinds)] if kinds else z
    # --as-of: counted from the recorded statuses and their dates (check.state_as_of keeps them)
    column = "status_today" if "status_today" in ctx.project.zones else "status"
    today = ctx.project.zones.set_index(ctx.project.zones["zone_id"].astype(str))
    sel = sel.assign(status=today[column].reindex(sel.index).to_numpy(),
                     status_date=today[column.replace("status", "status_date")].reindex(sel.index).to_numpy()) \
        if column == "status_today" else sel
    status = sel["status"] if "status" in sel else pd.Series(None, index=sel.index)
    if not status.notna().any():
        return [{"subject": "province", "missing": "zone_status", "value": np.nan,
                 "figures": {"count": 0, "by": rule.params["by"].isoformat(), "from_date": "", "undated": 0,
                             "as_of": ctx.as_of.isoformat(), "ids": ""}}]
    by, start = rule.params["by"], rule.params["from_date"]
    limit = min(by, ctx.as_of)
    when = pd.to_datetime(sel["status_date"], errors="coerce") if "status_date" in sel \
        else pd.Series(pd.NaT, index=sel.index)
    reached = status.isin(rule.params["zone_status"]).to_numpy()
    undated = reached & when.isna().to_numpy()
    in_time = (when <= pd.Timestamp(limit)).to_numpy()
    if start:
        in_time = in_time & (when >= pd.Timestamp(start)).to_numpy()
    counted = reached & (in_time | (undated & (not start)))
    return [{"subject": "province", "value": float(counted.sum()), "not_due": ctx.as_of < by,
             "figures": {"count": int(counted.sum()), "by": by.isoformat(),
                         "from_date": start.isoformat() if start else "", "undated": int(undated.sum()),
                         "as_of": ctx.as_of.isoformat(), "ids": ", ".join(sel.index[counted].astype(str))}}]
