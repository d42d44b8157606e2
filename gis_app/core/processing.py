"""Operations as algorithm objects, in the manner of QGIS Processing.

Each operation (check, subdivide, convert, export-pdf, ...) is an :class:`Algorithm` subclass with
declared :class:`Param` inputs. The CLI builds its argparse sub-command from them, the GUI runs the
same object through its task runner (progress + cancel), and tests call ``run`` directly.
Algorithms live in ``gis_app/algorithms/`` one module each and are discovered automatically.
"""
from __future__ import annotations

import math
import re

import datetime as dt
import importlib
import pkgutil
import threading
from dataclasses import dataclass, field
from typing import Any, Callable

from .errors import Canceled, InputError
from .i18n import get_language, t


def _top_level_clauses(text: str) -> list[str]:
    """``text`` split at ": " and "; " that are not inside parentheses."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")" and depth > 0)
        if depth == 0 and ch in ":;" and text[i + 1:i + 2] == " ":
            out.append(text[start:i])
            start = i + 2
    out.append(text[start:])
    return [c for c in out if c.strip()] or [""]


@dataclass(frozen=True)
class Param:
    """One input of an algorithm. The base class is free text; the subclasses below are the typed
    parameters (in the manner of QGIS Processing's QgsProcessingParameter*): each converts and checks
    its command-line text (:meth:`from_text`) and its value from any caller (:meth:`validate`),
    raising InputError that names the argument. The shell picks a form widget by the type."""

    name: str  # python name; CLI flag is --name-with-dashes unless positional
    kind: str = "str"  # "path", "str", "int", "float", "bool", "choice", "date", "crs", "zone"
    help: str | tuple = ""  # ("tiếng Việt", "English"), looked up in the language current when shown
    default: Any = None
    required: bool = False
    positional: bool = False
    choices: tuple = ()
    destination: bool = False  # a file the algorithm writes: the form offers a Save dialog
    multiple: bool = False  # repeatable on the CLI (a list of values)

    def help_text(self) -> str:
        """The help in the UI language at the time of asking: a (vi, en) pair, or a text written
        "tiếng Việt / English" (split)."""
        if isinstance(self.help, tuple):
            return t(*self.help)
        parts = self.help.split(" / ")
        if len(parts) == 2:
            return parts[0] if get_language() == "vi" else parts[1]
        return self.help

    def label(self) -> str:
        """A short form label: the help's first clause (split at ": " or "; " outside parentheses), a
        leading qualifier ("kcn/ccn: …", "CSV: …") skipped, a long or unclosed parenthesis dropped, a
        date pattern (YYYY-MM-DD) left to the date field; else the name."""
        clauses = _top_level_clauses(self.help_text())
        text = clauses[0]
        if len(clauses) > 1 and re.fullmatch(r"[A-Z0-9-]+|\w+/\w+", text.strip()):
            text = clauses[1]
        text = text.replace(" YYYY-MM-DD", "").strip()
        if len(text) > 48 or text.count("(") > text.count(")"):  # keep a short "(lô dưới 1.000 m²)"
            text = text.split(" (")[0].strip()
        if not text or len(text) > 60:
            text = self.name.replace("_", " ")
        return text[0].upper() + text[1:]

    @property
    def flag(self) -> str:
        """How the CLI names the argument: ``--min-lot``, or the positional name."""
        return self.name if self.positional else "--" + self.name.replace("_", "-")

    def bad(self, problem_vi: str, problem_en: str, **values) -> InputError:
        """An InputError naming this argument, the problem in the UI language."""
        return InputError(t(problem_vi, problem_en, **values), self.flag)

    def from_text(self, text: str):
        """The value of a command-line text (InputError naming the argument when it is not one).
        Older untyped declarations (kind "int", "float", "date") convert like their typed class."""
        typed = {"int": Number(self.name, integer=True), "float": Number(self.name),
                 "date": Date(self.name)}.get(self.kind)
        return typed.from_text(text) if typed is not None else text

    def validate(self, value):
        """The checked value (from the CLI, the form or a script); raises InputError naming the argument."""
        if self.choices and value not in self.choices:
            raise self.bad("giá trị không hợp lệ {v!r}; chọn một trong: {c}", "invalid value {v!r}; choose one of: {c}",
                           v=value, c=", ".join(map(str, self.choices)))
        return value


@dataclass(frozen=True)
class Text(Param):
    """Free text (a layer name, an X,Y pair, a lot mix)."""

    kind: str = field(default="str", kw_only=True)


@dataclass(frozen=True)
class SourceFile(Param):
    """A file (or store address) the algorithm reads; the form offers an Open dialog."""

    kind: str = field(default="path", kw_only=True)

    def validate(self, value):
        return value if not isinstance(value, str) else value.strip()


@dataclass(frozen=True)
class DestinationFile(SourceFile):
    """A file the algorithm writes; the form offers a Save dialog."""

    destination: bool = field(default=True, kw_only=True)


@dataclass(frozen=True)
class Enumeration(Param):
    """One of ``choices``; ``labels`` gives each a (vi, en) label for forms (default: the alias table)."""

    kind: str = field(default="choice", kw_only=True)
    labels: tuple = field(default=(), kw_only=True)

    def choice_label(self, value) -> str:
        """The label of ``value`` in the UI language at the time of asking."""
        for choice, pair in zip(self.choices, self.labels):
            if choice == value:
                return t(*pair)
        from .aliases import choice_label

        return choice_label(value)


# Largest magnitude any typed number may take (m², m, px, minutes...): beyond it a value is a typo.
ABSURD = 1e12


@dataclass(frozen=True)
class Number(Param):
    """A number, ``integer`` or not, within [``minimum``, ``maximum``] (either may be open), in ``unit``
    (m, m², km/h, ...). The command line takes "0.2" and, as Vietnamese writes it, "0,2"."""

    kind: str = field(default="float", kw_only=True)
    integer: bool = field(default=False, kw_only=True)
    minimum: float | None = field(default=None, kw_only=True)
    maximum: float | None = field(default=None, kw_only=True)
    unit: str = field(default="", kw_only=True)

    def __post_init__(self):
        if self.integer and self.kind == "float":
            object.__setattr__(self, "kind", "int")

    def from_text(self, text: str):
        raw = str(text).strip()
        if not self.integer and "," in raw and "." not in raw and raw.count(",") == 1:
            raw = raw.replace(",", ".")  # Vietnamese decimal comma, e.g. 0,2
        try:
            value = int(raw) if self.integer else float(raw)
        except ValueError:
            if self.integer:
                raise self.bad("cần một số nguyên, không phải {v!r}", "expected a whole number, not {v!r}",
                               v=text) from None
            raise self.bad("cần một số, không phải {v!r}", "expected a number, not {v!r}", v=text) from None
        return self.validate(value)

    def validate(self, value):
        try:
            value = int(value) if self.integer else float(value)
        except (TypeError, ValueError):
            raise self.bad("cần một số, không phải {v!r}", "expected a number, not {v!r}", v=value) from None
        if not math.isfinite(value) or abs(value) > ABSURD:
            # NaN/inf or a figure no planning quantity reaches: refuse before it overflows downstream
            raise self.bad("cần một số hữu hạn hợp lý, không phải {v!r}", "expected a finite, sensible number, not {v!r}",
                           v=value)
        if (self.minimum is not None and value < self.minimum) \
                or (self.maximum is not None and value > self.maximum):
            lo = "−∞" if self.minimum is None else f"{self.minimum:g}"
            hi = "∞" if self.maximum is None else f"{self.maximum:g}"
            raise self.bad("giá trị {v} ngoài phạm vi [{lo}, {hi}] {u}", "value {v} out of the range [{lo}, {hi}] {u}",
                           v=value, lo=lo, hi=hi, u=self.unit)
        return value


@dataclass(frozen=True)
class Crs(Param):
    """A coordinate reference system as the user writes it ("9209", "EPSG:9209", WKT, PROJ); the
    value stays the text given, once pyproj recognises it."""

    kind: str = field(default="crs", kw_only=True)

    def from_text(self, text: str):
        return self.validate(text)

    def validate(self, value):
        from pyproj import CRS
        from pyproj.exceptions import CRSError

        text = str(value).strip()
        try:
            CRS.from_user_input(int(text) if text.isdigit() else text)
        except (CRSError, ValueError, TypeError):
            raise self.bad("không nhận ra hệ tọa độ {v!r} (vd. 9209 hoặc EPSG:9209)",
                           "unknown CRS {v!r} (e.g. 9209 or EPSG:9209)", v=value) from None
        return text


@dataclass(frozen=True)
class Date(Param):
    """A calendar date: YYYY-MM-DD (ISO 8601) or, as planners write it, DD/MM/YYYY."""

    kind: str = field(default="date", kw_only=True)

    def from_text(self, text: str):
        return self.validate(text)

    def validate(self, value):
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return dt.datetime.strptime(text, pattern).date()
            except ValueError:
                pass
        raise self.bad("ngày không hợp lệ {v!r} (cần YYYY-MM-DD hoặc DD/MM/YYYY)",
                       "invalid date {v!r} (expected YYYY-MM-DD or DD/MM/YYYY)", v=value)


@dataclass(frozen=True)
class Boolean(Param):
    """Yes/no: ``--flag`` / ``--no-flag`` on the command line, a check box in the form."""

    kind: str = field(default="bool", kw_only=True)

    def validate(self, value):
        if isinstance(value, str):
            if value.strip().lower() not in ("true", "false", "1", "0", "yes", "no"):
                raise self.bad("cần có/không, không phải {v!r}", "expected yes/no, not {v!r}", v=value)
            return value.strip().lower() in ("true", "1", "yes")
        return bool(value)


@dataclass(frozen=True)
class ZoneId(Param):
    """A zone id of the project (``zones.zone_id``, e.g. KCN-DAIAN); the form lists the project's zones.
    Whether the zone exists is the algorithm's check, since only it opens the project."""

    kind: str = field(default="zone", kw_only=True)

    def validate(self, value):
        text = str(value).strip()
        if not text:
            raise self.bad("mã khu trống", "empty zone id")
        return text


@dataclass(frozen=True)
class Output:
    name: str
    kind: str  # "file", "json", "value"
    help: str = ""


class Feedback:
    """Progress, log and cancellation shared between an algorithm and whoever runs it."""

    def __init__(self, on_progress: Callable[[float], None] | None = None,
                 on_log: Callable[[str], None] | None = None):
        self._on_progress = on_progress
        self._on_log = on_log
        self._cancel = threading.Event()
        self.progress_value = 0.0

    def progress(self, percent: float) -> None:
        self.progress_value = max(0.0, min(100.0, float(percent)))
        if self._on_progress:
            self._on_progress(self.progress_value)

    def log(self, message: str) -> None:
        if self._on_log:
            self._on_log(message)

    def cancel(self) -> None:
        self._cancel.set()

    def is_canceled(self) -> bool:
        return self._cancel.is_set()

    def check_canceled(self) -> None:
        """Call at safe points in long loops; raises Canceled when the user asked to stop."""
        if self._cancel.is_set():
            raise Canceled(t("Đã hủy", "Canceled"))


class Algorithm:
    """Base class. Subclasses set ``name``, ``title_vi``/``title_en``, ``params`` and ``outputs``."""

    name: str = ""
    title_vi: str = ""
    title_en: str = ""
    params: tuple[Param, ...] = ()
    outputs: tuple[Output, ...] = ()

    @property
    def title(self) -> str:
        return t(self.title_vi, self.title_en)

    def is_destination(self, p: Param) -> bool:
        """True for a parameter naming a file the algorithm writes (an output of the algorithm)."""
        return p.kind == "path" and (p.destination or p.name in {o.name for o in self.outputs})

    def defaults(self) -> dict:
        return {p.name: p.default for p in self.params}

    def check_params(self, values: dict) -> dict:
        """Fill defaults and reject missing required values (InputError naming the argument)."""
        merged = self.defaults()
        merged.update({k: v for k, v in values.items() if v is not None})
        for p in self.params:
            if p.required and merged.get(p.name) in (None, ""):
                raise InputError(t("thiếu tham số bắt buộc", "missing required argument"), p.name)
            if merged.get(p.name) not in (None, ""):
                merged[p.name] = p.validate(merged[p.name])
        return merged

    def run(self, values: dict, feedback: Feedback | None = None) -> dict:
        """Check the parameters, then process. Returns a dict keyed by output names."""
        return self.process(self.check_params(values), feedback or Feedback())

    def process(self, params: dict, feedback: Feedback) -> dict:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass
class Registry:
    algorithms: dict[str, Algorithm] = field(default_factory=dict)

    def add(self, algorithm: Algorithm) -> None:
        if algorithm.name in self.algorithms:
            raise ValueError(f"algorithm {algorithm.name!r} registered twice")
        self.algorithms[algorithm.name] = algorithm

    def get(self, name: str) -> Algorithm:
        return self.algorithms[name]


_registry: Registry | None = None
# Core operations, then the shell's (e.g. screenshot): those modules import Qt inside process()
# only, so listing commands never loads Qt.
ALGORITHM_PACKAGES = ("gis_app.algorithms", "gis_app.shell.commands")


def registry() -> Registry:
    """All algorithms in ``gis_app.algorithms``: each module's Algorithm subclasses, instantiated."""
    global _registry
    if _registry is None:
        reg = Registry()
        for package_name in ALGORITHM_PACKAGES:
            try:
                package = importlib.import_module(package_name)
            except ModuleNotFoundError:
                continue
            for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
                module = importlib.import_module(f"{package_name}.{info.name}")
                for obj in vars(module).values():
                    if isinstance(obj, type) and issubclass(obj, Algorithm) and obj is not Algorithm \
                            and obj.__module__ == module.__name__ and obj.name:
                        reg.add(obj())
        _registry = reg
    return _registry
