"""Qt-free view-model of the GUI's zone dock and of compliance styling: display rows in vi/en.

The shell shows ``zone_dock(zone)`` as a table of figures and a list of findings (each with its
citation) and colours zones by ``zone_status``; the PDF/XLSX reports use the same labels.
"""
from __future__ import annotations

from ..core.aliases import fmt_date
from ..core.citations import format_citation
from ..core.i18n import get_language, t
from ..core.numbers import fmt_ha, fmt_m2, fmt_share

STATUS_ORDER = ("violation", "warning", "unknown", "info", "ok", "n/a")  # worst first
STATUS_COLORS = {"violation": "#d7301f", "warning": "#fdae61", "unknown": "#9e9ac8", "info": "#74add1",
                 "ok": "#1a9850", "n/a": "#bdbdbd"}


def status_label(status: str) -> str:
    return {"ok": t("Đạt", "OK"), "violation": t("Vi phạm", "Violation"),
            "warning": t("Cảnh báo", "Warning"), "n/a": t("Không áp dụng", "N/A"),
            "info": t("Thông tin", "Info"), "unknown": t("Thiếu dữ liệu", "Unknown")}.get(status, str(status))


def severity_label(severity: str) -> str:
    """A rule's severity (violation, warning, info, off) in the UI language."""
    return t("Tắt", "Off") if severity == "off" else status_label(severity)


def finding_message(finding: dict, lang: str | None = None) -> str:
    """The finding's message in ``lang`` (default: the UI language), whatever language the check ran in."""
    return (finding.get("messages") or {}).get(lang or get_language(), finding.get("message", ""))


# Prefixes evaluate.py puts before the reason of an n/a or unknown finding; where the status label is
# shown beside the message they would say it twice ("Thiếu dữ liệu: Thiếu dữ liệu: …").
_REASON_PREFIXES = ("Thiếu dữ liệu: ", "Missing data: ", "Không áp dụng: ", "N/A: ")


def finding_body(finding: dict, lang: str | None = None) -> str:
    """The finding's message in ``lang`` without the status prefix, for a line that shows its status label."""
    text = finding_message(finding, lang)
    for prefix in _REASON_PREFIXES:
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


def citation_text(finding: dict) -> str:
    """The finding's citation as a planner reads it: document title and section (core/citations.py)."""
    return format_citation(finding.get("citation"))


def finding_title(finding: dict, lang: str | None = None) -> str:
    return (finding.get("title") or {}).get(lang or get_language(), "")


def zone_status(zone: dict) -> str:
    """The worst status among a zone's findings (what the map colours the zone by)."""
    statuses = {f["status"] for f in zone.get("findings", [])}
    return next((s for s in STATUS_ORDER if s in statuses), "n/a")


def compliance_by_zone(result: dict) -> dict[str, str]:
    """zone_id → worst status, for styling the zones layer by compliance."""
    return {zone["zone_id"]: zone_status(zone) for zone in result["zones"]}


def rule_heading(finding: dict) -> str:
    """The rule's number and its title in the UI language, as the desktop shows a finding."""
    title = finding_title(finding)
    return f"{finding['rule']} — {title}" if title else finding["rule"]


def ruleset_caption(sets) -> str:
    """Short names of rule sets for the desktop: province and version, "*" when adjusted."""
    return ", ".join(f"{s.province or s.id} ({s.version})" + ("*" if s.overrides else "") for s in sets)


def rule_label(finding: dict) -> str:
    """The rule's number and its code's last part, e.g. "R1 hightech share"."""
    code = finding.get("code") or ""
    suffix = code.split(".", 1)[1].replace("_", " ") if "." in code else ""  # words wrap in narrow docks
    return f"{finding['rule']} {suffix}".strip()


def zone_status_label(status, date=None) -> str:
    """A zone's status (second-round data model) in the UI language, with its date."""
    if not status:
        return "—"
    label = {"planned": t("Quy hoạch", "Planned"), "established": t("Đã thành lập", "Established"),
             "under_construction": t("Đang xây dựng", "Under construction"),
             "operating": t("Đang hoạt động", "Operating"), "suspended": t("Tạm dừng", "Suspended")}.get(status, status)
    return f"{label} ({date})" if date else label


def figure_rows(zone: dict) -> list[tuple[str, str]]:
    """(label, value) rows of a zone's figures, in the UI language."""
    source = {"parcels": t("từ thửa đất", "from parcels"),
              "declared": t("số liệu công bố", "declared figures")}.get(zone.get("figures_from"), "—")
    lots = zone.get("cnht_lots") or 0
    return [
        (t("Mã khu", "Zone id"), zone["zone_id"]),
        (t("Loại", "Kind"), zone["kind"]),
        (t("Ngày thành lập", "Established"), fmt_date(zone.get("established")) or "—"),
        (t("Diện tích", "Gross area"), fmt_ha(zone.get("gross_m2"))),
        (t("Quỹ đất công nghiệp", "Industrial land fund"), fmt_ha(zone.get("industrial_m2"))),
        (t("Đã cho thuê", "Leased"), fmt_ha(zone.get("leased_m2"))),
        (t("Chưa cho thuê", "Vacant"), fmt_ha(zone.get("vacant_m2"))),
        (t("Tỷ lệ lấp đầy", "Fill rate"), fmt_share(zone.get("fill_rate"))),
        (t("Đất công nghệ cao", "High-tech land"),
         f"{fmt_ha(zone.get('hightech_m2'))} ({fmt_share(zone.get('hightech_share'))})"),
        (t("Đất CNHT", "CNHT land"), f"{fmt_ha(zone.get('cnht_m2'))} ({fmt_share(zone.get('cnht_share'))})"),
        (t("Lô trong phân khu CNHT", "Lots in CNHT subzones"),
         t("{n} lô, trung bình {a}", "{n} lots, mean {a}", n=lots, a=fmt_m2(zone.get("cnht_lot_mean_m2")))
         if lots else "—"),
        (t("Nguồn số liệu", "Figures from"), source),
        (t("Trạng thái", "Status"), zone_status_label(zone.get("status"), fmt_date(zone.get("status_date")))),
        (t("Huyện", "District"), zone.get("district") or "—"),
    ] + ([(t("Không rõ tại ngày đánh giá", "Unknown on the as-of date"),
           ", ".join(_AS_OF_WORDS.get(k, (k, k))[0 if get_language() == "vi" else 1] for k in zone["as_of_unknown"]))]
         if zone.get("as_of_unknown") else [])


# check.state_as_of's keys of what a past date makes unknown
_AS_OF_WORDS = {"status": ("trạng thái", "status"), "operating": ("đang hoạt động hay không", "operating or not"),
                "leased": ("diện tích đã cho thuê", "leased area")}


def finding_rows(zone: dict) -> list[dict]:
    """One display row per finding: rule, status label and colour, m² figures, message, citation."""
    rows = []
    for f in zone.get("findings", []):
        rows.append({"rule": rule_label(f), "heading": rule_heading(f), "status": f["status"], "status_label": status_label(f["status"]),
                     "color": STATUS_COLORS[f["status"]], "required": fmt_m2(f["required_m2"]),
                     "actual": fmt_m2(f["actual_m2"]), "deficit": fmt_m2(f["deficit_m2"]),
                     "message": finding_body(f), "title": finding_title(f), "code": f.get("code", ""),
                     "citation": f["citation"],
                     "citation_text": format_citation(f["citation"])})  # document title + section
    return rows


def zone_dock(zone: dict) -> dict:
    """Everything the zone dock shows for one zone of a check result."""
    status = zone_status(zone)
    return {"title": f"{zone['name']} ({zone['zone_id']})", "status": status,
            "status_label": status_label(status), "status_color": STATUS_COLORS[status],
            "figures": figure_rows(zone), "findings": finding_rows(zone)}
