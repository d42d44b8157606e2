"""Planner's names for layers, fields and values; citations as document + section; thresholds in words."""
import datetime as dt

import pandas as pd

from gis_app.core import i18n
from gis_app.core.aliases import display_value, field_label, layer_title, value_label
from gis_app.core.citations import format_citation, threshold_words


def test_aliases_in_both_languages():
    assert layer_title("parcels") == "Thửa đất" and field_label("zone_id") == "Mã khu"
    assert value_label("vacant", "status") == "Còn trống" and display_value(True) == "Có"
    assert display_value(pd.Timestamp("2003-08-05 00:00:00"), "established") == "05/08/2003"
    assert display_value(508.062, "area_m2") == "508,1" and display_value(12345.0) == "12.345,0"
    assert display_value(0.731, "fill_rate") == "73,1%"
    assert layer_title("my_import") == "my_import" and display_value(None) == "" and display_value(float("nan")) == ""
    i18n.set_language("en")
    try:
        assert layer_title("lot_roads") == "New roads (subdivision)" and field_label("industrial_m2").startswith("Industrial")
        assert value_label("industrial", "landuse") == "Industrial" and display_value(False) == "No"
        assert display_value(12345.0) == "12,345.0" and display_value(dt.date(2021, 1, 5)) == "05/01/2021"
    finally:
        i18n.set_language("vi")


def test_citation_names_the_document_and_section():
    raw = "003_fef7a90db12cc85e.txt, Part II, II.3; Part III, 2.6 and 2.9"
    assert format_citation(raw) == ("Đề án phát triển CNCNC, CNHT tỉnh Hải Dương 2021–2025, Phần II, mục II.3; "
                                    "Phần III, mục 2.6 và 2.9")
    i18n.set_language("en")
    try:
        assert format_citation(raw) == ("Hải Dương scheme for high-tech and supporting industry 2021–2025, Part II, "
                                        "section II.3; Part III, section 2.6 and 2.9")
    finally:
        i18n.set_language("vi")
    assert format_citation("QCVN 01:2021/BXD, 2.5") == "QCVN 01:2021/BXD, mục 2.5"


def test_thresholds_in_words():
    assert threshold_words("hightech_min_share", 0.2) == "Dành ít nhất 20% quỹ đất công nghiệp cho phân khu công nghệ cao"
    assert threshold_words("excluded_severity", "violation") == "Dự án bị loại trừ là vi phạm"
    assert threshold_words("split_date", dt.date(2021, 1, 1)) == "Khu thành lập từ ngày 01/01/2021 là khu mới"
    assert threshold_words("min_lot_m2", 500.0) == "Diện tích lô tối thiểu 500 m²"
