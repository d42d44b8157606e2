"""Regenerate the Vietnamese Qt translation: lupdate the shell's sources, fill in VI, lrelease.

Run ``.venv/bin/python resources/i18n/update_translations.py`` after changing UI strings.
Source strings are English (``self.tr``); ``vi/*.json`` map them to Vietnamese, one file per feature.
"""
from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
TS = HERE / "kcn_planner_vi.ts"
QM = HERE / "kcn_planner_vi.qm"

VI_DIR = HERE / "vi"  # one JSON file per feature (shell.json, rules.json, ...): English -> Vietnamese


def vietnamese() -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted(VI_DIR.glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def main() -> int:
    tools = Path(sys.executable).resolve().parent.parent / "lib" / "python3.11" / "site-packages" / "PySide6"
    if not (tools / "lupdate").exists():
        import PySide6

        tools = Path(PySide6.__file__).parent
    sources = sorted(str(p) for p in (ROOT / "gis_app" / "shell").rglob("*.py"))
    subprocess.run([str(tools / "lupdate"), "-no-obsolete", "-tr-function-alias", "translate+=_tr", *sources, "-ts", str(TS)],
                   check=True)
    table = vietnamese()
    tree = ET.parse(TS)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(tools / "lrelease"), str(TS), "-qm", str(QM)], check=True)
    build_qt_base(tools)
    if missing:
        print("untranslated:", *missing, sep="\n  ")
    return 1 if missing else 0


def build_qt_base(tools: Path) -> None:
    """Qt ships no Vietnamese for its own widgets (dialog buttons, message boxes): we provide it."""
    contexts = json.loads((HERE / "qt_base_vi.json").read_text(encoding="utf-8"))
    root = ET.Element("TS", version="2.1", language="vi_VN")
    for name, table in contexts.items():
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for source, text in table.items():
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation").text = text
    ts = HERE / "qt_base_vi.ts"
    ET.ElementTree(root).write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(tools / "lrelease"), str(ts), "-qm", str(HERE / "qt_base_vi.qm")], check=True)


if __name__ == "__main__":
    raise SystemExit(main())
