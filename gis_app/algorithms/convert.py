"""convert: read a land-department file (SHP, GPKG, GeoJSON, KML, DXF, CSV+WKT) and write another.

Thin wrapper over ``gis_app.exchange``: decode legacy Vietnamese text, recognise or require the
VN-2000 CRS, check geometries, map field names onto the canonical schema (into a .gpkg project by
default), write atomically. See docs/guide/exchange.md.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..core.errors import InputError
from ..core.i18n import t
from ..core.processing import Algorithm, Output, Boolean, Crs, DestinationFile, Enumeration, SourceFile, Text, ZoneId

ENCODING_CHOICES = ("auto", "utf-8", "cp1258", "tcvn3", "vni")
OUT_ENCODING_CHOICES = ("utf-8", "cp1258", "tcvn3")


class Convert(Algorithm):
    name = "convert"
    title_vi = "Chuyển đổi định dạng (SHP, GPKG, GeoJSON, KML, DXF, CSV-WKT)"
    title_en = "Convert formats (SHP, GPKG, GeoJSON, KML, DXF, CSV-WKT)"
    params = (
        SourceFile("input", ("tệp vào", "input file"), required=True, positional=True),
        DestinationFile("output", ("tệp ra (.gpkg = lớp trong dự án)", "output file (.gpkg = a project layer)"),
              required=True, positional=True),
        Text("layer", ("lớp cần đọc (GPKG nhiều lớp)", "layer to read (multi-layer GPKG)")),
        Crs("crs", ("hệ tọa độ của tệp vào, ví dụ 9209 (bắt buộc khi tệp không có .prj)",
                              "CRS of the input, e.g. 9209 (required when the file has no .prj)")),
        Crs("to_crs", ("hệ tọa độ tệp ra", "CRS of the output")),
        Text("encoding", ("bảng mã văn bản tệp vào: auto|utf-8|cp1258|tcvn3|vni|cp1250|latin-1…",
                                    "text encoding of the input: auto|utf-8|cp1258|tcvn3|vni|cp1250|latin-1…"),
              default="auto"),
        Enumeration("out_encoding", ("bảng mã tệp ra (SHP/CSV): utf-8|cp1258|tcvn3",
                                               "text encoding of the output (SHP/CSV): utf-8|cp1258|tcvn3"),
              default="utf-8", choices=OUT_ENCODING_CHOICES),
        Boolean("repair", ("sửa hình học không hợp lệ", "repair invalid geometries (make_valid)"),
              default=False),
        Enumeration("geometry", ("hình chấp nhận: polygon (mặc định) | any",
                                           "accepted geometry: polygon (default) | any"), default="polygon",
              choices=("polygon", "any")),
        Text("layer_name", ("tên lớp ra", "output layer name")),
        Boolean("map_fields", ("ánh xạ tên trường về lược đồ chuẩn (mặc định: có khi ra .gpkg)",
                                      "map field names onto the canonical schema (default: yes for .gpkg)")),
        SourceFile("mapping", ("tệp JSON ánh xạ trường", "field-mapping JSON file")),
        ZoneId("zone_id", ("mã khu gán cho các thửa (tệp thửa đất của một khu)", "zone_id for parcels of one zone")),
        DestinationFile("report", ("ghi báo cáo JSON (bảng mã, hệ tọa độ, hình bị loại)",
                                  "write a JSON report (encoding, CRS, rejected features)")),
        Boolean("csv_raw", ("CSV: ghi nguyên giá trị bắt đầu bằng = + - @ (cho phần mềm GIS); mặc định thêm "
                                   "dấu ' để bảng tính coi là văn bản, không chạy như công thức",
                                   "CSV: write values beginning with = + - @ as they are (for GIS software); by "
                                   "default they get a leading ' so spreadsheets show them as text, never run them"),
              default=False),
    )
    outputs = (Output("output", "file"), Output("report", "json"))

    def process(self, params: dict, feedback) -> dict:
        from ..exchange.field_mapping import MappingStore, apply_mapping, declared_area_note
        from ..exchange.readers import format_of, read_dataset
        from ..exchange.writers import write_dataset

        source, target = Path(params["input"]), Path(params["output"])
        format_of(target)  # reject an unsupported output before any work
        if source.resolve() == target.resolve():
            raise InputError(t("tệp ra trùng tệp vào", "the output is the input file"), target)
        feedback.progress(5)
        dataset = read_dataset(source, params.get("layer"), params.get("crs"), params["encoding"],
                               repair=bool(params["repair"]), polygons_only=params["geometry"] == "polygon")
        feedback.check_canceled()
        feedback.progress(50)
        frame = dataset.frame
        columns = [c for c in frame.columns if c != frame.geometry.name]
        map_fields = params.get("map_fields")
        if map_fields is None:  # an explicit mapping file, or an import into a project, maps fields
            map_fields = bool(params.get("mapping")) or target.suffix.lower() == ".gpkg"
        layer_name = params.get("layer_name")
        mapping = None
        if params.get("mapping"):
            mapping = _load_mapping(Path(params["mapping"]))
        elif map_fields:
            mapping = MappingStore().mapping_for(columns)
        if mapping is not None and map_fields is not False:
            before = list(frame.columns)
            frame = apply_mapping(frame, mapping, {"zone_id": params.get("zone_id")})
            _account_mapping(dataset.account, before, frame, mapping)
            layer_name = layer_name or mapping.target_layer or None
            area_note = declared_area_note(frame)
            if area_note:
                dataset.notes.append(area_note)
        layer_name = layer_name or dataset.layer
        id_column = next((c for c in ("parcel_id", "zone_id", "subzone_id") if c in frame.columns), None)
        written = write_dataset(frame, target, layer_name, params["out_encoding"], params.get("to_crs"), id_column,
                                csv_raw=bool(params.get("csv_raw")), account=dataset.account)
        feedback.progress(95)
        for line in dataset.notes + written.notes + dataset.report.details() + dataset.account.entity_details():
            feedback.log(line)
        enc = dataset.encoding
        if enc is not None and enc.confidence < 0.6 and params["encoding"] == "auto":
            feedback.log(t("bảng mã {e} đoán với độ tin cậy thấp ({c:.0%}): kiểm tra tên và dùng --encoding nếu sai",
                           "encoding {e} guessed with low confidence ({c:.0%}): check the names and use --encoding "
                           "if they are wrong", e=enc.encoding, c=enc.confidence))
        crs_out = written.crs.to_epsg() if hasattr(written.crs, "to_epsg") else None
        report = {"input": str(source), "output": str(target), "layer": written.layer,
                  "encoding": {"name": enc.encoding, "confidence": enc.confidence, "scores": enc.scores,
                               "preview": enc.preview[:5]} if enc else None,
                  "crs_in": {"epsg": frame.crs.to_epsg() if frame.crs is not None else None,
                             "reason": dataset.crs_reason},
                  "crs_out": crs_out, "geometry": dataset.report.as_dict(), **dataset.account.as_dict(),
                  "mapping": mapping.as_dict() if mapping is not None and map_fields is not False else None,
                  "notes": dataset.notes + written.notes}
        if params.get("report"):
            from ..core.atomic import write_text_atomic

            write_text_atomic(params["report"], json.dumps(report, ensure_ascii=False, indent=1, default=str))
        feedback.progress(100)
        summary = t("{src} → {dst} (lớp {layer}): {counts}; bảng mã {enc}; EPSG:{cin} → EPSG:{cout}",
                    "{src} → {dst} (layer {layer}): {counts}; encoding {enc}; EPSG:{cin} → EPSG:{cout}",
                    src=source.name, dst=target.name, layer=written.layer, counts=dataset.report.summary(),
                    enc=f"{enc.encoding} ({enc.confidence:.0%})" if enc else "-",
                    cin=report["crs_in"]["epsg"], cout=crs_out)
        return {"summary": summary, "output": str(target), "report": report}


def _account_mapping(account, before: list[str], frame, mapping) -> None:
    """Record the renames the field mapping made (a column in the way is kept as ``<name>_orig``)."""
    after = [c for c in frame.columns]
    for src, dst in zip(before, after):
        if src != dst:
            why = t("ánh xạ trường", "field mapping") if mapping.fields.get(src) == dst else \
                t("tên đã dùng cho trường được ánh xạ", "name taken by a mapped field")
            account.rename(src, dst, why)


def _load_mapping(path: Path):
    from ..exchange.field_mapping import FieldMapping

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("fields", {}), dict):
            raise ValueError("expected {\"target_layer\": ..., \"fields\": {...}}")
    except (OSError, ValueError) as exc:
        raise InputError(t("tệp ánh xạ không hợp lệ ({err})", "invalid mapping file ({err})", err=exc), path) from exc
    return FieldMapping.from_dict(data)
