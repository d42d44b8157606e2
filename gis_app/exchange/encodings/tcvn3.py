"""TCVN3 (TCVN 5712:1993, the ".VnTime" / ABC fonts): one byte per letter.

Table built from the standard's VN3 layout (lower-case toned letters and the seven modified
capitals in 0xA1-0xFE) plus the VN1 positions of the toned capitals (0x01-0x17, 0x80-0x9F and a
few in 0xAF-0xFF), so names such as "Ái Quốc" keep their capital. 0xB0-0xB4 are the combining tones.
Bytes below 0x80 not listed here are ASCII.
"""
from __future__ import annotations

import unicodedata


def _build() -> dict[int, str]:
    table: dict[int, str] = {}

    def run(start: int, letters: str) -> None:
        for offset, letter in enumerate(letters):
            table[start + offset] = letter

    # Toned capitals in the C0 range (VN1)
    for byte, letter in ((0x01, "Ú"), (0x02, "Ụ"), (0x04, "Ừ"), (0x05, "Ử"), (0x06, "Ữ"),
                         (0x11, "Ứ"), (0x12, "Ự"), (0x13, "Ỳ"), (0x14, "Ỷ"), (0x15, "Ỹ"),
                         (0x16, "Ý"), (0x17, "Ỵ")):
        table[byte] = letter
    run(0x80, "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ")
    table[0xA0] = "\u00a0"
    run(0xA1, "ĂÂÊÔƠƯĐăâêôơưđ")
    table[0xAF] = "Ằ"
    run(0xB0, "\u0300\u0309\u0303\u0301\u0323")  # combining grave, hook, tilde, acute, dot
    run(0xB5, "àảãáạ")
    table[0xBA] = "Ẳ"
    run(0xBB, "ằẳẵắ")
    table[0xBF] = "Ẵ"
    run(0xC0, "ẮẦẨẪẤỀ")
    table[0xC6] = "ặ"
    run(0xC7, "ầẩẫấậ")
    table[0xCC] = "è"
    table[0xCD] = "Ể"
    run(0xCE, "ẻẽéẹềểễếệìỉ")
    run(0xD9, "ỄẾỒ")
    run(0xDC, "ĩíịò")
    table[0xE0] = "Ổ"
    run(0xE1, "ỏõóọồổỗốộờởỡớợù")
    table[0xF0] = "Ỗ"
    run(0xF1, "ủũúụừửữứựỳỷỹýỵ")
    table[0xFF] = "Ố"
    return table


DECODE_TABLE = _build()
ENCODE_TABLE = {letter: byte for byte, letter in DECODE_TABLE.items() if len(letter) == 1
                and not unicodedata.combining(letter)}
# Latin-1 letters that TCVN3 has no room for (e.g. "ä") are unencodable: caller reports them.


def decode(data: bytes) -> str:
    table = DECODE_TABLE
    return unicodedata.normalize("NFC", "".join(table.get(b) or chr(b) if b >= 0x80 or b in table
                                                else chr(b) for b in data))


def encode(text: str) -> bytes:
    out = bytearray()
    for position, ch in enumerate(unicodedata.normalize("NFC", text)):
        code = ord(ch)
        if ch in ENCODE_TABLE:
            out.append(ENCODE_TABLE[ch])
        elif code < 0x80 and code not in DECODE_TABLE:
            out.append(code)
        else:
            raise UnicodeEncodeError("tcvn3", text, position, position + 1, "not in TCVN3")
    return bytes(out)
