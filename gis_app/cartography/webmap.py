"""Offline web map (folium/Leaflet): zones by fill rate, subzones, parcels, popups, legend, layer control.

Works with no network: folium's CDN links are dropped and Leaflet (resources/web/leaflet, pinned npm
package) is inlined, its images as data: URIs. Every user string (attribute values, layer, field and
project names) is HTML-escaped in Python by ``core/safe_text.py`` before it reaches the page, popups and
tooltips only ever show those pre-escaped strings (passed to folium's templates as JSON data), and our own
markup (the legend) is a template *value*, never template source: a zone named
``<img src=x onerror=alert(1)>`` or ``{{7*7}}`` shows as that text.
"""
from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

import numpy as np
import shapely

from ..core.atomic import write_text_atomic
from ..core.crs import WGS84_EPSG, reproject
from ..core.drawable import check_drawable
from ..core.i18n import t
from ..core.numbers import fmt_ha, fmt_m2, fmt_number, fmt_share
from ..core.safe_text import html_text, script_json, template_data
from ..core.styles import GENERIC_STYLE
from .labels import short_numbers
from .pdf_render import warn_missing_geometry
from .styling import layer_title, legend_rows, styled_frame, value_label

WEB_DIR = Path(__file__).resolve().parents[2] / "resources" / "web"
LEAFLET_DIR = WEB_DIR / "leaflet"
CANONICAL_POPUPS = ("zones", "subzones", "parcels")


def esc(value) -> str:
    """A user value as HTML text (``—`` when missing); see ``core/safe_text.html_text``."""
    return html_text(value)


def _ha(m2) -> str:
    """Hectares as the application writes them (core/numbers: 136,0 ha in Vietnamese)."""
    return "—" if m2 is None or not np.isfinite(m2) else fmt_ha(m2)


def _pct(v) -> str:
    return "—" if v is None or not np.isfinite(v) else fmt_share(v)


def _table(rows: list[tuple[str, str]]) -> str:
    """rows are (label, already-escaped value)."""
    return "<table class='kcn-popup'>" + "".join(
        f"<tr><th>{html_text(k)}</th><td>{v}</td></tr>" for k, v in rows) + "</table>"


def check_result(project, rulesets=None) -> dict | None:
    """The check of the project with ``rulesets`` (ruleset.resolve_rulesets: --rules, else the project's
    stored sets, else the defaults); None when the project has no zones. A bad rule set is an InputError."""
    from ..rules.check import run_check
    from ..rules.ruleset import resolve_rulesets

    if project.zones.empty:
        return None
    sets = rulesets if rulesets and not isinstance(rulesets[0], str) else resolve_rulesets(rulesets, project.meta)
    return run_check(project, sets)


def zone_findings(result: dict | None) -> dict[str, list[dict]]:
    """Rule findings per zone of a check result (CONTRACTS.md JSON)."""
    if not result:
        return {}
    return {str(z.get("zone_id")): z.get("findings") or [] for z in result.get("zones", [])}


def _finding_item(f: dict) -> str:
    """One finding as an escaped list item in the UI language: rule and its title, status, message (the
    status not said twice), the citation as a document title and section (``core/citations.py``)."""
    from ..rules.view import citation_text, finding_body, rule_heading, status_label

    subject = f"{esc(f.get('subject_name') or '')} " if f.get("subject_name") else ""
    return (f"<li class='kcn-{esc(f.get('status'))}'><b>{esc(rule_heading(f))}</b> {subject}"
            f"[{esc(status_label(f.get('status')))}] {esc(finding_body(f))}"
            f"<br><small>{esc(t('Căn cứ', 'Source'))}: {esc(citation_text(f))}</small></li>")


def findings_box(result: dict | None) -> str:
    """The province-wide findings (facilities outside zones, plan targets) as a box on the map."""
    findings = [f for f in (result or {}).get("findings", []) if f.get("status") not in ("n/a", "ok")]
    if not findings:
        return ""
    items = "".join(_finding_item(f) for f in findings)
    return (f"<div class='kcn-legend kcn-province' style='left:10px;right:auto;bottom:30px;max-width:420px'>"
            f"<b>{html_text(t('Kết quả kiểm tra toàn tỉnh', 'Province-wide findings'))}</b><ul>{items}</ul></div>")


def zone_popup(row, findings: list[dict]) -> str:
    established = row.get("established")
    date = established.strftime("%d/%m/%Y") if hasattr(established, "strftime") and established == established else None
    rows = [(t("Tên", "Name"), f"<b>{esc(row.get('name'))}</b>"), (t("Mã", "ID"), esc(row.get("zone_id"))),
            (t("Loại", "Kind"), esc(row.get("kind"))), (t("Ngày thành lập", "Established"), esc(date)),
            (t("Diện tích", "Gross area"), _ha(row.get("gross_m2"))),
            (t("Đất công nghiệp", "Industrial land"), _ha(row.get("industrial_m2"))),
            (t("Đã cho thuê", "Leased"), _ha(row.get("leased_m2"))),
            (t("Còn trống", "Vacant"), _ha(row.get("vacant_m2"))),
            (t("Tỷ lệ lấp đầy", "Fill rate"), _pct(row.get("fill_rate"))),
            (t("Số liệu từ", "Figures from"), esc(t("lô đất", "parcels") if row.get("figures_from") == "parcels"
                                                  else t("số liệu công bố", "declared figures")))]
    body = _table(rows)
    findings = [f for f in findings if f.get("status") != "n/a"]  # rules that do not apply: noise
    if findings:
        items = "".join(_finding_item(f) for f in findings)
        body += f"<div class='kcn-findings'><b>{html.escape(t('Kết quả kiểm tra', 'Rule findings'))}</b><ul>{items}</ul></div>"
    return body


def _rounded(geoms):
    """Coordinates to 1e-7° (~1 cm): a smaller file; no topology step, so invalid shapes still draw."""
    return shapely.transform(geoms, lambda xy: np.round(xy, 7))


def _features(frame, colors, vacant) -> dict:
    """GeoJSON of the frame's geometry with only numbers and checked colours as properties: no user
    text, because folium's script (where this ends up) is compiled again as a Jinja2 template by branca.
    Property ``k`` indexes the layer's popup/tooltip texts (see ``_text_script``)."""
    geo = reproject(frame[[frame.geometry.name]], WGS84_EPSG)
    feats = []
    for k, (geom, color, free) in enumerate(zip(shapely.to_geojson(_rounded(geo.geometry.values)), colors, vacant)):
        feats.append({"type": "Feature", "geometry": json.loads(geom),
                      "properties": {"k": k, "color": css_color(color, ""), "vacant": bool(free)}})
    return {"type": "FeatureCollection", "features": feats}


# Binds popups, tooltips and the layer control from a JSON data block once folium's script has made the
# layers: user text never passes through a template (folium's script is compiled twice by branca).
TEXT_SCRIPT = """<script>
(function () {
  var data = %s;
  document.addEventListener("DOMContentLoaded", function () {
    var overlays = {};
    data.layers.forEach(function (entry) {
      var layer = window[entry.js];
      layer.bindPopup(function (f) { return entry.popups[f.feature.properties.k]; }, {maxWidth: 420});
      layer.bindTooltip(function (f) { return entry.tips[f.feature.properties.k]; }, {sticky: true});
      overlays[entry.title] = layer;
    });
    L.control.layers(null, overlays, {collapsed: false}).addTo(window[data.map]);
    L.control.scale({metric: true, imperial: false}).addTo(window[data.map]);  // metres only
  });
})();
</script>"""


def _text_script(map_name: str, layers: list[dict]) -> str:
    """``layers`` = [{"js": folium variable, "title": escaped title, "popups": [...], "tips": [...]}]."""
    titles = set()
    for entry in layers:  # the layer control keys overlays by title: keep them distinct
        while entry["title"] in titles:
            entry["title"] += "\u200b"
        titles.add(entry["title"])
    return TEXT_SCRIPT % script_json({"map": map_name, "layers": layers})


def _layer_content(project, state, findings, feedback=None):
    from ..core.styles import points_as_discs

    frame, style, fills = styled_frame(project, state)
    frame = points_as_discs(frame)  # a Leaflet marker would need an image; a disc is drawn like the canvas
    if feedback is not None:
        warn_missing_geometry(frame, state["name"], feedback)
    keep = np.asarray(frame.geometry.notna() & ~frame.geometry.is_empty)
    frame, fills = frame[keep], np.asarray(fills, dtype=object)[keep]
    name = state["name"]
    vacant = np.zeros(len(frame), dtype=bool)
    if name == "zones":
        popups = [zone_popup(row, findings.get(str(row["zone_id"]), [])) for row in frame.to_dict("records")]
        tips = [esc(v) for v in frame["name"]]
    elif name == "subzones":
        popups = [_table([(t("Phân khu", "Subzone"), esc(r["subzone_id"])), (t("Khu", "Zone"), esc(r["zone_id"])),
                          (t("Chức năng", "Use"), esc(value_label(r["use"])))]) for r in frame.to_dict("records")]
        tips = [esc(v) for v in frame["subzone_id"]]
    elif name == "parcels":
        areas = shapely.area(frame.geometry.values)
        numbers = short_numbers(frame)  # "CN-45", as the print labels it, not "KCN-DAIAN:CN-45"
        popups = [_table([(t("Lô", "Parcel"), esc(n)), (t("Khu", "Zone"), esc(r["zone_id"])),
                          (t("Sử dụng đất", "Land use"), esc(value_label(r["landuse"]))),
                          (t("Tình trạng", "Status"), esc({"leased": t("đã cho thuê", "leased"),
                                                           "vacant": t("còn trống", "vacant")}.get(r.get("status")))),
                          (t("Nhà đầu tư", "Tenant"), esc(r.get("tenant"))),
                          (t("Diện tích", "Area"), esc(fmt_m2(a)))])
                  for r, a, n in zip(frame.to_dict("records"), areas, numbers)]
        tips = [esc(v) for v in frame["parcel_id"]]
        if "status" in frame:
            vacant = ((frame["landuse"] == "industrial") & (frame["status"] == "vacant")).to_numpy(dtype=bool)
    else:  # lots, new roads, imported layers: their fields by the planner's names, values as the app shows them
        popups = _attribute_popups(frame, layer_title(name))
        tips = [esc(layer_title(name))] * len(frame)
    return frame, style, fills, popups, tips, vacant


def _attribute_popups(frame, title: str, limit: int = 8) -> list[str]:
    """Popups listing a layer's first ``limit`` fields (alias table labels, values by ``display_value``;
    areas in m²) under the layer's title; every text escaped."""
    from ..core.aliases import display_value, field_label

    fields = [c for c in frame.columns if c != frame.geometry.name][:limit]
    head = f"<b>{esc(title)}</b>"

    def shown(field, value):  # the label says "(m²)": whole square metres as the attribute table shows them
        if field.endswith("_m2") and isinstance(value, (int, float)) and np.isfinite(value):
            return fmt_number(value, 0)
        return display_value(value, field)

    return [head + _table([(field_label(f), esc(shown(f, r[f]))) for f in fields]) for r in frame.to_dict("records")]


def css_color(value, default: str = "transparent") -> str:
    """Only '#rgb'/'#rrggbb(aa)' from project styles reach CSS: no url(...) or other injection."""
    text = str(value or "")
    return text if re.fullmatch(r"#[0-9a-fA-F]{3,8}", text) else default


def legend_html(layers: list[tuple[str, list, str]]) -> str:
    """``layers`` = [(title, [(label, colour)], stroke colour)], as for the print legend."""
    parts = [f"<div class='kcn-legend'><b>{html.escape(t('Chú giải', 'Legend'))}</b>"]
    for title, rows, stroke in layers:
        if len(rows) == 1 and not rows[0][0]:  # single-symbol layer: swatch beside its title
            parts.append(f"<div><i style='background:{css_color(rows[0][1])};"
                         f"border:2px solid {css_color(stroke, '#555555')}'></i>"
                         f"{html_text(title)}</div>")
            continue
        parts.append(f"<div class='kcn-legend-title'>{html_text(title)}</div>")
        for label, color in rows:
            parts.append(f"<div><i style='background:{css_color(color)}'></i>"
                         f"{html_text(label, empty='')}</div>")
    return "".join(parts) + "</div>"


LEGEND_CSS = """<style>
.kcn-legend{position:absolute;bottom:24px;right:10px;z-index:1000;background:#fff;padding:8px 10px;
 font:12px/1.4 "DejaVu Sans",Arial,sans-serif;border-radius:4px;box-shadow:0 1px 5px rgba(0,0,0,.4);max-height:60%;overflow:auto}
.kcn-legend i{display:inline-block;width:14px;height:10px;margin-right:6px;border:1px solid #555;vertical-align:middle}
.kcn-legend-title{font-weight:bold;margin-top:6px}
table.kcn-popup th{text-align:left;padding-right:8px;font-weight:normal;color:#555}
.kcn-findings ul{margin:4px 0 0 16px;padding:0}
.kcn-violation{color:#b30000}.kcn-warning{color:#a05a00}.kcn-ok{color:#1a7f37}.kcn-unknown{color:#5e3c99}
.kcn-info{color:#2c7bb6}.kcn-province ul{margin:4px 0;padding-left:16px}
</style>"""


def build_web_map(project, feedback=None, rulesets=None) -> str:
    """The whole page as one HTML string, with Leaflet inlined; findings of ``rulesets`` (ids, files or
    RuleSet objects; default: the project's stored sets, else the defaults) in the UI language."""
    import folium

    result = check_result(project, rulesets)
    findings = zone_findings(result)
    states = [s for s in project.layer_state if s.get("visible", True)]
    check_drawable(project.zones, "zones", project.path or "zones")
    zones_wgs = reproject(project.zones, WGS84_EPSG) if not project.zones.empty else None
    fmap = folium.Map(location=[21.0, 106.3], zoom_start=10, tiles=None, control_scale=False,
                      prefer_canvas=False, zoom_snap=0.25)
    legend_layers, texts = [], []
    fmap.default_js = [("leaflet", "leaflet.js")]  # no CDN: inlined below
    fmap.default_css = [("leaflet_css", "leaflet.css")]
    fmap.get_root().title = html_text(project.name or "KCN Planner")
    for i, state in enumerate(states):
        if feedback:
            feedback.check_canceled()
            feedback.progress(10 + 70 * i / max(1, len(states)))
        frame, style, fills, popups, tips, vacant = _layer_content(project, state, findings, feedback)
        if frame.empty:
            continue
        base = style or GENERIC_STYLE
        stroke, weight = css_color(base.get("stroke"), "#333333"), max(0.5, float(base.get("stroke_width", 0.3)) * 3)
        opacity = float(base.get("fill_opacity", 0.7)) * float(state.get("opacity", 1.0))

        def style_fn(feature, stroke=stroke, weight=weight, opacity=opacity):
            color, free = feature["properties"]["color"], feature["properties"]["vacant"]
            out = {"color": stroke, "weight": weight, "fillColor": css_color(color, "#000000"),
                   "fillOpacity": (opacity * (0.4 if free else 1.0)) if color else 0.0}
            return {**out, "dashArray": "5 4", "weight": weight * 2} if free else out  # vacant: pale, dashed

        check_drawable(frame, state["name"], project.path or state["name"])
        layer = folium.GeoJson(_features(frame, fills, vacant), name=f"layer{i}", control=False,
                               style_function=style_fn, zoom_on_click=False)
        layer.add_to(fmap)
        texts.append({"js": layer.get_name(), "title": html_text(layer_title(state["name"])),
                      "popups": popups, "tips": tips})
        legend_layers.append((layer_title(state["name"]), legend_rows(frame, style), stroke))
        if vacant.any():
            legend_layers.append((t("Đất công nghiệp còn trống (nhạt, viền nét đứt)",
                                    "Vacant industrial land (pale, dashed outline)"), [("", "#e6d5ee")], stroke))
    if zones_wgs is not None:
        b = zones_wgs.total_bounds
        fmap.fit_bounds([[b[1], b[0]], [b[3], b[2]]])
    # template_data, not folium.Element: Element compiles its text as a Jinja2 template
    fmap.get_root().header.add_child(template_data(LEGEND_CSS))
    fmap.get_root().html.add_child(template_data(legend_html(legend_layers)))
    fmap.get_root().html.add_child(template_data(_text_script(fmap.get_name(), texts)))
    box = findings_box(result)
    if box:
        fmap.get_root().html.add_child(template_data(box))
    return inline_assets(fmap.get_root().render())


def _css_with_data_uris(css: str) -> str:
    def repl(match):
        png = LEAFLET_DIR / match.group(1)
        return f"url(data:image/png;base64,{base64.b64encode(png.read_bytes()).decode()})"
    return re.sub(r"url\((images/[\w.-]+\.png)\)", repl, css)


def inline_assets(page: str) -> str:
    """Swap folium's script/link tags for inline Leaflet; fail loudly if any remote asset is left."""
    js = (LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    css = _css_with_data_uris((LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8"))
    page = re.sub(r'<script src="leaflet.js"></script>', lambda m: f"<script>{js}</script>", page, count=1)
    page = re.sub(r'<link rel="stylesheet" href="leaflet.css"\s*/?>', lambda m: f"<style>{css}</style>", page, count=1)
    remote = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(?:https?:)?//[^"]+"', page)
    if remote or 'src="leaflet.js"' in page:
        raise RuntimeError(f"web map still references remote assets: {remote[:3]}")
    return page


def write_web_map(project, out, feedback=None, rulesets=None) -> Path:
    write_text_atomic(out, build_web_map(project, feedback, rulesets))
    return Path(out)
