"""Error types shared by the core, the CLI and the shell.

InputError is the user's problem (bad file, bad argument): CLI exit 2, a message box in the GUI.
Anything else escaping an algorithm is our bug: CLI exit 1, traceback to the log file.
"""
from __future__ import annotations

from pathlib import Path


class KcnError(Exception):
    """Base class of the application's own errors."""


class InputError(KcnError):
    """Bad input: names the file (or argument) and the problem, in the UI language."""

    def __init__(self, problem: str, path: str | Path | None = None):
        self.problem = problem
        self.path = str(path) if path is not None else None
        super().__init__(f"{self.path}: {problem}" if self.path else problem)


class Canceled(KcnError):
    """Raised inside an algorithm when the user pressed Cancel."""
