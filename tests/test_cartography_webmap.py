"""Offline web map: no CDN, escaped attributes, and what headless Chromium shows with no network."""
from __future__ import annotations

import hashlib
import re
import subprocess

import numpy as np
import pytest
from PIL import Image

from cartography_helpers import build_project
from gis_app.cli import main

XSS_ZONE = "<img src=x onerror=alert(1)>"
XSS_CCN = '</script><script>document.title="pwned"</script>'
CHROMIUM = ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--window-size=1200,900", "--virtual-time-budget=4000"]
# Appended to a COPY of the map by the test only: renders every popup into the page so the DOM dump
# shows what a click would show, and flags any script or image injected through the data.
PROBE = """<script>
window.addEventListener('load', () => setTimeout(() => {
  const box = document.createElement('div'); box.id = 'probe'; document.body.appendChild(box);
  for (const key of Object.keys(window).filter(k => /^geo_json_[0-9a-f]+$/.test(k))) {
    const popup = window[key].getPopup();  // one popup function is bound to the whole GeoJSON layer
    // Leaflet puts a string content in as innerHTML, exactly like insertAdjacentHTML
    if (popup) window[key].eachLayer(l => box.insertAdjacentHTML('beforeend', popup._content(l)));
  }
}, 200));
</script>"""


@pytest.fixture(scope="module")
def web_map(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("web")
    project = build_project(tmp / "xss.gpkg", zone_name=XSS_ZONE, ccn_name=XSS_CCN)
    out = tmp / "map.html"
    assert main(["--lang", "vi", "export-web", str(project), "--out", str(out)]) == 0  # module fixture: before autouse
    return out


def chromium(tmp_path, url, *args) -> subprocess.CompletedProcess:
    return subprocess.run([*CHROMIUM, f"--user-data-dir={tmp_path / 'chrome'}", *args, url],
                          capture_output=True, text=True, timeout=90, cwd=tmp_path)


def test_nothing_is_loaded_from_the_network(web_map):
    page = web_map.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\ssrc=", page)
    assert not re.search(r"<link[^>]*\shref=", page)
    assert "L.map(" in page and "leaflet" in page.lower() and "data:image/png;base64," in page


def test_attribute_text_is_escaped_in_the_html(web_map):
    page = web_map.read_text(encoding="utf-8")
    assert XSS_ZONE not in page and "<script>document.title" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page.replace("\\u0026", "&").replace("\\u003c", "<") \
        .replace("\\u003e", ">")


def test_chromium_draws_the_map_and_runs_no_data_script(web_map, tmp_path):
    probe = tmp_path / "probe.html"
    probe.write_text(web_map.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = chromium(tmp_path, probe.as_uri(), "--dump-dom").stdout
    overlay = dom[dom.index("leaflet-overlay-pane"):]
    assert len(re.findall(r"<path", overlay)) >= 12  # 2 zones + 1 subzone + 10 parcels
    assert "<title>Dự án thử</title>" in dom  # document.title untouched
    probe_html = dom[dom.index('id="probe"'):]
    assert "&lt;img src=x onerror=alert(1)&gt;" in probe_html  # the name shows as text
    assert "<img" not in probe_html and "pwned" not in dom.split("<body")[0]
    assert "Tỷ lệ lấp đầy" in probe_html and "50,0%" in probe_html  # the zone's figures
    shot = tmp_path / "shot.png"
    chromium(tmp_path, web_map.as_uri(), f"--screenshot={shot}")
    pixels = np.asarray(Image.open(shot).convert("RGB")).astype(int)
    assert pixels.shape[:2] == (900, 1200)
    colours = {tuple(c) for c in pixels[::10, ::10].reshape(-1, 3)}
    assert len(colours) > 20  # polygons, legend and controls, not a blank page
    assert ((pixels[..., 0] - pixels[..., 2]) > 80).sum() > 3000  # the zones' orange fill-rate colours


def test_findings_appear_escaped_in_popups_in_the_ui_language(tmp_path):
    from gis_app.cartography import webmap
    from gis_app.core import i18n
    from gis_app.core.project import Project

    project = Project.load(build_project(tmp_path / "p.gpkg"))
    finding = {"rule": "R1", "code": "R1.hightech_share", "status": "violation", "message": "<b>thiếu</b> 2 ha",
               "messages": {"vi": "<b>thiếu</b> 2 ha", "en": "<b>short</b> by 2 ha"}, "citation": "003, II.3"}
    result = {"zones": [{"zone_id": "KCN-TEST", "findings": [finding]}],
              "findings": [dict(finding, subject="facility:F-1", rule="HY-III.6", status="violation")]}
    findings = webmap.zone_findings(result)
    row = project.zones.iloc[0].to_dict()
    popup = webmap.zone_popup(row, findings["KCN-TEST"])
    assert "R1" in popup and "&lt;b&gt;thiếu&lt;/b&gt; 2 ha" in popup and "003, mục II.3" in popup
    i18n.set_language("en")
    popup = webmap.zone_popup(row, findings["KCN-TEST"])
    assert "&lt;b&gt;short&lt;/b&gt; by 2 ha" in popup and "Violation" in popup
    assert "HY-III.6" in webmap.findings_box(result) and webmap.zone_findings(None) == {}


def test_bundled_leaflet_matches_its_checksums():
    from gis_app.cartography.webmap import LEAFLET_DIR

    lines = (LEAFLET_DIR / "SHA256SUMS").read_text().split("\n")
    checked = 0
    for line in filter(None, lines):
        digest, name = line.split()
        assert hashlib.sha256((LEAFLET_DIR / name).read_bytes()).hexdigest() == digest, name
        checked += 1
    assert checked >= 5 and "BSD 2-Clause" in (LEAFLET_DIR / "LICENSE").read_text()


def test_bad_output_and_project_exit_2(tmp_path, capsys):
    project = build_project(tmp_path / "p.gpkg")
    assert main(["export-web", str(project), "--out", str(tmp_path / "map.pdf")]) == 2
    assert main(["export-web", str(tmp_path / "missing.gpkg"), "--out", str(tmp_path / "m.html")]) == 2
    assert "missing.gpkg" in capsys.readouterr().err
    assert not (tmp_path / "m.html").exists()


def test_style_colours_cannot_inject_css():
    from gis_app.cartography.webmap import css_color, legend_html

    assert css_color("#fdbe85") == "#fdbe85"
    assert css_color("red;background:url(http://x/y.png)") == "transparent"
    page = legend_html([("Lớp", [("a", "#fff;background:url(http://evil/)")], "#000")])
    assert "http" not in page and "url(" not in page


def test_web_popups_name_citations_lots_and_fields_as_the_application_does(tmp_path):
    """A seed citation reads as the document's title and section, a lot by its short number, a layer
    without its own popup by the alias table's field names and values."""
    import geopandas as gpd
    from shapely.geometry import box

    from gis_app.cartography import webmap
    from gis_app.core import i18n

    finding = {"rule": "R1", "status": "unknown", "messages": {"vi": "Thiếu dữ liệu: ngày", "en": "Missing data: date"},
               "title": {"vi": "Phân khu công nghệ cao", "en": "High-tech subzone"},
               "citation": "003_fef7a90db12cc85e.txt, Part II, II.3"}
    item = webmap._finding_item(finding)
    assert "Đề án phát triển CNCNC, CNHT tỉnh Hải Dương 2021–2025, Phần II, mục II.3" in item
    assert "003_fef7a90db12cc85e" not in item and "R1 — Phân khu công nghệ cao" in item
    assert item.count("Thiếu dữ liệu") == 1  # the status is not said twice
    roads = gpd.GeoDataFrame({"road_id": ["R-01"], "kind": ["spine"], "area_m2": [1224.4]},
                             geometry=[box(0, 0, 10, 10)], crs=9209)
    popup = webmap._attribute_popups(roads, "Đường mới (chia lô)")[0]
    assert "Đường tiếp giáp" in popup and "Đường trục" in popup and "1.224" in popup and "spine" not in popup
    i18n.set_language("en")
    try:
        assert "Spine road" in webmap._attribute_popups(roads, "New roads")[0]
        assert "Part II, section II.3" in webmap._finding_item(finding)
    finally:
        i18n.set_language("vi")
