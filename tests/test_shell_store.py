"""The desktop over the store: save off the UI thread, a file changed by someone else, two planners on
one PostGIS lot (conflict dialog), the edit log, autosave and recovery after a crash."""
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gis_app.core.project import Project

ROOT = Path(__file__).resolve().parents[1]
LOT = "CN-07"


@pytest.fixture
def project_file(tmp_path, sample_project_path):
    path = tmp_path / "p.gpkg"
    path.write_bytes(sample_project_path.read_bytes())
    return path


def _edit_tenant(window, value):
    parcels = window.project.layers["parcels"]
    at = parcels.index[parcels["parcel_id"] == LOT][0] if LOT in set(parcels["parcel_id"]) else parcels.index[0]
    parcels.loc[at, "tenant"] = value
    window.set_modified(True)


def test_save_runs_in_the_task_runner_and_a_changed_file_asks(open_window, messages, project_file):
    from gis_app.shell import window_actions

    window = open_window(project_file)
    seen = []
    run = window.tasks.run
    window.tasks.run = lambda job, *a, **k: seen.append(k.get("title")) or run(job, *a, **k)
    _edit_tenant(window, "mine")
    assert window_actions.save_project(window)
    assert "Đang lưu dự án" in seen  # off the UI thread, with a progress dialog
    assert not window.modified
    other = Project.load(project_file)  # someone else saves meanwhile
    other.meta["name"] = "theirs"
    other.save()
    _edit_tenant(window, "mine again")
    messages["answer"] = QMessageBox.StandardButton.Cancel
    assert not window_actions.save_project(window)
    assert messages["questions"] and "sau khi" in messages["questions"][-1]
    assert Project.load(project_file).meta["name"] == "theirs"
    messages["answer"] = QMessageBox.StandardButton.Yes  # save over it
    assert window_actions.save_project(window)
    assert Project.load(project_file).parcels["tenant"].iloc[0] == "mine again"


@pytest.mark.postgis
def test_two_planners_on_one_lot_the_second_chooses(open_window, messages, pg_project, sample_project_path,
                                                    monkeypatch, tmp_path):
    from gis_app.shell import window_actions
    from gis_app.shell.store import dialogs

    project = Project.load(sample_project_path)
    parcels = project.layers["parcels"]
    parcels.loc[parcels.index[6], "parcel_id"] = LOT
    project.save(pg_project)
    first = open_window(None)
    window_actions.show_project(first, Project.load(pg_project))
    second = open_window(None)
    window_actions.show_project(second, Project.load(pg_project))
    _edit_tenant(first, "Công ty A")
    assert window_actions.save_project(first)
    _edit_tenant(second, "Công ty B")
    shown = []

    def choose(dialog):
        shown.append([[dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())])
        dialog.grab().save(str(Path(os.environ.get("KCN_SHOT_DIR", tmp_path)) / "conflict.png"))
        dialog._choose("mine")
    monkeypatch.setattr(dialogs.ConflictDialog, "exec", lambda self: choose(self))
    assert window_actions.save_project(second)
    assert shown and [f"parcels: {LOT}", "tenant", "Công ty B", "Công ty A"] in shown[0]
    assert Project.load(pg_project).parcels.set_index("parcel_id").loc[LOT, "tenant"] == "Công ty B"
    log = dialogs.EditLogDialog(pg_project)
    log.row_key.setText("CN-0")
    log.refresh()
    texts = [log.table.item(r, 5).text() for r in range(log.table.rowCount())]
    assert any("Công ty A → Công ty B" in text for text in texts), texts
    assert all(log.table.item(r, 3).text() == LOT for r in range(log.table.rowCount()))


def test_connect_dialog_keeps_the_password_in_the_keyring_only(qtbot, memory_keyring, tmp_path):
    from gis_app.shell.store.dialogs import ConnectDialog

    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText("db.tinh.gov.vn")
    dialog.database.setText("kcn")
    dialog.user.setText("planner")
    dialog.password.setText("mật-khẩu-42")
    dialog.project.setText("hai_duong")
    dialog.accept()
    address = dialog.address()
    assert address == "postgresql://planner@db.tinh.gov.vn:5432/kcn?project=hai_duong&sslmode=prefer"
    assert list(memory_keyring.secrets.values()) == ["mật-khẩu-42"]
    config = Path(os.environ["XDG_CONFIG_HOME"])
    for path in config.rglob("*"):
        if path.is_file():
            assert "mật-khẩu-42" not in path.read_text(errors="ignore")



def _first_line(child: subprocess.Popen, timeout: float) -> str:
    """The child's first line of output; a child that hangs (a modal dialog offscreen) is killed and
    the test fails with its stderr, instead of blocking the run."""
    import threading

    line: list[str] = []
    reader = threading.Thread(target=lambda: line.append(child.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    if reader.is_alive() or not line:
        child.kill()
        _, err = child.communicate()
        raise AssertionError(f"the desktop child printed nothing in {timeout:.0f} s: {err[-2000:] if err else ''}")
    return line[0].strip()


def test_autosave_is_offered_after_a_crash(tmp_path, project_file):
    """A real desktop process edits, autosaves, and is killed; the next start offers the edits back."""
    data = tmp_path / "data"
    env = {**os.environ, "KCN_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from gis_app.shell.app import application, build_window
        app = application()
        window = build_window({str(project_file)!r})
        parcels = window.project.layers["parcels"]
        parcels.loc[parcels.index[0], "tenant"] = "unsaved edit"
        window.set_modified(True)
        window.store_tools.autosave_now()
        print("autosaved", flush=True)
        sys.stdin.read()
        """)
    child = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True, env=env, cwd=ROOT)
    assert _first_line(child, timeout=180) == "autosaved"
    os.kill(child.pid, signal.SIGKILL)  # the crash
    child.wait()

    from gis_app.shell.app import application, build_window

    os.environ["KCN_DATA_DIR"] = str(data)
    application()
    window = build_window(None)
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes
    original = QMessageBox.question
    QMessageBox.question = answer
    try:
        assert window.store_tools.offer_recovery()
    finally:
        QMessageBox.question = original
    assert asked and "tự lưu" in asked[0]
    assert window.project.parcels["tenant"].iloc[0] == "unsaved edit"
    assert Path(window.project.path) == project_file and window.modified
    from gis_app.shell import window_actions
    assert window_actions.save_project(window)
    assert Project.load(project_file).parcels["tenant"].iloc[0] == "unsaved edit"
    from gis_app.store.autosave import recoverable
    assert recoverable() == []
    window.modified = False
    window.close()
    QApplication.processEvents()
    QTimer.singleShot(0, lambda: None)
