"""Rule sets as data: TOML files in the format of docs/guide/rules.md, read with tomllib and validated.

A rule set is a ``[ruleset]`` head and any number of ``[[rule]]`` tables. Each rule names one measure
of the catalogue (measures.py), its parameters, the zones (or facilities) it applies to, a comparator
and threshold, a severity (``violation``, ``warning``, ``info``, ``off``), a citation and message
templates in Vietnamese and English whose ``{placeholders}`` are the measure's figures.

Every problem is an InputError naming the file, the line and the problem: an unknown key, measure,
comparator or value is refused, never ignored. Shipped rule sets live in resources/rules/<id>.toml
(``shipped_ids``); ``resolve_rulesets`` picks what a command uses (``--rules``, else the project's
stored sets, else DEFAULT_IDS).
"""
from __future__ import annotations

import copy
import datetime as dt
import re
import string
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..core.errors import InputError
from ..core.i18n import t
from ..core.schema import FACILITY_KINDS, FACILITY_STATUSES, LANDUSES, SUBZONE_USES, ZONE_KINDS, ZONE_STATUSES

RULES_DIR = Path(__file__).resolve().parents[2] / "resources" / "rules"
DEFAULT_IDS = ("hai-duong-2021", "vn-national")
DEFAULT_RULES = RULES_DIR / "hai-duong-2021.toml"
SEVERITIES = ("violation", "warning", "info", "off")
COMPARATORS = (">=", ">", "<=", "<", "==", "between")
META_KEY = "rulesets"  # project.meta[META_KEY] = [{"id", "version", "content"}], in use order
OVERRIDES_KEY = "rule_overrides"  # project.meta[OVERRIDES_KEY] = {set id: {code: {"severity"|"threshold": v}}}

HEAD_KEYS = {"id": "id", "name": "str", "name_en": "str", "version": "str", "province": "str",
             "source": "str", "notes": "str"}
HEAD_REQUIRED = ("id", "name", "version", "source")
RULE_KEYS = {"id": "str", "code": "code", "title_vi": "str", "title_en": "str", "message_vi": "str",
             "message_en": "str", "citation": "str", "reading": "str", "reading_vi": "str", "measure": "measure",
             "comparator": "comparator", "threshold": "threshold", "severity": "severity"}
RULE_REQUIRED = ("id", "code", "title_vi", "title_en", "message_vi", "message_en", "citation", "measure",
                 "comparator", "threshold", "severity")
# What a rule applies to (zones; for facility measures, facilities). All optional.
APPLIES_KEYS = {"kinds": ("enumlist", ZONE_KINDS), "general": ("bool", None),
                "established_from": ("date", None), "established_before": ("date", None),
                "status": ("enumlist", ZONE_STATUSES), "districts": ("strlist", None),
                "has_tenants": ("bool", None), "location": ("enum", ("inside", "outside"))}
# Parameter value kinds measures may declare.
PARAM_KINDS = {
    "use": ("enumlist", SUBZONE_USES), "landuse": ("enumlist", LANDUSES),
    "facility_kind": ("enumlist", FACILITY_KINDS), "facility_status": ("enumlist", FACILITY_STATUSES),
    "zone_status": ("enumlist", ZONE_STATUSES), "strlist": ("strlist", None), "date": ("date", None),
    "area": ("number", None), "share": ("share", None), "bool": ("bool", None),
    "sectors": ("enum", ("accepted", "excluded")),
}


@dataclass(frozen=True)
class Rule:
    id: str  # the rule's number as planners say it (R1 … R6, QCVN-2.5); several rules may share it
    code: str  # stable and unique within the set, e.g. R1.hightech_share
    title: dict  # {"vi": ..., "en": ...}
    message: dict  # templates {"vi": ..., "en": ...}
    citation: str
    measure: str
    params: dict
    applies: dict
    comparator: str
    threshold: object  # float, or (low, high) for "between"
    severity: str
    reading: str = ""  # why this reading of the source was chosen (item 4 of issue 10), English
    reading_vi: str = ""  # the same in Vietnamese (optional)
    line: int = 0


@dataclass(frozen=True)
class RuleSet:
    id: str
    name: str
    version: str
    source: str  # the document the rules come from (seed file, law)
    path: str  # where it was read from ("resources/rules/x.toml", a file, or "project")
    rules: tuple[Rule, ...]
    text: str = ""  # the TOML text, stored with a project
    name_en: str = ""
    province: str = ""
    overrides: dict = field(default_factory=dict)

    def rule(self, code: str) -> Rule:
        return next(r for r in self.rules if r.code == code)

    @property
    def active(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.severity != "off")

    @property
    def off(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.rules if r.severity == "off")

    def with_overrides(self, overrides: dict) -> "RuleSet":
        """A copy with ``{code: {"severity": s, "threshold": x}}`` applied; each value validated like
        the file's own (InputError naming the rule and the problem)."""
        rules = []
        known = {r.code for r in self.rules}
        for code in overrides:
            if code not in known:
                raise InputError(t("bộ quy tắc {s}: không có quy tắc {c}", "rule set {s}: no rule {c}",
                                   s=self.id, c=code), self.path)
        for rule in self.rules:
            change = overrides.get(rule.code) or {}
            unknown = set(change) - {"severity", "threshold"}
            if unknown:
                raise InputError(t("{c}: chỉ đổi được severity và threshold, không phải {k}",
                                   "{c}: only severity and threshold can change, not {k}",
                                   c=rule.code, k=", ".join(sorted(unknown))), self.path)
            values = {}
            if "severity" in change:
                values["severity"] = _check_value(change["severity"], "severity", "severity", self.path,
                                                  rule.line, rule.code)
            if "threshold" in change:
                values["threshold"] = _threshold(change["threshold"], rule.comparator, rule.measure,
                                                 self.path, rule.line, rule.code)
            rules.append(replace(rule, **values) if values else rule)
        return replace(self, rules=tuple(rules), overrides=copy.deepcopy(overrides))

    def stored(self) -> dict:
        """What a project keeps of it (project.meta[META_KEY] entries)."""
        return {"id": self.id, "version": self.version, "content": self.text}


# -- reading -----------------------------------------------------------------------------------------

def shipped_ids() -> list[str]:
    """Ids of the rule sets that ship with the application (resources/rules/*.toml)."""
    return sorted(p.stem for p in RULES_DIR.glob("*.toml"))


def load_ruleset(id_or_path: str | Path | None = None) -> RuleSet:
    """A shipped rule set by id, or a TOML file by path; None: the first default (hai-duong-2021).

    Raises InputError naming the file and line for any problem, or the unknown id.
    """
    if id_or_path is None:
        id_or_path = DEFAULT_IDS[0]
    text_id = str(id_or_path)
    if text_id in shipped_ids() and not Path(text_id).suffix:
        path = RULES_DIR / f"{text_id}.toml"
    else:
        path = Path(id_or_path)
        if not path.exists() and not path.suffix:
            raise InputError(t("không có bộ quy tắc '{i}' (có: {ids}) và không có tệp này",
                               "no rule set '{i}' (shipped: {ids}) and no such file",
                               i=text_id, ids=", ".join(shipped_ids())), text_id)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise InputError(t("không tìm thấy tệp bộ quy tắc", "rule set file not found"), path) from None
    except UnicodeDecodeError:
        raise InputError(t("tệp bộ quy tắc không phải UTF-8", "rule set file is not UTF-8"), path) from None
    except OSError as exc:
        raise InputError(t("không đọc được tệp bộ quy tắc ({err})", "cannot read the rule set ({err})",
                           err=exc.strerror or exc), path) from None
    shown = f"resources/rules/{path.name}" if path.parent == RULES_DIR else str(path)
    return parse_ruleset(text, shown)


def parse_ruleset(text: str, where: str) -> RuleSet:
    """Validate the TOML ``text``; ``where`` names it in messages (a path, or "project:<id>")."""
    from .measures import CATALOGUE

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # The message carries "(at line N, column M)".
        raise InputError(t("lỗi cú pháp TOML: {err}", "TOML syntax error: {err}", err=exc), where) from None
    lines = _Lines(text)
    for key in data:
        if key not in ("ruleset", "rule"):
            raise InputError(_at(lines.section(key), t("mục [{s}] không được biết (chỉ có [ruleset] và [[rule]])",
                                                       "unknown section [{s}] (only [ruleset] and [[rule]])",
                                                       s=key)), where)
    head = data.get("ruleset")
    if not isinstance(head, dict):
        raise InputError(_at(1, t("thiếu mục [ruleset]", "missing section [ruleset]")), where)
    line = lines.section("ruleset")
    for key, value in head.items():
        if key not in HEAD_KEYS:
            raise InputError(_at(lines.key("ruleset", None, key), t(
                "khóa '{k}' không được biết trong [ruleset]", "unknown key '{k}' in [ruleset]", k=key)), where)
        _check_value(value, HEAD_KEYS[key], key, where, lines.key("ruleset", None, key), "ruleset")
    for key in HEAD_REQUIRED:
        if key not in head:
            raise InputError(_at(line, t("[ruleset] thiếu khóa '{k}'", "[ruleset] lacks key '{k}'", k=key)), where)
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise InputError(_at(lines.section("rule"), t("dùng [[rule]] cho mỗi quy tắc", "use [[rule]] for each rule")),
                         where)
    rules, codes = [], set()
    for i, table in enumerate(raw_rules):
        rule_line = lines.rule(i)
        rule = _parse_rule(table, i, rule_line, lines, where, CATALOGUE)
        if rule.code in codes:
            raise InputError(_at(lines.key("rule", i, "code"), t("mã quy tắc '{c}' trùng lặp",
                                                                 "duplicate rule code '{c}'", c=rule.code)), where)
        codes.add(rule.code)
        rules.append(rule)
    return RuleSet(id=head["id"], name=head["name"], version=head["version"], source=head["source"],
                   path=where, rules=tuple(rules), text=text, name_en=head.get("name_en", head["name"]),
                   province=head.get("province", ""))


def _parse_rule(table: dict, i: int, rule_line: int, lines: "_Lines", where: str, catalogue) -> Rule:
    code = table.get("code") if isinstance(table.get("code"), str) else f"#{i + 1}"
    measure_name = table.get("measure")
    measure = catalogue.get(measure_name) if isinstance(measure_name, str) else None
    known = set(RULE_KEYS) | set(APPLIES_KEYS) | set(measure.params if measure else ())
    for key in table if measure is not None else ():  # a misspelt key first: it explains a "missing" one
        if key not in known:
            raise InputError(_at(lines.key("rule", i, key), t(
                "quy tắc {c}: khóa '{k}' không được biết (phép đo {m} nhận: {a})",
                "rule {c}: unknown key '{k}' (measure {m} takes: {a})",
                c=code, k=key, m=measure_name, a=", ".join(sorted(known)))), where)
    for key in RULE_REQUIRED:
        if key not in table:
            raise InputError(_at(rule_line, t("quy tắc {c} thiếu khóa '{k}'", "rule {c} lacks key '{k}'",
                                              c=code, k=key)), where)
    if measure is None:
        raise InputError(_at(lines.key("rule", i, "measure"), t(
            "quy tắc {c}: phép đo '{m}' không có trong danh mục ({all})",
            "rule {c}: measure '{m}' is not in the catalogue ({all})",
            c=code, m=measure_name, all=", ".join(sorted(catalogue)))), where)
    params, applies = {}, {}
    for key, value in table.items():
        line = lines.key("rule", i, key)
        if key in RULE_KEYS:
            if key != "threshold":
                _check_value(value, RULE_KEYS[key], key, where, line, code)
        elif key in APPLIES_KEYS:
            kind, allowed = APPLIES_KEYS[key]
            applies[key] = _check_value(value, kind, key, where, line, code, allowed)
        elif key in measure.params:
            kind, allowed = PARAM_KINDS[measure.params[key][0]]
            params[key] = _check_value(value, kind, key, where, line, code, allowed)
    for key, (kind, default) in measure.params.items():
        if key not in params:
            if default is None:
                raise InputError(_at(rule_line, t("quy tắc {c}: phép đo {m} cần khóa '{k}'",
                                                  "rule {c}: measure {m} needs key '{k}'",
                                                  c=code, m=measure_name, k=key)), where)
            params[key] = default
    if "location" in applies and not measure.facilities:
        raise InputError(_at(lines.key("rule", i, "location"), t(
            "quy tắc {c}: 'location' chỉ dùng cho phép đo về cơ sở (facilities)",
            "rule {c}: 'location' only applies to facility measures", c=code)), where)
    if measure.scope == "province" and set(applies) - {"kinds", "status", "location"}:
        raise InputError(_at(rule_line, t("quy tắc {c}: phép đo {m} tính cho cả tỉnh, chỉ nhận kinds, status, location",
                                          "rule {c}: measure {m} is province-wide; it only takes kinds, status, location",
                                          c=code, m=measure_name)), where)
    threshold = _threshold(table["threshold"], table["comparator"], measure_name, where,
                           lines.key("rule", i, "threshold"), code)
    for lang in ("vi", "en"):
        bad = _unknown_placeholders(table[f"message_{lang}"], measure)
        if bad:
            raise InputError(_at(lines.key("rule", i, f"message_{lang}"), t(
                "quy tắc {c}: message_{l} dùng {b}, phép đo {m} có: {f}",
                "rule {c}: message_{l} uses {b}; measure {m} gives: {f}",
                c=code, l=lang, b=", ".join(bad), m=measure_name, f=", ".join(measure.figure_names))), where)
    return Rule(id=table["id"], code=table["code"], title={"vi": table["title_vi"], "en": table["title_en"]},
                message={"vi": table["message_vi"], "en": table["message_en"]}, citation=table["citation"],
                measure=measure_name, params=params, applies=applies, comparator=table["comparator"],
                threshold=threshold, severity=table["severity"], reading=table.get("reading", ""),
                reading_vi=table.get("reading_vi", ""),
                line=rule_line)


def _threshold(value, comparator: str, measure: str, where: str, line: int, code: str):
    """The threshold checked against the comparator and the measure's unit (fractions 0–1, else ≥ 0)."""
    from .measures import CATALOGUE

    number = lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)  # noqa: E731
    if comparator == "between":
        if not (isinstance(value, (list, tuple)) and len(value) == 2 and all(map(number, value))
                and value[0] <= value[1]):
            raise InputError(_at(line, t("quy tắc {c}: với 'between' threshold là [thấp, cao]",
                                         "rule {c}: with 'between' the threshold is [low, high]", c=code)), where)
        values = [float(v) for v in value]
    elif not number(value):
        raise InputError(_at(line, t("quy tắc {c}: threshold phải là số, không phải {v!r}",
                                     "rule {c}: threshold must be a number, not {v!r}", c=code, v=value)), where)
    else:
        values = [float(value)]
    fraction = measure in CATALOGUE and CATALOGUE[measure].unit.startswith("fraction")
    if fraction and not all(0 <= v <= 1 for v in values):
        raise InputError(_at(line, t("quy tắc {c}: threshold là tỷ lệ từ 0 đến 1 (0.2 = 20%), không phải {v}",
                                     "rule {c}: the threshold is a fraction from 0 to 1 (0.2 = 20%), not {v}",
                                     c=code, v=value)), where)
    if any(v < 0 for v in values):
        raise InputError(_at(line, t("quy tắc {c}: threshold không được âm", "rule {c}: threshold must not be negative",
                                     c=code)), where)
    return tuple(values) if comparator == "between" else values[0]


def _check_value(value, kind: str, key: str, where: str, line: int, code: str, allowed=None):
    """``value`` if it is of ``kind``, else InputError naming file, line and problem."""
    from .measures import CATALOGUE

    problem = None
    if kind in ("str", "id", "code"):
        if not isinstance(value, str) or not value.strip():
            problem = t("phải là chuỗi ký tự không rỗng", "must be a non-empty string")
        elif kind == "code" and not re.fullmatch(r"[A-Za-z0-9_.\-]+", value):
            problem = t("chỉ gồm chữ không dấu, số, '.', '_', '-'", "letters, digits, '.', '_', '-' only")
        elif kind == "id" and not re.fullmatch(r"[a-z0-9][a-z0-9\-]*", value):
            problem = t("chỉ gồm chữ thường không dấu, số và '-'", "lower-case letters, digits and '-' only")
    elif kind == "measure":
        if value not in CATALOGUE:
            problem = t("phép đo không có trong danh mục", "not a measure of the catalogue")
    elif kind == "comparator":
        if value not in COMPARATORS:
            problem = t("phải là một trong: {c}", "must be one of: {c}", c=" ".join(COMPARATORS))
    elif kind == "severity":
        if value not in SEVERITIES:
            problem = t("phải là một trong: {c}", "must be one of: {c}", c=", ".join(SEVERITIES))
    elif kind == "bool":
        if not isinstance(value, bool):
            problem = t("phải là true hoặc false", "must be true or false")
    elif kind == "date":
        if not (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
            problem = t("phải là ngày dạng YYYY-MM-DD (không ngoặc kép)", "must be a date YYYY-MM-DD (unquoted)")
    elif kind in ("number", "share"):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            problem = t("phải là số", "must be a number")
        elif kind == "share" and not 0 <= value <= 1:
            problem = t("phải là tỷ lệ từ 0 đến 1 (0.2 = 20%)", "must be a fraction from 0 to 1 (0.2 = 20%)")
        elif value < 0:
            problem = t("không được âm", "must not be negative")
        else:
            value = float(value)
    elif kind == "enum":
        if value not in allowed:
            problem = t("phải là một trong: {c}", "must be one of: {c}", c=", ".join(allowed))
    elif kind in ("enumlist", "strlist"):
        items = value if isinstance(value, list) else [value]
        if not items or not all(isinstance(v, str) and v for v in items):
            problem = t("phải là danh sách chuỗi ký tự", "must be a list of strings")
        elif kind == "enumlist" and any(v not in allowed for v in items):
            bad = [v for v in items if v not in allowed]
            problem = t("giá trị không được biết {b} (cho phép: {c})", "unknown value {b} (allowed: {c})",
                        b=", ".join(bad), c=", ".join(allowed))
        else:
            value = tuple(items)
    if problem:
        raise InputError(_at(line, t("{c}: {k}: {p}", "{c}: {k}: {p}", c=code, k=key, p=problem)), where)
    return value


def _unknown_placeholders(template: str, measure) -> list[str]:
    names = []
    try:
        for _, name, _, _ in string.Formatter().parse(template):
            if name is not None:
                names.append(name)
    except ValueError:
        return ["{…}"]
    return [n for n in names if n not in measure.figure_names]


def _at(line: int, problem: str) -> str:
    return t("dòng {line}: {p}", "line {line}: {p}", line=line, p=problem)


class _Lines:
    """Line numbers (1-based) of sections, of the i-th [[rule]] and of keys inside them."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.headers = []  # (line index, header name, is array)
        for n, line in enumerate(self.lines):
            m = re.match(r"\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$", line)
            if m:
                self.headers.append((n, m.group(2), m.group(1) == "[["))

    def section(self, name: str) -> int:
        return next((n + 1 for n, h, _ in self.headers if h == name), 1)

    def rule(self, i: int) -> int:
        found = [n for n, h, arr in self.headers if h == "rule" and arr]
        return found[i] + 1 if i < len(found) else len(self.lines)

    def key(self, section: str, index: int | None, key: str) -> int:
        start = self.rule(index) - 1 if index is not None else self.section(section) - 1
        for n in range(start + 1, len(self.lines)):
            stripped = self.lines[n].strip()
            if stripped.startswith("["):
                break
            if re.match(r'"?' + re.escape(key) + r'"?\s*=', stripped):
                return n + 1
        return start + 1


# -- which rule sets a command uses --------------------------------------------------------------------

def stored_rulesets(meta: dict) -> list[RuleSet]:
    """The rule sets a project stores (content and version), with its overrides; [] when none.

    A stored set that no longer validates is an InputError naming the project and the set."""
    out = []
    overrides = meta.get(OVERRIDES_KEY) or {}
    for entry in meta.get(META_KEY) or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("content"), str):
            continue
        ruleset = parse_ruleset(entry["content"], f"project:{entry.get('id', '?')}")
        out.append(ruleset.with_overrides(overrides.get(ruleset.id) or {}))
    return out


def resolve_rulesets(requested: list | tuple | str | None, meta: dict | None = None) -> list[RuleSet]:
    """``--rules`` values (ids or files) if given; else the project's stored sets; else DEFAULT_IDS.

    Two sets with the same id are refused (their codes would clash)."""
    if isinstance(requested, (str, Path)):
        requested = [requested]
    if requested:
        sets = [load_ruleset(r) for r in requested]
        overrides = (meta or {}).get(OVERRIDES_KEY) or {}
        sets = [s.with_overrides(overrides.get(s.id) or {}) if s.id in overrides else s for s in sets]
    else:
        sets = stored_rulesets(meta or {}) or [load_ruleset(i) for i in DEFAULT_IDS]
    seen = set()
    for s in sets:
        if s.id in seen:
            raise InputError(t("bộ quy tắc {i} được chọn hai lần", "rule set {i} chosen twice", i=s.id), s.path)
        seen.add(s.id)
    return sets


def store_rulesets(meta: dict, rulesets: list[RuleSet]) -> dict:
    """``meta`` updated to keep ``rulesets`` (content, version) and their overrides."""
    meta = dict(meta)
    meta[META_KEY] = [s.stored() for s in rulesets]
    meta[OVERRIDES_KEY] = {s.id: copy.deepcopy(s.overrides) for s in rulesets if s.overrides}
    return meta
