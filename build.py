#!/usr/bin/env python3
"""The editors' command: build, check, serve, new. See README.md.

Run it as `./build.py` (or `ktw` in the project's .venv): a Python without the toolkit's
packages hands the command over to .venv/bin/python, which `make build` sets up.
"""

import importlib.util
import os
import sys
from pathlib import Path

VENV = Path(__file__).resolve().parent / ".venv"
NEEDED = ("yaml", "markdown", "mkdocs", "material", "weasyprint", "pptx")


def lacks_dependencies() -> bool:
    """Return whether this Python misses any package the toolkit needs."""
    return any(importlib.util.find_spec(name) is None for name in NEEDED)


def run_in_venv() -> None:
    """Run this script again with the venv's Python, or say how to set it up."""
    python = VENV / "bin" / "python"
    if python.exists() and Path(sys.prefix).resolve() != VENV.resolve():
        os.execv(python, [str(python), str(Path(__file__).resolve()), *sys.argv[1:]])
    sys.exit("error: the toolkit's Python packages are missing: run 'make build' first "
             "(it sets up .venv/)")


if __name__ == "__main__":
    if lacks_dependencies():
        run_in_venv()
    from toolkit_builder.cli import main

    sys.exit(main(sys.argv[1:]))
