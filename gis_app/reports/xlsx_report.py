"""XLSX compliance report (openpyxl) in the UI language: a sheet per kind (a row per zone: figures and
findings), a summary sheet, the province-wide findings and plan targets, each zone's land-use balance,
and a sheet of the rules with their citations.

Every row goes through ``_append``: text that a spreadsheet would run as a formula (``= + - @``, tab, CR)
is stored as a string cell with the quote prefix, never as a formula; control characters Excel cannot
store are made visible and over-long text shortened (``core/safe_text``)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.atomic import atomic_path
from ..core.citations import format_citation
from ..core.i18n import get_language, t
from ..core.safe_text import TextNotes, set_text_cell
from ..rules.view import (STATUS_COLORS, citation_text, finding_body, finding_title, rule_label, status_label,
                         zone_status, zone_status_label)

KINDS = ("KCN", "CCN")


# Dates day first, as Vietnamese writes them and as the UI shows them (core.aliases.fmt_date)
DATE_FORMAT = "dd/mm/yyyy"


def _date(value):
    """A real date for an ISO text/date/timestamp (a date cell sorts and filters as a date); other text
    as it is; None for empty."""
    if value is None or value == "":
        return None
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return value


def _finding_keys(result: dict) -> list[tuple[str, dict]]:
    """(code, a finding of it) of every zone rule, in check order."""
    keys: dict[str, dict] = {}
    for zone in result["zones"]:
        for f in zone["findings"]:
            keys.setdefault(f.get("code") or f["rule"], f)
    return list(keys.items())


def _figure_columns() -> list[tuple[str, str, str]]:
    """(header, zone key, number format) of the figures part of a zone row."""
    return [
        (t("Mã khu", "Zone id"), "zone_id", "@"), (t("Tên", "Name"), "name", "@"),
        (t("Ngày thành lập", "Established"), "established", DATE_FORMAT),
        (t("Tổng hợp", "General"), "general", "@"), (t("Hoạt động", "Operating"), "operating", "@"),
        (t("Trạng thái", "Status"), "status", "@"), (t("Ngày trạng thái", "Status date"), "status_date", DATE_FORMAT),
        (t("Huyện", "District"), "district", "@"),
        (t("Diện tích (m²)", "Gross (m²)"), "gross_m2", "#,##0"),
        (t("Quỹ đất CN (m²)", "Industrial land (m²)"), "industrial_m2", "#,##0"),
        (t("Đã cho thuê (m²)", "Leased (m²)"), "leased_m2", "#,##0"),
        (t("Chưa cho thuê (m²)", "Vacant (m²)"), "vacant_m2", "#,##0"),
        (t("Tỷ lệ lấp đầy", "Fill rate"), "fill_rate", "0.0%"),
        (t("Nguồn số liệu", "Figures from"), "figures_from", "@"),
        (t("Đất CNC (m²)", "High-tech (m²)"), "hightech_m2", "#,##0"),
        (t("Tỷ trọng CNC", "High-tech share"), "hightech_share", "0.0%"),
        (t("Đất CNHT (m²)", "CNHT (m²)"), "cnht_m2", "#,##0"),
        (t("Tỷ trọng CNHT", "CNHT share"), "cnht_share", "0.0%"),
        (t("Số lô CNHT", "CNHT lots"), "cnht_lots", "0"),
        (t("DT TB lô CNHT (m²)", "Mean CNHT lot (m²)"), "cnht_lot_mean_m2", "#,##0"),
    ]


def _append(ws, values, notes: TextNotes) -> None:
    """Append one row; every value through safe_text.set_text_cell (no formula ever comes from data)."""
    row = ws.max_row + 1 if ws.max_row > 1 or ws.cell(1, 1).value is not None else 1
    for column, value in enumerate(values, start=1):
        set_text_cell(ws.cell(row, column), value, notes)


def write_xlsx(result: dict, ruleset, path: str | Path, notes: TextNotes | None = None) -> Path:
    """Write the workbook atomically; ``ruleset``: the RuleSet or list of them the check used; ``notes``
    collects what had to change in the text (see safe_text)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    fills = {s: PatternFill("solid", fgColor=c.lstrip("#")) for s, c in STATUS_COLORS.items()}
    notes = notes if notes is not None else TextNotes()
    wb = Workbook()
    wb.remove(wb.active)
    figures = _figure_columns()
    finding_keys = _finding_keys(result)
    kinds = list(KINDS) + sorted({z["kind"] for z in result["zones"]} - set(KINDS) - {None})
    for kind in kinds:
        ws = wb.create_sheet(kind)
        headers = [h for h, _, _ in figures] + [t("Đánh giá chung", "Overall")]
        for code, sample in finding_keys:
            label = rule_label(sample)
            headers += [label, t("{r}: thiếu (m²)", "{r}: deficit (m²)", r=label),
                        t("{r}: ghi chú", "{r}: note", r=label)]
        _append(ws, headers, notes)
        for cell in ws[1]:
            cell.font, cell.alignment = bold, wrap
        for zone in (z for z in result["zones"] if z["kind"] == kind):
            row = [_cell(zone.get(key), number_format) for _, key, number_format in figures]
            keys = [key for _, key, _ in figures]
            if zone.get("status"):  # the zone's status in words, as the desktop shows it
                row[keys.index("status")] = zone_status_label(zone["status"])
            source = keys.index("figures_from")
            row[source] = {"parcels": t("thửa đất", "parcels"),
                           "declared": t("số liệu công bố", "declared")}.get(zone["figures_from"], "")
            overall = zone_status(zone)
            row.append(status_label(overall))
            by_key = {f.get("code") or f["rule"]: f for f in zone["findings"]}
            for key, _ in finding_keys:
                f = by_key.get(key)
                row += [status_label(f["status"]), f["deficit_m2"], finding_body(f)] if f else ["", None, ""]
            _append(ws, row, notes)
            r = ws.max_row
            for c, (_, _, number_format) in enumerate(figures, start=1):
                ws.cell(r, c).number_format = number_format
            ws.cell(r, len(figures) + 1).fill = fills[overall]
            for i, (key, _) in enumerate(finding_keys):
                f = by_key.get(key)
                col = len(figures) + 2 + 3 * i
                if f:
                    ws.cell(r, col).fill = fills[f["status"]]
                    ws.cell(r, col + 1).number_format = "#,##0"
        ws.freeze_panes = "C2"
        for c in range(1, ws.max_column + 1):
            ws.column_dimensions[get_column_letter(c)].width = 14
        ws.column_dimensions["B"].width = 30
    _summary_sheet(wb.create_sheet(t("Tổng hợp", "Summary")), result, bold, notes)
    _province_sheet(wb.create_sheet(t("Toàn tỉnh", "Province")), result, bold, wrap, notes)
    _balance_sheet(wb.create_sheet(t("Cân bằng đất", "Land-use balance")), result, bold, notes)
    rulesets = ruleset if isinstance(ruleset, (list, tuple)) else [ruleset]
    _rules_sheet(wb.create_sheet(t("Quy tắc", "Rules")), rulesets, bold, wrap, notes)
    path = Path(path)
    with atomic_path(path, suffix=".xlsx") as tmp:
        wb.save(tmp)
    return path


def _cell(value, number_format: str = "@"):
    """A zone figure as a cell value: booleans as có/không, ISO dates of date columns as real dates."""
    if number_format == DATE_FORMAT:
        return _date(value)
    if isinstance(value, bool):
        return t("có", "yes") if value else t("không", "no")
    return value


def _summary_sheet(ws, result: dict, bold, notes: TextNotes) -> None:
    _append(ws, [t("Chỉ tiêu", "Figure"), "KCN", "CCN"], notes)
    rows = [(t("Số khu", "Zones"), "count", "0"), (t("Đang hoạt động", "Operating"), "operating", "0"),
            (t("Diện tích (ha)", "Gross area (ha)"), "gross_m2", "#,##0.0"),
            (t("Quỹ đất công nghiệp (ha)", "Industrial land (ha)"), "industrial_m2", "#,##0.0"),
            (t("Đã cho thuê (ha)", "Leased (ha)"), "leased_m2", "#,##0.0"),
            (t("Tỷ lệ lấp đầy (bình quân gia quyền)", "Fill rate (area-weighted)"), "fill_rate_weighted", "0.0%"),
            (t("Tỷ lệ lấp đầy bình quân các khu hoạt động", "Mean fill rate of operating zones"),
             "fill_rate_mean_operating", "0.0%")]
    for label, key, number_format in rows:
        values = [result["summary"][k][key] for k in KINDS]
        if key == "leased_m2":  # no zone of the kind with a known leased area: unknown, not 0
            values = [None if result["summary"][k].get("leased_known", 1) == 0 and result["summary"][k]["count"]
                      else v for k, v in zip(KINDS, values)]
        if key.endswith("_m2"):
            values = [v / 10_000 if v is not None else None for v in values]
        _append(ws, [label, *values], notes)
        for c in (2, 3):
            ws.cell(ws.max_row, c).number_format = number_format
    _append(ws, [None], notes)
    _append(ws, [t("Bộ quy tắc", "Rule set"), result["rules"].get("name"), result["rules"]["version"]], notes)
    _append(ws, [t("Ngày đánh giá", "Evaluation date"), _date(result.get("as_of")) or "—"], notes)
    ws.cell(ws.max_row, 2).number_format = DATE_FORMAT
    for note in result.get("as_of_notes") or []:  # what --as-of rolled back, and what the data cannot tell
        _append(ws, [None, (note.get("messages") or {}).get(get_language()) or note.get("message")], notes)
    for cell in ws[1]:
        cell.font = bold
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 16


def _province_sheet(ws, result: dict, bold, wrap, notes: TextNotes) -> None:
    """Top-level findings: plan targets and facilities outside zones, with citations."""
    _append(ws, [t("Quy tắc", "Rule"), t("Mã", "Code"), t("Đối tượng", "Subject"), t("Kết quả", "Status"),
               t("Nội dung", "Rule text"), t("Ghi chú", "Message"), t("Trích dẫn", "Citation")], notes)
    for f in result.get("findings", []):
        _append(ws, [f["rule"], f.get("code"), f.get("subject"), status_label(f["status"]), finding_title(f),
                   finding_body(f), citation_text(f)], notes)
    for cell in ws[1]:
        cell.font = bold
    for col, width in zip("ABCDEFG", (12, 22, 22, 14, 50, 60, 50)):
        ws.column_dimensions[col].width = width


BALANCE_KEYS = ("factory", "roads", "green", "water", "technical", "services", "other", "unassigned")


def _balance_sheet(ws, result: dict, bold, notes: TextNotes) -> None:
    """Each zone's land-use balance (m² and share of the gross area), zones with parcels only."""
    labels = {"factory": t("Nhà máy", "Factory"), "roads": t("Giao thông", "Roads"), "green": t("Cây xanh", "Green"),
              "water": t("Mặt nước", "Water"), "technical": t("Hạ tầng kỹ thuật", "Technical"),
              "services": t("Dịch vụ", "Services"), "other": t("Khác", "Other"),
              "unassigned": t("Chưa có thửa", "Not in parcels")}
    header = [t("Mã khu", "Zone id"), t("Tên", "Name")]
    for key in BALANCE_KEYS:
        header += [f"{labels[key]} (m²)", f"{labels[key]} (%)"]
    _append(ws, header, notes)
    for zone in result["zones"]:
        if not zone.get("balance"):
            continue
        row = [zone["zone_id"], zone["name"]]
        for key in BALANCE_KEYS:
            entry = zone["balance"].get(key) or {}
            row += [entry.get("m2"), entry.get("share")]
        _append(ws, row, notes)
        for c in range(3, len(row) + 1):
            ws.cell(ws.max_row, c).number_format = "#,##0" if c % 2 else "0.0%"
    for cell in ws[1]:
        cell.font = bold


def _rules_sheet(ws, rulesets, bold, wrap, notes: TextNotes) -> None:
    lang = get_language()
    _append(ws, [t("Bộ quy tắc", "Rule set"), t("Quy tắc", "Rule"), t("Mã", "Code"), t("Nội dung", "Rule text"),
               t("Mức độ", "Severity"), t("Phép đo", "Measure"), t("Ngưỡng", "Threshold"), t("Trích dẫn", "Citation"),
               t("Cách đọc", "Reading")], notes)
    for rs in rulesets:
        for rule in rs.rules:
            threshold = rule.threshold if not isinstance(rule.threshold, tuple) else "–".join(map(str, rule.threshold))
            _append(ws, [f"{rs.id} {rs.version}", rule.id, rule.code, rule.title[lang],
                       t("tắt", "off") if rule.severity == "off" else status_label(rule.severity),
                       rule.measure, f"{rule.comparator} {threshold}", format_citation(rule.citation), rule.reading], notes)
    for cell in ws[1]:
        cell.font = bold
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    for col, width in zip("ABCDEFGHI", (20, 10, 22, 50, 12, 20, 14, 50, 50)):
        ws.column_dimensions[col].width = width
