"""Rule set loading: the default is valid; malformed files name the line and the problem."""
from __future__ import annotations

import datetime as dt

import pytest

from gis_app.core.errors import InputError
from gis_app.rules.ruleset import DEFAULT_RULES, RULE_IDS, load_ruleset


def test_default_ruleset_values():
    rs = load_ruleset()
    assert rs.split_date == dt.date(2021, 1, 1)
    assert rs["R1"]["hightech_min_share"] == 0.2 and rs["R2"]["cnht_min_share"] == 0.2
    assert rs["R4"]["min_lot_m2"] == 500 and rs["R5"]["travel_limit_minutes"] == 30
    assert "nhuộm" in rs["R6"]["excluded_keywords"] and "thuộc da" in rs["R6"]["excluded_keywords"]
    for rule_id in RULE_IDS:
        assert rs[rule_id]["citation"].startswith("003_fef7a90db12cc85e.txt")
        assert rs[rule_id]["severity"] in ("violation", "warning")
    assert rs["R1"]["severity"] == "violation" and rs["R1"]["cnht_priority_severity"] == "warning"


def _broken(tmp_path, old, new):
    text = DEFAULT_RULES.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text.replace(old, new, 1).splitlines().index(new.splitlines()[0]) + 1 if new else None
    return path, line


@pytest.mark.parametrize("old,new,words", [
    ("hightech_min_share = 0.20", "hightech_min_share = \"20%\"", "must be a number"),
    ("hightech_min_share = 0.20", "hightech_min_share = 20", "fraction from 0 to 1"),
    ('severity = "violation"', 'severity = "fatal"', "must be one of: violation, warning"),
    ("split_date = 2021-01-01", 'split_date = "2021"', "must be a date"),
    ('kinds = ["CCN"]', 'kinds = ["KCX"]', "list of KCN and/or CCN"),
    ("min_lot_m2 = 500.0", "min_lot_m2 = -5.0", "must not be negative"),
])
def test_wrong_values_name_line_and_problem(tmp_path, old, new, words):
    from gis_app.core import i18n

    i18n.set_language("en")
    path, line = _broken(tmp_path, old, new)
    with pytest.raises(InputError) as err:
        load_ruleset(path)
    assert err.value.path == str(path)
    assert f"line {line}:" in err.value.problem and words in err.value.problem


def test_syntax_error_names_line(tmp_path):
    path, line = _broken(tmp_path, "travel_limit_minutes = 30.0", "travel_limit_minutes = = 30")
    with pytest.raises(InputError) as err:
        load_ruleset(path)
    assert f"line {line}" in err.value.problem and "TOML" in err.value.problem


def test_missing_key_and_section(tmp_path):
    path, _ = _broken(tmp_path, "cnht_min_share = 0.20\n", "")
    with pytest.raises(InputError, match=r"\[R2\].*cnht_min_share"):
        load_ruleset(path)
    text = DEFAULT_RULES.read_text(encoding="utf-8")
    path.write_text(text[:text.index("[R6]")], encoding="utf-8")
    with pytest.raises(InputError, match=r"\[R6\]"):
        load_ruleset(path)


def test_unreadable_files(tmp_path):
    with pytest.raises(InputError, match="không tìm thấy"):
        load_ruleset(tmp_path / "none.toml")
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b"name = 'H\xe0 N\xf4i'")
    with pytest.raises(InputError, match="UTF-8"):
        load_ruleset(latin)
    inverted = tmp_path / "band.toml"
    inverted.write_text(DEFAULT_RULES.read_text(encoding="utf-8").replace(
        "max_mean_lot_m2 = 3000.0", "max_mean_lot_m2 = 400.0"), encoding="utf-8")
    with pytest.raises(InputError, match="max_mean_lot_m2"):
        load_ruleset(inverted)
