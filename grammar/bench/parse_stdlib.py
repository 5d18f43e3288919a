#!/usr/bin/env python3
"""Benchmark: parsing the CPython 3.11 stdlib with CPython's `ast.parse` and
with `tulip --parse-only`, side by side.

    python3 grammar/bench/parse_stdlib.py [TULIP_BINARY] [--repeats N]

TULIP_BINARY defaults to target/release/tulip (from the repository root or
$CARGO_TARGET_DIR). The files are those of the stdlib AST test
(tests/cpython_stdlib.py): every stdlib .py file CPython parses.

CPython is timed in this process over source bytes already in memory, which
flatters it slightly; tulip is timed as whole processes, reading the files
itself, with the list passed in chunks that stay under the argv limit. The
two alternate for each repeat so that machine noise hits both; the best and
the median times are reported with the ratio tulip / CPython.
"""

import argparse
import ast
import os
import statistics
import subprocess
import sys
import time
import warnings

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "tests"))

import cpython_stdlib  # noqa: E402  (found through the path set just above)

ARGV_BYTES_PER_CALL = 100_000


def default_binary():
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(REPO, "target"))
    return os.path.join(target, "release", "tulip")


def chunks(paths, budget=ARGV_BYTES_PER_CALL):
    """Lists of paths whose argv size stays under budget bytes."""
    chunk, size = [], 0
    for path in paths:
        cost = len(os.fsencode(path)) + 1
        if chunk and size + cost > budget:
            yield chunk
            chunk, size = [], 0
        chunk.append(path)
        size += cost
    if chunk:
        yield chunk


def time_cpython(sources):
    warnings.simplefilter("ignore")
    started = time.perf_counter()
    for source in sources:
        ast.parse(source)
    return time.perf_counter() - started


def time_tulip(binary, paths):
    """Seconds for tulip to parse all paths; also the exit codes that were not 0."""
    failures = []
    started = time.perf_counter()
    for chunk in chunks(paths):
        done = subprocess.run([binary, "--parse-only", *chunk], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if done.returncode != 0:
            failures.append((done.returncode, done.stderr.decode("utf-8", "replace").strip()))
    return time.perf_counter() - started, failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", nargs="?", default=default_binary(), help="the tulip executable")
    parser.add_argument("--repeats", type=int, default=5, help="timed rounds of each (default 5)")
    options = parser.parse_args()
    if not os.access(options.binary, os.X_OK):
        sys.exit(f"no tulip binary at {options.binary}: build it with cargo build --release")

    paths, sources = [], []
    for path, source, _ in cpython_stdlib.parsed_stdlib():
        paths.append(path)
        sources.append(source)
    total_bytes = sum(len(s) for s in sources)
    print(f"{len(paths)} stdlib files, {total_bytes / 1e6:.1f} MB, {options.repeats} rounds", flush=True)

    cpython_times, tulip_times = [], []
    for round_number in range(1, options.repeats + 1):
        cpython_times.append(time_cpython(sources))
        seconds, failures = time_tulip(options.binary, paths)
        tulip_times.append(seconds)
        print(f"  round {round_number}: CPython {cpython_times[-1]:.3f}s, tulip {tulip_times[-1]:.3f}s", flush=True)
        if round_number == 1:  # the same files fail every round
            for code, message in failures[:3]:
                print(f"    tulip exited with {code}: {message[:300]}")

    for label, pick in (("best", min), ("median", statistics.median)):
        cpython_seconds, tulip_seconds = pick(cpython_times), pick(tulip_times)
        print(
            f"{label:>6}: CPython ast.parse {cpython_seconds:.3f}s, tulip --parse-only {tulip_seconds:.3f}s, "
            f"tulip/CPython = {tulip_seconds / cpython_seconds:.3f} ({cpython_seconds / tulip_seconds:.2f}x faster)"
        )


if __name__ == "__main__":
    main()
