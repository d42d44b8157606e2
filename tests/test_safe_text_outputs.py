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
    assert "PWNED" not in seen["title"] and seen["title"].startswith(f"{MARK}0 PID-{{{{ lipsum")
    assert seen["tags"] and set(seen["tags"]) <= {"table", "tbody", "tr", "th", "td", "b", "div", "ul", "li"}
    text = "\n".join(seen["texts"])
    for kind in ("jinja_expr", "jinja_globals", "jinja_raw", "script", "img_onerror", "attr_break", "link",
                 "formula_cmd", "formula_link", "bidi", "traversal", "cdata", "long"):
        assert CORPUS[kind] in text, kind  # shown literally, not run, not cut
    assert "ctl␁␋␟ end" in text  # controls shown as their visible symbols
    assert any("{{7*7}} <b>x</b>" in label for label in seen["control"])  # layer name as text
    assert "{{7*7}} <b>x</b>" in seen["legend"]


def test_web_map_of_an_in_memory_project_with_nul(tmp_path):
    """A NUL that reaches an export (GUI project in memory) is shown as ␀, not cut or dropped."""
    from gis_app.cartography.webmap import build_web_map
    from gis_app.core.project import Project
    from hostile_corpus import SAMPLE

    project = Project.load(SAMPLE)
    project.layers["parcels"].loc[project.layers["parcels"].index[0], "tenant"] = "nul\x00after {{7*7}}"
    page = build_web_map(project)
    assert "nul␀after {{7*7}}" in page and "\x00" not in page
