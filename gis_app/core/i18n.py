"""Language of user-facing messages produced by the Qt-free core.

The Qt shell translates its widgets with Qt translations (.ts/.qm); the core cannot use Qt, so
its messages carry both languages inline: ``t("Không đọc được tệp", "Cannot read the file")``.
The shell calls set_language() when the user switches; the CLI takes --lang or KCN_LANG.
"""
from __future__ import annotations

import os

SUPPORTED = ("vi", "en")
_language = os.environ.get("KCN_LANG", "vi") if os.environ.get("KCN_LANG", "vi") in SUPPORTED else "vi"


def set_language(lang: str) -> None:
    global _language
    if lang not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}; use one of {SUPPORTED}")
    _language = lang


def get_language() -> str:
    return _language


def t(vi: str, en: str, **values) -> str:
    """Pick the message in the current language and fill in ``{name}`` placeholders."""
    text = vi if _language == "vi" else en
    return text.format(**values) if values else text
