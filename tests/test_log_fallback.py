"""An unwritable log folder must not stop a command: logging falls back to a temp folder, else stderr."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("tmp_writable", [True, False])
def test_unwritable_log_folder_falls_back(sample_project_path, tmp_path, tmp_writable):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    env = dict(os.environ, KCN_LOG_DIR=str(blocker / "logs"), QT_QPA_PLATFORM="offscreen")
    fallback = tmp_path / "tmp"
    fallback.mkdir()
    env["TMPDIR"] = str(fallback if tmp_writable else blocker / "tmp")
    out = tmp_path / "check.json"
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(sample_project_path),
                          "--json", str(out)], env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert out.exists()
    assert "PermissionError" not in run.stderr and "NotADirectoryError" not in run.stderr
    assert any(fallback.glob("kcn-planner-*/kcn-planner.log")) == tmp_writable
