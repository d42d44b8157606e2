"""How user text is made safe for each output syntax: the one place that knows it.

Zone, tenant, sector, layer, field and project names come from other agencies' files, so every output
treats them as data in its own syntax, never as code or structure:

- HTML text and attributes (web map): ``html_text`` escapes ``& < > " '``; ``script_json`` embeds data
  in a ``<script>`` block without ever closing it.
- Templates (Jinja2/branca behind folium): user text is never template *source*. ``template_data``
  wraps already-escaped markup in an element whose fixed template prints it as a value.
- reportlab paragraphs (PDF report): ``pdf_paragraph`` escapes ``& < >`` so names cannot become links,
  images or broken tags, and shortens very long text (reportlab lays out every glyph; 100,000 characters
  in one table cell overflow the page and abort the build).
- XML (.qgs/.qml/KML): ElementTree escapes markup; ``xml_text`` replaces the characters XML 1.0 forbids
  (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
- Spreadsheets (XLSX cells, CSV): ``formula_like`` says whether a spreadsheet would run the text
  (it begins with ``= + - @``, a tab or a carriage return, OWASP "CSV injection"); XLSX stores such
  cells as text, CSV prefixes an apostrophe unless the user asks for raw values.
- File-system names: ``safe_file_name`` makes a layer/zone/project name a plain file name;
  ``inside_folder`` refuses any path that would land outside the output folder.
- NUL and other control characters: kept where the format allows them (GeoJSON, shapefile DBF), else
  replaced by U+FFFD "�" (the Unicode replacement character, which the bundled DejaVu font and every
  reader show; the Control Pictures ␀ ␁ are missing from DejaVu) and counted in ``TextNotes`` so the
  command says what it changed.

Source: OWASP "CSV Injection" (formula prefixes), W3C XML 1.0 §2.2 (Char production), ReportLab User
Guide ch. 6 (paragraph XML markup), Jinja2 docs "Sandboxed Environment"/autoescaping (templates run
code). Pure Python, no Qt.
"""
from __future__ import annotations

import html
import json
import math
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .i18n import t

# C0 controls other than tab/LF/CR, DEL; all of them are replaced in formats that forbid them
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XLSX_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # what openpyxl refuses
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
PDF_TEXT_LIMIT = 2_000  # characters of one name/message in a PDF paragraph
XLSX_CELL_LIMIT = 32_767  # Excel's limit for one cell (Excel "specifications and limits")
FILE_NAME_LIMIT = 80  # characters; leaves room for suffixes under every file system's 255-byte limit
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}


@dataclass
class TextNotes:
    """What an output had to change in user text, counted per kind, rendered in the UI language."""

    counts: Counter = field(default_factory=Counter)

    def add(self, kind: str, n: int = 1) -> None:
        if n:
            self.counts[kind] += n

    def messages(self, output: str) -> list[str]:
        """One line per kind of change, naming the output file or format."""
        texts = {
            "control": t("{n} giá trị có ký tự điều khiển (NUL, U+0001…) mà {o} không chứa được: thay bằng “\ufffd”",
                         "{n} values held control characters (NUL, U+0001…) that {o} cannot store: replaced by "
                         "“\ufffd”"),
            "truncated": t("{n} giá trị quá dài cho {o}: cắt ngắn, đánh dấu bằng “…”",
                           "{n} values too long for {o}: shortened, marked with “…”"),
            "formula": t("{n} giá trị bắt đầu bằng = + - @ được ghi dưới dạng văn bản trong {o} (không phải công thức)",
                         "{n} values beginning with = + - @ written as text in {o} (never as formulas)"),
            "file_name": t("{n} tên lớp được đổi thành tên tệp an toàn trong {o}",
                           "{n} layer names made into safe file names in {o}"),
        }
        return [texts[k].format(n=n, o=output) for k, n in sorted(self.counts.items()) if k in texts]


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


REPLACEMENT = "\ufffd"


def control_picture(char: str) -> str:
    """What a control character (or lone surrogate, U+FFFE/U+FFFF) is shown as: U+FFFD."""
    return REPLACEMENT


def _replace(pattern: re.Pattern, text: str, notes: TextNotes | None) -> str:
    out, n = pattern.subn(lambda m: control_picture(m.group()), text)
    if notes is not None and n:
        notes.add("control")
    return out


def shorten(text: str, limit: int, notes: TextNotes | None = None) -> str:
    if len(text) <= limit:
        return text
    if notes is not None:
        notes.add("truncated")
    return text[:limit - 1] + "…"


# -- HTML, JavaScript and templates (web map) -------------------------------------------------------
def html_text(value, empty: str = "—", notes: TextNotes | None = None) -> str:
    """Text for HTML content or a quoted attribute: ``& < > " '`` escaped, controls made visible
    (HTML parsers turn NUL into U+FFFD and drop others silently). None/NaN -> ``empty``."""
    text = _text(value)
    if not text:
        return empty
    return html.escape(_replace(_CONTROLS, text, notes), quote=True)


def script_json(data) -> str:
    """JSON safe inside an HTML ``<script>``: ``< > &`` and the JS line separators as ``\\u`` escapes,
    so no value can close the script element or start a comment."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    for char in ("<", ">", "&", "\u2028", "\u2029"):
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def template_data(markup: str):
    """A branca element that prints ``markup`` (already escaped for HTML) as a template *value*.

    ``folium.Element(text)`` compiles ``text`` as a Jinja2 template, so ``{{ }}`` in a name would run;
    this element's template is a fixed ``{{ this.markup }}``.
    """
    from branca.element import Element
    from jinja2 import Template

    class _Data(Element):
        _template = Template("{{ this.markup }}")

    element = _Data()
    element.markup = markup
    return element


# -- reportlab paragraphs (PDF) ---------------------------------------------------------------------
def pdf_paragraph(value, limit: int = PDF_TEXT_LIMIT, notes: TextNotes | None = None, empty: str = "") -> str:
    """Text for a reportlab ``Paragraph``: ``& < >`` escaped (so no tag, link or image comes from data),
    controls made visible, at most ``limit`` characters."""
    text = _text(value)
    if not text:
        return empty
    text = shorten(_replace(_XML_FORBIDDEN, text, notes), limit, notes)
    return html.escape(text, quote=False)


def pdf_plain(value, limit: int = PDF_TEXT_LIMIT, notes: TextNotes | None = None) -> str:
    """Text drawn by the canvas (no markup): controls made visible, at most ``limit`` characters."""
    return shorten(_replace(_XML_FORBIDDEN, _text(value), notes), limit, notes)


# -- XML (.qgs, .qml, KML) --------------------------------------------------------------------------
def xml_text(value, notes: TextNotes | None = None) -> str:
    """Text for an ElementTree attribute or element (which escapes markup itself): characters that
    XML 1.0 forbids are replaced by visible symbols (W3C XML 1.0 §2.2)."""
    return _replace(_XML_FORBIDDEN, _text(value), notes)


def xml_needs_repair(value) -> bool:
    return isinstance(value, str) and _XML_FORBIDDEN.search(value) is not None


# -- spreadsheets (XLSX, CSV) -----------------------------------------------------------------------
def formula_like(value) -> bool:
    """True for text a spreadsheet would run as a formula (OWASP CSV injection prefixes)."""
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def xlsx_value(value, notes: TextNotes | None = None):
    """A cell value openpyxl can store: text has controls made visible and is cut at Excel's cell
    limit; numbers, dates and None pass. Whether it must be forced to text: ``formula_like``."""
    if not isinstance(value, str):
        return value
    return shorten(_replace(_XLSX_FORBIDDEN, value, notes), XLSX_CELL_LIMIT, notes)


def set_text_cell(cell, value, notes: TextNotes | None = None) -> None:
    """Put ``value`` into an openpyxl cell; text that looks like a formula is stored as a string
    (data type ``s``) with Excel's quote prefix, so it stays text even when edited."""
    value = xlsx_value(value, notes)
    cell.value = value
    if formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True
        if notes is not None:
            notes.add("formula")


def csv_value(value, raw: bool = False, notes: TextNotes | None = None):
    """A CSV field: formula-like text gets a leading apostrophe (spreadsheets show it as text),
    unless ``raw`` (GIS tools that read the value verbatim)."""
    if raw or not formula_like(value):
        return value
    if notes is not None:
        notes.add("formula")
    return "'" + value


# -- file-system names ------------------------------------------------------------------------------
def safe_file_name(name, default: str = "layer") -> str:
    """A plain file name (no folder part) made from a user name: separators, ``..``, characters that
    Windows forbids and controls become ``_``; no leading dot; Windows device names get a ``_``;
    at most FILE_NAME_LIMIT characters. Vietnamese letters are kept (NFC)."""
    text = unicodedata.normalize("NFC", _text(name))
    text = re.sub(r'[\x00-\x1f\x7f/\\:*?"<>|]', "_", text)
    text = re.sub(r"\.{2,}", "_", text).strip(" .")
    text = text[:FILE_NAME_LIMIT].rstrip(" .")
    if not text.strip("_"):  # nothing of the name is left
        return default
    if text.split(".")[0].upper() in _WINDOWS_RESERVED:
        text = "_" + text
    return text


def unique_file_names(names, default: str = "layer") -> dict[str, str]:
    """Safe, distinct file names (case-insensitively) for ``names``: {name: file name}."""
    out, used = {}, set()
    for name in names:
        base = candidate = safe_file_name(name, default)
        i = 2
        while candidate.lower() in used:
            candidate = f"{base}_{i}"
            i += 1
        used.add(candidate.lower())
        out[name] = candidate
    return out


def inside_folder(folder: str | Path, path: str | Path) -> Path:
    """``path`` if it resolves inside ``folder``; else InputError (nothing is written outside)."""
    root = Path(os.path.realpath(folder))
    resolved = Path(os.path.realpath(path))
    if resolved != root and root not in resolved.parents:
        raise InputError(t("đường dẫn ra ngoài thư mục đầu ra: {p}", "path outside the output folder: {p}",
                           p=path), folder)
    return resolved


# -- chart labels (matplotlib) ----------------------------------------------------------------------
def plot_label(value, limit: int = 60, notes: TextNotes | None = None) -> str:
    """A name for a matplotlib label: ``$`` escaped (a pair would start mathtext, which can fail to
    parse), controls made visible, at most ``limit`` characters so one name cannot stretch the chart."""
    text = _replace(_CONTROLS, _text(value), notes).replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return shorten(text, limit, notes).replace("$", r"\$")


def xml_clean_tree(root, notes: TextNotes | None = None):
    """Apply ``xml_text`` to every text, tail and attribute of an ElementTree element and its children,
    so no string of any origin can make the document ill-formed. Returns ``root``."""
    for element in root.iter():
        for name, value in element.attrib.items():
            if xml_needs_repair(value):
                element.set(name, xml_text(value, notes))
        if xml_needs_repair(element.text):
            element.text = xml_text(element.text, notes)
        if xml_needs_repair(element.tail):
            element.tail = xml_text(element.tail, notes)
    return root


_NUL = re.compile("\x00")


def frame_text_safe(frame, xml: bool = True, notes: TextNotes | None = None, nul_only: bool = False):
    """A copy of a (Geo)DataFrame whose text values and column names have the characters XML 1.0
    forbids replaced (for KML and other XML written by GDAL); with ``nul_only`` just NUL (GDAL ends C
    strings there, so GeoPackage/GeoJSON would silently lose the rest). Vectorised per text column."""
    import pandas as pd

    out = frame.copy()
    pattern = _NUL if nul_only else _XML_FORBIDDEN if xml else _CONTROLS
    for column in out.columns:
        series = out[column]
        if column == getattr(out, "_geometry_column_name", None) or not (
                series.dtype == object or pd.api.types.is_string_dtype(series)):
            continue
        text = series.where(series.map(type) == str)
        hit = text.str.contains(pattern, na=False)
        if hit.any():
            out.loc[hit, column] = text[hit].str.replace(pattern, lambda m: control_picture(m.group()), regex=True)
            if notes is not None:
                notes.add("control", int(hit.sum()))
    renamed = {c: _replace(pattern, c, notes) for c in out.columns if isinstance(c, str) and pattern.search(c)}
    return out.rename(columns=renamed) if renamed else out


def frame_csv_safe(frame, raw: bool = False, notes: TextNotes | None = None):
    """A copy of a DataFrame for CSV: formula-like text values and column names get a leading
    apostrophe (``csv_value``) unless ``raw``. Vectorised per text column."""
    import pandas as pd

    if raw:
        return frame
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if not (series.dtype == object or pd.api.types.is_string_dtype(series)):
            continue
        text = series.where(series.map(type) == str)
        hit = text.str.startswith(FORMULA_PREFIXES, na=False)
        if hit.any():
            out.loc[hit, column] = "'" + text[hit]
            if notes is not None:
                notes.add("formula", int(hit.sum()))
    renamed = {c: csv_value(c, notes=notes) for c in out.columns if formula_like(c)}
    return out.rename(columns=renamed) if renamed else out
