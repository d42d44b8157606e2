"""`main.py check`: the JSON keys of CONTRACTS.md, exit codes, atomic output."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from gis_app.cli import main
from rules_fixture import make_project

ROOT_KEYS = {"rules", "zones", "summary"}
ZONE_KEYS = {"zone_id", "name", "kind", "established", "gross_m2", "industrial_m2", "leased_m2", "vacant_m2",
             "fill_rate", "figures_from", "hightech_m2", "hightech_share", "cnht_m2", "cnht_share", "findings"}
FINDING_KEYS = {"rule", "status", "required_m2", "actual_m2", "deficit_m2", "message", "citation"}
SUMMARY_KEYS = {"count", "operating", "gross_m2", "industrial_m2", "leased_m2", "fill_rate_weighted",
                "fill_rate_mean_operating"}


@pytest.fixture(scope="module")
def project_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("proj") / "tinh_thu.gpkg"
    make_project().save(path)
    return path


def test_check_writes_contract_json(project_file, tmp_path):
    out = tmp_path / "check.json"
    assert main(["check", str(project_file), "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert ROOT_KEYS <= set(data) and {"source", "version"} <= set(data["rules"])
    assert [s["id"] for s in data["rules"]["sets"]] == ["hai-duong-2021", "vn-national"]  # the defaults
    assert all("subject" in f for f in data["findings"])
    assert len(data["zones"]) == 6
    for zone in data["zones"]:
        assert ZONE_KEYS <= set(zone)
        assert zone["kind"] in ("KCN", "CCN") and zone["figures_from"] in ("parcels", "declared")
        assert {"R1", "R2", "R3", "R4", "R5", "R6", "QCVN-2.5"} <= {f["rule"] for f in zone["findings"]}
        for finding in zone["findings"]:
            assert FINDING_KEYS <= set(finding) and {"code", "figures"} <= set(finding)
            assert finding["status"] in ("ok", "violation", "warning", "info", "n/a", "unknown")
            assert all(isinstance(finding[k], float) for k in ("required_m2", "actual_m2", "deficit_m2"))
    for kind in ("KCN", "CCN"):
        assert SUMMARY_KEYS <= set(data["summary"][kind])
    edge = next(z for z in data["zones"] if z["zone_id"] == "KCN-EDGE")
    assert edge["fill_rate"] is None and edge["established"] == "2021-01-01"


def test_check_rules_and_as_of(project_file, tmp_path, capsys):
    out = tmp_path / "asof.json"
    assert main(["--lang", "en", "check", str(project_file), "--json", str(out), "--as-of", "2021-12-31"]) == 0
    ids = [z["zone_id"] for z in json.loads(out.read_text(encoding="utf-8"))["zones"]]
    assert "KCN-SPEC" not in ids and "CCN-NEW" not in ids and len(ids) == 4
    printed = capsys.readouterr().out  # what the date rolled back and what it cannot tell
    assert "Zones established after 31/12/2021 left out: KCN-SPEC, CCN-NEW" in printed
    assert "Leased area unknown on 31/12/2021" in printed and "Kept as recorded today" in printed
    xlsx, pdf = tmp_path / "r.xlsx", tmp_path / "r.pdf"
    assert main(["--lang", "en", "report", str(project_file), "--xlsx", str(xlsx), "--pdf", str(pdf),
                 "--as-of", "2021-12-31"]) == 0
    from openpyxl import load_workbook
    from pypdf import PdfReader

    cells = [c for row in load_workbook(xlsx)["Summary"].iter_rows(values_only=True) for c in row if c]
    assert any(str(c).startswith("Leased area unknown on 31/12/2021") for c in cells)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "Zones established after 31/12/2021 left out" in text


def test_bad_input_exits_2_and_leaves_no_output(project_file, tmp_path, capsys):
    out = tmp_path / "never.json"
    bad_rules = tmp_path / "bad.toml"
    bad_rules.write_text("[ruleset]\nname = 1\n", encoding="utf-8")
    assert main(["check", str(project_file), "--json", str(out), "--rules", str(bad_rules)]) == 2
    assert "bad.toml" in capsys.readouterr().err
    unknown_key = tmp_path / "unknown_key.toml"
    unknown_key.write_text((__import__("gis_app.rules.ruleset", fromlist=["x"]).DEFAULT_RULES).read_text(
        encoding="utf-8").replace('use = "hightech"', 'use = "hightech"\nminimum = 0.3', 1), encoding="utf-8")
    assert main(["--lang", "en", "check", str(project_file), "--json", str(out), "--rules", str(unknown_key)]) == 2
    __import__("gis_app.core.i18n", fromlist=["x"]).set_language("vi")
    err = capsys.readouterr().err
    text = (__import__("gis_app.rules.ruleset", fromlist=["x"]).DEFAULT_RULES).read_text(encoding="utf-8")
    line = text.splitlines().index('use = "hightech"') + 2  # the line inserted after it
    assert "unknown_key.toml" in err and "unknown key 'minimum'" in err and f"line {line}:" in err
    assert main(["check", str(project_file), "--json", str(out), "--rules", "no-such-province"]) == 2
    assert main(["check", str(tmp_path / "missing.gpkg"), "--json", str(out)]) == 2
    not_gpkg = tmp_path / "x.gpkg"
    not_gpkg.write_bytes(b"not a geopackage")
    assert main(["check", str(not_gpkg), "--json", str(out)]) == 2
    assert main(["check", str(project_file), "--json", str(out), "--as-of", "2021-13-45"]) == 2
    assert main(["check", str(project_file), "--json", str(tmp_path)]) == 2  # a folder, not a file
    assert not out.exists() and not list(tmp_path.glob(".never*"))


def test_rules_list_and_repeatable_rules(project_file, tmp_path, capsys):
    assert main(["rules", "list"]) == 0
    listed = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert {"hai-duong-2021", "hung-yen-2021", "thai-binh-2017", "thai-nguyen-2021", "vn-national"} <= set(listed)
    out = tmp_path / "hy.json"
    assert main(["check", str(project_file), "--json", str(out), "--rules", "hung-yen-2021",
                 "--rules", "vn-national"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [s["id"] for s in data["rules"]["sets"]] == ["hung-yen-2021", "vn-national"]
    assert not any(f["rule"] == "R1" for z in data["zones"] for f in z["findings"])


def test_rule_sets_stored_in_the_project_are_the_default(tmp_path):
    from gis_app.rules.ruleset import load_ruleset, store_rulesets

    project = make_project()
    project.meta = store_rulesets(project.meta, [load_ruleset("thai-binh-2017").with_overrides(
        {"TB.city_kcn_hightech": {"severity": "off"}})])
    path = tmp_path / "tb.gpkg"
    project.save(path)
    out = tmp_path / "tb.json"
    assert main(["check", str(path), "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["rules"]["sets"][0]["id"] == "thai-binh-2017" and data["rules"]["sets"][0]["off"] == [
        "TB.city_kcn_hightech"]
    assert {f["code"] for z in data["zones"] for f in z["findings"]} == {"TB.polluting_sectors"}


def test_check_subprocess_exit_code(project_file, tmp_path):
    out = tmp_path / "sub.json"
    done = subprocess.run([sys.executable, "main.py", "check", str(project_file), "--json", str(out)],
                          capture_output=True, text=True, cwd=str(__import__("pathlib").Path(__file__).parents[1]))
    assert done.returncode == 0, done.stderr
    assert "vi phạm" in done.stdout and out.exists()
