"""``subdivide``: vacant industrial land → SME lots on roads (CONTRACTS.md, issue 4)."""
from __future__ import annotations

import json
import logging

from ..core.atomic import write_error
from ..core.errors import InputError
from ..core.i18n import t
from ..core.processing import Algorithm, Output, Crs, DestinationFile, Enumeration, Number, SourceFile, Text, ZoneId

log = logging.getLogger(__name__)


# Upper bounds of the layout figures: far above any standard (QCVN 01:2021 roads ≤ ~60 m, lots ≤ 100 ha),
# they only catch typos such as 1e9 that would otherwise overflow the layout.
MAX_WIDTH = 200.0  # m
MAX_LENGTH = 5000.0  # m
MAX_LOT = 1e7  # m² (1 000 ha)


class Subdivide(Algorithm):
    name = "subdivide"
    title_vi = "Chia lô đất cho doanh nghiệp nhỏ và vừa"
    title_en = "Subdivide land into SME lots"
    params = (
        SourceFile("site", ("tệp vùng đất (vùng/polygon)", "site file (polygons)"), required=True,
              positional=True),
        DestinationFile("out", ("GeoPackage kết quả", "output GeoPackage"), required=True),
        DestinationFile("json", ("tệp JSON chỉ số", "metrics JSON file"), required=True),
        ZoneId("zone", ("khu cần chia khi SITE là dự án: chia đất công nghiệp trống của khu này (đường của khu là lối vào)",
                                "zone to subdivide when SITE is a project: its vacant industrial land (its roads give "
                                "access)")),
        Text("layer", ("lớp cần đọc trong tệp vùng đất", "layer to read from the site file")),
        Crs("crs", ("hệ tọa độ khi tệp không có (vd. 9209)", "CRS when the file has none (e.g. 9209)")),
        Enumeration("preset", ("mẫu bố cục: cnht (lô DNNVV), kcn (cả khu công nghiệp), ccn (cả cụm công nghiệp)",
                                    "layout preset: cnht (SME lots), kcn (a whole industrial park), ccn (a whole cluster)"),
              default="cnht", choices=("cnht", "kcn", "ccn")),
        Text("entrance", ("lối vào: X,Y (hệ tọa độ của vùng đất, lặp lại được) hoặc tệp điểm",
                                   "entrance: X,Y (site CRS, repeatable) or a file of points"), multiple=True),
        Text("wwtp_at", ("vị trí trạm xử lý nước thải X,Y (mặc định: cạnh xa lối vào nhất)",
                                  "wastewater plant position X,Y (default: the edge farthest from the entrance)")),
        DestinationFile("new_project", ("kcn/ccn: ghi thêm một dự án mới (.gpkg) gồm khu này và các thửa của bố cục",
                                        "kcn/ccn: also write a new project (.gpkg) holding this zone and the layout's parcels")),
        Text("zone_id", ("mã khu trong dự án mới (mặc định KCN-MOI / CCN-MOI)",
                         "zone id in the new project (default KCN-MOI / CCN-MOI)")),
        Number("main_road_width", ("bề rộng đường chính, m (mặc định 34)", "main road width, m (default 34)"), minimum=0, maximum=MAX_WIDTH, unit="m"),
        Number("secondary_road_width", ("bề rộng đường nhánh, m (mặc định 24)",
                                                 "secondary road width, m (default 24)"), minimum=0, maximum=MAX_WIDTH, unit="m"),
        Number("corner_radius", ("bán kính bó vỉa ở nút giao, m (mặc định 12)",
                                          "kerb radius at intersections, m (default 12)"), minimum=0, maximum=MAX_WIDTH, unit="m"),
        Number("min_lot", ("diện tích lô tối thiểu, m² (cnht 500, kcn 5.000, ccn 1.000)",
                                    "minimum lot area, m² (cnht 500, kcn 5,000, ccn 1,000)"), minimum=0, maximum=MAX_LOT, unit="m²"),
        Text("lot_mix", ("cơ cấu lô, vd. 500-1000:0.3,1000-5000:0.7 (tỷ lệ theo diện tích)",
                                  "lot mix, e.g. 500-1000:0.3,1000-5000:0.7 (shares of lot land)")),
        Number("frontage", ("mặt tiền tối thiểu, m (lô < 1.000 m²)", "minimum frontage, m (lots < 1,000 m²)"),
              default=15.0, minimum=0, maximum=MAX_LENGTH, unit="m"),
        Number("frontage_large", ("mặt tiền tối thiểu, m (lô ≥ 1.000 m²)",
                                           "minimum frontage, m (lots ≥ 1,000 m²)"), default=20.0, minimum=0, maximum=MAX_LENGTH, unit="m"),
        Number("max_depth_ratio", ("tỷ lệ sâu/mặt tiền tối đa", "maximum depth/frontage"), default=3.0, minimum=0, maximum=100),
        Number("road_width", ("bề rộng đường nội bộ, m", "internal road width, m"), default=16.0, minimum=0, maximum=MAX_WIDTH, unit="m"),
        Number("block_length", ("chiều dài khối giữa hai đường ngang, m",
                                         "block length between cross roads, m"), default=250.0, minimum=0, maximum=MAX_LENGTH, unit="m"),
        SourceFile("access", ("tệp đường hiện có hoặc cạnh tiếp cận", "existing roads or access edges file")),
        Number("hightech_share", ("tỷ lệ khối dự trữ công nghệ cao (0–1; kcn: 0,2 đất công nghiệp)",
                                           "share of the high-tech reserve block (0–1; kcn: 0.2 of industrial land)"), minimum=0, maximum=1),
        Number("green_buffer", ("dải cây xanh dọc ranh giới, m", "green buffer along the boundary, m"),
              default=0.0, minimum=0, maximum=MAX_LENGTH, unit="m"),
        Enumeration("lot_use", ("mục đích của lô", "use of the lots"), default="cnht",
              choices=("cnht", "general")),
        Text("rules", ("kcn/ccn: bộ quy tắc kiểm tra cân bằng sử dụng đất (mã hoặc tệp TOML, lặp lại được; "
                       "mặc định: với --zone các bộ lưu trong dự án, nếu không có thì bộ quốc gia vn-national)",
                       "kcn/ccn: rule set(s) the land-use balance is checked against (id or TOML file, "
                       "repeatable; default: with --zone the rule sets stored in the project, else vn-national)"), multiple=True),
    )
    outputs = (Output("out", "file"), Output("json", "json"))

    def process(self, params: dict, feedback) -> dict:
        from ..subdivision import api, site
        from ..subdivision.params import SubdivisionParams, check_params, parse_lot_mix

        if params.get("preset") in ("kcn", "ccn"):
            return self._park(params, feedback)
        params = {**params, "min_lot": 500.0 if params.get("min_lot") is None else params["min_lot"],
                  "hightech_share": params.get("hightech_share") or 0.0}
        sp = SubdivisionParams(
            min_lot=params["min_lot"], lot_mix=parse_lot_mix(params.get("lot_mix"), params["min_lot"]),
            frontage=params["frontage"], frontage_large=params["frontage_large"],
            max_depth_ratio=params["max_depth_ratio"], road_width=params["road_width"],
            block_length=params["block_length"], hightech_share=params["hightech_share"],
            green_buffer=params["green_buffer"])
        check_params(sp)
        from ..subdivision.outline import thin_outline

        if params.get("zone"):  # SITE is a project: the zone's vacant land, its road parcels as access
            polygon, crs, access_ids, access_parts = site.load_zone_vacant_land(params["site"], params["zone"],
                                                                                sp.tolerance)
            polygon, thinned = thin_outline(polygon, sp.tolerance)
        else:
            polygon, crs = site.load_site(params["site"], params.get("layer"), params.get("crs"))
            polygon, thinned = thin_outline(polygon, sp.tolerance)  # before the outline's edges become accesses
            access_ids, access_parts = site.default_access(polygon)
        if thinned:
            feedback.log(thinned["message"])
        if params.get("access"):
            access_ids, access_parts = site.load_access(params["access"], crs, polygon, sp.tolerance)
        feedback.progress(5)
        result = api.run(polygon, crs, sp, access_ids, access_parts, feedback, params["lot_use"])
        return self._write(params, result, feedback, thinned)

    def _park(self, params: dict, feedback) -> dict:
        """Presets ``kcn``/``ccn``: a whole park (``subdivision.park``)."""
        from ..subdivision import api, park, site
        from ..subdivision.params import parse_lot_mix

        pp = park.preset_params(
            params["preset"], main_road_width=params.get("main_road_width"),
            secondary_road_width=params.get("secondary_road_width"), internal_road_width=params.get("road_width"),
            block_length=params.get("block_length"), corner_radius=params.get("corner_radius"),
            green_strip=params.get("green_buffer") or None, hightech_share=params.get("hightech_share"),
            min_lot=params.get("min_lot"), frontage_large=params.get("frontage_large"),
            max_depth_ratio=params.get("max_depth_ratio"),
            wwtp_at=_xy(params["wwtp_at"], "--wwtp-at") if params.get("wwtp_at") else None)
        if params.get("lot_mix"):
            pp = park.replace(pp, lot_mix=parse_lot_mix(params["lot_mix"], pp.min_lot))
        for arg, value in (("--main-road-width", pp.main_road_width), ("--secondary-road-width",
                                                                        pp.secondary_road_width),
                           ("--road-width", pp.internal_road_width), ("--block-length", pp.block_length),
                           ("--min-lot", pp.min_lot)):
            if not value > 0:
                raise InputError(t("giá trị ngoài phạm vi cho phép", "value out of the allowed range"), arg)
        if not 0 <= pp.hightech_share < 1 or pp.corner_radius < 0:
            raise InputError(t("giá trị ngoài phạm vi cho phép", "value out of the allowed range"),
                             "--hightech-share" if not 0 <= pp.hightech_share < 1 else "--corner-radius")
        roads = None
        if params.get("zone"):
            polygon, crs, _, _ = site.load_zone_vacant_land(params["site"], params["zone"], pp.tolerance)
            roads = site.zone_road_geoms(params["site"], params["zone"])
        else:
            polygon, crs = site.load_site(params["site"], params.get("layer"), params.get("crs"))
        from ..subdivision.outline import thin_outline

        polygon, thinned = thin_outline(polygon, pp.tolerance)
        if thinned:
            feedback.log(thinned["message"])
        if params.get("access"):
            roads = site.read_geoms(params["access"], crs, t("lối vào", "access"))
        entrances = []
        for value in params.get("entrance") or []:
            entrances += site.load_entrances(value, crs, polygon)
        if not entrances:
            entrances = [park.default_entrance(polygon, roads)]
        from ..rules.ruleset import resolve_rulesets

        if params.get("zone"):  # SITE is a project: its stored rule sets (and overrides), as check uses
            from ..core.project import Project

            rulesets = resolve_rulesets(params.get("rules"), Project.open(params["site"]).meta)
        else:
            rulesets = resolve_rulesets(params["rules"]) if params.get("rules") else None
        feedback.progress(5)
        result = api.run_park(polygon, crs, pp, entrances, feedback, rulesets)
        out = self._write(params, result, feedback, thinned)
        if params.get("new_project") and not result.metrics["problems"]:
            from ..subdivision import project_layout

            kind = pp.preset.upper()
            zone_id = params.get("zone_id") or f"{kind}-MOI"
            project = project_layout.new_project_from_layout(polygon, crs, result.frames, zone_id, kind,
                                                             f"{kind} {zone_id}")
            try:
                project.save(params["new_project"])
            except OSError as exc:
                raise write_error(exc, params["new_project"]) from None  # one message naming the output
        return out

    def _write(self, params: dict, result, feedback, thinned: dict | None = None) -> dict:
        from ..core.atomic import atomic_outputs
        from ..subdivision import output

        metrics, problems, frames = result.metrics, result.metrics["problems"], result.frames
        if thinned:
            metrics["site_outline_simplified"] = thinned
        try:  # the layout and its metrics replace the old pair together (journaled set)
            with atomic_outputs(params["out"]) as outputs:
                output.write_gpkg(frames, outputs.path(params["out"]))
                outputs.path(params["json"]).write_text(json.dumps(metrics, ensure_ascii=False, indent=2),
                                                         encoding="utf-8")
        except OSError as exc:  # unwritable folder, full disk: the user's to fix
            raise write_error(exc, params["out"]) from None  # one message naming the output
        summary = t("{n} lô, {a:.1f} ha lô ({s:.1%} vùng đất), {r:.1f} ha đường, {sec:.1f} s",
                    "{n} lots, {a:.1f} ha of lots ({s:.1%} of the site), {r:.1f} ha of roads, {sec:.1f} s",
                    n=metrics["lots"], a=metrics["lot_m2"] / 1e4, s=metrics["lot_share"],
                    r=metrics["road_m2"] / 1e4, sec=metrics["seconds"])
        if thinned:
            summary += "; " + thinned["message"]
        if problems:  # our bug, not the user's: say so and exit 1
            log.error("subdivide guarantees broken: %s", problems)
            feedback.log(t("CẢNH BÁO: bảo đảm bị vi phạm: {p}", "WARNING: guarantees broken: {p}",
                           p="; ".join(problems)))
            return {"summary": summary, "exit_code": 1}
        if not metrics["lots"]:
            feedback.log(t("không tạo được lô nào trên vùng đất này", "no lot fits on this site"))
        if "balance" in metrics:
            from ..subdivision import balance

            for label, ha, share in balance.table_rows(metrics["balance"]):
                feedback.log(f"  {label:<32} {ha:>10} ha {share:>6} %")
            for finding in metrics.get("qcvn", []):  # a whole park's check only
                if finding["status"] in ("violation", "unknown"):
                    feedback.log(t("KHÔNG ĐẠT: {m}", "NOT MET: {m}", m=finding["message"]))
                elif finding["status"] == "warning":
                    feedback.log(t("CẢNH BÁO: {m}", "WARNING: {m}", m=finding["message"]))
        return {"summary": summary}


def _xy(text: str, arg: str):
    """``X,Y`` → (x, y); InputError naming ``arg`` otherwise."""
    try:
        x, y = (float(v) for v in str(text).split(","))
    except ValueError:
        raise InputError(t("cần dạng X,Y (vd. 579500,2315400)", "expected X,Y (e.g. 579500,2315400)"), arg)
    return x, y

