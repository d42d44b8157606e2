"""Per-user folders: preferences (config) and the log. Environment variables override for tests."""
from __future__ import annotations

import os
from pathlib import Path


def config_dir() -> Path:
    """``$KCN_CONFIG_DIR``, else the platform's per-user config folder."""
    if os.environ.get("KCN_CONFIG_DIR"):
        return Path(os.environ["KCN_CONFIG_DIR"])
    if os.name == "nt":
        return Path(os.environ.get("APPDATA", Path.home())) / "KCNPlanner"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "kcn-planner"


def log_dir() -> Path:
    """``$KCN_LOG_DIR``, else ``%LOCALAPPDATA%\\KCNPlanner`` or ``~/.local/state/kcn-planner``."""
    if os.environ.get("KCN_LOG_DIR"):
        return Path(os.environ["KCN_LOG_DIR"])
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "KCNPlanner"
    return Path.home() / ".local" / "state" / "kcn-planner"
