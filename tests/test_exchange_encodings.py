"""Legacy Vietnamese encodings: tables, round trips with real names, detection."""
import subprocess
import unicodedata

import pytest

from gis_app.exchange import encodings
from gis_app.exchange.encodings import cp1258, tcvn3, vni
from gis_app.exchange.encodings.detect import detect_encoding, is_vietnamese_syllable
from tests.exchange_helpers import names_ending_in_marks, vietnamese_names

ALL_LETTERS = ("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ")


@pytest.fixture(scope="module")
def names(shared_data):
    return vietnamese_names(shared_data)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1258", "tcvn3", "vni"])
def test_every_vietnamese_letter_round_trips(encoding):
    text = ALL_LETTERS + ALL_LETTERS.upper()
    assert encodings.decode(encodings.encode(text, encoding), encoding) == text


@pytest.mark.parametrize("encoding", ["utf-8", "cp1258", "tcvn3", "vni"])
def test_real_names_round_trip_with_last_letter(names, encoding):
    ending = names_ending_in_marks(names)
    assert len(ending) > 100  # e.g. "Phường Trần Phú", "Xã Thanh Hải"
    for name in names:
        decoded = encodings.decode(encodings.encode(name, encoding), encoding)
        assert decoded == unicodedata.normalize("NFC", name)
        assert decoded[-1] == name[-1]


def test_tcvn3_table_agrees_with_glibc_iconv():
    data = bytes(range(0xA1, 0x100)) + bytes([1, 2, 4, 5, 6, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17]) \
        + bytes(range(0x80, 0xA0))
    ours = tcvn3.decode(data)
    theirs = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True,
                            check=True).stdout.decode("utf-8")
    assert ours == unicodedata.normalize("NFC", theirs)


def test_known_byte_strings():
    # published VNI-Windows and TCVN3 spellings of "Hải Dương"
    assert vni.decode(b"Ha\xfbi D\xf6\xf4ng") == "Hải Dương"
    assert tcvn3.decode(b"H\xb6i D\xad\xacng") == "Hải Dương"
    assert vni.decode(b"\xd1A\xcfI AN") == "ĐẠI AN"
    # CP1258 keeps tones as combining marks: decoded text must be NFC with the last letter whole
    raw = cp1258.encode("Cẩm Giàng")
    assert b"\xde" in raw or b"\xd2" in raw or b"\xec" in raw or b"\xcc" in raw
    assert cp1258.decode(raw) == "Cẩm Giàng"
    assert cp1258.decode(cp1258.encode("Hải Dương"))[-1] == "g"
    assert cp1258.decode(cp1258.encode("Kinh Môn Ứng Hòa ở"))[-1] == "ở"


def test_unencodable_characters_raise():
    with pytest.raises(UnicodeEncodeError):
        encodings.encode("漢字", "tcvn3")
    with pytest.raises(UnicodeEncodeError):
        encodings.encode("Ωmega", "vni")


def test_syllable_check():
    assert all(is_vietnamese_syllable(w) for w in ("Dương", "Quốc", "giàng", "nghiêng", "Khuyến", "ĐẠI"))
    assert not any(is_vietnamese_syllable(w) for w in ("Haỷi", "H¶i", "Döông", "àá", "xyzt"))


@pytest.mark.parametrize("encoding", ["utf-8", "cp1258", "tcvn3", "vni"])
@pytest.mark.parametrize("count", [1, 5, 60])
def test_detection_on_real_names(names, encoding, count):
    step = max(1, len(names) // count)
    chosen = [n for n in names[::step] if any(ord(c) > 0x7F for c in n)][:count]
    detection = detect_encoding([encodings.encode(n, encoding) for n in chosen])
    assert detection.encoding == encoding, detection.reason
    assert detection.confidence > 0.5
    assert detection.preview and detection.preview[0] in chosen


def test_hint_breaks_ties_and_ascii_is_certain():
    ascii_only = detect_encoding([b"Hai Duong", b"KCN Dai An"], hint="1258")
    assert ascii_only.encoding == "cp1258" and ascii_only.confidence == 1.0
    plain = detect_encoding([b"abc"])
    assert plain.encoding == "utf-8"


def test_wrong_decodings_score_low(names):
    sample = [encodings.encode(n, "tcvn3") for n in names[:200]]
    detection = detect_encoding(sample)
    assert detection.scores["tcvn3"] > 0.95
    assert max(detection.scores[e] for e in ("utf-8", "cp1258", "vni")) < 0.5


def test_utf8_abbreviations_are_still_utf8():
    detection = detect_encoding([s.encode("utf-8") for s in ("KCN Đ.A", "Lô Đ1", "ĐX-2")])
    assert detection.encoding == "utf-8"
