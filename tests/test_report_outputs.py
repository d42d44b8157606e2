"""Report outputs: XLSX sheets and rows, Vietnamese PDF text, Qt-free charts, the zone dock view-model."""
from __future__ import annotations

import pytest

from gis_app.cli import main
from gis_app.reports import charts
from gis_app.rules.check import run_check
from gis_app.rules.ruleset import load_ruleset, resolve_rulesets
from gis_app.rules.view import compliance_by_zone, zone_dock, zone_status
from rules_fixture import make_project


@pytest.fixture(scope="module")
def project_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("rep") / "tinh_thu.gpkg"
    make_project().save(path)
    return path


@pytest.fixture(scope="module")
def result():
    return run_check(make_project(), resolve_rulesets(None))


def test_report_xlsx_and_pdf(project_file, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    xlsx, pdf = tmp_path / "bao_cao.xlsx", tmp_path / "bao_cao.pdf"
    assert main(["report", str(project_file), "--xlsx", str(xlsx), "--pdf", str(pdf)]) == 0
    wb = load_workbook(xlsx)
    assert {"KCN", "CCN", "Tổng hợp", "Quy tắc", "Toàn tỉnh", "Cân bằng đất"} <= set(wb.sheetnames)
    kcn = list(wb["KCN"].iter_rows(values_only=True))
    assert [r[0] for r in kcn[1:]] == ["KCN-NEW", "KCN-OLD", "KCN-SPEC", "KCN-EDGE"]
    header = kcn[0]
    edge = kcn[4]
    assert edge[header.index("R1 hightech share")] == "Vi phạm"
    assert edge[header.index("R1 hightech share: thiếu (m²)")] == pytest.approx(10_000)
    rules = list(wb["Quy tắc"].iter_rows(values_only=True))
    assert rules[1][:3] == ("hai-duong-2021 2021.2", "R1", "R1.hightech_share")
    # citations name the document, never the seed file
    assert all(r[7].startswith("Đề án phát triển CNCNC, CNHT tỉnh Hải Dương") for r in rules[1:] if r[0].startswith("hai-duong"))
    assert not any(".txt" in str(c) for r in rules for c in r)
    balance = list(wb["Cân bằng đất"].iter_rows(values_only=True))
    assert [r[0] for r in balance[1:]] == ["KCN-NEW", "KCN-OLD"]
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Tổng hợp toàn tỉnh" in text and "KCN Ngày tách" in text and "cân bằng sử dụng đất" in text
    assert "Vi phạm" in text and "Chỉ tiêu kế hoạch" in text
    assert "003_fef7a90db12cc85e.txt" not in text and "Thiếu dữ liệu: Thiếu dữ liệu" not in text


def test_report_in_english_has_english_headings(project_file, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from gis_app.core import i18n

    xlsx, pdf = tmp_path / "report.xlsx", tmp_path / "report.pdf"
    try:
        assert main(["--lang", "en", "report", str(project_file), "--xlsx", str(xlsx), "--pdf", str(pdf),
                     "--rules", "hai-duong-2021"]) == 0
    finally:
        i18n.set_language("vi")  # main() sets it process-wide; module fixtures of later files must not see it
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Province summary" in text and "land-use balance" in text and "Plan targets" in text
    assert "Tổng hợp toàn tỉnh" not in text and "High-tech subzone 30,000 m²" in text
    wb = load_workbook(xlsx)
    assert {"Summary", "Rules", "Province"} <= set(wb.sheetnames)


def test_report_needs_an_output(project_file, capsys):
    assert main(["report", str(project_file)]) == 2
    assert "--xlsx" in capsys.readouterr().err


def test_charts_are_images(result):
    png = charts.fill_rate_chart(result, "KCN", selected="KCN-NEW")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    svg = charts.reservation_chart(result, fmt="svg")
    assert b"<svg" in svg[:400]
    empty = run_check(make_project(empty=True), load_ruleset())
    assert charts.fill_rate_chart(empty)[:4] == b"\x89PNG" and charts.reservation_chart(empty)[:4] == b"\x89PNG"


def test_zone_dock_rows_follow_language(result):
    from gis_app.core import i18n

    edge = next(z for z in result["zones"] if z["zone_id"] == "KCN-EDGE")
    assert zone_status(edge) == "violation"
    assert compliance_by_zone(result) == {"KCN-NEW": "violation", "KCN-OLD": "violation", "KCN-SPEC": "unknown",
                                          "KCN-EDGE": "violation", "CCN-NEW": "violation", "CCN-OLD": "warning"}
    dock = zone_dock(edge)
    assert dock["status_label"] == "Vi phạm" and dock["title"] == "KCN Ngày tách (KCN-EDGE)"
    assert dict(dock["figures"])["Quỹ đất công nghiệp"] == "20,0 ha"
    first = dock["findings"][0]
    assert first["rule"] == "R1 hightech share" and first["deficit"] == "10.000 m²"
    assert first["message"].startswith("Phân khu công nghệ cao 30.000 m²")
    assert first["citation"].startswith("003_fef7a90db12cc85e.txt")
    i18n.set_language("en")
    dock = zone_dock(edge)
    assert dock["status_label"] == "Violation" and dict(dock["figures"])["Industrial land fund"] == "20.0 ha"
    assert dock["findings"][0]["message"].startswith("High-tech subzone 30,000 m²")  # checked in Vietnamese
