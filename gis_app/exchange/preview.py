"""Everything the import dialog shows before the planner confirms, in one call.

``preview_import`` never stops at a missing CRS: it returns the candidates instead (and reads the
file provisionally to show the encoding, the mapping and the geometry report). The dialog then
calls ``readers.read_dataset`` with the confirmed CRS, encoding and repair choice, and
``MappingStore.put`` with the corrected mapping.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .accounting import ImportAccount
from .encodings.detect import Detection
from .field_mapping import FieldMapping, MappingStore
from .geometry_check import GeometryReport, check_geometries
from .readers import CrsRequired, guess_id_column, open_dataset
from .vn2000 import Candidate


@dataclass
class ImportPreview:
    path: Path
    layer: str
    encoding: Detection | None
    crs_epsg: int | None  # None: the planner must choose among ``candidates``
    crs_reason: str
    candidates: list[Candidate] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    sample: pd.DataFrame | None = None  # first rows, attributes only
    mapping: FieldMapping | None = None
    report: GeometryReport | None = None
    notes: list[str] = field(default_factory=list)
    account: ImportAccount = field(default_factory=ImportAccount)  # fields, values, entities (issue 12)


def preview_import(path, layer: str | None = None, crs=None, encoding: str = "auto", rows: int = 20,
                   store: MappingStore | None = None) -> ImportPreview:
    """Raises InputError only for unreadable files; a missing CRS comes back as candidates."""
    candidates: list[Candidate] = []
    crs_reason = ""
    try:
        raw = open_dataset(path, layer, crs, encoding)
        crs_epsg = raw.frame.crs.to_epsg() if raw.frame.crs is not None else None
        crs_reason = raw.crs_reason
    except CrsRequired as exc:
        candidates = exc.candidates
        crs_reason = exc.problem
        provisional = candidates[0].epsg if candidates else 4326  # only to read; not kept
        raw = open_dataset(path, layer, provisional, encoding)
        raw.notes = [n for n in raw.notes if "--crs" not in n]
        crs_epsg = None
    frame = raw.frame
    columns = [c for c in frame.columns if c != frame.geometry.name]
    _, report = check_geometries(frame, guess_id_column(frame), repair=False, type_reasons=raw.type_reasons)
    mapping = (store or MappingStore()).mapping_for(columns)
    return ImportPreview(Path(path), raw.layer, raw.encoding, crs_epsg, crs_reason, candidates, columns,
                         pd.DataFrame(frame[columns].head(rows)), mapping, report, raw.notes, raw.account)
