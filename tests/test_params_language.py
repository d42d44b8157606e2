"""Parameters: labels and help looked up in the language current when shown; destinations are
Save dialogs; the CLI help is in one language."""
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from gis_app.core import i18n
from gis_app.core.processing import registry

ROOT = Path(__file__).resolve().parent.parent


def test_labels_follow_the_language_switch():
    check = registry().get("check")
    json_param = next(p for p in check.params if p.name == "json")
    i18n.set_language("vi")
    vi = json_param.label()
    i18n.set_language("en")
    try:
        assert json_param.label() != vi and "JSON" in json_param.label()
    finally:
        i18n.set_language("vi")


def test_outputs_are_destinations():
    for name, param in (("check", "json"), ("report", "pdf"), ("export-web", "out"), ("proximity", "json")):
        algorithm = registry().get(name)
        p = next(p for p in algorithm.params if p.name == param)
        assert algorithm.is_destination(p), (name, param)
    check = registry().get("check")
    assert not check.is_destination(next(p for p in check.params if p.name == "project"))


def test_destination_opens_a_save_dialog(qtbot, monkeypatch):
    from gis_app.shell.algorithm_dialog import AlgorithmDialog

    calls = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (calls.append("save"), ("", ""))[1])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (calls.append("open"), ("", ""))[1])
    dialog = AlgorithmDialog(registry().get("check"))
    qtbot.addWidget(dialog)
    dialog.editors["json"]._browse()
    dialog.editors["project"]._browse()
    assert calls == ["save", "open"]


def test_cli_help_in_one_language():
    out = subprocess.run([sys.executable, "main.py", "export-web", "--help", "--lang", "en"], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 0 and "output .html" in out.stdout and "đầu ra" not in out.stdout
    out = subprocess.run([sys.executable, "main.py", "check", "--help", "--lang", "en"], cwd=ROOT,
                         capture_output=True, text=True)
    assert "output JSON file" in out.stdout and "tệp JSON" not in out.stdout


def test_choice_defaults_are_shown(qtbot):
    from gis_app.shell.algorithm_dialog import AlgorithmDialog

    dialog = AlgorithmDialog(registry().get("subdivide"))
    qtbot.addWidget(dialog)
    assert dialog.values()["preset"] == "cnht"


def test_form_labels_and_default_text_follow_the_ui_language(qtbot):
    """The typed-parameter forms in English and in Vietnamese: labels, and the "(default)" of an
    optional number or date, both in the language of the UI when the form is shown."""
    from PySide6.QtWidgets import QAbstractSpinBox, QLabel

    from gis_app.shell.algorithm_dialog import AlgorithmDialog
    from gis_app.shell.language import apply_language

    def form(name):
        dialog = AlgorithmDialog(registry().get(name))
        qtbot.addWidget(dialog)
        specials = {w.specialValueText() for w in dialog.findChildren(QAbstractSpinBox) if w.specialValueText()}
        return specials, " ".join(label.text() for label in dialog.findChildren(QLabel))

    try:
        for name in ("check", "subdivide"):
            apply_language("en", remember=False)
            specials, labels = form(name)
            assert specials == {"(default)"} and "Output" in labels and "Tệp" not in labels, (name, specials)
            apply_language("vi", remember=False)
            specials, labels = form(name)
            assert specials == {"(mặc định)"} and "Tệp" in labels and "Output" not in labels, (name, specials)
    finally:
        apply_language("vi", remember=False)
