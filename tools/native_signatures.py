"""Counts the natives that bind their arguments through a declared signature.

    python3 tools/native_signatures.py [-v]

A native is a Rust function `fn f(vm: &Vm, args: &[Value], kw: &KwArgs) ->
PyResult<Value>` under src/; it is migrated when its body uses `sig!` (the
declared-signature layer of src/builtins/args.rs) or a local macro that
expands to one (`either_sig!`, `owner_sig!`, `mode!`), or when it hands
its arguments on (`f(vm, a, kw, ...)`) to a function of the same file that
does. Natives written inside `macro_rules!` count once per macro. With -v,
lists per file the natives left to migrate. Exits with status 1 while any
are left, so a test can hold the count at zero.
"""

import os
import re
import sys

HEADER = re.compile(
    r"\bfn (\w+)(?:<[^>]*>)?\(\s*_?\w+: &Vm,\s*_?\w+: &(?:'\w+ )?\[Value\],\s*_?\w+: &KwArgs,?\s*\)"
    r"\s*->\s*PyResult<Value>\s*\{"
)
BINDS = re.compile(r"\b(sig|either_sig|owner_sig|mode)!\(")
ANY_FN = re.compile(r"\bfn (\w+)(?:<[^>]*>)?\([^)]*\)[^{;]*\{")
FORWARD = re.compile(r"\b(\w+)\(\s*_?vm,\s*_?\w+,\s*_?kw\b")


def body_at(text, start):
    """The text of the block whose `{` ends at `start`, by brace depth
    (string and char literals skipped roughly: enough for this source)."""
    depth, i, quote = 1, start, None
    while i < len(text) and depth:
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c == '"':
            quote = c
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        i += 1
    return text[start:i]


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
    total = migrated = 0
    left = {}
    for d, _, files in sorted(os.walk(root)):
        for f in sorted(files):
            if not f.endswith(".rs"):
                continue
            path = os.path.join(d, f)
            text = open(path).read()
            binders = {m.group(1) for m in ANY_FN.finditer(text) if BINDS.search(body_at(text, m.end()))}
            for m in HEADER.finditer(text):
                total += 1
                body = body_at(text, m.end())
                if BINDS.search(body) or any(f.group(1) in binders for f in FORWARD.finditer(body)):
                    migrated += 1
                else:
                    left.setdefault(os.path.relpath(path, os.path.dirname(root)), []).append(m.group(1))
    print(f"natives: {total}, through declared signatures: {migrated}, left: {total - migrated}")
    if "-v" in sys.argv:
        for path, names in sorted(left.items(), key=lambda kv: -len(kv[1])):
            print(f"  {path}: {len(names)}: {' '.join(names)}")
    return 1 if total > migrated else 0


sys.exit(main())
