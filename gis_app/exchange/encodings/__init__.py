"""Text encodings: the Vietnamese legacy code pages plus every code page Python knows.

Names: ``utf-8``, ``cp1258``, ``tcvn3`` (TCVN 5712:1993, the ``.Vn`` fonts), ``vni`` (VNI-Windows), and
any other codec Python knows (``cp1250``, ``latin-1``, ``cp936``...), as named by a .cpg file, a DBF
language-driver byte or the user. TCVN3 and VNI are registered as Python codecs (``codecs.register``)
so ``b.decode("tcvn3")`` works everywhere; the DBF reader calls the tables directly (same result,
faster: no codec lookup per value).

``decode`` never writes U+FFFD: a byte sequence that is not valid in the encoding is dropped, and
``decode_checked`` tells the caller so it can list the value (row, field, raw bytes).
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from . import cp1258, tcvn3, vni

ENCODINGS = ("utf-8", "cp1258", "tcvn3", "vni")  # the candidates detection chooses among
OUTPUT_ENCODINGS = ("utf-8", "cp1258", "tcvn3")


def _codec_info(name: str, module) -> codecs.CodecInfo:
    def encode(text: str, errors: str = "strict"):
        return module.encode(text), len(text)

    def decode(data, errors: str = "strict"):
        return module.decode(bytes(data)), len(data)

    return codecs.CodecInfo(encode, decode, name=name)


def _search(name: str):
    key = name.lower().replace("-", "").replace("_", "")
    if key in ("tcvn3", "tcvn", "tcvn5712"):
        return _codec_info("tcvn3", tcvn3)
    if key in ("vni", "vniwindows"):
        return _codec_info("vni", vni)
    return None


codecs.register(_search)


def decode_checked(data: bytes, encoding: str) -> tuple[str, bool]:
    """(NFC Unicode, damaged): ``damaged`` when some bytes were not valid and were dropped."""
    encoding = normalise_name(encoding)
    if encoding == "cp1258":
        text = data.decode("cp1258", errors="ignore")
        damaged = len(text) != len(data)  # cp1258 is one byte per character
    elif encoding == "tcvn3":
        return tcvn3.decode(data), False
    elif encoding == "vni":
        return vni.decode(data), False
    else:
        try:
            text, damaged = data.decode(encoding), False
        except UnicodeDecodeError:
            text, damaged = data.decode(encoding, errors="ignore"), True
    return unicodedata.normalize("NFC", text), damaged


def decode(data: bytes, encoding: str) -> str:
    """Bytes in ``encoding`` to NFC Unicode; never raises, never yields U+FFFD (bad bytes dropped)."""
    return decode_checked(data, encoding)[0]


def decodes_cleanly(samples, encoding: str) -> bool:
    """True when every sample decodes in ``encoding`` without an invalid byte."""
    return not any(decode_checked(s, encoding)[1] for s in samples if s and not s.isascii())


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

    ``fallback`` replaces the typographic punctuation (en dash, curly quotes) *this encoding lacks*
    by ASCII (CP1258 has them all, TCVN3/VNI none); the caller reports that it did so.
    """
    encoding = normalise_name(encoding)
    text = unicodedata.normalize("NFC", text)
    try:
        return _encode(text, encoding)
    except UnicodeEncodeError:
        if not fallback or encoding == "utf-8":
            raise
    missing = {ch: ascii_ for ch, ascii_ in ((c, c.translate(PUNCTUATION_FALLBACK)) for c in set(text))
               if ascii_ != ch and not _encodes(ch, encoding)}
    return _encode("".join(missing.get(ch, ch) for ch in text), encoding)


def _encodes(ch: str, encoding: str) -> bool:
    try:
        _encode(ch, encoding)
        return True
    except UnicodeEncodeError:
        return False


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "cp1258":
        return cp1258.encode(text)
    if encoding == "tcvn3":
        return tcvn3.encode(text)
    if encoding == "vni":
        return vni.encode(text)
    return text.encode(encoding)


_ALIASES = {"utf8": "utf-8", "utf-8": "utf-8", "65001": "utf-8", "1258": "cp1258", "cp1258": "cp1258",
            "windows-1258": "cp1258", "win1258": "cp1258", "ansi 1258": "cp1258", "tcvn3": "tcvn3",
            "tcvn": "tcvn3", "tcvn5712": "tcvn3", "abc": "tcvn3", "vni": "vni", "vni-windows": "vni",
            "vni windows": "vni"}


def normalise_name(name: str) -> str:
    """Canonical name of an encoding as written in a .cpg, by GDAL/ESRI or by a user.

    Accepts the Vietnamese names above, code page numbers ("1250", "ANSI 1251", "88591" for
    ISO 8859-1 as ESRI writes it) and any name Python's codec registry knows. ValueError otherwise.
    """
    key = (name or "").strip().lower().replace("_", "-")
    if key in _ALIASES:
        return _ALIASES[key]
    if key.replace("-", "") in _ALIASES:
        return _ALIASES[key.replace("-", "")]
    key = re.sub(r"^(ansi|oem|windows|win|cp|codepage|code page)[\s-]*", "", key) if re.match(
        r"^(ansi|oem|windows|win|cp|codepage|code page)[\s-]*\d+$", key) else key
    candidates = [key]
    if key.isdigit():
        if len(key) == 5 and key.startswith("8859"):
            candidates = [f"iso8859-{key[4:]}"]
        elif len(key) >= 6 and key.startswith("8859"):
            candidates = [f"iso8859-{key[4:]}"]
        else:
            candidates = [f"cp{key}"]
    for candidate in candidates:
        if candidate in _ALIASES:
            return _ALIASES[candidate]
        try:
            info = codecs.lookup(candidate)
        except LookupError:
            continue
        if info.name in ("utf-8", "cp1258", "tcvn3", "vni"):
            return info.name
        if not _is_text_codec(info.name):
            break
        return info.name
    raise ValueError(f"unknown encoding {name!r}")


def _is_text_codec(name: str) -> bool:
    try:
        "a".encode(name)
        return isinstance(b"a".decode(name), str)
    except Exception:  # base64, rot13... are not text encodings
        return False
