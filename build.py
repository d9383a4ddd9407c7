#!/usr/bin/env python3
"""The editors' command: build, check, serve, new. See README.md."""

import sys

from toolkit_builder.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
