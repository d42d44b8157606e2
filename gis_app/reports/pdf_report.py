"""PDF compliance report (reportlab + the bundled DejaVu font) in the language asked for: summary,
findings by rule, province-wide findings and plan targets, charts, and per zone a small map, its
land-use balance and its findings with citations. Charts and maps come from charts.py (the GUI shows
the same).

Every string from the data or a rule-set file (names, ids, messages, citations) goes into reportlab's
paragraph markup through ``core/safe_text.pdf_paragraph`` (``x()`` below): ``& < >`` escaped, so a name
cannot become a link, an image or a broken tag, and long text shortened."""
from __future__ import annotations

import contextvars
import datetime as dt
import io
from pathlib import Path

from ..core.atomic import atomic_path
from ..core.aliases import fmt_date
from ..core.drawable import check_drawable
from ..core.i18n import get_language, set_language, t
from ..core.project import Project
from ..core.safe_text import PDF_TEXT_LIMIT, TextNotes, pdf_paragraph, pdf_plain
from ..rules.view import (STATUS_COLORS, citation_text, finding_body, finding_title, fmt_ha, fmt_m2, fmt_share,
                          rule_label, status_label, zone_status)
from ..subdivision import balance
from . import charts

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
KINDS = ("KCN", "CCN")
NAME_LIMIT = 300  # characters of a name in a heading or table cell; messages keep the default limit
_NOTES: contextvars.ContextVar = contextvars.ContextVar("pdf_text_notes", default=None)


def x(value, limit: int = PDF_TEXT_LIMIT) -> str:
    """User or rule-set text for a Paragraph (escaped markup); see core/safe_text.pdf_paragraph."""
    return pdf_paragraph(value, limit, _NOTES.get())


def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFontFamily("DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold",
                                      italic="DejaVuSans", boldItalic="DejaVuSans-Bold")


def _styles():
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName="DejaVuSans", fontSize=8.5, leading=11)
    return {"base": base,
            "small": ParagraphStyle("small", parent=base, fontSize=7, leading=8.5),
            "h1": ParagraphStyle("h1", parent=base, fontName="DejaVuSans-Bold", fontSize=15, leading=19,
                                 spaceAfter=6),
            "h2": ParagraphStyle("h2", parent=base, fontName="DejaVuSans-Bold", fontSize=11.5, leading=15,
                                 spaceBefore=8, spaceAfter=4),
            "h3": ParagraphStyle("h3", parent=base, fontName="DejaVuSans-Bold", fontSize=9.5, leading=12)}


def write_pdf(result: dict, ruleset, project: Project, path: str | Path, lang: str | None = None,
              feedback=None, notes: TextNotes | None = None) -> Path:
    """Write the report atomically to ``path``, headings, labels, numbers and findings in ``lang``
    (default: the UI language); ``ruleset``: the rule sets of the check (the result carries what the
    report shows); ``notes`` collects what had to change in the text (see core/safe_text).
    InputError when a zone's coordinates cannot be drawn (core/drawable)."""
    check_drawable(project.zones, "zones", project.path or path)
    previous = get_language()
    set_language(lang or previous)
    token = _NOTES.set(notes if notes is not None else TextNotes())
    try:
        story = _story(result, ruleset, project, feedback)
        title = t("Báo cáo tuân thủ quy tắc KCN, CCN", "KCN/CCN rule compliance report")
    finally:
        set_language(previous)
        _NOTES.reset(token)
    path = Path(path)
    with atomic_path(path, suffix=".pdf") as tmp:
        _build(story, tmp, result, title)
    return path


def _build(story, target: Path, result: dict, title: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("DejaVuSans", 7)
        canvas.drawString(15 * mm, 8 * mm, f"KCN Planner — {pdf_plain(result.get('project'), 120)}")
        canvas.drawRightString(A4[0] - 15 * mm, 8 * mm, f"{doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(target), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=14 * mm, bottomMargin=14 * mm, title=title,
                            author="KCN Planner")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def _image(data: bytes, max_w: float, max_h: float):
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    w, h = ImageReader(io.BytesIO(data)).getSize()
    scale = min(max_w / w, max_h / h)
    return Image(io.BytesIO(data), width=w * scale, height=h * scale)


def _table(rows, widths, header=True, font_size=8):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [("FONT", (0, 0), (-1, -1), "DejaVuSans", font_size),
             ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#999999")),
             ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if header:
        style += [("FONT", (0, 0), (-1, 0), "DejaVuSans-Bold", font_size),
                  ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))]
    table.setStyle(TableStyle(style))
    return table


def _story(result: dict, ruleset, project: Project, feedback) -> list:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

    _fonts()
    st = _styles()
    width = A4[0] - 30 * mm
    P = Paragraph
    story = [P(t("Báo cáo kiểm tra tỷ lệ lấp đầy và quy tắc dành quỹ đất KCN, CCN",
                 "Fill rate and land reservation compliance report (KCN, CCN)"), st["h1"]),
             P(t("Dự án: <b>{p}</b> — lập ngày {d}", "Project: <b>{p}</b> — made on {d}",
                 p=x(result.get("project"), NAME_LIMIT), d=fmt_date(dt.date.today())), st["base"]),
             P(t("Bộ quy tắc: {n}. Ngày đánh giá: {a}.", "Rule sets: {n}. Evaluation date: {a}.",
                 n="; ".join(_set_line(s) for s in result["rules"].get("sets", [])),
                 a=x(fmt_date(result.get("as_of"))) or t("hiện trạng", "current state")), st["base"])]
    for note in result.get("as_of_notes") or []:  # what --as-of rolled back, and what the data cannot tell
        story.append(P("• " + x(note["messages"].get(get_language()) or note.get("message")), st["small"]))
    if project.meta.get("illustrative"):
        story.append(P(t("Lưu ý: ranh giới các khu là minh họa; số liệu theo nguồn công bố.",
                         "Note: zone outlines are illustrative; figures follow the published sources."),
                       st["small"]))
    story.append(P(t("1. Tổng hợp toàn tỉnh", "1. Province summary"), st["h2"]))
    s = result["summary"]
    rows = [[t("Chỉ tiêu", "Figure"), "KCN", "CCN"],
            [t("Số khu", "Zones"), *(str(s[k]["count"]) for k in KINDS)],
            [t("Đang hoạt động", "Operating"), *(str(s[k]["operating"]) for k in KINDS)],
            [t("Tổng diện tích", "Gross area"), *(fmt_ha(s[k]["gross_m2"]) for k in KINDS)],
            [t("Quỹ đất công nghiệp", "Industrial land fund"), *(fmt_ha(s[k]["industrial_m2"]) for k in KINDS)],
            [t("Đã cho thuê", "Leased"), *(fmt_ha(s[k]["leased_m2"]) if s[k].get("leased_known", 1) or not s[k]["count"]
                                          else "—" for k in KINDS)],
            [t("Tỷ lệ lấp đầy (gia quyền theo diện tích)", "Fill rate (area-weighted)"),
             *(fmt_share(s[k]["fill_rate_weighted"]) for k in KINDS)],
            [t("Tỷ lệ lấp đầy bình quân các khu đang hoạt động", "Mean fill rate of operating zones"),
             *(fmt_share(s[k]["fill_rate_mean_operating"]) for k in KINDS)]]
    story.append(_table(rows, [width * 0.5, width * 0.25, width * 0.25]))
    story.append(P(t("2. Kết quả theo quy tắc", "2. Findings by rule"), st["h2"]))
    story.append(_rule_counts_table(result, ruleset, width, st))
    story.append(P(t("3. Chỉ tiêu kế hoạch và kết quả toàn tỉnh", "3. Plan targets and province-wide findings"),
                   st["h2"]))
    story.append(_province_table(result, width, st))
    story.append(P(t("4. Các khu chưa đạt (vi phạm, cảnh báo)", "4. Zones with violations or warnings"), st["h2"]))
    story.append(_problem_table(result, width, st))
    story.append(PageBreak())
    story.append(P(t("5. Biểu đồ", "5. Charts"), st["h2"]))
    for kind in KINDS:
        if any(z["kind"] == kind for z in result["zones"]):
            story.append(_image(charts.fill_rate_chart(result, kind, dpi=130), width, 235 * mm))
    story.append(_image(charts.reservation_chart(result, dpi=130, line_share=_hightech_share(result)),
                        width, 200 * mm))
    story.append(PageBreak())
    story.append(P(t("6. Từng khu: bản đồ, cân bằng sử dụng đất và kết quả kiểm tra",
                     "6. Zone by zone: map, land-use balance and findings"), st["h2"]))
    story.append(P(t("Bản đồ: tím đậm = đã cho thuê, tím nhạt = đất công nghiệp còn trống; gạch xanh lam = "
                     "phân khu công nghệ cao, gạch xanh lá = phân khu CNHT. Khu không có thửa đất chỉ có ranh giới.",
                     "Map: dark purple = leased, light purple = vacant industrial land; blue hatch = high-tech "
                     "subzone, green hatch = CNHT subzone. Zones without parcels show their outline only."),
                   st["small"]))
    zones_geo = project.zones.set_index(project.zones["zone_id"].astype(str))
    subzones, parcels = project.subzones, project.parcels
    sub_groups = {k: g for k, g in subzones.groupby(subzones["zone_id"].astype(str))} if len(subzones) else {}
    par_groups = {k: g for k, g in parcels.groupby(parcels["zone_id"].astype(str))} if len(parcels) else {}
    empty_sub, empty_par = subzones.iloc[:0], parcels.iloc[:0]
    n = max(len(result["zones"]), 1)
    for i, zone in enumerate(result["zones"]):
        if feedback is not None:
            feedback.check_canceled()
            feedback.progress(40 + 55 * i / n)
        zid = zone["zone_id"]
        geom = zones_geo.geometry.get(zid)
        picture = _image(charts.zone_map(geom, sub_groups.get(zid, empty_sub), par_groups.get(zid, empty_par)),
                         58 * mm, 58 * mm) if geom is not None and not geom.is_empty else P("—", st["base"])
        status = zone_status(zone)
        head = P(f'<font color="{STATUS_COLORS[status]}">■</font> <b>{x(zone["name"], NAME_LIMIT)}</b> '
                 f'({x(zid, NAME_LIMIT)}, {x(zone["kind"], NAME_LIMIT)}, ' + t("thành lập", "established")
                 + f' {x(fmt_date(zone["established"])) or "—"}) — {status_label(status)}', st["h3"])
        facts = P(t("Diện tích {g}; quỹ đất CN {i}; đã thuê {l}; lấp đầy {f}; CNC {h} ({hs}); CNHT {c} ({cs}). "
                    "Nguồn: {src}.",
                    "Gross {g}; industrial {i}; leased {l}; fill {f}; high-tech {h} ({hs}); CNHT {c} ({cs}). "
                    "From: {src}.",
                    g=fmt_ha(zone["gross_m2"]), i=fmt_ha(zone["industrial_m2"]), l=fmt_ha(zone["leased_m2"]),
                    f=fmt_share(zone["fill_rate"]), h=fmt_ha(zone["hightech_m2"]),
                    hs=fmt_share(zone["hightech_share"]), c=fmt_ha(zone["cnht_m2"]),
                    cs=fmt_share(zone["cnht_share"]),
                    src=t("thửa đất", "parcels") if zone["figures_from"] == "parcels"
                    else t("số liệu công bố", "declared figures")), st["small"])
        findings = [[P(f"<b>{x(rule_label(f))}</b> — "
                       f'<font color="{STATUS_COLORS[f["status"]]}">{status_label(f["status"])}</font>'
                       + (t("; thiếu {d}", "; deficit {d}", d=fmt_m2(f["deficit_m2"])) if f["deficit_m2"] else "")
                       + f"<br/>{x(finding_body(f))}<br/><i>{x(citation_text(f))}</i>", st["small"])]
                    for f in zone["findings"] if f["status"] != "n/a"]
        if not findings:
            findings = [[P(t("Không có quy tắc nào áp dụng cho khu này (xem bảng tính XLSX).",
                             "No rule applies to this zone (see the XLSX workbook)."), st["small"])]]
        zone_parcels = par_groups.get(zid)
        if zone_parcels is not None and len(zone_parcels):  # land-use balance from the zone's parcels
            rows = [[t("Loại đất", "Land use"), "ha", "%"]] + [list(r) for r in
                                                              balance.table_rows(balance.parcels_balance(zone_parcels))]
            findings.insert(0, [_table(rows, [(width - 62 * mm) * 0.6, (width - 62 * mm) * 0.2,
                                             (width - 62 * mm) * 0.2], font_size=7)])
        right = Table([[facts], *findings], colWidths=[width - 62 * mm])
        right.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LINEBELOW", (0, 0), (-1, -2), 0.25, colors.HexColor("#cccccc"))]))
        block = Table([[picture, right]], colWidths=[62 * mm, width - 62 * mm])
        block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(KeepTogether([head, block, Spacer(1, 4 * mm)]))
    return story


def _set_line(s: dict) -> str:
    name = s.get("name") if get_language() == "vi" else s.get("name_en") or s.get("name")
    line = f"{x(name)} ({x(s['id'])} {x(s['version'])})"
    if s.get("off"):
        line += t(", đã tắt: {c}", ", switched off: {c}", c=x(", ".join(s["off"])))
    if s.get("overrides"):
        line += t(", đã chỉnh: {c}", ", adjusted: {c}", c=x(", ".join(s["overrides"])))
    return line


def _hightech_share(result: dict) -> float:
    """The high-tech reservation threshold of the rules in use (R1.hightech_share), for the chart's line."""
    for zone in result["zones"]:
        for f in zone["findings"]:
            if f.get("code") == "R1.hightech_share":
                return float(f["figures"].get("threshold") or 0.2)
    return 0.2


def _province_table(result: dict, width: float, st):
    """Top-level findings (plan targets, facilities outside zones) with their citations."""
    from reportlab.platypus import Paragraph

    rows = [[t("Quy tắc", "Rule"), t("Đối tượng", "Subject"), t("Kết quả", "Status"), t("Nội dung", "Message")]]
    for f in result.get("findings", []):
        subject = f.get("subject", "")
        subject = t("toàn tỉnh", "province") if subject == "province" else subject.split(":", 1)[-1]
        rows.append([Paragraph(x(rule_label(f)), st["small"]), Paragraph(x(subject), st["small"]),
                     Paragraph(f'<font color="{STATUS_COLORS[f["status"]]}">{status_label(f["status"])}</font>',
                               st["small"]),
                     Paragraph(f"<b>{x(finding_title(f))}</b><br/>{x(finding_body(f))}<br/>"
                               f"<i>{x(citation_text(f))}</i>", st["small"])])
    if len(rows) == 1:
        rows.append(["—", "", "", t("Không có quy tắc toàn tỉnh trong các bộ quy tắc đang dùng",
                                    "No province-wide rule in the rule sets in use")])
    return _table(rows, [width * 0.16, width * 0.14, width * 0.12, width * 0.58], font_size=7)


def _rule_counts_table(result: dict, ruleset, width: float, st):
    from reportlab.platypus import Paragraph

    statuses = ("violation", "warning", "unknown", "info", "ok", "n/a")
    counts: dict[str, dict] = {}
    for zone in result["zones"]:
        for f in zone["findings"]:
            row = counts.setdefault(f.get("code") or rule_label(f), {"finding": f, **dict.fromkeys(statuses, 0)})
            row[f["status"]] += 1
    rows = [[Paragraph(f"<b>{h}</b>", st["small"]) for h in (
        t("Quy tắc", "Rule"), t("Nội dung", "Rule text"), *(status_label(s) for s in statuses))]]
    for code, c in counts.items():
        f = c["finding"]
        rows.append([Paragraph(x(rule_label(f)), st["small"]),
                     Paragraph(x(finding_title(f)) + f"<br/><i>{x(citation_text(f))}</i>", st["small"]),
                     *(str(c[s]) for s in statuses)])
    return _table(rows, [width * 0.14, width * 0.44, *([width * 0.07] * 6)], font_size=7)


def _problem_table(result: dict, width: float, st):
    from reportlab.platypus import Paragraph

    rows = [[t("Khu", "Zone"), t("Quy tắc", "Rule"), t("Kết quả", "Status"), t("Thiếu (m²)", "Deficit (m²)"),
             t("Nội dung", "Message")]]
    for zone in result["zones"]:
        for f in zone["findings"]:
            if f["status"] in ("violation", "warning"):
                rows.append([Paragraph(x(zone["name"], NAME_LIMIT), st["small"]),
                             Paragraph(x(rule_label(f)), st["small"]), status_label(f["status"]),
                             fmt_m2(f["deficit_m2"]) if f["deficit_m2"] else "",
                             Paragraph(x(finding_body(f)), st["small"])])
    if len(rows) == 1:
        rows.append(["—", "", "", "", t("Không có vi phạm hay cảnh báo", "No violations or warnings")])
    return _table(rows, [width * 0.2, width * 0.17, width * 0.11, width * 0.12, width * 0.4], font_size=7)
