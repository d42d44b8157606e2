"""Hostile strings put into every user-text field of a project (issue 14's test corpus).

Each string is something an output syntax could treat as code or as structure: template syntax
(Jinja2/branca), HTML/JS, reportlab paragraph markup, spreadsheet formulas, XML breakers, path
traversal, control and bidirectional characters, NUL and a 100,000-character name.
"""
from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "sample" / "hai_duong_minh_hoa.gpkg"
MARK = "HOSTILE"  # a plain word every corpus string carries, so a test can find where it is shown

CORPUS = {
    "jinja_expr": "{{7*7}}",
    "jinja_globals": "PID-{{ lipsum.__globals__.os.getpid() }}",
    "jinja_mkdir": "{{ lipsum.__globals__.os.makedirs('/tmp/kcn-hostile-made-this') }}",
    "jinja_raw": "{% raw %} open",
    "jinja_block": "{% for x in range(3) %}{{x}}{% endfor %} {# c",
    "script": "<script>document.title='PWNED'</script>",
    "img_onerror": "<img src=x onerror=\"document.title='PWNED'\">",
    "attr_break": "\"'><svg onload=\"document.title='PWNED'\">",
    "script_close": "</script><script>document.title='PWNED'</script>",
    "link": "<a href=\"http://evil.example/\">click</a>",
    "local_img": "<img src=\"/usr/share/pixmaps/debian-logo.png\" width=\"50\" height=\"50\"/>",
    "unclosed_b": "<b>unclosed bold",
    "unknown_tag": "<blink>unknown tag</blink>",
    "entities": "&amp; &lt; & ; &#0; &bogus;",
    "formula_cmd": "=cmd|' /C calc'!A0",
    "formula_link": "=HYPERLINK(\"http://evil.example\",\"x\")",
    "plus": "+1+1",
    "minus": "-2+3",
    "at": "@SUM(1,1)",
    "tab": "\t=1+1",
    "cr": "\r=1+1",
    "controls": "ctl\x01\x0b\x1f end",
    "nul": "nul\x00after nul",
    "bidi": "bidi \u202egpj.exe \u2066iso\u2069 \u200f",
    "traversal": "x/../../../../tmp/kcn-hostile-escape",
    "cdata": "]]><!-- --><![CDATA[x]]>",
    "js_url": "javascript:document.title='PWNED'",
    "long": "L" * 100_000,
}


def hostile(kind: str, i: int = 0) -> str:
    """The corpus string ``kind`` with a unique suffix (ids must stay unique); the string comes first
    so formula prefixes stay at the start (but after a NUL, which a GeoPackage cuts the text at)."""
    text = CORPUS[kind]
    return f"{MARK}{i} {text}" if "\x00" in text else f"{text} {MARK}{i}"


def hostile_project(path: Path, short: bool = False):
    """The sample project with a corpus string in every text field, layer name, field name and the
    project name; saved at ``path``. ``short`` skips the 100,000-character string (for fast tests)."""
    from gis_app.core.project import Project

    project = Project.load(SAMPLE)
    kinds = [k for k in CORPUS if not (short and k == "long")]
    project.meta["name"] = hostile("jinja_globals") + " " + CORPUS["link"] + CORPUS["formula_cmd"]

    def spread(frame: gpd.GeoDataFrame, column: str, offset: int) -> None:
        values = [hostile(kinds[(i + offset) % len(kinds)], i) for i in range(len(frame))]
        frame[column] = pd.Series(values, index=frame.index, dtype=object)

    zones = project.layers["zones"]
    old_ids = zones["zone_id"].astype(str).tolist()
    spread(zones, "name", 0)
    spread(zones, "province", 3)
    spread(zones, "district", 5)
    new_ids = dict(zip(old_ids, (hostile(kinds[(i + 7) % len(kinds)], i) for i in range(len(old_ids)))))
    zones["zone_id"] = zones["zone_id"].map(new_ids)
    for name in ("subzones", "parcels"):
        layer = project.layers[name]
        layer["zone_id"] = layer["zone_id"].map(new_ids)
    subzones = project.layers["subzones"]
    spread(subzones, "subzone_id", 9)
    parcels = project.layers["parcels"]
    spread(parcels, "parcel_id", 11)
    spread(parcels, "tenant", 0)
    spread(parcels, "sector", 13)
    spread(parcels, "note", 17)
    # an extra layer whose name and field name are hostile, with a label on the hostile field
    extra_name = "L{{7*7}} <b>x</b> =1+1 ../../../../tmp/kcn-hostile-escape/layer"
    extra = gpd.GeoDataFrame({"{{7*7}}<i>=SUM(1)": [hostile(k, i) for i, k in enumerate(kinds[:3])]},
                             geometry=[shapely.box(0, 0, 1, 1)] * 3, crs=project.crs)
    extra = extra.set_geometry(zones.geometry.iloc[:3].values)
    project.layers[extra_name] = extra
    project.layer_state.append({"name": extra_name, "visible": True, "opacity": 1.0,
                                "style": {"fill": "#ff0000", "stroke": "#000000",
                                          "label_field": "{{7*7}}<i>=SUM(1)"}})
    project.save(path)
    return project
