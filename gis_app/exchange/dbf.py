"""dBASE (.dbf) attribute tables read and written as raw bytes.

GDAL decodes DBF text itself and damages Vietnamese legacy encodings (it drops the last letter of
CP1258/TCVN3 values), so text fields are read here as bytes and decoded by ``encodings``.
Vectorised: the whole record block is one numpy structured array.

Field names are limited to 10 bytes. Longer names get stable short names (ASCII, cut to 10, then
``name~1``-style suffixes on collisions) and the full names are kept in a sidecar
``<stem>.fields.json`` ({"fields": [{"short": ..., "name": ...}], "encoding": ...}) that the reader
uses to restore them. Text longer than 254 bytes cannot be stored: ``check_text_lengths`` reports it.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import struct
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.errors import InputError
from ..core.i18n import t
from . import encodings

MAX_TEXT_BYTES = 254
SIDECAR_SUFFIX = ".fields.json"
SIDECAR_FORMAT = "kcn-planner-dbf-fields/1"


@dataclass
class DbfField:
    raw_name: bytes
    type: str  # C N F L D M ...
    length: int
    decimals: int


@dataclass
class DbfTable:
    fields: list[DbfField]
    columns: dict[str, np.ndarray]  # unique raw name (latin-1 str, ``__N`` on repeats) -> bytes values
    deleted: np.ndarray  # bool per record
    ldid: int = 0
    notes: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # key in ``columns`` of each field, in order

    def text_samples(self, limit: int = 5000) -> list[bytes]:
        """Raw values of the text fields (and non-ASCII field names) for encoding detection."""
        out = [f.raw_name for f in self.fields if any(b > 0x7F for b in f.raw_name)]
        for f, key in zip(self.fields, self.keys):
            if f.type == "C":
                # the first rows are enough to recognise an encoding; unique() over all is costly
                values = pd.unique(self.columns[key][:4 * limit])
                out.extend(v.rstrip(b" \x00") for v in values[:limit])
        return out


def read_dbf(path: str | Path) -> DbfTable:
    from .text_columns import compact, map_file

    path = Path(path)
    data = map_file(path)  # pages read as decoded and given back (text_columns.release)
    if len(data) < 33:
        raise InputError(t("tệp .dbf quá ngắn (hỏng hoặc bị cắt)", "the .dbf file is too short (corrupt or "
                           "truncated)"), path)
    n_records, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields: list[DbfField] = []
    pos = 32
    while pos + 32 <= header_len and pos < len(data) and data[pos] != 0x0D:
        desc = data[pos:pos + 32]
        fields.append(DbfField(desc[:11].split(b"\x00")[0], chr(desc[11]), desc[16], desc[17]))
        pos += 32
    if not fields or 1 + sum(f.length for f in fields) != record_len:
        raise InputError(t("tiêu đề .dbf không hợp lệ (độ dài bản ghi {r}, trường {n})",
                           "invalid .dbf header (record length {r}, {n} fields)", r=record_len, n=len(fields)), path)
    need = header_len + n_records * record_len
    if len(data) < need:
        raise InputError(t("tệp .dbf bị cắt: cần {need} byte cho {n} bản ghi, chỉ có {have}",
                           "the .dbf file is truncated: {need} bytes needed for {n} records, {have} present",
                           need=need, n=n_records, have=len(data)), path)
    names = [f.raw_name.decode("latin-1") for f in fields]
    unique = _dedupe(names)
    dtype = np.dtype([("_deleted", "S1")] + [(u, f"S{f.length}") for u, f in zip(unique, fields)])
    records = np.frombuffer(data, dtype=dtype, count=n_records, offset=header_len)
    columns = {u: records[u] for u in unique}
    return DbfTable(fields, columns, compact(records["_deleted"]) == b"*", ldid=data[29], keys=unique)


# dBASE language-driver ids (header byte 29) and their code pages, from the dBASE/ESRI tables.
# 0x57 ("ANSI": the writer's Windows code page, whatever it was) and 0 declare nothing.
LDID_CODEPAGES = {
    0x01: "cp437", 0x02: "cp850", 0x03: "cp1252", 0x08: "cp865", 0x09: "cp437", 0x0A: "cp850", 0x0B: "cp437",
    0x0D: "cp437", 0x0E: "cp850", 0x0F: "cp437", 0x10: "cp850", 0x11: "cp437", 0x12: "cp850", 0x13: "cp932",
    0x14: "cp850", 0x15: "cp437", 0x16: "cp850", 0x17: "cp865", 0x18: "cp437", 0x19: "cp437", 0x1A: "cp850",
    0x1B: "cp437", 0x1C: "cp863", 0x1D: "cp850", 0x1F: "cp852", 0x22: "cp852", 0x23: "cp852", 0x24: "cp860",
    0x25: "cp850", 0x26: "cp866", 0x37: "cp850", 0x40: "cp852", 0x4D: "cp936", 0x4E: "cp949", 0x4F: "cp950",
    0x50: "cp874", 0x58: "cp1252", 0x59: "cp1252", 0x64: "cp852", 0x65: "cp866", 0x66: "cp865",
    0x67: "cp861", 0x6A: "cp737", 0x6B: "cp857", 0x6C: "cp863", 0x78: "cp950", 0x79: "cp949", 0x7A: "cp936",
    0x7B: "cp932", 0x7C: "cp874", 0x86: "cp737", 0x87: "cp852", 0x88: "cp857", 0xC8: "cp1250",
    0xC9: "cp1251", 0xCA: "cp1254", 0xCB: "cp1253", 0xCC: "cp1257",
}


def ldid_encoding(ldid: int) -> str | None:
    """The code page a DBF language-driver byte declares, or None (0, 0x57 'ANSI', unknown)."""
    return LDID_CODEPAGES.get(ldid)


def decode_table(table: DbfTable, encoding: str, account=None) -> pd.DataFrame:
    """The table as a DataFrame: text decoded to NFC Unicode, numbers, dates and booleans typed.

    Field names are decoded like the values (a name cut inside a letter is kept as far as it is
    valid); duplicate names are kept under distinct names (``NAME2``, as GDAL does). Values that
    cannot be typed (impossible dates, numbers that overflow or do not parse) become empty and
    their raw text is kept in a column ``<name>_text`` beside; each is recorded in ``account``
    (an ``accounting.ImportAccount``) by 0-based row, with bytes dropped from damaged text.
    """
    from .accounting import ImportAccount
    from .text_columns import compact

    account = account if account is not None else ImportAccount()
    out: dict[str, pd.Series] = {}
    for number, (f, key) in enumerate(zip(table.fields, table.keys), start=1):
        raw = table.columns[key]
        if f.type != "C":  # narrow: a compact copy, so its whole-column passes touch no other field
            raw = compact(raw)
        name, damaged = encodings.decode_checked(f.raw_name, encoding)
        name = name.strip() or f"field{number}"
        source = name
        if name in out or name.lower() in {c.lower() for c in out}:
            taken = {c.lower() for c in out}
            i = 2
            while f"{name}{i}".lower() in taken:
                i += 1
            name = f"{name}{i}"
            account.rename(source, name, t("trùng tên trường {s} (trường thứ {n})",
                                           "duplicate field name {s} (field {n})", s=source, n=number))
        else:
            account.keep(name)
        if damaged:
            account.rename(name, name, t("tên trường có byte hỏng: đọc phần hợp lệ ({raw})",
                                         "field name with damaged bytes: valid part read ({raw})",
                                         raw=repr(f.raw_name)[2:-1]))
        series, problems = _convert(raw, f, encoding)
        out[name] = series
        if problems:
            keep_text = f.type != "C"
            text_name = None
            if keep_text:
                text_name = f"{name}_text"
                while text_name in out:
                    text_name += "_"
                texts = pd.Series([None] * len(series), dtype=object)
                for row, raw_value, _ in problems:
                    texts.iat[row] = raw_value.decode("latin-1") if isinstance(raw_value, bytes) else raw_value
                out[text_name] = texts
                account.add(text_name, t("nguyên văn các giá trị không đọc được của {f}",
                                         "raw text of the unreadable values of {f}", f=name))
            for row, raw_value, why in problems:
                account.value(row, name, raw_value, why, text_name)
    return pd.DataFrame(out)


def _convert(raw: np.ndarray, f: DbfField, encoding: str) -> tuple[pd.Series, list]:
    """(typed values, problems as (row, raw bytes, reason)) for one DBF field."""
    if len(raw) == 0:  # (no pd.Series(raw): it would copy every raw value into a bytes object)
        return pd.Series([], dtype=object), []
    problems: list = []
    if f.type == "C":
        # Trailing spaces/NULs are padding; None (not NaN) for empty text. Each distinct value is
        # decoded once (text_columns groups the rows by their bytes in numpy); ASCII needs no table.
        from .text_columns import decode_fixed_width

        damaged: set = set()

        def decode(value: bytes):  # non-ASCII, non-empty, padding removed
            text, bad = encodings.decode_checked(value, encoding)
            if bad:
                damaged.add(value)
            return text

        series = pd.Series(decode_fixed_width(raw, decode), dtype=object)
        if damaged:  # rare: the rows holding a damaged value, for the import account
            why = t("byte hỏng trong {e}: bỏ phần hỏng", "damaged bytes in {e}: dropped", e=encoding)
            shown = {v: _shown(v, encoding) for v in damaged}  # the readable part, bad bytes as \\xNN
            problems = [(i, shown[v.rstrip(b" \x00")], why) for i, v in enumerate(raw.tolist())
                        if v.rstrip(b" \x00") in damaged]
        return series, problems
    text = pd.Series([b.decode("latin-1").strip(" \x00") for b in raw.tolist()], dtype=object)
    if f.type in ("N", "F"):
        if f.decimals == 0 and f.length <= 18 and text.str.fullmatch(r"-?\d*").all():  # exact, not via float
            return pd.Series(pd.array([int(v) if v not in ("", "-") else None for v in text], dtype="Int64")), []
        numbers = pd.to_numeric(text.where(text != ""), errors="coerce").astype("float64")
        bad = (text != "") & (numbers.isna() | ~np.isfinite(numbers.fillna(0)))
        if f.decimals == 0:  # integers beyond float precision would be silently changed
            big = numbers.abs() >= 2.0 ** 53
            bad |= big.fillna(False)
        if bad.any():
            numbers[bad] = np.nan
            problems = [(i, raw[i].strip(b" \x00"), t("số tràn hoặc không đọc được", "number overflows or does "
                                                       "not parse")) for i in np.flatnonzero(bad.to_numpy())]
        return numbers, problems
    if f.type == "L":
        mapped = text.str.upper().map({"T": True, "Y": True, "F": False, "N": False})
        bad = mapped.isna() & ~text.isin(["", "?"])
        problems = [(i, raw[i].strip(b" \x00"), t("giá trị logic không hợp lệ", "invalid logical value"))
                    for i in np.flatnonzero(bad.to_numpy())]
        return mapped.astype("boolean"), problems
    if f.type == "D":
        empty = text.isin(["", "00000000"])
        dates = pd.to_datetime(text.where(~empty), format="%Y%m%d", errors="coerce")
        bad = dates.isna() & ~empty
        problems = [(i, raw[i].strip(b" \x00"), t("ngày không tồn tại", "impossible date"))
                    for i in np.flatnonzero(bad.to_numpy())]
        return dates, problems
    return text.where(text != ""), []


def _shown(value: bytes, encoding: str) -> str:
    try:
        return value.decode(encoding, errors="backslashreplace")
    except LookupError:
        return repr(value)[2:-1]


def _dedupe(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for n in names:
        key = n or "field"
        if key in seen or key == "_deleted":
            seen[key] = seen.get(key, 0) + 1
            key = f"{key}__{seen[key]}"
        seen.setdefault(key, 0)
        out.append(key)
    return out


# -- names ----------------------------------------------------------------------------------
def ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c))


def short_names(names: list[str]) -> dict[str, str]:
    """Stable DBF names (≤ 10 ASCII bytes, unique, case-insensitive) for ``names``, in order."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        base = re.sub(r"[^A-Za-z0-9_]", "_", ascii_fold(name)) or "field"
        if base[0].isdigit():
            base = "F" + base
        candidate = base[:10]
        i = 1
        while candidate.lower() in taken:
            suffix = f"_{i}"
            candidate = base[:10 - len(suffix)] + suffix
            i += 1
        taken.add(candidate.lower())
        out[name] = candidate
    return out


def sidecar_path(shp_path: str | Path) -> Path:
    shp_path = Path(shp_path)
    return shp_path.with_name(shp_path.stem + SIDECAR_SUFFIX)


def read_sidecar(shp_path: str | Path) -> dict:
    path = sidecar_path(shp_path)
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("format") == SIDECAR_FORMAT else {}


def sidecar_json(renamed: dict[str, str], encoding: str) -> str:
    return json.dumps({"format": SIDECAR_FORMAT, "encoding": encoding,
                       "fields": [{"short": s, "name": n} for n, s in renamed.items()]},
                      ensure_ascii=False, indent=1)


# -- writing --------------------------------------------------------------------------------
def check_text_lengths(frame: pd.DataFrame, encoding: str, ids: pd.Series | None = None) -> list[str]:
    """Problems (field, ids) for text values longer than 254 bytes in ``encoding``."""
    problems = []
    for column in frame.columns:
        series = frame[column]
        if not (series.dtype == object or pd.api.types.is_string_dtype(series)):
            continue
        sizes = {v: len(encodings.encode(v, encoding, fallback=True)) for v in pd.unique(series.dropna())
                 if isinstance(v, str)}  # each distinct value encoded once
        lengths = series.map(sizes).fillna(0)
        too_long = lengths > MAX_TEXT_BYTES
        if too_long.any():
            where = (ids if ids is not None else pd.Series(frame.index, index=frame.index))[too_long]
            problems.append(t("{col}: {n} giá trị dài hơn 254 byte (id: {ids})",
                              "{col}: {n} values longer than 254 bytes (ids: {ids})", col=column,
                              n=int(too_long.sum()), ids=", ".join(map(str, where.tolist()[:10]))))
    return problems


def write_dbf(path: str | Path, frame: pd.DataFrame, encoding: str, names: dict[str, str]) -> None:
    """Write ``frame`` (no geometry) as a dBASE III table; ``names`` maps columns to short names."""
    specs, encoded = [], []
    for column in frame.columns:
        series = frame[column]
        kind, length, decimals, values = _field_spec(series, encoding)
        specs.append((names[column].encode("ascii"), kind, length, decimals))
        encoded.append(values)
    n = len(frame)
    record_len = 1 + sum(s[2] for s in specs)
    header_len = 32 + 32 * len(specs) + 1
    today = dt.date.today()
    header = struct.pack("<BBBBIHH20x", 0x03, today.year - 1900, today.month, today.day, n, header_len,
                         record_len)
    ldid = 0  # no language driver id: the .cpg (or, for TCVN3, the sidecar) names the encoding
    header = header[:29] + bytes([ldid]) + header[30:]
    descs = b"".join(struct.pack("<11sc4xBB14x", name, kind.encode(), length, decimals)
                     for name, kind, length, decimals in specs)
    body = np.empty(n, dtype=np.dtype([("_d", "S1")] + [(f"f{i}", f"S{s[2]}") for i, s in enumerate(specs)]))
    body["_d"] = b" "
    for i, values in enumerate(encoded):
        body[f"f{i}"] = values
    Path(path).write_bytes(header + descs + b"\x0d" + body.tobytes() + b"\x1a")


def _field_spec(series: pd.Series, encoding: str):
    if pd.api.types.is_bool_dtype(series) or str(series.dtype) == "boolean":
        vals = [b"?" if pd.isna(v) else (b"T" if v else b"F") for v in series]
        return "L", 1, 0, vals
    if pd.api.types.is_integer_dtype(series):
        strs = ["" if pd.isna(v) else str(int(v)) for v in series]
        width = max([len(s) for s in strs] + [10])  # never narrower than a value: numpy would cut it
        return "N", width, 0, [s.rjust(width).encode() for s in strs]
    if pd.api.types.is_float_dtype(series):
        strs = ["" if pd.isna(v) else f"{v:.6f}" for v in series]
        width = max([len(s) for s in strs] + [10])
        return "N", width, 6, [s.rjust(width).encode() for s in strs]
    if pd.api.types.is_datetime64_any_dtype(series):
        vals = [b"        " if pd.isna(v) else v.strftime("%Y%m%d").encode() for v in series]
        return "D", 8, 0, vals
    cache: dict = {}

    def one(v) -> bytes:
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            return b""
        if isinstance(v, (dt.date, pd.Timestamp)):
            return v.isoformat()[:10].encode()
        if v not in cache:  # each distinct value encoded once
            cache[v] = encodings.encode(str(v), encoding, fallback=True)
        return cache[v]

    raw = [one(v) for v in series]
    width = max([len(r) for r in raw] + [1])
    if width > MAX_TEXT_BYTES:
        raise ValueError(f"text longer than {MAX_TEXT_BYTES} bytes in {series.name}")  # checked earlier
    return "C", width, 0, [r.ljust(width) for r in raw]
