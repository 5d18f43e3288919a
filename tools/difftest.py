#!/usr/bin/env python3
"""Differential testing of tulip against CPython on generated programs.

    python3 tools/difftest.py --tulip target/release/tulip --count 2000 --seed 1
    python3 tools/difftest.py --tulip target/release/tulip --show 17   # print program 17

Each program is generated from (seed, index) alone, so a difference is
reproduced by its number. Programs are random but valid Python: statements
that bind names to expressions over ints, floats, strs, bytes, lists, tuples,
dicts and sets; calls of builtins and of the builtin types' methods;
comprehensions, slices, f-strings; small classes with dunders, generators,
closures and exception handling; and (tools/difftest_features.py) the
compound statements, common standard modules and asyncio. Every printed
expression runs under
`try`/`except`, so error types and messages are compared too.

For each program the tool runs tulip and `python3` (CPython 3.11), compares
stdout, the last line of stderr and the exit status, and reports the first
difference. Known, documented differences (README's differences section)
are filtered by `EXPLAINED`.
"""

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

from difftest_features import Features

# Differences the README documents; a program whose output differs only on a
# line matching one of these is not reported.
EXPLAINED = []

INTS = ["0", "1", "-1", "2", "3", "7", "-5", "10", "255", "1000", "(2**31)", "(2**63)", "(-2**63)", "(10**20)", "(-(10**30))", "True", "False"]
FLOATS = ["0.0", "-0.0", "0.5", "1.5", "-2.5", "3.14159", "1e-7", "1e16", "1e300", "float('inf')", "float('-inf')", "float('nan')", "2.675", "0.1"]
STRS = ["''", "'a'", "'abc'", "'Hello World'", "'  padded  '", "'a,b,,c'", "'123'", "'-4.5'", "'x\\ty'", "'λx'", "'MiXeD'", "'a\\nb'", "'%s-%d'"]
BYTES = ["b''", "b'abc'", "b'\\x00\\xff'", "bytearray(b'xy')", "b'a b'"]
NAMES = ["a", "b", "c", "d", "e"]

INT_BINOPS = ["+", "-", "*", "//", "%", "**", "&", "|", "^", "<<", ">>", "/"]
# No `is` between arbitrary operands: CPython merges equal constants of a
# code object, so `(1.5,) is (1.5,)` is an implementation detail.
CMP = ["<", "<=", "==", "!=", ">", ">=", "in", "not in"]
BUILTINS1 = ["len", "abs", "repr", "str", "bool", "int", "float", "list", "tuple", "sorted", "min", "max", "sum", "hex", "bin", "oct", "chr", "ord", "round", "reversed", "enumerate", "set", "frozenset", "type", "any", "all", "ascii", "hash", "iter", "bytes", "dict", "divmod", "pow", "format", "callable", "id"]
STR_METHODS = {
    "upper": [], "lower": [], "title": [], "capitalize": [], "swapcase": [], "casefold": [],
    "strip": [[], ["STR"]], "lstrip": [[], ["STR"]], "rstrip": [[], ["STR"]],
    "split": [[], ["STR"], ["STR", "INT"]], "rsplit": [[], ["STR", "INT"]], "splitlines": [[], ["BOOL"]],
    "join": [["LIST"]], "replace": [["STR", "STR"], ["STR", "STR", "INT"]], "find": [["STR"], ["STR", "INT"]],
    "rfind": [["STR"]], "index": [["STR"]], "count": [["STR"]], "startswith": [["STR"], ["TUPLE"]], "endswith": [["STR"]],
    "center": [["INT"], ["INT", "STR"]], "ljust": [["INT"]], "rjust": [["INT", "STR"]], "zfill": [["INT"]],
    "partition": [["STR"]], "rpartition": [["STR"]], "isdigit": [], "isalpha": [], "isspace": [], "isupper": [],
    "encode": [[]], "expandtabs": [[], ["INT"]], "format": [[], ["ANY"], ["ANY", "ANY"]], "removeprefix": [["STR"]],
    "removesuffix": [["STR"]], "isnumeric": [], "isidentifier": [], "istitle": [],
}
LIST_METHODS = {
    "append": [["ANY"]], "extend": [["LIST"]], "pop": [[], ["INT"]], "insert": [["INT", "ANY"]], "remove": [["ANY"]],
    "index": [["ANY"]], "count": [["ANY"]], "reverse": [], "copy": [], "clear": [], "sort": [[]],
}
DICT_METHODS = {
    "get": [["ANY"], ["ANY", "ANY"]], "pop": [["ANY"], ["ANY", "ANY"]], "setdefault": [["ANY", "ANY"]], "keys": [],
    "values": [], "items": [], "update": [["DICT"]], "copy": [], "popitem": [], "clear": [],
}
SET_METHODS = {
    "add": [["INT"]], "discard": [["INT"]], "remove": [["INT"]], "union": [["SET"]], "intersection": [["SET"]],
    "difference": [["SET"]], "symmetric_difference": [["SET"]], "issubset": [["SET"]], "isdisjoint": [["SET"]], "pop": [],
}


class Gen(Features):
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.bound = []
        self.in_fstring = False

    def pick(self, xs):
        return self.r.choice(xs)

    def chance(self, p):
        return self.r.random() < p

    # Expressions by kind.
    def int_(self, d=0):
        if d > 2 or self.chance(0.5):
            return self.pick(INTS)
        op = self.pick(INT_BINOPS[:-1] if self.chance(0.8) else INT_BINOPS)
        left, right = self.int_(d + 1), self.int_(d + 1)
        if op in ("**", "<<"):
            right = self.pick(["0", "1", "2", "3", "5", "-1", "64"])
        return f"({left} {op} {right})"

    def float_(self, d=0):
        if d > 2 or self.chance(0.5):
            return self.pick(FLOATS)
        op = self.pick(["+", "-", "*", "/", "//", "%", "**"])
        right = self.pick(["2", "0.5", "-1", "3"]) if op == "**" else self.num(d + 1)
        return f"({self.float_(d + 1)} {op} {right})"

    def num(self, d=0):
        return self.int_(d) if self.chance(0.6) else self.float_(d)

    def str_(self, d=0):
        c = self.r.random()
        if d > 2 or c < 0.4:
            return self.pick(STRS)
        if c < 0.55:
            return f"({self.str_(d + 1)} + {self.str_(d + 1)})"
        if c < 0.65:
            return f"({self.str_(d + 1)} * {self.pick(['0', '1', '2', '3', '-1'])})"
        if c < 0.75:
            return f"{self.str_(d + 1)}[{self.slice_()}]"
        if c < 0.85 and not self.in_fstring:
            # Replacement fields may not hold another f-string with the same quotes (3.11).
            self.in_fstring = True
            field, number = self.any_(d + 1), self.num(d + 1)
            self.in_fstring = False
            return f'f"{{{field}!r}}-{{{number}:{self.fmt_spec()}}}"'
        return f"str({self.any_(d + 1)})"

    def fmt_spec(self):
        return self.pick(["", ">8", "<6", "^9", "+", "08.3f", ".2e", ",", "_", ".1%", "g", ".3g", "x", "b", "o", "#x", "e", "n", "=+10"])

    def slice_(self):
        parts = [self.pick(["", "0", "1", "-1", "2", "-3", "100", "-100"]) for _ in range(3)]
        step = parts[2] if parts[2] not in ("0",) else ""
        if self.chance(0.3):
            return parts[0] or "0"
        return f"{parts[0]}:{parts[1]}" + (f":{step}" if self.chance(0.4) else "")

    def list_(self, d=0):
        c = self.r.random()
        if d > 2 or c < 0.4:
            return "[" + ", ".join(self.simple() for _ in range(self.r.randint(0, 4))) + "]"
        if c < 0.6:
            v = self.pick(["x", "x * 2", "-x", "str(x)", "x % 3", "(x, x)"])
            cond = self.pick(["", " if x % 2", " if x > 1", " if not x"])
            return f"[{v} for x in {self.iterable(d + 1)}{cond}]"
        if c < 0.7:
            return f"sorted({self.iterable(d + 1)})"
        if c < 0.8:
            return f"list({self.iterable(d + 1)})"
        return f"({self.list_(d + 1)} + {self.list_(d + 1)})"

    def iterable(self, d=0):
        return self.pick([f"range({self.pick(['0', '3', '5', '-2', '1, 7', '10, 0, -3'])})", self.list_(d + 1), "'abc'", "(1, 2, 3)", "{3: 'c', 1: 'a'}", "{1, 2, 3}"])

    def tuple_(self, d=0):
        n = self.r.randint(0, 3)
        items = [self.simple() for _ in range(n)]
        return "(" + ", ".join(items) + ("," if n == 1 else "") + ")"

    def dict_(self, d=0):
        if self.chance(0.3) and d < 2:
            return f"{{k: v for k, v in zip({self.pick(['abc', 'xyz'])!r}, {self.iterable(d + 1)})}}"
        keys = self.r.sample(["1", "2", "'a'", "'b'", "(1, 2)", "None", "3.5", "True"], self.r.randint(0, 4))
        return "{" + ", ".join(f"{k}: {self.simple()}" for k in keys) + "}"

    def set_(self, d=0):
        return self.pick(["set()", "{1, 2, 3}", "{0, -1}", f"set({self.iterable(d + 1)})", "{x % 4 for x in range(9)}", "frozenset({2, 3})"])

    def simple(self):
        return self.pick([self.pick(INTS), self.pick(FLOATS), self.pick(STRS), "None", "(1, 'a')", "[1, [2]]"] + self.bound)

    def any_(self, d=0):
        kinds = [self.int_, self.float_, self.str_, self.list_, self.tuple_, self.dict_, self.set_]
        if d < 3 and self.chance(0.35):
            return self.compound(d)
        return self.pick(kinds)(d + 1)

    def compound(self, d):
        c = self.r.random()
        if c < 0.25:
            f = self.pick(BUILTINS1)
            nargs = 2 if f in ("divmod", "pow", "format") else 1
            if f in ("round",) and self.chance(0.5):
                nargs = 2
            args = [self.any_(d + 1) if i == 0 else self.pick(INTS[:8] + ["'x'"]) for i in range(nargs)]
            if f in ("hash", "id", "iter", "reversed", "enumerate"):
                return f"{'list' if f in ('iter', 'reversed', 'enumerate') else 'type'}({f}({args[0]}))"
            return f"{f}({', '.join(args)})"
        if c < 0.45:
            return self.method_call(d)
        if c < 0.6:
            op = self.pick(CMP)
            return f"({self.any_(d + 1)} {op} {self.any_(d + 1)})"
        if c < 0.7:
            return f"({self.any_(d + 1)} {self.pick(['and', 'or'])} {self.any_(d + 1)})"
        if c < 0.8:
            return f"({self.any_(d + 1)} if {self.any_(d + 1)} else {self.any_(d + 1)})"
        if c < 0.85:
            return f"{self.pick([self.list_(d + 1), self.tuple_(d + 1), self.str_(d + 1)])}[{self.slice_()}]"
        if c < 0.92:
            return self.conversion(d)
        return f"({self.pick(['-', 'not ', '~', '+'])}{self.any_(d + 1)})"

    def conversion(self, d):
        """Conversions and numeric builtins with arguments of every kind."""
        x = self.pick([self.simple(), self.str_(d + 1), self.num(d + 1)])
        int_text = self.pick(STRS + ["'0x1f'", "' 42 '", "'1_000'", "'0b101'"])
        base = self.pick(["0", "2", "10", "16", "36", "1", "37"])
        float_text = self.pick(STRS + ["' 1e3 '", "'inf'", "'-nan'", "'1_0.5'"])
        str_call = self.pick(["encode()", "isascii()", "split(None, 1)", "rsplit('a', 1)", "partition(' ')"])
        return self.pick([
            f"int({int_text}, {base})",
            f"float({float_text})",
            f"round({self.num(d + 1)}, {self.pick(['-1', '0', '2', '-3', 'None'])})",
            f"divmod({self.num(d + 1)}, {self.num(d + 1)})",
            f"pow({self.int_(d + 1)}, {self.pick(['2', '-1', '0', '3'])}, {self.pick(['5', '7', '-3', '1', '0'])})",
            f"format({x}, {self.fmt_spec()!r})",
            f"complex({self.num(d + 1)}, {self.num(d + 1)})",
            f"str({x}).{str_call}",
            f"{self.pick(['max', 'min'])}({self.iterable(d + 1)}, default={self.simple()})",
            f"sum({self.iterable(d + 1)}, {self.pick(['0', '0.5', '[]', '()'])})",
            f"list(zip({self.iterable(d + 1)}, {self.iterable(d + 1)}))",
            f"dict.fromkeys({self.iterable(d + 1)}, {self.simple()})",
            f"{self.dict_(d + 1)} | {self.dict_(d + 1)}",
            f"{self.set_(d + 1)} {self.pick(['|', '&', '-', '^', '<=', '<'])} {self.set_(d + 1)}",
            f"{self.tuple_(d + 1)} {self.pick(['<', '==', '+', '*'])} {self.pick([self.tuple_(d + 1), '2'])}",
            f"isinstance({x}, {self.pick(['int', 'str', '(int, float)', 'object', 'bool', 'list | tuple'])})",
        ])

    def method_call(self, d):
        table, recv = self.pick([(STR_METHODS, self.str_), (LIST_METHODS, self.list_), (DICT_METHODS, self.dict_), (SET_METHODS, self.set_)])
        name = self.pick(sorted(table))
        forms = table[name] or [[]]
        form = forms if forms and isinstance(forms[0], str) else self.pick(forms)
        args = [self.arg_of(k, d) for k in form]
        return f"{recv(d + 1)}.{name}({', '.join(args)})"

    def arg_of(self, kind, d):
        return {
            "STR": lambda: self.str_(d + 1),
            "INT": lambda: self.pick(["0", "1", "2", "-1", "5", "20", "-3"]),
            "BOOL": lambda: self.pick(["True", "False"]),
            "LIST": lambda: self.pick([self.list_(d + 1), "['a', 'b']", "('x', 'y')"]),
            "TUPLE": lambda: "('a', 'H')",
            "DICT": lambda: self.dict_(d + 1),
            "SET": lambda: self.set_(d + 1),
            "ANY": lambda: self.simple(),
        }[kind]()

    # Statements.
    def guarded_print(self, expr):
        return f"try:\n    print({expr})\nexcept Exception as exc:\n    print(type(exc).__name__, exc)"

    def statement(self):
        if self.chance(0.35):
            return self.feature()
        c = self.r.random()
        if c < 0.45:
            return self.guarded_print(self.any_())
        if c < 0.65:
            name = self.pick(NAMES)
            s = f"try:\n    {name} = {self.any_()}\nexcept Exception as exc:\n    {name} = None\n    print('bind', type(exc).__name__, exc)"
            if name not in self.bound:
                self.bound.append(name)
            return s
        if c < 0.72 and self.bound:
            name = self.pick(self.bound)
            op = self.pick(["+=", "*=", "-=", "|=", "//=", "%="])
            return f"try:\n    {name} {op} {self.simple()}\n    print({name!r}, repr({name}))\nexcept Exception as exc:\n    print(type(exc).__name__, exc)"
        if c < 0.8:
            return self.template()
        if c < 0.9 and self.bound:
            name = self.pick(self.bound)
            return self.guarded_print(f"[{self.pick(['repr(x)', 'type(x).__name__', 'x'])} for x in {name}] if hasattr({name}, '__iter__') else {name}")
        return self.guarded_print(f"'{self.pick(['%s', '%r', '%d', '%5.2f', '%x', '%-4s|', '%c', '%%'])}' % ({self.simple()},)")

    def template(self):
        k = self.r.randint(0, 9)
        v1, v2 = self.simple(), self.simple()
        if k == 0:
            return (
                "class K:\n"
                f"    def __init__(self, v): self.v = v\n"
                "    def __repr__(self): return f'K({self.v!r})'\n"
                f"    def __{self.pick(['add', 'mul', 'sub', 'lt', 'eq'])}__(self, o): return K((self.v, o))\n"
                f"    def __len__(self): return {self.pick(['0', '2', '-1', '3'])}\n"
                "    def __iter__(self): return iter([self.v])\n"
                + self.guarded_print(f"[K({v1}) + {v2}, K({v1}) * 2, K(1) < K(2), len(K(0)), list(K({v2})), bool(K(1))]")
            )
        if k == 1:
            return (
                "def g(n):\n"
                "    for i in range(n):\n"
                f"        yield i * {self.pick(INTS[:6])}\n"
                f"    return {v1}\n"
                + self.guarded_print(f"[list(g({self.pick(['0', '3', '5'])})), sum(g(4)), next(g(0), 'end'), [*g(2), *g(1)]]")
            )
        if k == 2:
            return (
                "def f(x, *args, k=1, **kw):\n"
                "    return (x, args, k, sorted(kw.items()))\n"
                + self.guarded_print(f"[f({v1}), f(1, {v2}, k={v1}), f(*[1, 2, 3], z=3), f(**{{'x': {v2}}})]")
            )
        if k == 3:
            exc = self.pick(["ValueError", "KeyError", "TypeError", "IndexError", "ZeroDivisionError", "RuntimeError"])
            return (
                "try:\n"
                f"    try:\n        raise {exc}({v1})\n"
                f"    except {exc} as inner:\n        raise LookupError('outer') from inner\n"
                "except LookupError as e:\n"
                "    print(repr(e), repr(e.__cause__), str(e.__cause__), e.__cause__.args)\n"
            )
        if k == 4:
            return (
                "def counter():\n    n = 0\n    def inc(by=1):\n        nonlocal n\n        n += by\n        return n\n    return inc\n"
                f"inc = counter()\n" + self.guarded_print(f"[inc(), inc({self.pick(['2', '-1', '0'])}), inc()]")
            )
        if k == 5:
            return (
                "class Base:\n"
                f"    kind = {v1}\n"
                "    def __init__(self, v): self.v = v\n"
                "    def describe(self): return f'{type(self).__name__}:{self.v!r}:{self.kind!r}'\n"
                "    @property\n    def double(self): return self.v * 2\n"
                "class Child(Base):\n"
                f"    kind = {v2}\n"
                "    def describe(self): return 'child/' + super().describe()\n"
                "    def __getattr__(self, name): return f'missing {name}'\n"
                + self.guarded_print(f"[Base({v1}).describe(), Child({v2}).describe(), Child(3).double, Child(1).nothing, isinstance(Child(1), Base), Child.__mro__[1].__name__]")
            )
        if k == 6:
            return (
                "def gen():\n"
                "    got = []\n"
                "    try:\n"
                "        while True:\n"
                "            x = yield len(got)\n"
                "            got.append(x)\n"
                "    except ValueError as e:\n"
                "        yield ('caught', str(e), got)\n"
                "    finally:\n"
                "        print('closing', got)\n"
                "it = gen()\n"
                + self.guarded_print(f"[next(it), it.send({v1}), it.send({v2}), it.throw(ValueError('boom')), it.close()]")
            )
        if k == 7:
            exc = self.pick(["ValueError", "TypeError", "KeyError"])
            return (
                "try:\n"
                f"    raise ExceptionGroup('many', [{exc}({v1}), OSError(2, 'nope')])\n"
                f"except* {exc} as g:\n"
                "    print('matched', repr(g), [repr(e) for e in g.exceptions])\n"
                "except* OSError as g:\n"
                "    print('os', g.exceptions[0].errno, g.exceptions[0].strerror, str(g.exceptions[0]))\n"
            )
        if k == 8:
            return self.guarded_print(f"'{{}} {{!r}} {{:>6}} {{x}}'.format({v1}, {v2}, {self.pick(INTS)}, x={self.simple()})")
        return self.guarded_print(f"sorted({self.iterable()}, key={self.pick(['str', 'repr', 'lambda x: -x if isinstance(x, int) else 0', 'len'])}, reverse={self.pick(['True', 'False'])})")

    def program(self):
        return "\n".join(self.statement() for _ in range(self.r.randint(4, 12))) + "\n"


def program(seed, index, feature=None):
    g = Gen(seed * 1_000_003 + index)
    if feature:
        return "\n".join(getattr(g, feature)() for _ in range(3)) + "\n"
    return g.program()


def run(cmd, path):
    try:
        p = subprocess.run(cmd + [path], capture_output=True, timeout=20, env={**os.environ, "PYTHONHASHSEED": "0"})
    except subprocess.TimeoutExpired:
        return ("TIMEOUT", "", -1)
    err = p.stderr.decode("utf-8", "replace").strip().splitlines()
    return (p.stdout.decode("utf-8", "replace"), err[-1] if err else "", p.returncode)


def explained(a, b):
    if sorted(a) == sorted(b) and any(ch in a for ch in "{[("):
        # The same characters in another order: a set of strs (or a list made
        # from one), whose order follows str hashes (randomised in CPython).
        return True
    return any(e in a or e in b for e in EXPLAINED)


def same_but_addresses(a, b):
    # Object addresses (default reprs) differ between any two runs.
    return re.sub(r"0x[0-9a-f]+", "0x", a) == re.sub(r"0x[0-9a-f]+", "0x", b)


def first_difference(x, y):
    for i, (a, b) in enumerate(zip(x.splitlines(), y.splitlines())):
        if a != b and not same_but_addresses(a, b):
            return i + 1, a, b
    return None, "(length)", "(length)"


SKIPPED = "skipped"


def check(args, index, workdir):
    src = program(args.seed, index, args.feature)
    path = os.path.join(workdir, f"p{index}.py")
    with open(path, "w") as fh:
        fh.write(src)
    c = run([args.python], path)
    if c[0] == "TIMEOUT":
        # CPython did not finish (a 2**31-item tuple, a 2**(2**63) power):
        # nothing to compare against.
        return SKIPPED
    t = run(args.tulip.split(), path)
    if t[0] != c[0]:
        line, a, b = first_difference(t[0], c[0])
        if line is None and len(t[0].splitlines()) == len(c[0].splitlines()):
            return None
        if explained(a, b):
            return None
        return f"#{index}: stdout line {line}\n  tulip:   {a[:300]}\n  cpython: {b[:300]}"
    if t[2] != c[2]:
        return f"#{index}: exit status tulip {t[2]} cpython {c[2]}\n  tulip:   {t[1][:300]}\n  cpython: {c[1][:300]}"
    # As in the conformance corpus, stderr only matters when the program fails
    # (warnings are fine).
    if t[2] != 0 and t[1] != c[1]:
        return f"#{index}: stderr\n  tulip:   {t[1][:300]}\n  cpython: {c[1][:300]}"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tulip", default="target/release/tulip")
    ap.add_argument("--python", default="python3")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show", type=int, help="print program number SHOW and exit")
    ap.add_argument("--feature", help="programs of one template of difftest_features.py only (e.g. match_stmt)")
    args = ap.parse_args()
    if args.show is not None:
        sys.stdout.write(program(args.seed, args.show, args.feature))
        return
    failures, skipped = [], 0
    with tempfile.TemporaryDirectory() as workdir, ThreadPoolExecutor(args.jobs) as pool:
        for report in pool.map(lambda i: check(args, i, workdir), range(args.start, args.start + args.count)):
            if report is SKIPPED:
                skipped += 1
            elif report:
                failures.append(report)
                print(report, flush=True)
    print(f"{args.count} programs, {len(failures)} differences, {skipped} skipped (CPython timed out)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
