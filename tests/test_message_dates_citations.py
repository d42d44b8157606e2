"""Messages and citations read in the UI language: dates dd/mm/yyyy (never ISO), section words and legal
references in the language of the UI, quoted source text left as written."""
import re

import pytest

from gis_app.core import i18n
from gis_app.core.citations import format_citation
from gis_app.core.project import Project
from gis_app.rules.check import run_check
from gis_app.rules.evaluate import render
from gis_app.rules.ruleset import load_ruleset

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.fixture(scope="module")
def findings(sample_project_path):
    result = run_check(Project.load(sample_project_path), load_ruleset())
    return [f for z in result["zones"] for f in z["findings"]]


def test_no_finding_message_carries_an_iso_date(findings):
    dated = [f for f in findings if "2021" in f["messages"]["vi"]]
    assert dated, "the sample has zones founded before 2021 (R1 does not apply to them)"
    for f in findings:
        for lang in ("vi", "en"):
            assert not ISO.search(f["messages"][lang]), (f["code"], f["messages"][lang])
    assert any("01/01/2021" in f["messages"]["vi"] for f in findings)


def test_a_template_renders_an_iso_date_figure_as_dd_mm_yyyy():
    assert render("đánh giá ngày {as_of}", {"as_of": "2025-12-31"}, "vi") == "đánh giá ngày 31/12/2025"
    assert render("as of {as_of}", {"as_of": "2025-12-31"}, "en") == "as of 31/12/2025"
    assert render("{code}", {"code": "KCN-2025-01-01X"}, "vi") == "KCN-2025-01-01X"  # not a date: unchanged


@pytest.mark.parametrize("lang, expected", [
    ("vi", "Nghị định 35/2022/NĐ-CP, Điều 2 khoản 1, mục 2.5 (KCN công nghệ cao: tối thiểu 30%)"),
    ("en", "Decree 35/2022/NĐ-CP, Article 2 clause 1, section 2.5 (KCN công nghệ cao: tối thiểu 30%)"),
])
def test_legal_references_are_named_in_the_ui_language(lang, expected):
    i18n.set_language(lang)
    try:
        assert format_citation("Nghị định 35/2022/NĐ-CP, Điều 2 khoản 1, 2.5 (KCN công nghệ cao: tối thiểu 30%)") \
            == expected
    finally:
        i18n.set_language("vi")


def test_section_numbers_inside_a_quotation_stay_as_written():
    i18n.set_language("vi")
    text = format_citation("004_cdf81a2e3b692c11.txt, I.2 (2.1 điện tử, 2.2 cơ khí chế tạo), Part III, 2.6 and 2.9")
    assert "(2.1 điện tử, 2.2 cơ khí chế tạo)" in text
    assert "mục I.2" in text and "Phần III, mục 2.6 và 2.9" in text and "Part" not in text
    i18n.set_language("en")
    try:
        english = format_citation("003_fef7a90db12cc85e.txt, Part II, II.3; Part III, 2.6 and 2.9")
        assert english.endswith("Part II, section II.3; Part III, section 2.6 and 2.9")
        assert "Phần" not in english and "mục" not in english
    finally:
        i18n.set_language("vi")
