"""Regenerates expected.tsv: CPython 3.11's verdict on every invalid program
of this directory (tests/syntax_errors.rs compares tulip against it).

Each NNN_name.py is compiled from its bytes with `compile(source, name,
'exec')`, as `python3 file.py` would. A case CPython accepts, or rejects with
anything but SyntaxError (or its subclasses), is refused: the script names it
and exits with status 1 without writing the file. Warnings are ignored, so
cases cannot depend on them.

    python3 tests/syntax_errors/regen.py

expected.tsv has one line per case: file name, exception class, line,
stage, message. The stage is `parser` when `ast.parse` already fails (lexer
and parser errors) and `compiler` when only `compile` does (the checks of
grammar/src/validate.rs). Tabs, newlines and backslashes in messages are
escaped as \\t, \\n and \\\\.
"""

import ast
import os
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def parses(source):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(source)
        return True
    except SyntaxError:
        return False


def verdict(path):
    """(class, line, stage, message) of CPython's error, or why it is refused."""
    with open(path, "rb") as f:
        source = f.read()
    stage = "compiler" if parses(source) else "parser"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(source, os.path.basename(path), "exec")
    except SyntaxError as e:
        return (type(e).__name__, e.lineno or 0, stage, e.msg), None
    except Exception as e:
        return None, "raises %s, not SyntaxError" % type(e).__name__
    return None, "CPython accepts it"


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("regen.py needs CPython 3.11, this is %s" % sys.version.split()[0])
    cases = sorted(n for n in os.listdir(HERE) if n.endswith(".py") and n[:3].isdigit())
    rows, refused = [], []
    for name in cases:
        result, reason = verdict(os.path.join(HERE, name))
        if reason:
            refused.append("%s: %s" % (name, reason))
        else:
            kind, line, stage, msg = result
            rows.append("%s\t%s\t%d\t%s\t%s\n" % (name, kind, line, stage, escape(msg)))
    if refused:
        sys.exit("refused cases:\n  " + "\n  ".join(refused))
    with open(os.path.join(HERE, "expected.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.writelines(rows)
    print("wrote %d cases to expected.tsv" % len(rows))


if __name__ == "__main__":
    main()
