"""The one way to run long operations off the UI thread: progress bar, Cancel, error reporting.

``TaskRunner.run(job)`` takes an Algorithm (with parameter values) or any callable taking a
Feedback, runs it in a QThread, shows a progress dialog whose Cancel calls Feedback.cancel(),
and reports InputError as a message box in the UI language (Canceled quietly, bugs with a short
message while the traceback goes to the log).
"""
from __future__ import annotations

import logging
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from gis_app.core.errors import Canceled, InputError
from gis_app.core.processing import Algorithm, Feedback

log = logging.getLogger(__name__)


class _Worker(QThread):
    progressed = Signal(float)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Callable[[Feedback], Any], parent=None):
        super().__init__(parent)
        self.job = job
        self.feedback = Feedback(on_progress=self.progressed.emit)

    def run(self):
        try:
            self.succeeded.emit(self.job(self.feedback))
        except Exception as exc:  # handed to the UI thread, which decides how to show it
            if not isinstance(exc, (InputError, Canceled)):
                log.error("task failed\n%s", traceback.format_exc())
            self.failed.emit(exc)


class Task(QObject):
    """One running job; ``finished`` carries (result or None, exception or None)."""

    finished = Signal(object, object)

    def __init__(self, worker: _Worker, dialog: QProgressDialog | None):
        super().__init__()
        self.worker, self.dialog = worker, dialog
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False

    def cancel(self) -> None:
        self.worker.feedback.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        return self.worker.wait(msecs)


class TaskRunner(QObject):
    def __init__(self, parent_widget=None, show_dialogs: bool = True):
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self.show_dialogs = show_dialogs
        self.tasks: list[Task] = []

    def run(self, job: Algorithm | Callable[[Feedback], Any], values: dict | None = None,
            title: str | None = None, on_done: Callable[[Any], None] | None = None) -> Task:
        if isinstance(job, Algorithm):
            algorithm = job
            title = title or algorithm.title

            def call(feedback):
                return algorithm.run(values or {}, feedback)
        else:
            call = job
        worker = _Worker(call)
        dialog = None
        if self.show_dialogs:
            dialog = QProgressDialog(title or self.tr("Working…"), self.tr("Cancel"), 0, 100, self.parent_widget)
            dialog.setWindowTitle(title or self.tr("Working…"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(worker.feedback.cancel)
            worker.progressed.connect(lambda pct: dialog.setValue(int(pct)))
        task = Task(worker, dialog)
        worker.succeeded.connect(lambda result: self._finish(task, result, None, on_done))
        worker.failed.connect(lambda exc: self._finish(task, None, exc, on_done))
        self.tasks.append(task)
        worker.start()
        return task

    def _finish(self, task: Task, result, error, on_done) -> None:
        task.result, task.error, task.done = result, error, True
        if task.dialog is not None:
            task.dialog.reset()
            task.dialog.hide()
        task.worker.wait()
        if task in self.tasks:
            self.tasks.remove(task)
        if error is None and on_done is not None:
            on_done(result)
        elif error is not None:
            self.report(error)
        task.finished.emit(result, error)

    def report(self, error: BaseException) -> None:
        if isinstance(error, Canceled):
            return
        if isinstance(error, InputError):
            QMessageBox.warning(self.parent_widget, self.tr("Cannot continue"), str(error))
        else:
            QMessageBox.critical(self.parent_widget, self.tr("Internal error"),
                                 self.tr("An internal error occurred: %1 (details in the log file)")
                                 .replace("%1", f"{type(error).__name__}: {error}"[:300]))
