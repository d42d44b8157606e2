"""Task runner (run, cancel, InputError report), algorithm dialog, and the screenshot command."""
import subprocess
import sys
import time

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from gis_app.core.errors import InputError
from gis_app.core.processing import Algorithm, Param
from layers.synthetic import synthetic_project


class _Count(Algorithm):
    name = "count-test"
    title_vi, title_en = "Đếm", "Count"
    params = (Param("steps", "int", default=5), Param("fail", "bool", default=False),
              Param("mode", "choice", default="a", choices=("a", "b")))

    def process(self, params, feedback):
        if params["fail"]:
            raise InputError("hỏng", "input.shp")
        for i in range(params["steps"]):
            feedback.check_canceled()
            feedback.progress(100 * (i + 1) / params["steps"])
            time.sleep(0.01)
        return {"summary": f"counted {params['steps']}"}


@pytest.fixture
def runner(qtbot, monkeypatch):
    from gis_app.shell.tasks import TaskRunner

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    r = TaskRunner(None, show_dialogs=True)
    r.shown = shown
    return r


def test_task_runner_runs_an_algorithm_with_progress(qtbot, runner):
    results = []
    task = runner.run(_Count(), {"steps": 5}, on_done=results.append)
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert results == [{"summary": "counted 5"}]
    assert task.error is None and task.dialog.isHidden()


def test_task_runner_cancels(qtbot, runner):
    task = runner.run(_Count(), {"steps": 2000})
    qtbot.wait(50)
    from PySide6.QtWidgets import QPushButton

    task.dialog.findChild(QPushButton).click()  # the user presses Cancel
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    from gis_app.core.errors import Canceled

    assert isinstance(task.error, Canceled) and runner.shown == []


def test_task_runner_reports_input_error(qtbot, runner):
    task = runner.run(_Count(), {"fail": True})
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert runner.shown == ["input.shp: hỏng"]


def test_algorithm_dialog_builds_editors_and_remembers_values(qtbot):
    from gis_app.shell.algorithm_dialog import AlgorithmDialog

    dialog = AlgorithmDialog(_Count())
    qtbot.addWidget(dialog)
    dialog.editors["steps"].setValue(7)
    dialog.editors["mode"].setCurrentText("b")
    dialog.accept()
    again = AlgorithmDialog(_Count())
    qtbot.addWidget(again)
    assert again.values() == {"steps": 7, "fail": False, "mode": "b"}


def test_screenshot_command_writes_a_non_blank_png(qtbot, tmp_path):
    from gis_app.core.processing import registry

    project = tmp_path / "p.gpkg"
    synthetic_project(400).save(project)
    out = tmp_path / "shot.png"
    result = registry().get("screenshot").run({"project": str(project), "out": str(out), "zone": "KCN-A",
                                               "lang": "en", "width": 1000, "height": 700})
    assert out.exists() and "1000" in result["summary"]
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)
    colours = {image.pixel(x, y) for x in range(0, 1000, 7) for y in range(0, 700, 7)}
    assert len(colours) > 20


def test_screenshot_cli_bad_zone_exits_2(tmp_path):
    project = tmp_path / "p.gpkg"
    synthetic_project(16).save(project)
    done = subprocess.run([sys.executable, "main.py", "screenshot", str(project), "--out", str(tmp_path / "x.png"),
                           "--zone", "KCN-NONE"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "KCN-NONE" in done.stderr and not (tmp_path / "x.png").exists()


class _Optional(Algorithm):
    name = "optional-test"
    title_vi, title_en = "Tùy chọn", "Optional"
    params = (Param("scale", "int"), Param("as_of", "date"), Param("ratio", "float", default=0.5))


def test_dialog_leaves_optional_values_unset_until_given(qtbot):
    import datetime as dt

    from gis_app.shell.algorithm_dialog import AlgorithmDialog
    from gis_app.shell.language import apply_language

    apply_language("vi", remember=False)
    dialog = AlgorithmDialog(_Optional())
    qtbot.addWidget(dialog)
    assert dialog.values() == {"scale": None, "as_of": None, "ratio": 0.5}
    assert dialog.editors["scale"].text() == "(mặc định)"
    dialog.editors["scale"].setValue(2000)
    dialog.editors["as_of"].setDate(dialog.editors["as_of"].date().fromString("2021-12-31", "yyyy-MM-dd"))
    dialog.accept()
    again = AlgorithmDialog(_Optional())
    qtbot.addWidget(again)
    assert again.values() == {"scale": 2000, "as_of": dt.date(2021, 12, 31), "ratio": 0.5}
    again.editors["scale"].setValue(again.editors["scale"].minimum())
    again.accept()
    assert AlgorithmDialog(_Optional()).values()["scale"] is None


def test_every_registered_algorithm_gets_a_working_dialog(qtbot):
    from gis_app.core.processing import registry
    from gis_app.shell.algorithm_dialog import AlgorithmDialog

    for algorithm in registry().algorithms.values():
        dialog = AlgorithmDialog(algorithm)
        qtbot.addWidget(dialog)
        values = dialog.values()
        assert set(values) == {p.name for p in algorithm.params}, algorithm.name


def test_open_project_dialog_loads_in_the_task_runner(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from gis_app.shell.app import application, build_window
    from gis_app.shell import window_actions

    project = tmp_path / "p.gpkg"
    synthetic_project(16).save(project)
    application()
    win = build_window(None)
    qtbot.addWidget(win)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(project), ""))
    window_actions.open_project_dialog(win)
    qtbot.waitUntil(lambda: len(win.layers) == 3, timeout=10000)
    assert win.project.path == project and not win.modified


def test_screenshot_refuses_a_zone_far_outside_the_crs(tmp_path):
    """A zone at (5e9, 5e9) would zoom the map to a blank picture: exit 2 naming the layer and the id,
    as export-web/export-pdf do."""
    import shapely

    project = synthetic_project(16)
    zones = project.zones
    far_id = str(zones["zone_id"].iloc[0])
    zones.loc[zones.index[0], "geometry"] = shapely.box(5e9, 5e9, 5e9 + 100, 5e9 + 100)
    path = tmp_path / "far.gpkg"
    project.save(path)
    done = subprocess.run([sys.executable, "main.py", "--lang", "en", "screenshot", str(path), "--out",
                           str(tmp_path / "x.png")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 2, done.stderr
    assert "zones" in done.stderr and far_id in done.stderr and not (tmp_path / "x.png").exists()
