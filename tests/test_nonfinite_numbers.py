"""Non-finite or absurd numbers are refused with exit 2 naming the argument (or the demand file's row
and column), never an internal error (exit 1) deep in the layout or the lot search."""
from __future__ import annotations

import pytest

from gis_app.cli import main
from gis_app.core.errors import InputError
from gis_app.core.i18n import set_language
from gis_app.core.processing import Number


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("vi")


@pytest.mark.parametrize("text", ["inf", "-inf", "nan", "1e300", "Infinity"])
def test_number_refuses_non_finite_and_absurd(text):
    with pytest.raises(InputError) as err:
        Number("min_lot", minimum=0).from_text(text)
    assert err.value.path == "--min-lot"
    with pytest.raises(InputError):
        Number("min_lot", minimum=0).validate(float(text))


@pytest.mark.parametrize("args,flag", [(["--min-lot", "inf"], "--min-lot"),
                                       (["--preset", "kcn", "--main-road-width", "inf"], "--main-road-width"),
                                       (["--frontage", "1e9"], "--frontage")])
def test_subdivide_refuses_infinite_widths(sample_project_path, tmp_path, capsys, args, flag):
    code = main(["subdivide", str(sample_project_path), "--zone", "KCN-01", "--out", str(tmp_path / "o.gpkg"),
                 "--json", str(tmp_path / "o.json"), *args])
    assert code == 2
    assert flag in capsys.readouterr().err
    assert not (tmp_path / "o.json").exists()


@pytest.mark.parametrize("value,expect", [("1e12", "out of the range"), ("inf", "out of the range"),
                                          ("-500", "out of the range"), ("abc", "is not a number")])
def test_allocate_demand_row_names_row_and_column(sample_project_path, tmp_path, capsys, value, expect):
    csv = tmp_path / "d.csv"
    csv.write_text(f"project,sector,capital\nA,electronics,10\nC,electronics,{value}\n", encoding="utf-8")
    code = main(["allocate", str(sample_project_path), "--demand", str(csv), "--json", str(tmp_path / "a.json")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "row 3" in err and "'capital'" in err and expect in err and "d.csv" in err
