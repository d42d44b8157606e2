"""Baseline lot subdividers the engine is measured against (written for this project from the
published descriptions of the tools, not from their code)."""
