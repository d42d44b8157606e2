"""Citations and rule thresholds as a planner reads them: document titles and sections, thresholds in words.

Rule sets cite their sources by seed file and section ("003_fef7a90db12cc85e.txt, Part II, II.3");
a planner reads "Đề án phát triển CNCNC, CNHT tỉnh Hải Dương 2021–2025, Phần II, mục II.3". The
titles below are taken from the title pages of the seed documents (``shared/seeds/*.txt``).
"""
from __future__ import annotations

import re

from .i18n import t
from .numbers import fmt_m2, fmt_number, fmt_share

# seed file → (Vietnamese title, English title); each from the first lines of that seed.
SEED_TITLES = {
    "000_05cdec2efac1094c.txt": ("Quy hoạch phát triển công nghiệp hỗ trợ tỉnh Hải Dương đến năm 2020, "
                                 "tầm nhìn đến năm 2030",
                                 "Hải Dương supporting-industry development plan to 2020, vision to 2030"),
    "001_cadc693ccc24f5bf.txt": ("Quy hoạch phát triển công nghiệp tỉnh Thái Bình giai đoạn 2017–2025, "
                                 "định hướng đến năm 2030",
                                 "Thái Bình industrial development plan 2017–2025, orientation to 2030"),
    "002_3f2101cc3e4a3fb7.txt": ("Kế hoạch 148/KH-UBND tỉnh Hưng Yên phát triển công nghiệp, tiểu thủ công "
                                 "nghiệp giai đoạn 2021–2025",
                                 "Hưng Yên plan 148/KH-UBND for industry and handicrafts 2021–2025"),
    "003_fef7a90db12cc85e.txt": ("Đề án phát triển CNCNC, CNHT tỉnh Hải Dương 2021–2025",
                                 "Hải Dương scheme for high-tech and supporting industry 2021–2025"),
    "004_cdf81a2e3b692c11.txt": ("Chương trình phát triển công nghiệp hỗ trợ tỉnh Thái Nguyên giai đoạn 2021–2025",
                                 "Thái Nguyên supporting-industry programme 2021–2025"),
}
_SEED = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")
_SECTION = re.compile(r"(,\s*|§\s*|\band\s+)(?=(?:[IVX]+\.)?\d+(?:\.\d+)*\b|[IVX]+\.\d)")


def _outside_quotes(text: str, rewrite) -> str:
    """``rewrite`` applied to the parts of ``text`` outside parentheses and quotation marks: a quoted
    passage is the source's own words and keeps them."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(“":
            if depth == 0:
                out.append(rewrite(text[start:i]))
                start = i
            depth += 1
        elif ch in ")”" and depth:
            depth -= 1
            if depth == 0:
                out.append(text[start:i + 1])
                start = i + 1
    out.append(rewrite(text[start:]) if depth == 0 else text[start:])
    return "".join(out)


# Vietnamese words of a legal reference → English (an English UI reads "Decree 35/2022/NĐ-CP, Article 2").
_TO_ENGLISH = ((r"\bNghị định\b", "Decree"), (r"\bQuyết định\b", "Decision"), (r"\bThông tư\b", "Circular"),
               (r"\bĐiều\b", "Article"), (r"\bkhoản\b", "clause"), (r"\bPhần\b", "Part"), (r"\bmục\b", "section"),
               (r"\bPhụ lục\b", "Annex"))
_TO_VIETNAMESE = ((r"\bPart\b", "Phần"), (r"\bArticle\b", "Điều"), (r"\bclause\b", "khoản"), (r"\bAnnex\b", "Phụ lục"),
                  (r"\band\b", "và"))


def format_citation(citation: str | None) -> str:
    """A rule's citation with seed files named by their document title and sections in words, all in the
    UI language.

    ``"003_fef7a90db12cc85e.txt, Part II, II.3; Part III, 2.6 and 2.9"`` →
    ``"Đề án phát triển CNCNC, CNHT tỉnh Hải Dương 2021–2025, Phần II, mục II.3; Phần III, mục 2.6 và 2.9"``;
    ``"Nghị định 35/2022/NĐ-CP, Điều 2"`` in English → ``"Decree 35/2022/NĐ-CP, Article 2"``. Text in
    parentheses or quotation marks is the source's own words and stays as written."""
    if not citation:
        return ""
    text = _SEED.sub(lambda m: t(*SEED_TITLES[m.group(0)]) if m.group(0) in SEED_TITLES else m.group(0),
                     str(citation))
    word = t("mục ", "section ")
    english = t("vi", "en") == "en"

    def section(m: re.Match) -> str:
        lead = m.group(1)
        if lead.startswith("and"):
            return t("và ", "and ")
        return (", " if lead.startswith(",") else "") + word

    def rewrite(part: str) -> str:
        part = _SECTION.sub(section, part)
        # "Điều 2, 7" / "Điều 2 khoản 1": the number after an article stays with it, not a section
        part = re.sub(r"\b(Điều|Article)( \d+), (?:mục|section) (\d+)\b", r"\1\2, \3", part)
        for pattern, replacement in (_TO_ENGLISH if english else _TO_VIETNAMESE):
            part = re.sub(pattern, replacement, part)
        return part

    return _outside_quotes(text, rewrite)


_SEVERITY = {"violation": ("vi phạm", "a violation"), "warning": ("cảnh báo", "a warning")}

# threshold key → (Vietnamese, English) sentence with {v} for the value; keys of resources/rules/*.toml.
THRESHOLD_WORDS = {
    "hightech_min_share": ("Dành ít nhất {v} quỹ đất công nghiệp cho phân khu công nghệ cao",
                           "At least {v} of the industrial land fund for a high-tech subzone"),
    "cnht_min_share": ("Dành ít nhất {v} quỹ đất công nghiệp, ưu tiên cho CNHT",
                       "At least {v} of the industrial land fund, prioritised for CNHT"),
    "cnht_priority_share": ("Ưu tiên {v} quỹ đất công nghiệp còn lại cho CNHT",
                            "{v} of the remaining industrial land fund prioritised for CNHT"),
    "split_date": ("Khu thành lập từ ngày {v} là khu mới", "Zones established from {v} on count as new"),
    "lot_inside_share": ("Một lô thuộc phân khu khi ít nhất {v} diện tích lô nằm trong phân khu",
                         "A lot belongs to a subzone when at least {v} of it lies inside"),
    "min_lot_m2": ("Diện tích lô tối thiểu {v}", "Smallest lot {v}"),
    "max_mean_lot_m2": ("Diện tích lô trung bình không quá {v}", "Mean lot area at most {v}"),
    "travel_limit_minutes": ("Đi đến nhà máy lắp ráp không quá {v} phút",
                             "At most {v} minutes' travel to an assembly plant"),
    "vacant_in_cnht_min_share": ("Ít nhất {v} đất chưa cho thuê nằm trong phân khu CNHT",
                                 "At least {v} of the vacant land inside CNHT subzones"),
    "excluded_keywords": ("Dự án có các từ sau bị loại trừ: {v}", "Projects with these words are excluded: {v}"),
    "accepted_keywords": ("Dự án có các từ sau được chấp nhận: {v}", "Projects with these words are accepted: {v}"),
    "severity": ("Không đạt là {v}", "Not meeting it is {v}"),
    "excluded_severity": ("Dự án bị loại trừ là {v}", "An excluded project is {v}"),
    "cnht_priority_severity": ("Không đạt phần ưu tiên CNHT là {v}", "Missing the CNHT priority is {v}"),
    "kinds": ("Áp dụng cho {v}", "Applies to {v}"),
}


def _value_words(key: str, value) -> str:
    from .aliases import fmt_date

    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    if key.endswith("severity"):
        return t(*_SEVERITY[value]) if value in _SEVERITY else str(value)
    if key.endswith("_share"):
        return fmt_share(value, 0 if float(value) * 100 == round(float(value) * 100) else 1)
    if key.endswith("_m2"):
        return fmt_m2(value)
    if key.endswith("_date") or hasattr(value, "year"):
        return fmt_date(value)
    if isinstance(value, float):
        return fmt_number(value, 0 if value == round(value) else 1)
    return str(value)


def threshold_words(key: str, value) -> str:
    """One threshold of a rule as a sentence in the UI language (``hightech_min_share = 0.2`` →
    "Dành ít nhất 20% quỹ đất công nghiệp cho phân khu công nghệ cao"); unknown keys read "key: value"."""
    words = _value_words(key, value)
    pair = THRESHOLD_WORDS.get(key)
    return t(*pair).format(v=words) if pair else f"{key.replace('_', ' ')}: {words}"
