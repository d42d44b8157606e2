"""Every UI string of the shell has a Vietnamese translation, and the compiled .qm is up to date."""
import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"


def test_every_ts_message_is_translated():
    tree = ET.parse(I18N / "kcn_planner_vi.ts")
    unfinished = [m.findtext("source") for m in tree.getroot().iter("message")
                  if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")]
    assert not unfinished, f"untranslated UI strings (run resources/i18n/update_translations.py): {unfinished}"


def test_every_tr_string_in_the_shell_is_in_the_ts():
    ts_sources = {m.findtext("source") for m in ET.parse(I18N / "kcn_planner_vi.ts").getroot().iter("message")}
    pattern = re.compile(r"""\btr\(\s*(["'])((?:(?!\1).)+)\1\s*[,)]""")
    missing = []
    for path in (ROOT / "gis_app" / "shell").rglob("*.py"):
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            text = match.group(2).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            if text not in ts_sources:
                missing.append(f"{path.name}: {text}")
    assert not missing, f"strings not in the .ts (run resources/i18n/update_translations.py): {missing}"


def test_qm_is_newer_than_ts_content():
    qm = (I18N / "kcn_planner_vi.qm").read_bytes()
    table = ET.parse(I18N / "kcn_planner_vi.ts").getroot()
    # Every translation text must be present in the compiled file (UTF-16 BE inside .qm).
    for message in list(table.iter("message"))[:400]:
        text = message.findtext("translation")
        assert text.encode("utf-16-be") in qm, f"{text!r} missing from the .qm: run lrelease"
