#!/usr/bin/env python3
"""Mawjaz (موجز): build the Arabic news digest from seeds/ and content/ into site/.

Command line only: parse the arguments, run the pipeline, print problems, set the exit code.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mawjaz.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], Path(__file__).resolve().parent))
