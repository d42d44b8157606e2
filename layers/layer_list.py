"""An ordered list of layers (index 0 = bottom) that emits events when it changes."""
from __future__ import annotations

from typing import Iterator

from .events import EventEmitter

# Events: "inserted" (layer, index), "removed" (layer, index), "moved" (layer, old, new),
# "changed" (layer, what): re-emitted visibility/opacity/style/selection/data (rasters: path) of any member.
_FORWARDED = ("visibility", "opacity", "style", "selection", "data", "path")


class LayerList:
    def __init__(self) -> None:
        self._layers: list = []
        self._forwarders: dict[int, list] = {}
        self.events = EventEmitter()

    def __iter__(self) -> Iterator:
        return iter(self._layers)

    def __len__(self) -> int:
        return len(self._layers)

    def __getitem__(self, key):
        if isinstance(key, str):
            for layer in self._layers:
                if layer.name == key:
                    return layer
            raise KeyError(key)
        return self._layers[key]

    def __contains__(self, name: str) -> bool:
        return any(layer.name == name for layer in self._layers)

    def names(self) -> list[str]:
        return [layer.name for layer in self._layers]

    def index(self, name: str) -> int:
        return self.names().index(name)

    def insert(self, index: int, layer) -> None:
        if layer.name in self:
            self.remove(layer.name)
        index = max(0, min(index, len(self._layers)))
        self._layers.insert(index, layer)
        callbacks = [(event, self._forward(event)) for event in _FORWARDED]
        for event, callback in callbacks:
            layer.events.connect(event, callback)
        self._forwarders[id(layer)] = callbacks
        self.events.emit("inserted", layer=layer, index=index)

    def append(self, layer) -> None:
        self.insert(len(self._layers), layer)

    def remove(self, name: str) -> None:
        index = self.index(name)
        layer = self._layers.pop(index)
        for event, callback in self._forwarders.pop(id(layer), []):
            layer.events.disconnect(event, callback)
        self.events.emit("removed", layer=layer, index=index)

    def move(self, old: int, new: int) -> None:
        new = max(0, min(new, len(self._layers) - 1))
        if old == new:
            return
        layer = self._layers.pop(old)
        self._layers.insert(new, layer)
        self.events.emit("moved", layer=layer, old=old, new=new)

    def clear(self) -> None:
        for name in reversed(self.names()):
            self.remove(name)

    def _forward(self, what: str):
        def callback(layer):
            self.events.emit("changed", layer=layer, what=what)
        return callback
