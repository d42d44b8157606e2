"""Vietnamese legacy text encodings: decode raw bytes to NFC Unicode and back.

Supported names: ``utf-8``, ``cp1258``, ``tcvn3`` (TCVN 5712:1993, the ``.Vn`` fonts), ``vni``
(VNI-Windows). Python ships only utf-8 and cp1258; TCVN3 and VNI tables are in this package.
"""
from __future__ import annotations

import unicodedata

from . import cp1258, tcvn3, vni

ENCODINGS = ("utf-8", "cp1258", "tcvn3", "vni")
OUTPUT_ENCODINGS = ("utf-8", "cp1258", "tcvn3")


def decode(data: bytes, encoding: str) -> str:
    """Bytes in ``encoding`` to NFC Unicode; never raises (unknown bytes become U+FFFD)."""
    encoding = normalise_name(encoding)
    if encoding == "utf-8":
        text = data.decode("utf-8", errors="replace")
    elif encoding == "cp1258":
        text = cp1258.decode(data)
    elif encoding == "tcvn3":
        text = tcvn3.decode(data)
    elif encoding == "vni":
        text = vni.decode(data)
    else:
        raise ValueError(f"unknown encoding {encoding!r}")
    return unicodedata.normalize("NFC", text)


# Typographic punctuation that the legacy code pages lack, written as its ASCII look-alike.
PUNCTUATION_FALLBACK = str.maketrans({"–": "-", "—": "-", "‐": "-", "‒": "-", "−": "-", "“": '"', "”": '"',
                                      "„": '"', "‘": "'", "’": "'", "…": "...", "\u00a0": " ", "•": "*"})


def needs_fallback(text: str, encoding: str) -> bool:
    """True when ``text`` only encodes after replacing typographic punctuation (see encode)."""
    try:
        encode(text, encoding)
        return False
    except UnicodeEncodeError:
        return True


def encode(text: str, encoding: str, fallback: bool = False) -> bytes:
    """NFC/NFD Unicode to bytes; raises UnicodeEncodeError for characters the encoding lacks.

    ``fallback`` first replaces typographic punctuation (en dash, curly quotes) by ASCII; the
    caller reports that it did so.
    """
    encoding = normalise_name(encoding)
    text = unicodedata.normalize("NFC", text)
    if fallback and encoding != "utf-8":
        text = text.translate(PUNCTUATION_FALLBACK)
    if encoding == "utf-8":
        return text.encode("utf-8")
    if encoding == "cp1258":
        return cp1258.encode(text)
    if encoding == "tcvn3":
        return tcvn3.encode(text)
    if encoding == "vni":
        return vni.encode(text)
    raise ValueError(f"unknown encoding {encoding!r}")


_ALIASES = {"utf8": "utf-8", "utf-8": "utf-8", "65001": "utf-8", "1258": "cp1258", "cp1258": "cp1258",
            "windows-1258": "cp1258", "win1258": "cp1258", "ansi 1258": "cp1258", "tcvn3": "tcvn3",
            "tcvn": "tcvn3", "tcvn5712": "tcvn3", "abc": "tcvn3", "vni": "vni", "vni-windows": "vni",
            "vni windows": "vni"}


def normalise_name(name: str) -> str:
    key = (name or "").strip().lower().replace("_", "-")
    if key in _ALIASES:
        return _ALIASES[key]
    if key.replace("-", "") in _ALIASES:
        return _ALIASES[key.replace("-", "")]
    raise ValueError(f"unknown encoding {name!r}")
