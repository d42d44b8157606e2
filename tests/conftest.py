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
    monkeypatch.setenv("KCN_DATA_DIR", str(home / "data"))  # autosaves
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
    """Open the real main window on a project, shown (in Vietnamese) and by default zoomed to its full
    extent; after the test, its background tasks are let finish and its raster reads stopped."""
    opened = []

    def open_(project_path, size=(1200, 800), zoom_full=True):
        from gis_app.shell.app import application, build_window

        application()
        win = build_window(project_path, lang="vi")
        qtbot.addWidget(win)
        win.resize(*size)
        win.show()
        qtbot.waitExposed(win)
        if zoom_full:
            win.canvas.zoom_to(win.canvas.full_extent())
        opened.append(win)
        return win

    yield open_
    for win in opened:
        qtbot.waitUntil(lambda: not win.tasks.tasks, timeout=60000)
        win.modified = False
        win.rasters.underlay.shutdown()  # background raster reads must not outlive the window


def pytest_configure(config):
    config.addinivalue_line("markers", "postgis: needs the PostgreSQL/PostGIS server named by KCN_PG_DSN")


@pytest.fixture
def pg_dsn():
    """The test database server (``.ci/run`` starts one); tests marked ``postgis`` run whenever it is set."""
    dsn = os.environ.get("KCN_PG_DSN")
    if not dsn:
        pytest.skip("KCN_PG_DSN is not set (no PostgreSQL server; .ci/run starts one)")
    return dsn


@pytest.fixture
def memory_keyring():
    """A keyring backend of the test's own (a dict), so no real keyring is read or written."""
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1

        def __init__(self):
            super().__init__()
            self.secrets = {}

        def get_password(self, service, username):
            return self.secrets.get((service, username))

        def set_password(self, service, username, password):
            self.secrets[(service, username)] = password

        def delete_password(self, service, username):
            self.secrets.pop((service, username), None)

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def pg_project(pg_dsn, memory_keyring):
    """A fresh project address (its own schema) on the test server; the schema is dropped afterwards."""
    import uuid

    import psycopg
    from psycopg import sql

    from gis_app.store.postgis import address_from_dsn

    schema = f"test_{uuid.uuid4().hex[:10]}"
    yield address_from_dsn(pg_dsn, schema)
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
