"""KCN Planner entry point: ``python main.py`` opens the sample project; ``python main.py --help``."""
import sys

from installer.bootstrap import ensure_venv

if __name__ == "__main__":
    ensure_venv(dev=len(sys.argv) > 1 and sys.argv[1] == "test")
    from gis_app.cli import main

    sys.exit(main(sys.argv[1:]))
