"""The command line contract: --help, exit codes, messages naming the argument."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args, env_lang="en"):
    import os

    env = dict(os.environ, KCN_LANG=env_lang, KCN_NO_BOOTSTRAP="1")
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=120)


def test_help_lists_commands():
    done = _run("--help")
    assert done.returncode == 0
    assert "gui" in done.stdout and "test" in done.stdout


def test_unknown_command_exits_2_with_one_line():
    done = _run("no-such-command")
    assert done.returncode == 2
    assert "no-such-command" in done.stderr


def test_help_is_vietnamese_by_default():
    done = _run("--help", env_lang="vi")
    assert "mở ứng dụng" in done.stdout


def test_test_command_passes_options_to_pytest():
    done = _run("test", "-q", "-p", "no:cacheprovider", "--collect-only", "tests/test_cli.py")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "test_help_lists_commands" in done.stdout


def test_param_labels_follow_the_language():
    from gis_app.core import i18n
    from gis_app.core.processing import Param

    bilingual = Param("paper", "choice", "khổ giấy / paper size")
    plain = Param("min_lot", "float", "")
    i18n.set_language("vi")
    assert bilingual.label() == "Khổ giấy" and bilingual.help_text() == "khổ giấy"
    i18n.set_language("en")
    assert bilingual.label() == "Paper size"
    assert plain.label() == "Min lot"
    i18n.set_language("vi")
