"""The rule set as data: a TOML file (resources/rules/default.toml) read with tomllib and validated.

A malformed file is an InputError naming the file, the line and the problem: tomllib reports syntax
errors with their line; missing keys and wrong types are checked here and located in the text.
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import InputError
from ..core.i18n import t

DEFAULT_RULES = Path(__file__).resolve().parents[2] / "resources" / "rules" / "default.toml"
RULE_IDS = ("R1", "R2", "R3", "R4", "R5", "R6")
SEVERITIES = ("violation", "warning")
KINDS = ("KCN", "CCN")

# section -> key -> expected type ("share": float in [0, 1], "area": float >= 0)
_COMMON = {"title_vi": "str", "title_en": "str", "kinds": "kinds", "severity": "severity", "citation": "str"}
SCHEMA: dict[str, dict[str, str]] = {
    "ruleset": {"name": "str", "version": "str", "split_date": "date"},
    "R1": {**_COMMON, "hightech_min_share": "share", "cnht_priority_share": "share",
           "cnht_priority_severity": "severity"},
    "R2": {**_COMMON, "cnht_min_share": "share"},
    "R3": {**_COMMON, "vacant_in_cnht_min_share": "share"},
    "R4": {**_COMMON, "min_lot_m2": "area", "max_mean_lot_m2": "area", "lot_inside_share": "share"},
    "R5": {**_COMMON, "travel_limit_minutes": "area"},
    "R6": {**_COMMON, "excluded_severity": "severity", "accepted_keywords": "strlist",
           "excluded_keywords": "strlist"},
}


@dataclass(frozen=True)
class RuleSet:
    source: str
    name: str
    version: str
    split_date: dt.date
    rules: dict  # rule id -> dict of its validated keys

    def __getitem__(self, rule_id: str) -> dict:
        return self.rules[rule_id]


def load_ruleset(path: str | Path | None = None) -> RuleSet:
    """Read and validate a rule set; None loads the bundled default."""
    path = Path(path) if path else DEFAULT_RULES
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise InputError(t("không tìm thấy tệp bộ quy tắc", "rule set file not found"), path) from None
    except UnicodeDecodeError:
        raise InputError(t("tệp bộ quy tắc không phải UTF-8", "rule set file is not UTF-8"), path) from None
    except OSError as exc:
        raise InputError(t("không đọc được tệp bộ quy tắc ({err})", "cannot read the rule set ({err})",
                           err=exc.strerror or exc), path) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # The message carries "(at line N, column M)".
        raise InputError(t("lỗi cú pháp TOML: {err}", "TOML syntax error: {err}", err=exc), path) from None
    rules = {}
    for section, keys in SCHEMA.items():
        table = data.get(section)
        if not isinstance(table, dict):
            raise InputError(t("dòng {line}: thiếu mục [{s}]", "line {line}: missing section [{s}]",
                               line=_line_count(text), s=section), path)
        checked = {}
        for key, kind in keys.items():
            if key not in table:
                raise InputError(t("dòng {line}: mục [{s}] thiếu khóa '{k}'",
                                   "line {line}: section [{s}] lacks key '{k}'",
                                   line=_line_of(text, section, None), s=section, k=key), path)
            problem = _type_problem(table[key], kind)
            if problem:
                raise InputError(t("dòng {line}: [{s}] {k}: {p}", "line {line}: [{s}] {k}: {p}",
                                   line=_line_of(text, section, key), s=section, k=key, p=problem), path)
            checked[key] = float(table[key]) if kind in ("share", "area") else table[key]
        rules[section] = checked
    r4 = rules["R4"]
    if r4["max_mean_lot_m2"] <= r4["min_lot_m2"]:
        raise InputError(t("dòng {line}: [R4] max_mean_lot_m2 phải lớn hơn min_lot_m2",
                           "line {line}: [R4] max_mean_lot_m2 must exceed min_lot_m2",
                           line=_line_of(text, "R4", "max_mean_lot_m2")), path)
    head = rules.pop("ruleset")
    return RuleSet(source=str(path), name=head["name"], version=head["version"],
                   split_date=head["split_date"], rules=rules)


def _type_problem(value, kind: str) -> str | None:
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "str" and not isinstance(value, str):
        return t("phải là chuỗi ký tự", "must be a string")
    if kind in ("share", "area") and not number:
        return t("phải là số, không phải {v!r}", "must be a number, not {v!r}", v=value)
    if kind == "share" and not 0.0 <= value <= 1.0:
        return t("phải là tỷ lệ từ 0 đến 1 (0.2 = 20%), không phải {v}",
                 "must be a fraction from 0 to 1 (0.2 = 20%), not {v}", v=value)
    if kind == "area" and value < 0:
        return t("không được âm", "must not be negative")
    if kind == "date" and not (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return t("phải là ngày dạng YYYY-MM-DD (không ngoặc kép)", "must be a date YYYY-MM-DD (unquoted)")
    if kind == "severity" and value not in SEVERITIES:
        return t("phải là một trong: {c}", "must be one of: {c}", c=", ".join(SEVERITIES))
    if kind == "kinds" and not (isinstance(value, list) and value and all(v in KINDS for v in value)):
        return t("phải là danh sách gồm KCN và/hoặc CCN", "must be a list of KCN and/or CCN")
    if kind == "strlist" and not (isinstance(value, list) and all(isinstance(v, str) and v for v in value)):
        return t("phải là danh sách chuỗi ký tự", "must be a list of strings")
    return None


def _line_of(text: str, section: str, key: str | None) -> int:
    """1-based line of ``key`` inside ``[section]`` (or of the section header when key is None)."""
    lines = text.splitlines()
    start = None
    for i, line in enumerate(lines):
        stripped = line.strip()
        if re.fullmatch(r"\[\s*" + re.escape(section) + r"\s*\]", stripped.split("#")[0].strip()):
            start = i
            if key is None:
                return i + 1
            continue
        if start is not None:
            if stripped.startswith("["):
                break
            if re.match(re.escape(key) + r"\s*=", stripped):
                return i + 1
    return (start + 1) if start is not None else len(lines)


def _line_count(text: str) -> int:
    return max(1, len(text.splitlines()))
