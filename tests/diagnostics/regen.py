"""Writes NAME.err beside each NAME.py under tracebacks/ and syntax/: the
stderr of `python3 NAME.py` (CPython 3.11), with the directory's path taken
out of file names. tests/diagnostics.rs compares tulip's stderr with it."""

import pathlib
import subprocess
import sys

here = pathlib.Path(__file__).resolve().parent
for folder in ("tracebacks", "syntax"):
    for script in sorted((here / folder).glob("*.py")):
        run = subprocess.run([sys.executable, "-B", script.name], capture_output=True, text=True, cwd=script.parent)
        script.with_suffix(".err").write_text(run.stderr.replace(f"{script.parent}/", ""))
