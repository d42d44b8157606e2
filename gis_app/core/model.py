"""The project model's events and its Qt-free undo stack (napari-style evented model; QGIS-style undo).

Every change to a project is a ``Command`` pushed on the project's ``UndoStack``: ``redo`` applies it
and returns the events it caused, ``undo`` reverts it exactly. A command that raises (``InputError``)
while applying is not pushed, and must leave the project as it found it. Views observe the events
(``Project.subscribe``) and keep no copies of the data; the shell mirrors the stack in Qt's undo
framework (``gis_app/shell/model_bridge.py``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .i18n import t

# Event kinds, see ProjectEvent.
LAYER_ADDED, LAYER_REMOVED, LAYERS_REORDERED, LAYER_RESTYLED = (
    "layer_added", "layer_removed", "layers_reordered", "layer_restyled")
FEATURES_ADDED, FEATURES_CHANGED, FEATURES_DELETED = "features_added", "features_changed", "features_deleted"
RULES_CHANGED, META_CHANGED, RELOADED, STACK_CHANGED = "rules_changed", "meta_changed", "reloaded", "stack_changed"
CHECKED = "checked"  # a new rule-check result was published (derived state: no undo, not saved)
DATA_KINDS = frozenset({LAYER_ADDED, LAYER_REMOVED, FEATURES_ADDED, FEATURES_CHANGED, FEATURES_DELETED,
                        RULES_CHANGED, RELOADED, META_CHANGED})


@dataclass(frozen=True)
class ProjectEvent:
    """What changed: ``kind`` (the constants above), the ``layer`` name, feature ``ids`` (the layer's id
    field values), the changed ``columns`` of a features_changed event ("geometry" for a shape), and
    whether the event comes from an undo or redo (``replay``)."""
    kind: str
    layer: str | None = None
    ids: tuple = ()
    columns: tuple = ()
    replay: bool = False

    @property
    def changes_data(self) -> bool:
        """True when figures derived from the data (fill rates, findings) may have changed."""
        return self.kind in DATA_KINDS


@dataclass
class Command:
    """One undoable step. Subclasses implement ``apply`` and ``revert``, each returning its events."""
    label: tuple = field(default=("", ""), kw_only=True)  # (vi, en) text for the Edit menu

    def apply(self, project) -> list[ProjectEvent]:
        raise NotImplementedError

    def revert(self, project) -> list[ProjectEvent]:
        raise NotImplementedError

    @property
    def text(self) -> str:
        """The step's name in the current UI language (looked up when shown)."""
        return t(*self.label)


class UndoStack:
    """Commands in order with a current index; ``clean`` marks the saved state.

    ``on_change`` callbacks run after push, undo, redo, clear and set_clean (the shell relabels its
    Edit menu there).
    """

    def __init__(self, project) -> None:
        self._project = project
        self._commands: list[Command] = []
        self._index = 0
        self._clean = 0
        self._listeners: list[Callable[[], None]] = []

    def push(self, command: Command) -> None:
        events = command.apply(self._project)  # raises before anything is recorded
        del self._commands[self._index:]
        if self._clean > self._index:
            self._clean = -1  # the saved state can no longer be reached
        self._commands.append(command)
        self._index += 1
        self._project._emit(events)
        self._notify()

    def undo(self) -> None:
        if not self.can_undo:
            return
        command = self._commands[self._index - 1]
        events = command.revert(self._project)
        self._index -= 1
        self._project._emit(events, replay=True)
        self._notify()

    def redo(self) -> None:
        if not self.can_redo:
            return
        command = self._commands[self._index]
        events = command.apply(self._project)
        self._index += 1
        self._project._emit(events, replay=True)
        self._notify()

    @property
    def can_undo(self) -> bool:
        return self._index > 0

    @property
    def can_redo(self) -> bool:
        return self._index < len(self._commands)

    @property
    def undo_text(self) -> str:
        return self._commands[self._index - 1].text if self.can_undo else ""

    @property
    def redo_text(self) -> str:
        return self._commands[self._index].text if self.can_redo else ""

    @property
    def index(self) -> int:
        return self._index

    def __len__(self) -> int:
        return len(self._commands)

    @property
    def is_clean(self) -> bool:
        return self._index == self._clean

    def set_clean(self) -> None:
        self._clean = self._index
        self._notify()

    def clear(self) -> None:
        self._commands.clear()
        self._index = self._clean = 0
        self._notify()

    def connect(self, callback: Callable[[], None]) -> None:
        self._listeners.append(callback)

    def disconnect(self, callback: Callable[[], None]) -> None:
        if callback in self._listeners:
            self._listeners.remove(callback)

    def _notify(self) -> None:
        for callback in list(self._listeners):
            callback()
