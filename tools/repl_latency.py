"""Measures the REPL in a pseudo-terminal: its start (spawn to the first
`>>> `) and its answer to a keystroke (key written to its echo read).

    python3 tools/repl_latency.py target/release/tulip
    python3 tools/repl_latency.py target/release/tulip "import asyncio" "await asyncio.sleep(0)"

Lines given after the binary are typed first, key by key (the second form
measures keystrokes while the event loop runs at the prompt)."""

import os
import pty
import select
import statistics
import sys
import tempfile
import time

binary = sys.argv[1]
home = tempfile.mkdtemp(prefix="tulip-latency-")


def spawn():
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm", HOME=home, XDG_DATA_HOME=home)
        os.execv(binary, [binary, "-q"])
    shown = b""
    while b">>> " not in shown:
        select.select([fd], [], [], 1)
        shown += os.read(fd, 4096)
    return pid, fd, time.perf_counter() - started


def drain(fd, wait):
    while select.select([fd], [], [], wait)[0]:
        os.read(fd, 65536)


starts = []
for _ in range(10):
    pid, fd, took = spawn()
    starts.append(took)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    os.close(fd)

pid, fd, _ = spawn()
for line in sys.argv[2:]:
    for key in line + "\r":
        os.write(fd, key.encode())
        drain(fd, 0.05)
drain(fd, 0.5)
answers = []
for i in range(60):
    key = "abcdefghij"[i % 10].encode()
    sent = time.perf_counter()
    os.write(fd, key)
    while True:
        select.select([fd], [], [], 1)
        if key in os.read(fd, 4096):
            break
    answers.append(time.perf_counter() - sent)
    time.sleep(0.01)
os.kill(pid, 9)
os.waitpid(pid, 0)

answers.sort()
print(f"start: median {statistics.median(starts) * 1000:.1f} ms, min {min(starts) * 1000:.1f} ms")
print(
    f"keystroke: median {statistics.median(answers) * 1000:.2f} ms, "
    f"p90 {answers[int(len(answers) * 0.9)] * 1000:.2f} ms, max {answers[-1] * 1000:.2f} ms"
)
