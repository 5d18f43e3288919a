"""A differential fuzzer for generator frames: random generator bodies
(nested for/try/except/finally/with/if, yield, yield from, return, raise,
sys.exc_info) driven by random next/send/throw/close sequences, run with
tulip and with python3 (CPython 3.11), outputs compared. With --coroutine
the bodies are coroutines: `await` on an awaitable that yields instead of
`yield`, `await sub()` instead of `yield from sub()`.

    python3 tools/fuzz_generators.py target/release/tulip [COUNT] [FIRST_SEED] [--coroutine]
"""
import random, sys
# How a body suspends: plain generators, or coroutines (--coroutine).
SUSPEND = {"value": "yield {}", "delegate": "yield from sub()", "def": "def"}
COROUTINE = {"value": "await Pause({})", "delegate": "await sub()", "def": "async def"}


def block(depth, r, ind, how):
    """Statements of a generator body, `depth` levels of nesting left."""
    lines = []
    for _ in range(r.randint(1, 3)):
        k = r.random()
        p = "    " * ind
        if depth > 0 and k < 0.18:
            lines.append(f"{p}for i{ind} in range({r.randint(0,3)}):")
            lines += block(depth-1, r, ind+1, how)
        elif depth > 0 and k < 0.32:
            lines.append(f"{p}try:")
            lines += block(depth-1, r, ind+1, how)
            lines.append(f"{p}except ValueError as e{ind}:")
            lines.append(f"{p}    log.append(('caught', str(e{ind})))")
            lines += block(depth-1, r, ind+1, how)
            if r.random() < 0.5:
                lines.append(f"{p}finally:")
                lines.append(f"{p}    log.append('finally{ind}')")
                if r.random() < 0.5:
                    lines += block(depth-1, r, ind+1, how)
        elif depth > 0 and k < 0.42:
            lines.append(f"{p}with CM('w{ind}'):")
            lines += block(depth-1, r, ind+1, how)
        elif depth > 0 and k < 0.5:
            lines.append(f"{p}if ({how['value'].format(repr('cond' + str(ind)))}):")
            lines += block(depth-1, r, ind+1, how)
            lines.append(f"{p}else:")
            lines += block(depth-1, r, ind+1, how)
        elif k < 0.7:
            value = "('y%d', len(log))" % ind
            lines.append(f"{p}x = {how['value'].format(value)}")
            lines.append(f"{p}log.append(('got', x))")
        elif k < 0.8:
            lines.append(f"{p}log.append(('exc', sys.exc_info()[0].__name__ if sys.exc_info()[0] else None))")
        elif k < 0.88:
            lines.append(f"{p}r = {how['delegate']}")
            lines.append(f"{p}log.append(('sub', r))")
        elif k < 0.94:
            lines.append(f"{p}if len(log) > 6: raise ValueError('v' + str(len(log)))")
        else:
            lines.append(f"{p}if len(log) > 9: return 'early'")
    return lines

def program(seed, coroutine=False):
    """The program for `seed`: a generator, then the driver of its operations."""
    r = random.Random(seed)
    how = COROUTINE if coroutine else SUSPEND
    body = block(3, r, 1, how)
    ops = [r.choice(["next", "send", "throw", "close", "send"]) for _ in range(r.randint(3, 12))]
    src = ["import sys", "log = []",
           "class CM:",
           "    def __init__(self, n): self.n = n",
           "    def __enter__(self): log.append(('enter', self.n))",
           "    def __exit__(self, *a): log.append(('exit', self.n, a[0].__name__ if a[0] else None)); return False",
           "class Pause:",
           "    def __init__(self, v): self.v = v",
           "    def __await__(self):",
           "        got = yield self.v",
           "        return got",
           f"{how['def']} sub():",
           "    try:",
           f"        v = {how['value'].format(repr('sub1'))}",
           f"        {how['value'].format('(' + repr('sub2') + ', v)')}",
           "    finally:",
           "        log.append('subfin')",
           "    return 'subret'",
           f"{how['def']} g():"] + body + ["    return 'end'",
           "gen = g()",
           f"for op in {ops!r}:",
           "    try:",
           "        if op == 'next': out = gen.send(None)",
           "        elif op == 'send': out = gen.send(len(log))",
           "        elif op == 'throw': out = gen.throw(ValueError('thrown'))",
           "        else: out = gen.close()",
           "        print(op, out)",
           "    except StopIteration as s: print(op, 'stop', s.value)",
           "    except Exception as e: print(op, 'raised', type(e).__name__, e)",
           "    print(log); log.clear()",
           ]
    return "\n".join(src) + "\n"

def main():
    """Runs `count` generated programs from seed `first` with BIN and python3;
    prints the first differing program and exits 1, or a summary."""
    import subprocess, tempfile, os
    if len(sys.argv) < 2:
        sys.exit("usage: fuzz_generators.py BIN [COUNT] [FIRST_SEED]")
    coroutine = "--coroutine" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--coroutine"]
    binary = args[0]
    count = int(args[1]) if len(args) > 1 else 500
    first = int(args[2]) if len(args) > 2 else 1
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "program.py")
        for seed in range(first, first + count):
            with open(path, "w") as f:
                f.write(program(seed, coroutine))
            outs = [subprocess.run([cmd, path], capture_output=True, text=True, timeout=20).stdout for cmd in (sys.executable, binary)]
            if outs[0] != outs[1]:
                print(f"seed {seed} differs:\n{program(seed, coroutine)}\n--- python3\n{outs[0]}--- {binary}\n{outs[1]}")
                sys.exit(1)
    print(f"{count} programs, no difference")


if __name__ == "__main__":
    main()
