"""Operations as algorithm objects, in the manner of QGIS Processing.

Each operation (check, subdivide, convert, export-pdf, ...) is an :class:`Algorithm` subclass with
declared :class:`Param` inputs. The CLI builds its argparse sub-command from them, the GUI runs the
same object through its task runner (progress + cancel), and tests call ``run`` directly.
Algorithms live in ``gis_app/algorithms/`` one module each and are discovered automatically.
"""
from __future__ import annotations

import importlib
import pkgutil
import threading
from dataclasses import dataclass, field
from typing import Any, Callable

from .errors import Canceled, InputError
from .i18n import get_language, t


@dataclass(frozen=True)
class Param:
    name: str  # python name; CLI flag is --name-with-dashes unless positional
    kind: str  # "path", "str", "int", "float", "bool", "choice", "date"
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
        """A short form label: the help's first clause, else the name."""
        text = self.help_text().split(": ")[0].split("; ")[0].strip()
        if len(text) > 48:  # keep a short parenthesis ("(lô dưới 1.000 m²)"), drop a long one
            text = text.split(" (")[0].strip()
        if not text or len(text) > 60:
            text = self.name.replace("_", " ")
        return text[0].upper() + text[1:]


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
            if p.kind == "choice" and merged.get(p.name) is not None and p.choices \
                    and merged[p.name] not in p.choices:
                raise InputError(t("giá trị không hợp lệ {v!r}; chọn một trong: {c}",
                                   "invalid value {v!r}; choose one of: {c}",
                                   v=merged[p.name], c=", ".join(map(str, p.choices))), p.name)
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
