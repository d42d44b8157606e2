"""Command line: ``python main.py COMMAND ...``; each command is an algorithm from the registry.

Exit status (../shared/CONTRACTS.md): 0 done, 2 bad input or arguments, 1 internal error (short
message on stderr, traceback in the log file).
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import traceback
from pathlib import Path

from . import __version__
from .core import i18n
from .core.errors import Canceled, InputError
from .core.i18n import t
from .core.paths import log_dir
from .core.processing import Algorithm, Feedback, Param, registry

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PROJECT = ROOT / "resources" / "sample" / "hai_duong_minh_hoa.gpkg"


_log_file: Path | None = None


def log_path() -> Path | None:
    """The log file in use: the per-user log folder, else (unwritable, e.g. a service account whose
    HOME is not its own) a per-user folder under the system temp folder; None when neither can be
    written (then logging goes to stderr only)."""
    return _log_file


def _setup_logging() -> None:
    """Log to the first writable candidate; a log folder we cannot write must never stop a command."""
    global _log_file
    root = logging.getLogger()
    if any(getattr(h, "_kcn", False) for h in root.handlers):
        return
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    uid = os.getuid() if hasattr(os, "getuid") else "user"
    handler: logging.Handler | None = None
    for base in (log_dir(), Path(tempfile.gettempdir()) / f"kcn-planner-{uid}"):
        try:
            base.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(base / "kcn-planner.log", encoding="utf-8")
            _log_file = base / "kcn-planner.log"
            break
        except OSError:
            continue
    if handler is None:  # no writable folder at all: errors only, on stderr
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.ERROR)
        _log_file = None
    handler.setFormatter(fmt)
    handler._kcn = True
    root.addHandler(handler)
    root.setLevel(logging.INFO)


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse prints usage + exits 2; keep it one clear line
        sys.stderr.write(f"{self.prog}: {message}\n")
        raise SystemExit(2)


def _flag(p: Param) -> str:
    return p.flag


def _converter(p: Param):
    """The parameter's own conversion: a bad value raises InputError naming the argument (exit 2)."""
    def convert(text: str):
        return p.from_text(text)

    convert.__name__ = p.kind  # argparse names the type in its own messages
    return convert


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description=t(
        "KCN Planner: quy hoạch đất khu, cụm công nghiệp. Không có lệnh: mở ứng dụng với dự án mẫu.",
        "KCN Planner: industrial zone land planning. No command: open the application on the sample."))
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument("--lang", choices=i18n.SUPPORTED, help=t("ngôn ngữ thông báo", "message language"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    gui = sub.add_parser("gui", help=t("mở ứng dụng", "open the application"))
    gui.add_argument("project", nargs="?", help=t("tệp dự án (.gpkg)", "project file (.gpkg)"))
    run = sub.add_parser("run", help=t("chạy một tập lệnh Python với API mô hình dự án (gis_app.api)",
                                       "run a Python script with the project model API (gis_app.api)"),
                         description=t("Chạy SCRIPT.py; sys.argv của tập lệnh là [SCRIPT.py, ARGS...]. "
                                       "Xem docs/guide/scripting.md.",
                                       "Run SCRIPT.py; the script's sys.argv is [SCRIPT.py, ARGS...]. "
                                       "See docs/guide/scripting.md."))
    run.add_argument("script", metavar="SCRIPT.py", help=t("tập lệnh Python", "Python script"))
    run.add_argument("args", nargs=argparse.REMAINDER, metavar="ARGS", help=t("tham số cho tập lệnh",
                                                                              "arguments for the script"))
    tst = sub.add_parser("test", help=t("chạy bộ kiểm thử (pytest)", "run the test suite (pytest)"))
    tst.add_argument("pytest_args", nargs=argparse.REMAINDER)
    for algorithm in registry().algorithms.values():
        cmd = sub.add_parser(algorithm.name, help=algorithm.title, description=algorithm.title)
        for p in algorithm.params:
            kwargs = {"help": p.help_text()}
            if p.kind == "bool":
                kwargs["action"] = argparse.BooleanOptionalAction
            else:
                kwargs["type"] = _converter(p)
                kwargs["metavar"] = p.name.upper()
                if p.choices:
                    kwargs["choices"] = p.choices
            if p.positional:
                if not p.required:
                    kwargs["nargs"] = "?"
                cmd.add_argument(p.name, **kwargs)
            else:
                if getattr(p, "multiple", False):
                    kwargs["action"] = "append"
                cmd.add_argument(_flag(p), dest=p.name, default=None, **kwargs)
        if not any(p.name == "lang" for p in algorithm.params):
            cmd.add_argument("--lang", choices=i18n.SUPPORTED, help=t("ngôn ngữ thông báo", "message language"))
    return parser


def run_algorithm(algorithm: Algorithm, values: dict) -> int:
    feedback = Feedback(on_log=lambda m: print(m, file=sys.stderr))
    result = algorithm.run(values, feedback)
    summary = result.get("summary") if isinstance(result, dict) else None
    if summary:
        print(summary if isinstance(summary, str) else json.dumps(summary, ensure_ascii=False))
    return int(result.get("exit_code", 0)) if isinstance(result, dict) else 0


def run_script(script: str, args: list[str]) -> int:
    """Run a Python script as ``__main__`` with ``sys.argv = [script, *args]`` (``main.py run``).

    The script imports ``gis_app.api``; its InputError exits 2 like a command's, ``sys.exit(n)`` exits n.
    """
    import runpy

    path = Path(script)
    if not path.is_file():
        raise InputError(t("không tìm thấy tập lệnh", "script not found"), path)
    saved_argv, saved_path = sys.argv, list(sys.path)
    sys.argv = [str(path), *args]
    sys.path.insert(0, str(path.resolve().parent))
    try:
        runpy.run_path(str(path), run_name="__main__")
    except (InputError, SystemExit, KeyboardInterrupt):
        raise
    except Exception:  # the script's own bug: its author needs the traceback, not our log
        traceback.print_exc()
        return 1
    finally:
        sys.argv, sys.path[:] = saved_argv, saved_path
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _setup_logging()
    if "--lang" in argv:
        i = argv.index("--lang")
        if i + 1 < len(argv) and argv[i + 1] in i18n.SUPPORTED:
            i18n.set_language(argv[i + 1])
    try:
        if argv[:1] == ["test"]:  # everything after "test" goes to pytest untouched
            import pytest

            return int(pytest.main([str(ROOT / "tests"), *[a for a in argv[1:] if a != "--"]]))
        if argv[:1] == ["run"] and len(argv) > 1 and not argv[1].startswith("-"):
            return run_script(argv[1], argv[2:])  # the script's own options are not ours to parse
        args = build_parser().parse_args(argv)
        if args.command in (None, "gui"):
            from .shell.app import run_gui

            project = getattr(args, "project", None) or str(SAMPLE_PROJECT)
            return run_gui(project)
        algorithm = registry().get(args.command)
        values = {p.name: getattr(args, p.name) for p in algorithm.params}
        return run_algorithm(algorithm, values)
    except InputError as exc:
        sys.stderr.write(f"{t('lỗi', 'error')}: {exc}\n")
        return 2
    except Canceled as exc:
        sys.stderr.write(f"{exc}\n")
        return 1
    except SystemExit as exc:
        return int(exc.code or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # our bug: short message, traceback to the log
        logging.error("internal error\n%s", traceback.format_exc())
        sys.stderr.write(t("lỗi nội bộ: {err} (chi tiết trong {log})", "internal error: {err} (details in {log})",
                           err=f"{type(exc).__name__}: {exc}"[:300], log=log_path() or "stderr") + "\n")
        return 1
