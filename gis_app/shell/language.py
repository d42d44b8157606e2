"""UI language: Qt translations (.qm from resources/i18n), Vietnamese by default, kept in QSettings.

Widgets' source strings are English (``self.tr``); the core's messages follow
``gis_app.core.i18n``, which we switch alongside.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from gis_app.core import i18n

from .algorithm_dialog import settings

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = ("vi", "en")
_translator: QTranslator | None = None


def saved_language() -> str:
    value = settings().value("ui/language", "vi")
    return value if value in LANGUAGES else "vi"


def apply_language(lang: str, remember: bool = True) -> None:
    """Install the translator for ``lang`` (English = none) and switch the core's messages."""
    global _translator
    if lang not in LANGUAGES:
        raise ValueError(lang)
    app = QCoreApplication.instance()
    if _translator is not None and app is not None:
        app.removeTranslator(_translator)
        _translator = None
    if lang != "en" and app is not None:
        translator = QTranslator()
        if translator.load(str(I18N_DIR / f"kcn_planner_{lang}.qm")):
            app.installTranslator(translator)
            _translator = translator
    i18n.set_language(lang)
    if remember:
        settings().setValue("ui/language", lang)
