"""Subdivision in the GUI: run, preview, accept with undo, edit lots (issue 4, item 6)."""
from .tools import SubdivisionTools

__all__ = ["SubdivisionTools"]
