"""Windows-1258: Python's codec plus NFC, and an encoder that splits off tone marks.

CP1258 has precomposed letters for the Latin-1 set and ă â ê ô ơ ư đ, but the five tones are
combining marks (0xCC grave, 0xEC acute, 0xD2 tilde, 0xDE hook, 0xF2 dot). Decoding therefore
yields decomposed text, which must be NFC-normalised (GDAL loses the trailing mark instead).
"""
from __future__ import annotations

import unicodedata

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def decode(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


def encode(text: str) -> bytes:
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        # e.g. "ở" = "ơ" (0xF5) + combining hook above (0xDE)
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out += base.encode("cp1258") + tones.encode("cp1258")  # raises for non-Vietnamese letters
    return bytes(out)
