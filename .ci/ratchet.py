#!/usr/bin/env python3
"""Conformance ratchet: fail when a test listed in tests/conformance-passing.txt fails.

Usage: ratchet.py RESULTS.json LIST
RESULTS.json is what ../shared/conformance/run --json wrote. Tests not on the list
only print; a listed test that no longer passes fails the run. Tests that pass but
are not listed are printed so they can be added.
"""
import json
import sys


def main() -> int:
    results_path, list_path = sys.argv[1], sys.argv[2]
    with open(results_path) as f:
        results = json.load(f)
    passed = {test["test"] for test in results["tests"] if test["ok"]}
    with open(list_path) as f:
        listed = {line.strip() for line in f if line.strip() and not line.startswith("#")}
    broken = sorted(listed - passed)
    new = sorted(passed - listed)
    for name in new:
        print(f"ratchet: now passing, add to {list_path}: {name}")
    for name in broken:
        print(f"ratchet: REGRESSION: {name} passed before and fails now")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
