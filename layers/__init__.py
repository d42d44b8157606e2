"""Map layer models: plain Python objects with events that the Qt shell observes (no Qt here)."""
from .events import EventEmitter
from .layer_list import LayerList
from .vector.model import VectorLayer

__all__ = ["EventEmitter", "LayerList", "VectorLayer"]
