"""What every reader returns (RawDataset) and the refusal when no text encoding decodes cleanly.

Kept apart from ``readers`` so that the format readers (DXF, CSV-WKT) that ``readers`` dispatches to
can use them without importing ``readers`` back.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd

from ..core.errors import InputError
from ..core.i18n import t
from .accounting import ImportAccount
from .encodings.detect import Detection


@dataclass
class RawDataset:
    path: Path
    layer: str
    frame: gpd.GeoDataFrame  # attributes decoded, CRS set
    crs_reason: str = ""
    encoding: Detection | None = None
    notes: list[str] = field(default_factory=list)
    type_reasons: dict = field(default_factory=dict)  # row index -> why its geometry type is unusable
    account: ImportAccount = field(default_factory=ImportAccount)  # fields, values, entities


class EncodingRequired(InputError):
    """No encoding decodes the text cleanly: the planner must choose one (CLI: --encoding)."""


def encoding_required(detection: Detection, path) -> InputError:
    """Exit 2 asking for --encoding when no candidate decodes the text cleanly."""
    return EncodingRequired(t("không xác định được bảng mã văn bản ({why}); hãy chọn bằng --encoding (ví dụ utf-8, "
                        "cp1258, tcvn3, vni, cp1252, cp1250, latin-1)",
                        "cannot tell the text encoding ({why}); choose it with --encoding (e.g. utf-8, cp1258, "
                        "tcvn3, vni, cp1252, cp1250, latin-1)", why=detection.reason), path)
