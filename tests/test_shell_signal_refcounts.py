"""Guard against the PySide6 6.12.0 bug that made every Signal.emit() drop a reference to True.

With it the desktop app died ("Fatal Python error: bool_dealloc") after a few thousand mouse moves
over the map (``cursor_moved``) or progress reports of a long subdivision run; 6.11.3 is fine.
"""
import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    moved = Signal(float, float)


def test_signal_emit_keeps_reference_counts():
    emitter = _Emitter()
    got = []
    emitter.moved.connect(lambda x, y: got.append(x))
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for _ in range(40):  # far below the references True has, so a leak fails here instead of crashing
        emitter.moved.emit(1.0, 2.0)
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert len(got) == 40
    assert all(abs(a - b) < 10 for a, b in zip(after, before)), (before, after)
