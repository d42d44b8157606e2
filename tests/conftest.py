"""Test set-up: headless Qt, the repository on sys.path, shared fixtures."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KCN_LANG", "vi")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolate_user_state(tmp_path_factory, monkeypatch):
    """Keep QSettings and logs of tests away from the developer's own."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("KCN_LOG_DIR", str(home / "log"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("KCN_DOCUMENTS_DIR", str(home / "Documents"))  # the sample's working copy, file dialogs
    from gis_app.core import i18n

    i18n.set_language("vi")
    yield


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data: the real data the brief provides (read-only)."""
    path = SHARED / "data"
    assert path.is_dir(), f"{path} is missing: the tests need ../shared beside the repository"
    return path


@pytest.fixture(scope="session")
def sample_project_path() -> Path:
    return ROOT / "resources" / "sample" / "hai_duong_minh_hoa.gpkg"


@pytest.fixture
def messages(monkeypatch):
    """Record Qt message boxes instead of blocking on them.

    ``warnings`` (warning and critical), ``infos`` and ``questions`` collect the texts; question()
    returns ``answer`` (Discard unless a test sets it).
    """
    from PySide6.QtWidgets import QMessageBox

    box = {"warnings": [], "infos": [], "questions": [], "answer": QMessageBox.StandardButton.Discard}

    def warning(parent, title, text, *a, **k):
        box["warnings"].append(text)
        return QMessageBox.StandardButton.Ok

    def information(parent, title, text, *a, **k):
        box["infos"].append(text)
        return QMessageBox.StandardButton.Ok

    def question(parent, title, text, *a, **k):
        box["questions"].append(text)
        return box["answer"]

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "critical", warning)
    monkeypatch.setattr(QMessageBox, "information", information)
    monkeypatch.setattr(QMessageBox, "question", question)
    return box


@pytest.fixture
def open_window(qtbot, messages):
    """Open the real main window on a project, shown and zoomed to its full extent; closed after."""
    opened = []

    def open_(project_path, size=(1200, 800)):
        from gis_app.shell.app import application, build_window

        application()
        win = build_window(project_path)
        qtbot.addWidget(win)
        win.resize(*size)
        win.show()
        qtbot.waitExposed(win)
        win.canvas.zoom_to(win.canvas.full_extent())
        opened.append(win)
        return win

    yield open_
    for win in opened:
        win.modified = False
        win.rasters.underlay.shutdown()  # background raster reads must not outlive the window
