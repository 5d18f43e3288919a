#!/usr/bin/env python3
"""Differential test of asyncio's synchronisation paths against CPython.

    python3 tools/async_difftest.py --tulip target/release/tulip --count 300 --seed 0

Each program is generated from its seed alone: two to four tasks share a
bounded Queue, a Lock, an Event and a Semaphore, and each does a random
sequence of put/get (under wait_for), `async with` on the lock and the
semaphore, event waits and sets, sleeps and non-blocking reads; one task may
be cancelled. The log, the tasks' outcomes and the primitives' final state
are printed, so the free and the waiting paths of the native shortcuts
(src/aio/shortcuts.rs) are compared with CPython's Python bodies, including
timeouts and cancellation in the middle of a wait. A difference is printed
with its seed; rerun one with `--count 1 --seed N --keep DIR`.
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile

OPS = ["put", "get", "lock", "ev_wait", "ev_set", "ev_clear", "sleep0", "sleep", "sem", "get_nowait", "locked"]


def statement(r, name, i):
    op = r.choice(OPS)
    if op == "put":
        return [f"await asyncio.wait_for(q.put(('{name}', {i})), 0.05)"]
    if op == "get":
        return [f"log.append(('{name} got', await asyncio.wait_for(q.get(), 0.05)))"]
    if op == "lock":
        return ["async with lock:", f"    log.append('{name} in {i}')", "    await asyncio.sleep(0)"]
    if op == "ev_wait":
        return [f"log.append(('{name} ev', await asyncio.wait_for(ev.wait(), 0.05)))"]
    if op == "ev_set":
        return ["ev.set()"]
    if op == "ev_clear":
        return ["ev.clear()"]
    if op == "sleep0":
        return ["await asyncio.sleep(0)"]
    if op == "sleep":
        return [f"await asyncio.sleep({r.choice([0.001, 0.002, 0])})"]
    if op == "sem":
        return ["async with sem:", f"    log.append('{name} sem')", "    await asyncio.sleep(0)"]
    if op == "get_nowait":
        return [f"log.append(('{name} nowait', q.get_nowait() if not q.empty() else None))"]
    return [f"log.append(('{name} locked', lock.locked()))"]


def program(seed):
    r = random.Random(seed)
    lines = [
        "import asyncio",
        "log = []",
        "async def main():",
        f"    q = asyncio.Queue({r.choice([0, 1, 2, 3])})",
        "    lock = asyncio.Lock()",
        "    ev = asyncio.Event()",
        "    sem = asyncio.Semaphore(2)",
    ]
    names = [f"w{k}" for k in range(r.randint(2, 4))]
    for name in names:
        lines += [f"    async def {name}():", "        try:"]
        for i in range(r.randint(3, 8)):
            lines += ["            " + s for s in statement(r, name, i)]
        lines += [
            "        except (asyncio.TimeoutError, asyncio.CancelledError) as e:",
            f"            log.append(('{name}', type(e).__name__))",
            "            if isinstance(e, asyncio.CancelledError):",
            "                raise",
        ]
    lines.append(f"    ts = [asyncio.create_task(f()) for f in ({', '.join(names)},)]")
    if r.random() < 0.5:
        lines.append(f"    await asyncio.sleep({r.choice([0, 0.001])})")
        lines.append(f"    ts[{r.randrange(len(names))}].cancel()")
    lines += [
        "    res = await asyncio.gather(*ts, return_exceptions=True)",
        "    print([type(x).__name__ for x in res])",
        "    print(log)",
        "    print(q.qsize(), lock.locked(), ev.is_set(), len(q._getters), len(q._putters))",
        "asyncio.run(main())",
    ]
    return "\n".join(lines) + "\n"


def run(cmd, path):
    try:
        p = subprocess.run(cmd + [path], capture_output=True, text=True, timeout=20)
        return p.returncode, p.stdout, p.stderr.strip().splitlines()[-1:] if p.returncode else []
    except subprocess.TimeoutExpired:
        return "timeout", "", []


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tulip", default="target/release/tulip")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", help="write the programs into this directory")
    args = ap.parse_args()
    out_dir = args.keep or tempfile.mkdtemp(prefix="async_difftest-")
    os.makedirs(out_dir, exist_ok=True)
    differences = 0
    for seed in range(args.seed, args.seed + args.count):
        path = os.path.join(out_dir, f"p{seed}.py")
        with open(path, "w") as f:
            f.write(program(seed))
        mine, ref = run([args.tulip], path), run([args.python], path)
        if mine != ref:
            differences += 1
            print(f"seed {seed}: tulip {mine!r}\n        CPython {ref!r}")
    print(f"{args.count} programs, {differences} differences")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
