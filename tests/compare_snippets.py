#!/usr/bin/env python3
"""Compares `tulip --dump-ast` with CPython 3.11 on small programs, to find
front-end bugs the stdlib does not exercise. Not a test: a tool for writing
repros.

    python3 tests/compare_snippets.py SNIPPETS_FILE [TULIP_BINARY]

SNIPPETS_FILE holds programs separated by lines that are exactly `#---`.
Each program is written to a file as UTF-8 (`\\r\\n` escapes in the snippet
file are not interpreted: write CRLF files by hand). For every program the
tool prints a line when tulip and CPython disagree:

- DUMP: both accept it but the dumps differ (first differing position shown);
- ACCEPTS: tulip accepts what CPython's compile() rejects;
- REJECTS: tulip rejects what CPython accepts (ast.parse, or also compile()).

CPython's `ast.parse` only parses, while tulip's parser also makes the checks
of CPython's compiler, so the reference for accept/reject is `compile()`.
"""

import ast
import os
import subprocess
import sys
import tempfile
import warnings

CONTEXT = 60


def default_binary():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(repo, "target"))
    return os.path.join(target, "release", "tulip")


def snippets(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return text.split("\n#---\n")


def cpython_view(source):
    """(dump or None, compile error or None)."""
    warnings.simplefilter("ignore")
    try:
        dump = ast.dump(ast.parse(source))
    except (SyntaxError, ValueError) as err:
        return None, f"{type(err).__name__}: {err}"
    try:
        compile(source, "<snippet>", "exec")
    except (SyntaxError, ValueError) as err:
        return dump, f"{type(err).__name__}: {err}"
    return dump, None


def tulip_view(binary, source_bytes):
    """(dump or None, error text or None)."""
    with tempfile.NamedTemporaryFile("wb", suffix=".py", delete=False) as f:
        f.write(source_bytes)
        name = f.name
    try:
        done = subprocess.run([binary, "--dump-ast", name], capture_output=True, timeout=30)
    finally:
        os.unlink(name)
    if done.returncode == 0:
        return done.stdout.decode("utf-8", "replace").rstrip("\n"), None
    return None, (done.stderr or done.stdout).decode("utf-8", "replace").strip()


def first_difference(a, b):
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"@{at}\n    cpython: ...{a[max(0, at - CONTEXT):at + CONTEXT]}\n    tulip:   ...{b[max(0, at - CONTEXT):at + CONTEXT]}"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = sys.argv[2] if len(sys.argv) > 2 else default_binary()
    programs = snippets(sys.argv[1])
    disagreements = 0
    for index, source in enumerate(programs):
        dump, compile_error = cpython_view(source)
        ours, our_error = tulip_view(binary, source.encode("utf-8"))
        shown = source if len(source) < 200 else source[:200] + "..."
        verdict = None
        if dump is not None and ours is not None and dump != ours:
            verdict = "DUMP " + first_difference(dump, ours)
        elif ours is not None and compile_error is not None:
            verdict = f"ACCEPTS (CPython: {compile_error})"
        elif ours is None and compile_error is None:
            verdict = f"REJECTS (tulip: {our_error.splitlines()[-1] if our_error else '?'})"
        if verdict:
            disagreements += 1
            print(f"[{index}] {shown!r}\n  {verdict}")
    print(f"{disagreements} disagreements in {len(programs)} programs")


if __name__ == "__main__":
    main()
