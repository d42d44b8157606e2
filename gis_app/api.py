"""The project model API for scripts (``python main.py run SCRIPT.py``) and other Python code.

``from gis_app.api import Project, InputError``; see ../shared/CONTRACTS.md "Project model API" and
docs/guide/scripting.md. Everything here is Qt-free.
"""
from .core.errors import InputError
from .core.model import ProjectEvent
from .core.project import Project

__all__ = ["InputError", "Project", "ProjectEvent"]
