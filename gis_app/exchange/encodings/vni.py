"""VNI-Windows: a base letter followed by a mark byte ("Haûi Döông" = "Hải Dương").

Built from the VNI-Windows font layout: vowels take a following tone byte (acute ù, grave ø,
hook û, tilde õ, dot ï); a, e, o take circumflex bytes (â á à å ã ä) and a takes breve bytes
(ê é è ú ü ë). ơ, ư, đ and the i-series and ỵ are single bytes. Capital marks are the same bytes
minus 0x20. Decoding is greedy: a base letter absorbs the mark byte that follows it.
"""
from __future__ import annotations

import unicodedata

TONES = "\u0301\u0300\u0309\u0303\u0323"  # acute, grave, hook, tilde, dot
TONE_BYTES = (0xF9, 0xF8, 0xFB, 0xF5, 0xEF)
CIRCUMFLEX_BYTES = (0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4)  # plain, then the five tones
BREVE_BYTES = (0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB)
SINGLE = {0xF4: "ơ", 0xD4: "Ơ", 0xF6: "ư", 0xD6: "Ư", 0xF1: "đ", 0xD1: "Đ",
          0xED: "í", 0xCD: "Í", 0xEC: "ì", 0xCC: "Ì", 0xE6: "ỉ", 0xC6: "Ỉ", 0xF3: "ĩ", 0xD3: "Ĩ",
          0xF2: "ị", 0xD2: "Ị", 0xEE: "ỵ", 0xCE: "Ỵ"}


def _compose(base: str, marks: str) -> str:
    return unicodedata.normalize("NFC", base + marks)


def _build() -> dict[bytes, str]:
    pairs: dict[bytes, str] = {}
    for lower in ("a", "e", "o", "u", "y", "ơ", "ư"):
        for upper_case in (False, True):
            base = lower.upper() if upper_case else lower
            base_bytes = (SINGLE_REVERSE[base] if base in SINGLE_REVERSE else base.encode("ascii"))
            shift = 0x20 if upper_case else 0
            for tone, byte in zip(TONES, TONE_BYTES):
                if base in ("y", "Y") and tone == "\u0323":
                    continue  # ỵ is a single byte
                pairs[base_bytes + bytes([byte - shift])] = _compose(base, tone)
            if lower in ("a", "e", "o"):
                for tone, byte in zip(("",) + tuple(TONES), CIRCUMFLEX_BYTES):
                    pairs[base_bytes + bytes([byte - shift])] = _compose(base, "\u0302" + tone)
            if lower == "a":
                for tone, byte in zip(("",) + tuple(TONES), BREVE_BYTES):
                    pairs[base_bytes + bytes([byte - shift])] = _compose(base, "\u0306" + tone)
    return pairs


SINGLE_REVERSE = {letter: bytes([byte]) for byte, letter in SINGLE.items()}
PAIRS = _build()
# Lenient decoding: a capital base followed by a lower-case mark byte still means a capital.
LENIENT = {bytes([key[0]]) + bytes([key[1] + 0x20]): value for key, value in PAIRS.items()
           if value.isupper() and key[1] + 0x20 <= 0xFF
           and bytes([key[0]]) + bytes([key[1] + 0x20]) not in PAIRS}
ENCODE_TABLE = {letter: key for key, letter in PAIRS.items()}
ENCODE_TABLE.update(SINGLE_REVERSE)


def decode(data: bytes) -> str:
    out = []
    i, n = 0, len(data)
    while i < n:
        pair = data[i:i + 2]
        if len(pair) == 2 and (pair in PAIRS or pair in LENIENT):
            out.append(PAIRS.get(pair) or LENIENT[pair])
            i += 2
            continue
        b = data[i]
        out.append(SINGLE.get(b) or chr(b))  # other bytes: ASCII / Latin-1 as is
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def encode(text: str) -> bytes:
    out = bytearray()
    for position, ch in enumerate(unicodedata.normalize("NFC", text)):
        if ch in ENCODE_TABLE:
            out += ENCODE_TABLE[ch]
        elif ord(ch) < 0x80:
            out.append(ord(ch))
        else:
            raise UnicodeEncodeError("vni", text, position, position + 1, "not in VNI-Windows")
    return bytes(out)
