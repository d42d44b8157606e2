"""Shared database and never-lost work in the desktop: File → Connect to a shared database, publish,
edit log, saving off the UI thread with progress, conflict choices, autosave and crash recovery.

``install_store(window)`` adds the actions and the autosave timer; ``save_in_background`` is what
File → Save uses. The work itself is in ``gis_app.store`` (Qt-free).
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QMessageBox

from gis_app.core.i18n import t
from gis_app.core.processing import Algorithm
from gis_app.store import ChangedSinceOpened, RowConflicts, is_database_address, open_store

log = logging.getLogger(__name__)


class StoreTools:
    """The window's store actions and its autosave session."""

    def __init__(self, window):
        from gis_app.store.autosave import AUTOSAVE_MINUTES, AutosaveSession

        self.window = window
        m = window.file_menu
        first = window.add_layer_action
        self.connect_action = m.addAction("", self.connect_dialog)
        self.publish_action = m.addAction("", self.publish_dialog)
        self.edit_log_action = m.addAction("", self.show_edit_log)
        for action in (self.connect_action, self.publish_action, self.edit_log_action):
            m.removeAction(action)
            m.insertAction(first, action)
        m.insertSeparator(first)
        try:
            self.autosave = AutosaveSession()
        except OSError:  # no writable data folder: run without autosave rather than not at all
            log.exception("autosave disabled")
            self.autosave = None
        self.timer = QTimer(window)
        self.timer.setInterval(AUTOSAVE_MINUTES * 60 * 1000)
        self.timer.timeout.connect(self.autosave_now)
        self.timer.start()
        run = window.tasks.run

        def run_after_autosave(job, *args, **kwargs):  # long operations: autosave first
            if isinstance(job, Algorithm):
                self.autosave_now()
            return run(job, *args, **kwargs)
        window.tasks.run = run_after_autosave
        window.destroyed.connect(lambda *_: self.autosave and self.autosave.close())
        self.retranslate()

    def retranslate(self) -> None:
        self.connect_action.setText(t("Kết nối cơ sở dữ liệu dùng chung…", "Connect to a shared database…"))
        self.publish_action.setText(t("Xuất bản lên cơ sở dữ liệu dùng chung…", "Publish to a shared database…"))
        self.edit_log_action.setText(t("Nhật ký chỉnh sửa…", "Edit log…"))
        self.edit_log_action.setEnabled(bool(getattr(self.window.project, "address", None)))

    # -- autosave --------------------------------------------------------------------------------
    def autosave_now(self) -> None:
        if self.autosave is None or not self.window.modified:
            return
        from gis_app.shell.window_actions import store_state

        try:
            store_state(self.window.project, self.window.layers, self.window.canvas.view.extent)
            self.autosave.save(self.window.project)
        except Exception:  # an autosave must never take the session down
            log.exception("autosave failed")

    def saved(self) -> None:
        if self.autosave is not None:
            self.autosave.discard()
        self.retranslate()

    def offer_recovery(self) -> bool:
        """At start: offer the unsaved work of sessions that crashed; True when one was restored."""
        import time

        from gis_app.store.autosave import forget, recover, recoverable

        for item in recoverable():
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(item.saved_at))
            answer = QMessageBox.question(
                self.window, t("Khôi phục công việc chưa lưu", "Recover unsaved work"),
                t("KCN Planner đã đóng bất thường. Khôi phục thay đổi chưa lưu của \"{n}\" (tự lưu lúc {w})?",
                  "KCN Planner closed unexpectedly. Recover the unsaved changes of \"{n}\" (autosaved {w})?",
                  n=item.name or item.source or "?", w=when),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                from gis_app.shell.window_actions import show_project

                project = recover(item)
                show_project(self.window, project)
                self.window.set_modified(True)
                self.autosave_now()  # now ours: kept until saved
                forget(item)
                return True
            forget(item)
        return False

    # -- database --------------------------------------------------------------------------------
    def connect_dialog(self) -> None:
        from gis_app.shell.window_actions import confirm_discard, show_project

        from .dialogs import ConnectDialog

        if not confirm_discard(self.window):
            return
        dialog = ConnectDialog(self.window)
        if not dialog.exec():
            return
        address = dialog.address()
        from gis_app.core.project import Project

        self.window.tasks.run(lambda feedback: Project.open(address),
                              title=t("Mở dự án từ cơ sở dữ liệu", "Open project from the database"),
                              on_done=lambda project: (show_project(self.window, project), self.retranslate()))

    def publish_dialog(self) -> None:
        from .dialogs import ConnectDialog

        dialog = ConnectDialog(self.window, publish=True)
        if dialog.exec():
            save_in_background(self.window, dialog.address(), force=dialog.replace_box.isChecked())

    def show_edit_log(self) -> None:
        from .dialogs import EditLogDialog

        address = getattr(self.window.project, "address", None)
        if address:
            EditLogDialog(address, self.window).exec()


def install_store(window) -> StoreTools:
    window.store_tools = StoreTools(window)
    return window.store_tools


def save_in_background(window, target, force: bool = False) -> bool:
    """Save the window's project to ``target`` in the task runner (progress, window stays responsive).

    Waits in a local event loop so callers (Save before closing) get the outcome; a changed file asks
    whether to save anyway, row conflicts open the conflict dialog. True when the project was saved.
    """
    project = window.project
    outcome = {}
    loop = QEventLoop()

    def job(feedback):
        try:
            open_store(str(target) if is_database_address(str(target)) else target).write(
                project, force=force, progress=feedback.progress)
        except (ChangedSinceOpened, RowConflicts) as exc:  # the user chooses: not an error box
            return exc
        return None

    def done(result):
        outcome["ok"] = result is None
        outcome["choice"] = result
        loop.quit()

    task = window.tasks.run(job, title=t("Đang lưu dự án", "Saving the project"), on_done=done)
    task.finished.connect(lambda *_: loop.quit())
    if not task.done:
        loop.exec()
    error = outcome.get("choice")
    if isinstance(error, ChangedSinceOpened):
        answer = QMessageBox.question(
            window, t("Tệp đã thay đổi", "The file changed"),
            t("{m}\n\nLưu đè lên (mất thay đổi của họ)? Chọn Không để lưu thành tệp khác.",
              "{m}\n\nSave over it (their changes are lost)? Choose No to save as another file.", m=str(error)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            return save_in_background(window, target, force=True)
        if answer == QMessageBox.StandardButton.No:
            from gis_app.shell.window_actions import save_project_as
            return save_project_as(window)
        return False
    if isinstance(error, RowConflicts):
        from .dialogs import ConflictDialog

        dialog = ConflictDialog(error.conflicts, window)
        dialog.exec()
        if dialog.choice in ("mine", "theirs"):
            open_store(str(target)).resolve(project, error.conflicts, dialog.choice)
            if dialog.choice == "theirs":
                from gis_app.shell.window_actions import show_project
                show_project(window, project)
            return save_in_background(window, target)
        return False
    if not outcome.get("ok"):
        return False
    if is_database_address(str(target)):
        project.address, project.path = str(target), None
    else:
        from pathlib import Path
        project.path = Path(target)
    project.undo_stack.set_clean()  # the model's saved state: undo/redo back to it is "unmodified"
    window.set_modified(False)
    if getattr(window, "store_tools", None):
        window.store_tools.saved()
    window.statusBar().showMessage(t("Đã lưu {p}", "Saved {p}", p=target), 5000)
    return True
