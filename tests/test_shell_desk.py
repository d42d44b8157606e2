"""The desktop as a planner meets it: the sample as a copy in Documents, file dialogs in Documents,
the title, the user guide (Help → Hướng dẫn, F1 for the open dock)."""
import os
from pathlib import Path




def test_sample_opens_as_a_copy_in_documents_and_saves_there(open_window, sample_project_path, messages):
    from gis_app.shell.user_files import is_program_file, start_path
    from gis_app.shell.window_actions import save_project

    documents = Path(os.environ["KCN_DOCUMENTS_DIR"])
    before = sample_project_path.read_bytes()
    win = open_window(sample_project_path)
    assert win.project.path.parent == documents and win.project.path.name == sample_project_path.name
    assert not is_program_file(win.project.path)
    assert win.windowTitle().startswith("hai_duong_minh_hoa.gpkg — ")
    win.layers["parcels"].opacity = 0.5
    assert win.windowTitle().startswith("hai_duong_minh_hoa.gpkg* — ")  # unsaved changes are marked
    assert save_project(win)
    assert sample_project_path.read_bytes() == before  # the bundled sample is never written
    assert start_path() == str(documents)
    assert start_path(sample_project_path) == str(documents / sample_project_path.name)


def test_help_shows_the_guide_in_the_ui_language_and_f1_the_page_of_the_open_dock(open_window, sample_project_path,
                                                                                   qtbot):
    from gis_app.shell.help import GUIDE_DIR, page_path

    win = open_window(sample_project_path)
    assert win.guide_action.text() == "Hướng dẫn" and win.guide_action.shortcut().toString() == "F1"
    win.guide_action.trigger()
    dialog = win.help_dialog
    assert dialog.isVisible() and dialog.current_page == "index"
    assert "Hướng dẫn sử dụng KCN Planner" in dialog.text()
    # the same Markdown as docs/guide/vi/index.md
    assert page_path("index") == GUIDE_DIR / "vi" / "index.md"
    dialog.close()
    win.activateWindow()
    qtbot.waitActive(win)
    win.rules.zone_widget.card.setFocus()
    qtbot.waitUntil(lambda: win.rules.zone_widget.card.hasFocus())
    win.guide_action.trigger()  # F1 with the zone dock in focus
    assert dialog.current_page == "rules" and "Thẻ thông tin khu" in dialog.text()
    win.switch_language("en")
    try:
        win.guide_action.trigger()
        assert "Hướng dẫn" not in dialog.windowTitle() and dialog.windowTitle() == "User guide"
        assert page_path("rules") == GUIDE_DIR / "rules.md"
    finally:
        dialog.close()
        win.switch_language("vi")


def test_every_vietnamese_guide_page_links_to_pages_that_exist():
    from gis_app.shell.help import GUIDE_DIR, PAGES

    for page in PAGES:
        for folder in (GUIDE_DIR, GUIDE_DIR / "vi"):
            path = folder / f"{page}.md"
            assert path.exists(), path
            import re

            for target in re.findall(r"\]\(([a-z_]+)\.md\)", path.read_text(encoding="utf-8")):
                assert (folder / f"{target}.md").exists(), (path, target)


def test_nothing_in_the_program_folder_is_a_save_target(open_window, sample_project_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from gis_app.shell import window_actions

    win = open_window(sample_project_path)
    win.project.path = sample_project_path  # as if the copy could not be made
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a[2]), ("", ""))[1])
    assert not window_actions.save_project(win)
    assert asked and Path(asked[0]).parent == Path(os.environ["KCN_DOCUMENTS_DIR"])
    win.modified = False

