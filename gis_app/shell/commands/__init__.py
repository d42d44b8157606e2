"""Commands that need Qt (they import PySide6 inside process() only)."""
