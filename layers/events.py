"""A tiny observer: models emit named events, views connect callbacks (napari-style, Qt-free)."""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable


class EventEmitter:
    def __init__(self) -> None:
        self._callbacks: dict[str, list[Callable[..., Any]]] = defaultdict(list)

    def connect(self, event: str, callback: Callable[..., Any]) -> None:
        self._callbacks[event].append(callback)

    def disconnect(self, event: str, callback: Callable[..., Any]) -> None:
        if callback in self._callbacks.get(event, []):
            self._callbacks[event].remove(callback)

    def emit(self, event: str, **payload: Any) -> None:
        # Copy: a callback may disconnect itself while we iterate.
        for callback in list(self._callbacks.get(event, [])):
            callback(**payload)
