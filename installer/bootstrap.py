"""Stdlib-only first-run set-up: make ``.venv`` in the repository root and install the pins.

``python main.py ...`` calls :func:`ensure_venv` before anything else. When the running
interpreter is not the project's venv, it creates the venv if missing, installs
``requirements.txt`` (and ``requirements-dev.txt`` for the test command) when their content
changed since the last install, then re-executes the same command inside the venv.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".kcn-installed"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _inside_venv() -> bool:
    try:
        return Path(sys.prefix).resolve() == VENV.resolve()
    except OSError:
        return False


def _requirements(dev: bool) -> list[Path]:
    return [ROOT / "requirements-dev.txt"] if dev else [ROOT / "requirements.txt"]


def _digest(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in [ROOT / "requirements.txt", *files]:
        h.update(f.read_bytes())
    return h.hexdigest()


def _installed_digests() -> set[str]:
    return set(STAMP.read_text().split()) if STAMP.exists() else set()


def install(dev: bool = False, quiet: bool = True) -> None:
    """Create the venv if needed and install the pinned requirements if they changed."""
    if sys.version_info[:2] != (3, 11):
        sys.stderr.write(f"KCN Planner needs Python 3.11 (this is {sys.version.split()[0]}).\n")
    if not venv_python().exists():
        print(f"[kcn] creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    files = _requirements(dev)
    digest = _digest(files)
    if digest in _installed_digests():
        return
    print("[kcn] installing pinned requirements (first run only) ...", flush=True)
    cmd = [str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check"]
    if quiet:
        cmd.append("-q")
    for f in files:
        cmd += ["-r", str(f)]
    subprocess.run(cmd, check=True)
    STAMP.write_text("\n".join(sorted(_installed_digests() | {digest})))


def ensure_venv(dev: bool = False) -> None:
    """Re-exec the current command inside the project's venv, installing it first if needed."""
    if os.environ.get("KCN_NO_BOOTSTRAP") == "1":
        return
    if _inside_venv():
        # Inside the venv already: only make sure the (dev) pins are installed.
        if _digest(_requirements(dev)) not in _installed_digests():
            install(dev)
        return
    install(dev)
    args = [str(venv_python()), *sys.argv]
    if os.name == "nt":  # os.execv on Windows does not replace the console process cleanly
        sys.exit(subprocess.call(args))
    os.execv(args[0], args)
