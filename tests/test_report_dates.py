"""Report dates as Vietnamese reads them: dd/mm/yyyy in the PDF, real date cells with a dd/mm/yyyy
format in the XLSX (never ISO text such as '2003-08-05')."""
from __future__ import annotations

import datetime as dt

from gis_app.cli import main


def test_report_dates_are_day_first_and_real(sample_project_path, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    xlsx, pdf = tmp_path / "r.xlsx", tmp_path / "r.pdf"
    assert main(["--lang", "vi", "report", str(sample_project_path), "--xlsx", str(xlsx), "--pdf", str(pdf),
                 "--as-of", "2025-06-30"]) == 0
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "thành lập" in text
    assert "30/06/2025" in text
    import re
    assert not re.search(r"thành lập \d{4}-\d{2}-\d{2}", text)
    assert re.search(r"thành lập \d{2}/\d{2}/\d{4}", text)
    wb = load_workbook(xlsx)
    ws = wb.worksheets[0]
    headers = [c.value for c in ws[1]]
    col = headers.index("Ngày thành lập") + 1
    cells = [ws.cell(r, col) for r in range(2, ws.max_row + 1) if ws.cell(r, col).value is not None]
    assert cells
    for cell in cells:
        assert isinstance(cell.value, (dt.date, dt.datetime)), cell.value
        assert cell.number_format == "dd/mm/yyyy"
