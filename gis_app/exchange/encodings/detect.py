"""Guess the encoding of Vietnamese text bytes by how Vietnamese the decoded words look.

Each candidate decoding is scored on the words that contain non-ASCII characters (ASCII words
read the same in every encoding): a word counts as good when it is a well-formed Vietnamese
syllable (initial consonant, a known vowel nucleus, a final consonant, at most one tone).
Wrong decodings give stray symbols ("H¶i"), impossible vowels ("Haỷi") or several tones.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ...core.i18n import t
from . import ENCODINGS, decode, normalise_name

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
INITIALS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
            "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")
NUCLEI = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
          "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi",
          "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
          "iêu", "yêu", "oai", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu", "uêu",
          "oao")
FINALS = ("ng", "nh", "ch", "c", "m", "n", "p", "t", "")
_SYLLABLE = re.compile("^(?:%s)?(?:%s)(?:%s)$" % (
    "|".join(INITIALS), "|".join(sorted(NUCLEI, key=len, reverse=True)), "|".join(FINALS)))
_WORD = re.compile(r"[^\s\d.,;:()\[\]/\\\-_\"'!?&+*=<>|#%@]+")


def is_vietnamese_syllable(word: str) -> bool:
    """True for a well-formed syllable such as 'dương', 'Quốc', 'giàng' (case-insensitive)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in TONE_MARKS)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    return bool(_SYLLABLE.match(bare))


@dataclass
class Detection:
    encoding: str
    confidence: float  # 0..1
    scores: dict[str, float] = field(default_factory=dict)
    preview: list[str] = field(default_factory=list)  # decoded sample values
    reason: str = ""
    hinted: bool = False
    declared: str | None = None  # what the file declared (.cpg, language driver), normalised
    declared_by: str = ""  # where it was declared
    damaged: bool = False  # some values had invalid bytes (dropped, listed by the reader)
    clean: bool = True  # False: no candidate decodes cleanly, the user must choose (--encoding)
    warning: str = ""  # a doubt the reader passes on as a note (e.g. a declaration that looks wrong)


def score_text(text: str) -> tuple[float, int]:
    """(share of non-ASCII words that are good Vietnamese syllables, number of such words)."""
    words = [w for w in _WORD.findall(text) if any(ord(c) > 0x7F for c in w)]
    if not words:
        return 1.0, 0
    good = sum(1 for w in words if is_vietnamese_syllable(w))
    return good / len(words), len(words)


def detect_encoding(samples: list[bytes], hint: str | None = None, preview_size: int = 10) -> Detection:
    """Best encoding for ``samples`` (raw text values); ``hint`` (e.g. from a .cpg) wins ties."""
    blob = b"\n".join(s for s in samples if s)
    try:
        hint_name = normalise_name(hint) if hint else None
    except ValueError:
        hint_name = None
    if not any(b > 0x7F for b in blob):
        enc = hint_name or "utf-8"
        return Detection(enc, 1.0, {e: 1.0 for e in ENCODINGS}, _preview(samples, enc, preview_size),
                         "ASCII only", hinted=hint_name is not None)
    scores: dict[str, float] = {}
    valid_utf8: set[str] = set()
    for enc in ENCODINGS:
        if enc == "utf-8":
            try:
                text = blob.decode("utf-8")
                valid_utf8.add(enc)
            except UnicodeDecodeError:
                scores[enc] = 0.0
                continue
        else:
            text = decode(blob, enc)
        share, _ = score_text(text)
        if "\ufffd" in text:
            share *= 0.5
        scores[enc] = share
    if "utf-8" in valid_utf8:
        # multi-byte UTF-8 that decodes cleanly is almost never accidental legacy text
        scores["utf-8"] = max(scores["utf-8"], 0.9)
    ranked = sorted(scores, key=lambda e: (scores[e], e == hint_name), reverse=True)
    best = ranked[0]
    if hint_name and scores.get(hint_name, 0) >= scores[best] - 0.05:
        best = hint_name
    second = max((scores[e] for e in ENCODINGS if e != best), default=0.0)
    confidence = max(0.0, min(1.0, scores[best] * (0.5 + 0.5 * (scores[best] - second) /
                                                     max(scores[best], 1e-9))))
    reason = ", ".join(f"{e} {scores[e]:.0%}" for e in ranked)
    return Detection(best, round(confidence, 3), scores, _preview(samples, best, preview_size),
                     reason, hinted=best == hint_name)


def _preview(samples: list[bytes], encoding: str, size: int) -> list[str]:
    """Distinct decoded values, those with non-ASCII letters first (they show the encoding)."""
    seen: dict[str, None] = {}
    plain: dict[str, None] = {}
    for raw in samples:
        if not raw:
            continue
        target = seen if any(b > 0x7F for b in raw) else plain
        if len(target) < size:
            target.setdefault(decode(raw, encoding), None)
        if len(seen) >= size:
            break
    return (list(seen) + list(plain))[:size]


CLEAN_SCORE = 0.6  # share of good Vietnamese syllables below which no legacy candidate is trusted


def utf8_share(samples: list[bytes]) -> tuple[float, int]:
    """(share of non-ASCII samples that are valid UTF-8, number of non-ASCII samples)."""
    non_ascii = [s for s in samples if s and not s.isascii()]
    if not non_ascii:
        return 1.0, 0
    valid = 0
    for s in non_ascii:
        try:
            s.decode("utf-8")
            valid += 1
        except UnicodeDecodeError:
            pass
    return valid / len(non_ascii), len(non_ascii)


def _reads_better_as_utf8(samples: list[bytes], declared: str) -> bool:
    """True when the non-ASCII samples score as better Vietnamese decoded as UTF-8 than as ``declared``."""
    from . import decode

    texts = [s for s in samples if s and not s.isascii()][:200]
    utf8 = score_text(" ".join(s.decode("utf-8") for s in texts))[0]
    other = score_text(" ".join(decode(s, declared) for s in texts))[0]
    return utf8 > other


def resolve_encoding(samples: list[bytes], declared: str | None = None, declared_by: str = "",
                     user: str | None = None, preview_size: int = 10) -> Detection:
    """The encoding to read ``samples`` with, following the declaration before any guess.

    Order (issue 12): the user's choice; a declared encoding (``.cpg``, DBF language driver) that
    decodes every sample cleanly; UTF-8 when it is declared or when most non-ASCII values are valid
    UTF-8 (the few damaged values are then listed by the reader: a writer cut them); else detection
    among the Vietnamese encodings. ``Detection.clean`` is False when no candidate is trustworthy:
    the caller stops and asks for ``--encoding``. ``declared`` must be a normalised name.
    """
    from . import decodes_cleanly

    def done(enc: str, confidence: float, reason: str, **extra) -> Detection:
        det = Detection(enc, confidence, preview=_preview(samples, enc, preview_size), reason=reason,
                        hinted=enc == declared, **extra)
        det.declared, det.declared_by = declared, declared_by
        return det

    if user:
        return done(user, 1.0, t("do người dùng chọn", "chosen by the user"))
    share, count = utf8_share(samples)
    if declared:
        if decodes_cleanly(samples, declared):
            det = done(declared, 1.0, t("khai báo trong {src}", "declared in {src}", src=declared_by))
            if declared != "utf-8" and count and share == 1.0 and _reads_better_as_utf8(samples, declared):
                # kept (never overridden), but a single-byte code page rarely yields valid UTF-8 by chance
                det.warning = t("{enc} khai báo trong {src} nhưng văn bản cũng là UTF-8 hợp lệ và đọc ra tiếng Việt "
                                "tốt hơn: nếu tên bị lỗi font, hãy chọn utf-8 (--encoding utf-8)",
                                "{enc} is declared in {src} but the text is also valid UTF-8 and reads as better "
                                "Vietnamese that way: if the names look garbled, choose utf-8 (--encoding utf-8)",
                                enc=declared, src=declared_by)
            return det
        if declared == "utf-8" and share >= 0.5:
            return done("utf-8", 1.0, t("khai báo trong {src}; {n} giá trị có byte hỏng",
                                                    "declared in {src}; {n} values with damaged bytes",
                                                    src=declared_by, n=round(count * (1 - share))),
                        damaged=True)
    if count and share >= 0.5:
        return done("utf-8", round(share, 3), t("UTF-8 ({p:.0%} giá trị hợp lệ)", "UTF-8 ({p:.0%} of the values "
                                                "valid)", p=share), damaged=share < 1.0)
    det = detect_encoding(samples, preview_size=preview_size)
    det.declared, det.declared_by = declared, declared_by
    if declared:
        det.reason = t("{enc} khai báo trong {src} không đọc được; ", "{enc} declared in {src} does not decode; ",
                       enc=declared, src=declared_by) + det.reason
    if count and det.scores.get(det.encoding, 0.0) < CLEAN_SCORE:
        det.clean = False
    return det
