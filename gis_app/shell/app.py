"""Start the desktop application: Qt application, bundled fonts, language, main window."""
from __future__ import annotations

import os
import sys
from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
ICON = Path(__file__).resolve().parents[2] / "resources" / "icons" / "kcn_planner.svg"


def application(offscreen: bool = False):
    """The QApplication (created once), with the bundled DejaVu Sans as application font.

    DejaVu covers every Vietnamese letter, so text never falls back to boxes on a bare system.
    """
    if offscreen and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QFont, QFontDatabase, QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not app.property("kcn_ready"):  # also when someone else (pytest-qt) made the application
        app.setOrganizationName("KCN Planner")
        app.setApplicationName("KCN Planner")
        families = []
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(FONTS_DIR / name))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
        if families:
            app.setFont(QFont(families[0], 10))
        app.setWindowIcon(QIcon(str(ICON)))
        app.setProperty("kcn_ready", True)
    return app


def build_window(project_path=None, lang: str | None = None):
    """A main window on ``project_path``; a missing/bad file gives a message and an empty project."""
    from gis_app.core.errors import InputError
    from gis_app.core.project import Project

    from .language import apply_language, saved_language
    from .main_window import MainWindow
    from .window_actions import show_error

    apply_language(lang or saved_language(), remember=lang is None)
    window = MainWindow()
    if project_path:
        from .user_files import working_copy

        try:
            project_path = working_copy(project_path)  # the bundled sample opens as a copy in Documents
        except OSError:
            pass  # no writable Documents: the sample opens where it is, and Save proposes Save As
        try:
            project = Project.open(project_path)
        except InputError as exc:
            show_error(window, exc)
        else:
            from .window_actions import show_project

            show_project(window, project)
    return window


def run_gui(project_path=None) -> int:
    from PySide6.QtCore import QTimer

    app = application()
    window = build_window(project_path)
    window.show()
    # After a crash: offer the unsaved work the last session autosaved.
    QTimer.singleShot(0, window.store_tools.offer_recovery)
    return app.exec()
