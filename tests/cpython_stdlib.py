"""CPython's side of the stdlib AST comparison (tests/stdlib_ast.rs) and of the
parse benchmark (grammar/bench/parse_stdlib.py): which files take part, and
what `ast.dump(ast.parse(bytes))` says about each.

The corpus is every .py file under sysconfig's stdlib directory, outside
site-packages, that CPython itself parses (a few test files are broken on
purpose). Files are read as bytes so CPython does its own decoding (BOM,
PEP 263 cookie), exactly as the tulip side must.

    python3 tests/cpython_stdlib.py list   # one parseable path per line
    python3 tests/cpython_stdlib.py dump   # per file: its path line, then its dump line

A dump is always one line: reprs escape newlines. Skipped files are counted
on stderr.
"""

import ast
import os
import sys
import sysconfig
import warnings


def stdlib_files():
    """All .py files of the stdlib outside site-packages, in a stable order."""
    root = sysconfig.get_paths()["stdlib"]
    found = []
    for directory, subdirs, names in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if d != "site-packages")
        found.extend(os.path.join(directory, n) for n in sorted(names) if n.endswith(".py"))
    return found


def parsed_stdlib():
    """(path, source bytes, tree) for every stdlib file CPython parses."""
    warnings.simplefilter("ignore")  # invalid escape sequences and the like
    skipped = 0
    for path in stdlib_files():
        with open(path, "rb") as f:
            source = f.read()
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError):
            skipped += 1
            continue
        yield path, source, tree
    print(f"cpython_stdlib: {skipped} files CPython cannot parse were skipped", file=sys.stderr)


def main(mode):
    out = sys.stdout
    if mode == "list":
        for path, _, _ in parsed_stdlib():
            out.write(path + "\n")
    elif mode == "dump":
        for path, _, tree in parsed_stdlib():
            try:
                dump = ast.dump(tree)
            except RecursionError:
                print(f"cpython_stdlib: {path}: too deep for ast.dump, skipped", file=sys.stderr)
                continue
            out.write(path + "\n" + dump + "\n")
    else:
        sys.exit(f"usage: {sys.argv[0]} list|dump")
    out.flush()


if __name__ == "__main__":
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    main(sys.argv[1] if len(sys.argv) > 1 else "")
