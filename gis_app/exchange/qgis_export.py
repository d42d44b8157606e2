"""Export a project for QGIS: ``OUT.qgz`` (a zip holding ``OUT.qgs``), the layers in
``OUT_data.gpkg`` beside it, and one ``OUT_styles/<layer>.qml`` per layer.

Styles come from the shared style model (``gis_app.core.styles``): single fill, categorized,
graduated (zones get their computed ``fill_rate`` column so the graduated style has data), hatch,
labels, opacity. Data sources are relative paths, so the folder can be moved or sent as a whole.

Layer names become safe, distinct .qml file names inside ``OUT_styles`` (``core/safe_text``); nothing is
written outside the output folder. Every string in the .qgs/.qml (layer, field, project names, category
labels) has the characters XML 1.0 forbids replaced, so the documents always parse.
"""
from __future__ import annotations

import re
import shutil
import uuid
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from ..core.atomic import atomic_path, check_output_path, write_bytes_atomic, write_error
from ..core.drawable import check_project_drawable
from ..core.project import Project
from ..core.safe_text import TextNotes, inside_folder, unique_file_names, xml_clean_tree
from ..core.styles import default_style

HATCH = {"diagonal": "b_diagonal", "cross": "cross"}
QGIS_VERSION = "3.34.0-Prizren"


def export_qgis(project: Project, target: str | Path, notes: TextNotes | None = None) -> list[Path]:
    """Write the .qgz, its data GeoPackage and .qml styles; returns the written paths. ``notes`` collects
    what had to change in names and text. InputError when coordinates cannot be drawn (core/drawable)
    or the output cannot be written (core/atomic)."""
    target = check_output_path(target)
    notes = notes if notes is not None else TextNotes()
    check_project_drawable(project, project.path or target)
    data_path = target.with_name(target.stem + "_data.gpkg")
    styles_dir = target.with_name(target.stem + "_styles")
    layers = dict(project.layers)
    if "zones" in layers and len(layers["zones"]):
        from ..core.fill_rates import zone_fill_rates

        rates = zone_fill_rates(project)
        zones = layers["zones"].copy()
        zones["fill_rate"] = zones["zone_id"].astype(str).map(rates["fill_rate"]).astype(float).to_numpy()
        layers["zones"] = zones
    data_names = data_layer_names(list(layers))
    copy = Project(crs=project.crs, layers={data_names[n]: f for n, f in layers.items()}, meta=dict(project.meta),
                   layer_state=[{**s, "name": data_names.get(s["name"], s["name"])} for s in project.layer_state],
                   view=dict(project.view))
    copy.save(data_path)
    written = [target, data_path]
    try:
        styles_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(exc, styles_dir) from None
    states = [s for s in project.layer_state if s["name"] in layers] or \
        [{"name": n, "visible": True, "opacity": 1.0, "style": {}} for n in layers]
    entries = []
    file_names = unique_file_names([s["name"] for s in states])
    notes.add("file_name", sum(1 for name, safe in file_names.items() if name != safe))
    for state in states:
        name = state["name"]
        style = default_style(name)
        style.update(state.get("style") or {})
        geometry = _geometry_kind(layers[name])
        renderer = renderer_xml(style, geometry)
        labeling = labeling_xml(style.get("label_field"))
        qml = qml_document(renderer, labeling, float(state.get("opacity", 1.0)), notes)
        qml_path = inside_folder(styles_dir, styles_dir / f"{file_names[name]}.qml")
        write_bytes_atomic(qml_path, qml)
        written.append(qml_path)
        entries.append((name, state, geometry, renderer, labeling))
    qgs = qgs_document(project, entries, f"./{data_path.name}", notes, data_names)
    with atomic_path(target, suffix=".qgz") as tmp:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{target.stem}.qgs", qgs)
    return written


def _geometry_kind(frame) -> str:
    types = set(frame.geometry.geom_type.dropna()) if len(frame) else {"Polygon"}
    if types <= {"Point", "MultiPoint"}:
        return "Point"
    if types <= {"LineString", "MultiLineString"}:
        return "Line"
    return "Polygon"


def _rgba(color: str | None, alpha: float = 1.0) -> str:
    if not color:
        return "0,0,0,0"
    color = color.lstrip("#")
    r, g, b = (int(color[i:i + 2], 16) for i in (0, 2, 4))
    return f"{r},{g},{b},{int(round(alpha * 255))}"


def _option_map(values: dict) -> ET.Element:
    node = ET.Element("Option", type="Map")
    for key, value in values.items():
        ET.SubElement(node, "Option", name=key, value=str(value), type="QString")
    return node


def symbol_xml(style: dict, geometry: str, fill: str | None, name: str) -> ET.Element:
    kind = {"Polygon": "fill", "Line": "line", "Point": "marker"}[geometry]
    symbol = ET.Element("symbol", type=kind, name=name, alpha="1", clip_to_extent="1", force_rhr="0")
    if kind == "fill":
        layer = ET.SubElement(symbol, "layer", {"class": "SimpleFill", "enabled": "1", "locked": "0", "pass": "0"})
        brush = "no" if fill is None else HATCH.get(style.get("hatch") or "", "solid")
        layer.append(_option_map({"color": _rgba(fill or style.get("stroke"), style.get("fill_opacity", 1.0)),
                                  "style": brush, "outline_color": _rgba(style.get("stroke", "#000000")),
                                  "outline_style": "solid", "outline_width": style.get("stroke_width", 0.26),
                                  "outline_width_unit": "MM", "joinstyle": "bevel"}))
    elif kind == "line":
        layer = ET.SubElement(symbol, "layer", {"class": "SimpleLine", "enabled": "1", "locked": "0", "pass": "0"})
        layer.append(_option_map({"line_color": _rgba(style.get("stroke", "#000000")), "line_style": "solid",
                                  "line_width": style.get("stroke_width", 0.26), "line_width_unit": "MM"}))
    else:
        layer = ET.SubElement(symbol, "layer", {"class": "SimpleMarker", "enabled": "1", "locked": "0", "pass": "0"})
        layer.append(_option_map({"color": _rgba(fill or "#2b8cbe"), "name": "circle", "size": 2,
                                  "size_unit": "MM", "outline_color": _rgba(style.get("stroke", "#000000"))}))
    return symbol


def renderer_xml(style: dict, geometry: str = "Polygon") -> ET.Element:
    cat, grad = style.get("categorized"), style.get("graduated")
    if grad:
        renderer = ET.Element("renderer-v2", type="graduatedSymbol", attr=grad["field"],
                              graduatedMethod="GraduatedColor", symbollevels="0", enableorderby="0")
        ranges, symbols = ET.SubElement(renderer, "ranges"), ET.SubElement(renderer, "symbols")
        edges = [-1e12, *grad["breaks"], 1e12]
        for i, color in enumerate(grad["colors"]):
            ET.SubElement(ranges, "range", lower=repr(float(edges[i])), upper=repr(float(edges[i + 1])),
                          symbol=str(i), label=_range_label(edges[i], edges[i + 1], grad["field"]), render="true")
            symbols.append(symbol_xml(style, geometry, color, str(i)))
        return renderer
    if cat:
        renderer = ET.Element("renderer-v2", type="categorizedSymbol", attr=cat["field"], symbollevels="0",
                              enableorderby="0")
        categories, symbols = ET.SubElement(renderer, "categories"), ET.SubElement(renderer, "symbols")
        labels = cat.get("labels", {})
        for i, (value, color) in enumerate(cat.get("colors", {}).items()):
            ET.SubElement(categories, "category", value=str(value), symbol=str(i),
                          label=str(labels.get(value, value)), render="true")
            symbols.append(symbol_xml(style, geometry, color, str(i)))
        n = len(cat.get("colors", {}))
        ET.SubElement(categories, "category", value="", symbol=str(n), label="", render="true")
        symbols.append(symbol_xml(style, geometry, style.get("fill"), str(n)))
        return renderer
    renderer = ET.Element("renderer-v2", type="singleSymbol", symbollevels="0", enableorderby="0")
    ET.SubElement(renderer, "symbols").append(symbol_xml(style, geometry, style.get("fill"), "0"))
    return renderer


def _range_label(lo: float, hi: float, field: str) -> str:
    fmt = (lambda v: f"{v:.0%}") if field == "fill_rate" else (lambda v: f"{v:g}")
    if lo <= -1e12:
        return f"< {fmt(hi)}"
    if hi >= 1e12:
        return f"≥ {fmt(lo)}"
    return f"{fmt(lo)} – {fmt(hi)}"


def labeling_xml(field: str | None) -> ET.Element | None:
    if not field:
        return None
    labeling = ET.Element("labeling", type="simple")
    settings = ET.SubElement(labeling, "settings", calloutType="simple")
    ET.SubElement(settings, "text-style", fieldName=field, fontFamily="DejaVu Sans", fontSize="8",
                  fontSizeUnit="Point", textColor="0,0,0,255", isExpression="0")
    ET.SubElement(settings, "text-buffer", bufferDraw="1", bufferSize="0.8", bufferColor="255,255,255,255")
    ET.SubElement(settings, "placement", placement="1")
    return labeling


def qml_document(renderer: ET.Element, labeling: ET.Element | None, opacity: float,
                 notes: TextNotes | None = None) -> bytes:
    root = ET.Element("qgis", version=QGIS_VERSION, styleCategories="Symbology|Labeling",
                      labelsEnabled="1" if labeling is not None else "0")
    root.append(renderer)
    if labeling is not None:
        root.append(labeling)
    ET.SubElement(root, "layerOpacity").text = repr(opacity)
    xml_clean_tree(root, notes)
    return b"<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + ET.tostring(root, encoding="utf-8")


def _srs(crs) -> ET.Element:
    srs = ET.Element("spatialrefsys", nativeFormat="Wkt")
    ET.SubElement(srs, "wkt").text = crs.to_wkt()
    ET.SubElement(srs, "proj4").text = crs.to_proj4() if hasattr(crs, "to_proj4") else ""
    code = crs.to_epsg()
    ET.SubElement(srs, "srid").text = str(code or "")
    ET.SubElement(srs, "authid").text = f"EPSG:{code}" if code else ""
    ET.SubElement(srs, "description").text = crs.name
    ET.SubElement(srs, "geographicflag").text = "true" if crs.is_geographic else "false"
    return srs


def data_layer_names(names) -> dict[str, str]:
    """Layer names in the exported data GeoPackage: plain names stay, others become distinct ASCII
    identifiers, because QGIS reads ``path|layername=NAME`` as a path and breaks on ``/``, ``..``, ``|``
    (the .qgs still shows the real name)."""
    out, used = {}, set()
    for name in names:
        base = name if re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", name) else \
            "layer_" + re.sub(r"[^A-Za-z0-9_]+", "_", name).strip("_")[:40]
        candidate, i = base, 2
        while candidate.lower() in used:
            candidate, i = f"{base}_{i}", i + 1
        used.add(candidate.lower())
        out[name] = candidate
    return out


def qgs_document(project: Project, entries, data_source: str, notes: TextNotes | None = None,
                 data_names: dict[str, str] | None = None) -> bytes:
    import warnings

    root = ET.Element("qgis", projectname=project.name, version=QGIS_VERSION)
    ET.SubElement(root, "homePath", path="")
    ET.SubElement(root, "title").text = project.name
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pyproj warns that PROJ strings are lossy; WKT is authoritative
        ET.SubElement(root, "projectCrs").append(_srs(project.crs))
        tree = ET.SubElement(root, "layer-tree-group")
        layers_node = ET.SubElement(root, "projectlayers")
        order = ET.SubElement(root, "layerorder")
        ids = {}
        for name, state, geometry, renderer, labeling in entries:
            ids[name] = f"{name}_{uuid.uuid5(uuid.NAMESPACE_URL, project.name + name).hex[:12]}"
        for name, state, geometry, renderer, labeling in reversed(entries):  # QGIS lists the top layer first
            source = f"{data_source}|layername={(data_names or {}).get(name, name)}"
            ET.SubElement(tree, "layer-tree-layer", id=ids[name], name=name, source=source, providerKey="ogr",
                          checked="Qt::Checked" if state.get("visible", True) else "Qt::Unchecked", expanded="1")
            ET.SubElement(order, "layer", id=ids[name])
            layer = ET.SubElement(layers_node, "maplayer", type="vector", geometry=geometry,
                                  labelsEnabled="1" if labeling is not None else "0")
            ET.SubElement(layer, "id").text = ids[name]
            ET.SubElement(layer, "datasource").text = source
            ET.SubElement(layer, "layername").text = name
            ET.SubElement(layer, "srs").append(_srs(project.crs))
            ET.SubElement(layer, "provider", encoding="UTF-8").text = "ogr"
            layer.append(renderer)
            if labeling is not None:
                layer.append(labeling)
            ET.SubElement(layer, "layerOpacity").text = repr(float(state.get("opacity", 1.0)))
    props = ET.SubElement(root, "properties")
    paths = ET.SubElement(props, "Paths")
    ET.SubElement(paths, "Absolute", type="bool").text = "false"
    # QGIS 3.x ignores <projectCrs> unless on-the-fly projection is marked enabled.
    spatial = ET.SubElement(props, "SpatialRefSys")
    ET.SubElement(spatial, "ProjectionsEnabled", type="int").text = "1"
    code = project.crs.to_epsg()
    if code:
        ET.SubElement(spatial, "ProjectCrs", type="QString").text = f"EPSG:{code}"
    xml_clean_tree(root, notes)
    return b"<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + ET.tostring(root, encoding="utf-8")


def remove_export(target: str | Path) -> None:
    """Delete a previous export (the .qgz, its data and styles)."""
    target = Path(target)
    for path in (target, target.with_name(target.stem + "_data.gpkg")):
        if path.exists():
            path.unlink()
    shutil.rmtree(target.with_name(target.stem + "_styles"), ignore_errors=True)
