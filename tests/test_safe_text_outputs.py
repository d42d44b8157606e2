"""Issue 14: hostile text in every user-text field, run through every export, read back by its reader.

The corpus (tests/hostile_corpus.py) holds template syntax, markup, formulas, control and bidirectional
characters, a 100,000-character name and path traversal, in zone/parcel/subzone ids and names, tenants,
sectors, notes, the project name, a layer name and a field name.
"""
from __future__ import annotations

import html
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from hostile_corpus import CORPUS, MARK, hostile_project
from gis_app.cli import main

CHROMIUM = ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--window-size=1200,900", "--virtual-time-budget=6000"]
# Appended to a COPY of the map by the test: opens every popup and tooltip of every layer into a hidden
# box (as Leaflet would: string content goes in as innerHTML) and reports, as JSON text, what a reader sees.
PROBE = """<script>
window.addEventListener('load', () => setTimeout(() => {
  const box = document.createElement('div'); document.body.appendChild(box);
  const texts = [];
  for (const key of Object.keys(window).filter(k => /^geo_json_[0-9a-f]+$/.test(k))) {
    const layer = window[key], popup = layer.getPopup(), tip = layer.getTooltip();
    layer.eachLayer(l => {
      for (const bound of [popup, tip]) {
        if (!bound) continue;
        const part = document.createElement('div');
        part.insertAdjacentHTML('beforeend', bound._content(l));
        box.appendChild(part); texts.push(part.textContent);
      }
    });
  }
  const out = document.createElement('pre'); out.id = 'probe';
  out.textContent = JSON.stringify({title: document.title, texts: texts,
    tags: [...new Set([...box.querySelectorAll('*')].map(e => e.tagName.toLowerCase()))],
    control: [...document.querySelectorAll('.leaflet-control-layers-overlays label')].map(e => e.textContent),
    legend: (document.querySelector('.kcn-legend') || {}).textContent});
  document.body.appendChild(out);
}, 300));
</script>"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    path = tmp / "in" / "hostile.gpkg"
    path.parent.mkdir()
    hostile_project(path)
    return path


def _outside_files(root: Path) -> set[str]:
    """Files under /tmp that name the corpus's escape folders (anything written outside the output folder)."""
    found = set()
    for base in (Path("/tmp"), root):
        for name in ("kcn-hostile-escape", "kcn-hostile-made-this"):
            found |= {str(p) for p in base.glob(name)}
    return found


def test_web_map_runs_no_script_and_shows_text_literally(hostile, tmp_path):
    out = tmp_path / "web" / "map.html"
    assert main(["export-web", str(hostile), "--out", str(out)]) == 0
    assert not Path("/tmp/kcn-hostile-made-this").exists()  # the template never ran
    page = out.read_text(encoding="utf-8")
    assert "<script>document.title" not in page and "<img src=x" not in page
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = subprocess.run([*CHROMIUM, f"--user-data-dir={tmp_path / 'chrome'}", "--dump-dom", probe.as_uri()],
                         capture_output=True, text=True, timeout=180, cwd=tmp_path).stdout
    seen = json.loads(html.unescape(re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S).group(1)))
    assert "PWNED" not in seen["title"] and seen["title"].startswith(f"PID-{{{{ lipsum.__globals__.os.getpid() }}}} {MARK}0 ")
    assert seen["tags"] and set(seen["tags"]) <= {"table", "tbody", "tr", "th", "td", "b", "div", "ul", "li", "br",
                                                  "small"}  # a finding: message <br> <small>citation
    text = "\n".join(seen["texts"])
    for kind in ("jinja_expr", "jinja_globals", "jinja_raw", "script", "img_onerror", "attr_break", "link",
                 "formula_cmd", "formula_link", "bidi", "traversal", "cdata", "long"):
        assert CORPUS[kind] in text, kind  # shown literally, not run, not cut
    assert "ctl\ufffd\ufffd\ufffd end" in text  # controls shown as U+FFFD
    assert any("{{7*7}} <b>x</b>" in label for label in seen["control"])  # layer name as text
    assert "{{7*7}} <b>x</b>" in seen["legend"]


def test_web_map_of_an_in_memory_project_with_nul(tmp_path):
    """A NUL that reaches an export (GUI project in memory) is shown as U+FFFD, not cut or dropped."""
    from gis_app.cartography.webmap import build_web_map
    from gis_app.core.project import Project
    from hostile_corpus import SAMPLE

    project = Project.load(SAMPLE)
    project.layers["parcels"].loc[project.layers["parcels"].index[0], "tenant"] = "nul\x00after {{7*7}}"
    page = build_web_map(project)
    assert "nul\ufffdafter {{7*7}}" in page and "\x00" not in page


def _run(*argv) -> int:
    code = main([str(a) for a in argv])
    assert code in (0, 2), argv  # never an internal error
    return code


def test_report_pdf_has_no_link_or_data_image_and_prints_the_text(hostile, tmp_path):
    import pypdf

    from hostile_corpus import SAMPLE

    out, clean = tmp_path / "r" / "report.pdf", tmp_path / "clean.pdf"
    assert _run("report", hostile, "--pdf", out) == 0
    assert _run("report", SAMPLE, "--pdf", clean) == 0
    reader = pypdf.PdfReader(out)
    annotations = [a.get_object().get("/Subtype") for page in reader.pages for a in page.get("/Annots") or []]
    assert annotations == []  # <a href> in a name made no link
    images = sum(len(page.images) for page in reader.pages)
    assert images == sum(len(page.images) for page in pypdf.PdfReader(clean).pages)  # charts and maps only
    text = "".join(page.extract_text() for page in reader.pages)
    for kind in ("jinja_expr", "link", "local_img", "unclosed_b", "unknown_tag", "formula_cmd"):
        assert CORPUS[kind] in text, kind
    assert "LLLL…" in text and "L" * 100_000 not in text  # the long name is shortened, marked with …


def test_report_xlsx_has_no_formula_cell(hostile, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    assert _run("report", hostile, "--xlsx", out) == 0
    workbook = load_workbook(out)
    cells = [c for ws in workbook for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = {c.value for c in cells if isinstance(c.value, str)}
    for kind in ("formula_cmd", "formula_link", "plus", "minus", "at"):
        cell = next(c for c in cells if isinstance(c.value, str) and c.value.startswith(CORPUS[kind]))
        assert cell.data_type == "s" and cell.quotePrefix, kind  # text, and stays text when edited
    assert any(v.startswith("ctl\ufffd\ufffd\ufffd end") for v in values)


def test_qgis_project_parses_and_writes_nothing_outside_its_folder(hostile, tmp_path):
    import zipfile
    from xml.etree import ElementTree as ET

    folder = tmp_path / "q"
    assert _run("export-qgis", hostile, "--out", folder / "plan.qgz") == 0
    with zipfile.ZipFile(folder / "plan.qgz") as archive:
        root = ET.fromstring(archive.read("plan.qgs"))
    assert root.get("projectname").startswith("PID-{{ lipsum")
    names = {e.text for e in root.iter("layername")}
    assert "L{{7*7}} <b>x</b> =1+1 ../../../../tmp/kcn-hostile-escape/layer" in names
    styles = list((folder / "plan_styles").iterdir())
    assert len(styles) == 7 and all(p.suffix == ".qml" for p in styles)
    for style in styles:
        ET.parse(style)
    written = {p.resolve() for p in tmp_path.rglob("*") if p.is_file()}
    assert all(folder.resolve() in p.parents for p in written)
    assert not Path("/tmp/kcn-hostile-escape").exists()


def test_kml_parses_and_csv_keeps_formulas_as_text(hostile, tmp_path):
    import csv
    from xml.etree import ElementTree as ET

    for layer in ("zones", "parcels"):
        assert _run("convert", hostile, tmp_path / f"{layer}.kml", "--layer", layer) == 0
        tree = ET.parse(tmp_path / f"{layer}.kml")
        text = "".join(tree.getroot().itertext())
        assert CORPUS["formula_link"] in text and CORPUS["script"] in text
    assert "ctl\ufffd\ufffd\ufffd end" in "".join(ET.parse(tmp_path / "zones.kml").getroot().itertext())
    assert _run("convert", hostile, tmp_path / "p.csv", "--layer", "parcels") == 0
    with open(tmp_path / "p.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    tenants = [r["tenant"] for r in rows]
    assert not [v for v in tenants if v.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert f"'{CORPUS['formula_link']} {MARK}15" in tenants
    assert _run("convert", hostile, tmp_path / "raw.csv", "--layer", "parcels", "--csv-raw") == 0
    with open(tmp_path / "raw.csv", encoding="utf-8-sig", newline="") as handle:
        raw = [r["tenant"] for r in csv.DictReader(handle)]
    assert f"{CORPUS['formula_link']} {MARK}15" in raw  # raw for GIS tools, on request


def test_every_export_exits_0_or_2_and_stays_in_its_folder(hostile, tmp_path):
    out = tmp_path / "all"
    runs = [("export-web", hostile, "--out", out / "m.html"), ("export-pdf", hostile, "--out", out / "p.pdf"),
            ("report", hostile, "--xlsx", out / "r.xlsx", "--pdf", out / "r.pdf"),
            ("export-qgis", hostile, "--out", out / "q.qgz"), ("check", hostile, "--json", out / "c.json")]
    runs += [("convert", hostile, out / f"layer{i}.{ext}", "--layer", layer, "--geometry", "any")
             for i, layer in enumerate(("zones", "parcels",
                                        "L{{7*7}} <b>x</b> =1+1 ../../../../tmp/kcn-hostile-escape/layer"))
             for ext in ("geojson", "kml", "csv", "dxf", "shp", "gpkg")]
    for argv in runs:
        _run(*argv)
    assert all(out.resolve() in p.resolve().parents for p in tmp_path.rglob("*") if p.is_file()
               and p.parent != tmp_path)
    assert not Path("/tmp/kcn-hostile-escape").exists() and not Path("/tmp/kcn-hostile-made-this").exists()


@pytest.mark.parametrize("corner", [1e12, float("inf")])
def test_undrawable_coordinates_are_refused_not_drawn_blank(tmp_path, capsys, corner):
    """Issue 14: a zone at 1e12 m (or inf) made a blank web map with exit 0; now every map output says so."""
    from shapely.geometry import Polygon

    from gis_app.core.project import Project
    from hostile_corpus import SAMPLE

    project = Project.load(SAMPLE)
    zones = project.layers["zones"]
    zones.loc[zones.index[3], "geometry"] = Polygon([(0, 0), (corner, 0), (corner, corner)])
    bad_id = zones.loc[zones.index[3], "zone_id"]
    path = tmp_path / "far.gpkg"
    project.save(path)
    out = tmp_path / "out"
    for argv, target in [(("export-web", path, "--out", out / "m.html"), out / "m.html"),
                         (("report", path, "--pdf", out / "r.pdf"), out / "r.pdf"),
                         (("export-qgis", path, "--out", out / "q.qgz"), out / "q.qgz"),
                         (("export-pdf", path, "--out", out / "p.pdf"), out / "p.pdf")]:
        assert _run(*argv) == 2, argv
        err = capsys.readouterr().err
        assert bad_id in err and "zones" in err, argv
        assert not target.exists()
    # convert checks geometries on reading: an infinite one is rejected there (named, not written)
    code = _run("convert", path, out / "z.kml", "--layer", "zones", "--geometry", "any")
    err = capsys.readouterr().err
    assert bad_id in err
    assert code == 2 or bad_id not in (out / "z.kml").read_text(encoding="utf-8")


def test_hostile_qgis_project_opens_in_real_qgis(hostile, tmp_path):
    """Every layer of the hostile project is valid in QGIS, shown under its real (hostile) name."""
    from test_exchange_qgis_opens import PROBE, QGIS_PYTHON, _qgis_available

    if not _qgis_available():
        if os.environ.get("CI"):
            pytest.fail("QGIS (python3-qgis) is not installed: .ci/run must install it")
        pytest.skip("QGIS not installed here (apt-get install python3-qgis qgis-providers); CI runs this")
    out = tmp_path / "q" / "plan.qgz"
    assert _run("export-qgis", hostile, "--out", out) == 0
    done = subprocess.run([QGIS_PYTHON, "-c", PROBE, str(out)], capture_output=True, text=True, timeout=180,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    layers = result["layers"]
    assert result["ok"] and len(layers) == 7 and all(layer["valid"] for layer in layers.values())
    assert layers["L{{7*7}} <b>x</b> =1+1 ../../../../tmp/kcn-hostile-escape/layer"]["count"] == 3
