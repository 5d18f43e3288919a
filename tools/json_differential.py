#!/usr/bin/env python3
"""Differential test of json.dumps/json.loads: random values, random JSON
texts (valid and mangled) and random option combinations, run under tulip
and python3 (CPython 3.11); every line of output must agree.

    python3 tools/json_differential.py target/release/tulip [--seed N] [--count N]

The cases are generated here and written into one script as literals, so
both interpreters see the same inputs whatever their `random` does.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

CHARS = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\x00", "\x1f", "\x7f", "é", "中", "\u2028",
         "\U0001f600", "\ufffd"]


def random_str(rng):
    return "".join(rng.choice(CHARS) for _ in range(rng.randrange(6)))


def random_float(rng):
    return rng.choice([0.0, -0.0, 0.1, 1e16, 1.5e-7, 1e300, 5e-324, float("inf"), float("-inf"),
                       float("nan"), rng.uniform(-1e6, 1e6), rng.random() * 10 ** rng.randrange(-30, 30)])


def random_value(rng, depth=0):
    kinds = ["str", "int", "float", "bool", "none", "big"]
    if depth < 4:
        kinds += ["list", "tuple", "dict", "dict"]
    kind = rng.choice(kinds)
    if kind == "str":
        return random_str(rng)
    if kind == "int":
        return rng.randrange(-10 ** 6, 10 ** 6)
    if kind == "big":
        return rng.choice([1, -1]) * rng.randrange(10 ** 18, 10 ** 40)
    if kind == "float":
        return random_float(rng)
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "none":
        return None
    items = [random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    if kind == "list":
        return items
    if kind == "tuple":
        return tuple(items)
    keys = [rng.choice([random_str(rng), random_str(rng), rng.randrange(-5, 5), random_float(rng),
                        True, False, None, (1, 2)]) for _ in items]
    return dict(zip(keys, items))


def random_encode_options(rng):
    options = {}
    if rng.random() < 0.4:
        options["indent"] = rng.choice([0, 1, 2, -1, "", "\t", "ab"])
    if rng.random() < 0.3:
        options["separators"] = rng.choice([(",", ":"), (", ", ": "), (" ,", " : ")])
    for flag in ["sort_keys", "skipkeys", "ensure_ascii", "allow_nan", "check_circular"]:
        if rng.random() < 0.3:
            options[flag] = rng.random() < 0.5
    return options


def mangle(rng, text):
    for _ in range(rng.randrange(1, 3)):
        at = rng.randrange(len(text) + 1)
        op = rng.randrange(3)
        if op == 0:
            text = text[:at] + rng.choice('[]{}:,"\\ -+.eE0u1xnNI\x01\n') + text[at:]
        elif op == 1:
            text = text[:at] + text[at + 1:]
        else:
            text = text[:at]
    return text


def random_decode_options(rng):
    return rng.choice([{}, {}, {"strict": False}, {"hooks": "pairs"}, {"hooks": "object"},
                       {"hooks": "numbers"}, {"hooks": "constant"}])


def make_cases(seed, count):
    rng = random.Random(seed)
    encode_cases, decode_cases = [], []
    for _ in range(count):
        value = random_value(rng)
        encode_cases.append((value, random_encode_options(rng)))
        text = json.dumps(value, skipkeys=True, ensure_ascii=rng.random() < 0.5,
                          indent=rng.choice([None, 1]))
        if rng.random() < 0.6:
            text = mangle(rng, text)
        decode_cases.append((text, random_decode_options(rng)))
    return encode_cases, decode_cases


RUNNER = r'''
import json

HOOKS = {
    "pairs": {"object_pairs_hook": lambda pairs: ("pairs", pairs)},
    "object": {"object_hook": lambda d: ("object", sorted(d.items(), key=repr))},
    "numbers": {"parse_int": lambda s: "int " + s, "parse_float": lambda s: "float " + s},
    "constant": {"parse_constant": lambda c: "constant " + c},
}

for value, options in ENCODE:
    try:
        print("dumps", ascii(json.dumps(value, **options)))
    except (TypeError, ValueError) as e:
        print("dumps", type(e).__name__, e)

for text, options in DECODE:
    options = dict(options)
    options.update(HOOKS.get(options.pop("hooks", None), {}))
    try:
        print("loads", ascii(json.loads(text, **options)))
    except json.JSONDecodeError as e:
        print("loads JSONDecodeError", e, e.pos, e.lineno, e.colno)
    except ValueError as e:
        print("loads", type(e).__name__, e)
'''


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tulip")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=2000)
    args = parser.parse_args()
    encode_cases, decode_cases = make_cases(args.seed, args.count)
    script = (f"inf = float('inf')\nnan = float('nan')\nENCODE = {encode_cases!r}\n"
              f"DECODE = {decode_cases!r}\n" + RUNNER)
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(script)
    try:
        outputs = [subprocess.run([cmd, f.name], capture_output=True, text=True).stdout.splitlines()
                   for cmd in (args.tulip, "python3")]
    finally:
        os.unlink(f.name)
    mine, theirs = outputs
    # tulip's str cannot hold lone surrogates (it makes U+FFFD of them, as
    # chr() does): documents decoding to one are not compared.
    lone_surrogate = re.compile(r"\\ud[89a-f][0-9a-f]{2}")
    differences = [(i, a, b) for i, (a, b) in enumerate(zip(mine, theirs))
                   if a != b and not lone_surrogate.search(b)]
    if len(mine) != len(theirs):
        differences.append((min(len(mine), len(theirs)), f"{len(mine)} lines", f"{len(theirs)} lines"))
    for i, a, b in differences[:20]:
        print(f"line {i}:\n  tulip:   {a[:300]}\n  CPython: {b[:300]}")
    print(f"{len(theirs)} lines compared, {len(differences)} differ")
    sys.exit(1 if differences else 0)


main()
