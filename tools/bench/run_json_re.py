#!/usr/bin/env python3
"""Runs tools/bench/json_re.py under tulip and python3 and prints each
operation's ratio (tulip / CPython); the outputs' checks must agree.

    python3 tools/bench/run_json_re.py target/release/tulip
"""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
script = os.path.join(here, "json_re.py")


def run(cmd):
    out = subprocess.run(cmd + [script], capture_output=True, text=True, check=True).stdout
    return {name: (float(secs), check) for name, secs, check in (line.split() for line in out.splitlines())}


def main():
    tulip = sys.argv[1] if len(sys.argv) > 1 else "target/release/tulip"
    t, c = run([tulip]), run(["python3"])
    print(f"{'operation':12} {'tulip s':>8} {'CPython s':>9} {'ratio':>6}")
    for name, (secs, check) in c.items():
        mine, my_check = t[name]
        flag = "" if my_check == check else f"  WRONG ({my_check} != {check})"
        print(f"{name:12} {mine:8.3f} {secs:9.3f} {mine / secs:6.2f}{flag}")


main()
