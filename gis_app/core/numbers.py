"""Numbers as planners read them: Vietnamese uses "." for thousands and "," for decimals
(1.234,5 ha; 73,1%), English the other way round. Shared by docks, reports and exports."""
from __future__ import annotations

from .i18n import get_language


def fmt_number(value, decimals: int = 0, lang: str | None = None) -> str:
    """``lang`` (vi/en) overrides the UI language, for outputs rendered in both."""
    if value is None:
        return "—"
    text = f"{float(value):,.{decimals}f}"
    if (lang or get_language()) == "vi":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def fmt_m2(value) -> str:
    return "—" if value is None else f"{fmt_number(value)} m²"


def fmt_ha(value) -> str:
    return "—" if value is None else f"{fmt_number(float(value) / 10_000, 1)} ha"


def fmt_share(value, decimals: int = 1) -> str:
    return "—" if value is None else f"{fmt_number(float(value) * 100, decimals)}%"
