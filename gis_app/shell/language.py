"""UI language: Qt translations (.qm from resources/i18n), Vietnamese by default, kept in QSettings.

Widgets' source strings are English (``self.tr``); the core's messages follow
``gis_app.core.i18n``, which we switch alongside.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator

from gis_app.core import i18n

from .algorithm_dialog import settings

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = ("vi", "en")
_translators: list[QTranslator] = []
# Our widgets' strings, then Qt's own (standard dialog buttons), which Qt does not ship in Vietnamese.
QM_FILES = ("kcn_planner_{lang}.qm", "qt_base_{lang}.qm")


def saved_language() -> str:
    value = settings().value("ui/language", "vi")
    return value if value in LANGUAGES else "vi"


def apply_language(lang: str, remember: bool = True) -> None:
    """Install the translator for ``lang`` (English = none) and switch the core's messages."""
    app = QCoreApplication.instance()
    if app is not None:
        for translator in _translators:
            app.removeTranslator(translator)
    _translators.clear()
    if lang != "en" and app is not None:
        for pattern in QM_FILES:
            translator = QTranslator()
            if translator.load(str(I18N_DIR / pattern.format(lang=lang))):
                app.installTranslator(translator)
                _translators.append(translator)
    # Qt's own widgets (file dialog dates and sizes, spin boxes) in the UI language's formats; Qt's file
    # dialog rather than the system's, so that it speaks our translation whatever the system's language.
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam) if lang == "vi"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, lang == "vi")
    i18n.set_language(lang)
    if remember:
        settings().setValue("ui/language", lang)
