"""Fuzz tulip's native functions by calling them with hostile arguments.

Two roles share this file:

* The driver (run it with python3 or tulip):

      python3 tools/fuzz_natives.py --tulip target/release/tulip \
          --targets builtins,types,math,os --seeds 0:20 --calls 2000

  runs batches of generated calls in tulip subprocesses, each under a
  timeout and inside a scratch directory. When a batch dies (panic, abort,
  stack overflow, signal) or hangs, the driver records the call that was
  running, then resumes the batch after it. At the end it prints one line
  per distinct crash site with a standalone reproducer written to the
  output directory. Hangs are replayed alone in tulip and python3 so that
  slow-in-CPython-too cases are told apart from real ones.

* The worker (`--worker SEED TARGETS START COUNT LOG`), run inside tulip:
  generates call COUNT snippets from SEED, skips the first START, and runs
  the rest, logging each snippet to LOG before running it. Each snippet is
  Python source run against a fresh namespace built from PRELUDE, so the
  reproducer is the prelude followed by the snippet.

Generation never depends on what the calls do, so a seed and an index name
one call exactly.
"""

import os
import random
import sys

# subprocess and tempfile are imported by the driver only: the worker runs
# in tulip, which need not have them.

# Objects the snippets draw on: classes with misbehaving special methods,
# self-containing and deeply nested containers. All but the deep containers
# are shared with the cargo-fuzz `natives` target.
PRELUDE = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fuzz", "src", "natives_setup.py")).read() + r'''
def _nest(depth, wrap):
    x = wrap(())
    for _ in range(depth):
        x = wrap((x,))
    return x
DEEP_TUPLE = _nest(100000, tuple)
DEEP_LIST = _nest(100000, list)
DEEP_FROZEN = _nest(20000, frozenset)
'''

# Argument pool: boundary values, wrong types, hostile objects. Each entry
# is source text so that a failing call prints as a runnable reproducer.
POOL = [
    "None", "True", "False", "0", "1", "-1", "2", "7", "255", "256", "-256",
    "2**31 - 1", "2**31", "-2**31", "2**32", "2**63 - 1", "2**63", "-2**63",
    "-2**63 - 1", "2**64", "2**64 - 1", "10**100", "-10**100", "sys.maxsize",
    "-sys.maxsize", "10**6",
    "0.0", "-0.0", "0.5", "-1.5", "1e308", "-1e308", "5e-324", "1e-300",
    "math.nan", "math.inf", "-math.inf", "2.0**63", "1e16",
    "1j", "complex(math.inf, math.nan)", "-0j",
    "''", "'a'", "'abc'", "' a b '", "'é\\x00\\udcff'", "'\\U0010ffff'",
    "'x' * 100000", "'%s%d%*.*f'", "'{0}{x}{'", "'%'", "'\\n\\r\\t'",
    "'0x10'", "'1_000'", "'-inf'", "'nan'", "'utf-8'", "'strict'", "'big'",
    "'i'", "'<q'", "'@P'", "'999999999999s'", "'(a+)+b'", "'[z-a]'", "'\\\\'",
    "b''", "b'abc'", "b'\\xff\\x00'", "b'x' * 100000", "bytearray(b'ab')",
    "memoryview(b'abcd')", "memoryview(bytearray(8)).cast('B', (2, 4))",
    "[]", "[1, 'a']", "[3, 1, 2]", "[[1, 2], [3]]", "()", "(1, 2)",
    "((1, 2), (3, 4))", "{}", "{1: 2}", "{'a': 1}", "set()", "{1, 2}",
    "frozenset([1])", "range(3)", "range(-5, 2**63, 7)", "range(0)",
    "slice(1, 2)", "slice(None, None, -1)", "slice(0, 2**70, 2**63)",
    "object()", "int", "str", "type", "object", "list", "dict", "Exception",
    "len", "print", "lambda *a, **k: 1", "lambda: None", "lambda x: x",
    "iter([1, 2])", "iter(())", "(i for i in range(3))", "Exception('e')",
    "...", "NotImplemented", "sys", "math", "itertools.repeat(1, 3)",
    "HugeIndex()", "NegIndex()", "RaisingIndex()", "WrongTypes()", "BadLen()",
    "HugeLen()", "EqRaises()", "FlipHash()", "Clear()", "RaisingIter()",
    "StrSub('abc')", "IntSub(3)", "BytesLike()", "_rec_list()", "_rec_dict()",
    "DEEP_TUPLE", "DEEP_LIST", "DEEP_FROZEN", "[Clear(), Clear()]",
    "{Clear(): 1, 2: 3}", "[EqRaises(), 1]", "(x for x in RaisingIter())",
]

# The misbehaving objects, drawn more often than their share of POOL: a
# method's argument that empties the receiver is where borrows go wrong.
HOSTILE = [
    "Clear()", "Clear()", "HugeIndex()", "NegIndex()", "RaisingIndex()",
    "WrongTypes()", "BadLen()", "HugeLen()", "EqRaises()", "FlipHash()",
    "IntSub(3)", "StrSub('abc')", "[Clear(), Clear()]", "slice(Clear(), Clear(), Clear())",
    "slice(Clear(), 3)", "(Clear(), Clear())",
]

KEYWORDS = [
    "key", "reverse", "default", "start", "end", "sep", "encoding", "errors",
    "base", "ndigits", "maxsplit", "byteorder", "signed", "length", "initial",
    "strict", "flags", "count", "fillvalue", "repeat", "maxlen", "width",
    "indent", "sort_keys", "object_hook", "cls", "protocol", "x", "n", "k",
]

# Instances whose bound methods are called. The key is the target name that
# selects them on the command line.
RECEIVERS = {
    "str": ["'abc'", "''", "'a\\tb\\nc'", "'é' * 50", "'%s-%d'", "'{}{}'"],
    "bytes": ["b'abc'", "b''", "b'\\xff\\x00' * 8"],
    "bytearray": ["bytearray(b'abc')", "bytearray()", "bytearray(100)"],
    "list": ["[3, 1, 2]", "[]", "list(range(50))", "[Clear(), 1, Clear()]",
             "[EqRaises(), 2]", "_rec_list()"],
    "dict": ["{1: 2, 'a': 3}", "{}", "_rec_dict()", "{EqRaises(): 1}",
             "{i: i for i in range(50)}"],
    "set": ["{1, 2, 3}", "set()", "{EqRaises(), 1}", "set(range(50))"],
    "frozenset": ["frozenset({1, 2})", "frozenset()"],
    "int": ["0", "-1", "2**100", "255"],
    "float": ["1.5", "math.nan", "-math.inf", "0.0"],
    "complex": ["1+2j", "complex(math.inf, 0)"],
    "tuple": ["(1, 2, 1)", "()", "(EqRaises(),)"],
    "range": ["range(10)", "range(-5, 2**63, 7)", "range(0)"],
    "slice": ["slice(1, 10, 2)", "slice(None)"],
    "memoryview": ["memoryview(b'abcd')", "memoryview(bytearray(b'abcd'))"],
    "io": ["io.BytesIO(b'abc')", "io.StringIO('abc\\ndef')"],
    "collections": ["collections.deque([1, 2, 3])", "collections.deque(maxlen=2)",
                    "collections.OrderedDict(a=1, b=2)", "collections.Counter('abca')",
                    "collections.defaultdict(list)", "collections.ChainMap({1: 2}, {})"],
    "array": ["array.array('i', [1, 2, 3])", "array.array('d')", "array.array('u', 'ab')"],
    "re": ["re.compile('(a)(b)?')", "re.match('(a)(b)?', 'ab')"],
    "datetime": ["datetime.date(2020, 2, 29)", "datetime.datetime(2020, 1, 1, 12)",
                 "datetime.timedelta(days=1)", "datetime.timezone.utc"],
    "fractions": ["fractions.Fraction(1, 3)"],
    "itertools": ["itertools.count(5)", "itertools.cycle('ab')"],
    "hashlib": ["hashlib.sha256(b'a')", "hashlib.md5()"],
    "struct": ["struct.Struct('<iq')"],
    "random": ["random.Random(1)"],
    "queue": ["queue.Queue()", "queue.SimpleQueue()"],
    "weakref": ["weakref.WeakValueDictionary()", "weakref.WeakSet()"],
    "threading": ["threading.local()"],
    "uuid": ["uuid.UUID(int=5)"],
    "difflib": ["difflib.SequenceMatcher(None, 'abc', 'abd')"],
    "csv": ["csv.Sniffer()"],
    "textwrap": ["textwrap.TextWrapper(width=5)"],
    "calendar": ["calendar.Calendar()"],
    "string": ["string.Formatter()", "string.Template('$a')"],
}

BUILTIN_TYPES = ["str", "bytes", "bytearray", "list", "dict", "set", "frozenset",
                 "int", "float", "complex", "tuple", "range", "slice", "memoryview"]

STDLIB = ["math", "os", "time", "random", "re", "json", "itertools", "functools",
          "operator", "collections", "heapq", "bisect", "string", "struct",
          "binascii", "hashlib", "base64", "datetime", "statistics", "fractions",
          "io", "sys", "gc", "_thread", "threading", "queue", "textwrap", "copy",
          "enum", "dataclasses", "typing", "pprint", "shlex", "fnmatch", "csv",
          "uuid", "calendar", "difflib", "array", "weakref", "traceback", "logging"]

# Names never called: they block, exit, replace the process, touch files
# outside the scratch directory, or close the streams the worker reports on.
SKIP_NAMES = {
    "sleep", "exit", "_exit", "abort", "kill", "killpg", "fork", "forkpty",
    "input", "breakpoint", "help", "quit", "open", "system", "popen", "read",
    "readv", "pread", "wait", "wait3", "wait4", "waitpid", "waitid",
    "start_new_thread", "start_new", "interrupt_main", "start", "join",
    "acquire", "acquire_lock", "get", "put", "put_nowait", "get_nowait",
    "remove", "removedirs", "rmdir", "unlink", "rename", "renames", "replace",
    "chmod", "fchmod", "lchmod", "chown", "fchown", "lchown", "chroot",
    "truncate", "ftruncate", "symlink", "link", "mkdir", "makedirs", "mkfifo",
    "mknod", "utime", "chdir", "fchdir", "close", "closerange", "dup2",
    "setuid", "setgid", "seteuid", "setegid", "setsid", "setpgid", "nice",
    "setrecursionlimit", "settrace", "setprofile", "setswitchinterval",
    "set_int_max_str_digits", "basicConfig", "FileHandler", "fileConfig",
    "dictConfig", "listen", "FileIO", "open_code", "getpass", "execv", "execve",
    "execl", "execle", "execlp", "execvp", "execvpe", "spawnv", "spawnl",
    "posix_spawn", "posix_spawnp", "register_at_fork", "pipe", "register",
    "run", "interact", "raw_input", "stack_size", "excepthook", "displayhook",
    "setdlopenflags", "freeze", "disable", "shuffle_forever", "serve_forever",
    "write_history_file", "readline", "readlines", "__del__", "sched_yield",
    "walk", "fwalk",
}
SKIP_QUALIFIED = {
    "os.write", "os.fdopen", "os.scandir", "os.listdir", "gc.get_objects",
    "gc.get_referrers", "sys.stdin", "threading.Thread", "threading.Timer",
    "_thread.LockType", "sys.addaudithook", "logging.shutdown",
    "os.sendfile", "os.setpriority", "os.dup", "os.lseek", "os.fsync",
    "traceback.print_stack", "sys._getframe", "os.environ",
}

def list_targets(names, base):
    """(label, receiver source or None, callable source) for every target."""
    import builtins
    targets = []
    wanted = set(names)
    if "builtins" in wanted:
        for name in sorted(dir(builtins)):
            if name in SKIP_NAMES or name.startswith("_"):
                continue
            if callable(getattr(builtins, name)):
                targets.append((name, None, name))
    if "types" in wanted:
        wanted.update(BUILTIN_TYPES)
    for name in BUILTIN_TYPES:
        cls = getattr(builtins, name, None)
        if name not in wanted or cls is None:
            continue
        for meth in sorted(dir(cls)):
            if meth in SKIP_NAMES or meth in ("__init_subclass__", "__subclasshook__"):
                continue
            targets.append((name + "." + meth, None, name + "." + meth))
    for mod_name in STDLIB:
        if mod_name not in wanted:
            continue
        try:
            mod = __import__(mod_name)
        except BaseException:
            continue
        for name in sorted(dir(mod)):
            qual = mod_name + "." + name
            if name in SKIP_NAMES or qual in SKIP_QUALIFIED:
                continue
            if name.startswith("_") and not name.startswith("__"):
                continue
            try:
                obj = getattr(mod, name)
            except BaseException:
                continue
            if not callable(obj):
                continue
            targets.append((qual, None, qual))
            if isinstance(obj, type):
                for meth in sorted(dir(obj)):
                    if meth in SKIP_NAMES or meth.startswith("_") and not (
                            meth.startswith("__") and meth not in ("__init_subclass__", "__subclasshook__")):
                        continue
                    targets.append((qual + "." + meth, None, qual + "." + meth))
    for key, receivers in RECEIVERS.items():
        if key not in wanted:
            continue
        for src in receivers:
            try:
                value = eval(src, dict(base))
            except BaseException:
                continue
            for meth in sorted(dir(value)):
                if meth in SKIP_NAMES or meth in ("__init_subclass__", "__subclasshook__", "__del__"):
                    continue
                try:
                    if not callable(getattr(value, meth)):
                        continue
                except BaseException:
                    continue
                targets.append((type(value).__name__ + "()." + meth, src, "r." + meth))
    return targets

def namespace():
    """The prelude's objects and every importable module of STDLIB."""
    base = {}
    exec(PRELUDE, base)
    for name in STDLIB:
        try:
            base[name] = __import__(name)
        except BaseException:
            pass
    return base

def make_snippet(rng, target):
    """Source text for one call of target with generated arguments."""
    label, receiver, func = target
    nargs = rng.choice([0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5])
    args = [rng.choice(HOSTILE if rng.random() < 0.2 else POOL) for _ in range(nargs)]
    if rng.random() < 0.15:
        args.append(rng.choice(KEYWORDS) + "=" + rng.choice(POOL))
    if receiver is not None and rng.random() < 0.3 and args:
        # A method's first argument is often an index or a key.
        args[0] = rng.choice(HOSTILE)
    elif receiver is None and rng.random() < 0.3 and args:
        # Unbound methods get a receiver of their own type now and then.
        owner = label.split(".")[0]
        if owner in RECEIVERS:
            args[0] = rng.choice(RECEIVERS[owner])
    lines = []
    if receiver is not None:
        lines.append("r = " + receiver)
    else:
        lines.append("r = " + rng.choice(["[1, 2, 3]", "{1: 2}", "{1, 2}", "bytearray(b'ab')"]))
    lines.append("_cell[0] = r")
    lines.append("_result = %s(%s)" % (func, ", ".join(args)))
    if rng.random() < 0.3:
        lines.append("_touch(_result)")
    return "\n".join(lines) + "\n"

def worker(seed, names, start, count, log_path):
    import io
    base = namespace()
    targets = list_targets(names, base)
    rng = random.Random(seed)
    log = open(log_path, "w")
    sink = io.StringIO()
    for index in range(count):
        snippet = make_snippet(rng, rng.choice(targets))
        if index < start:
            continue
        log.write("#%d\n%s" % (index, snippet))
        log.flush()
        ns = dict(base)
        saved = sys.stdout
        sys.stdout = sink
        try:
            exec(compile(snippet, "<fuzz>", "exec"), ns)
        except BaseException:
            pass
        finally:
            sys.stdout = saved
        if sink.tell() > 1 << 16:
            sink.seek(0)
            sink.truncate()
    log.write("#done\n")
    log.close()

def last_call(log_path):
    """(index, snippet) of the last call the worker logged."""
    try:
        with open(log_path) as f:
            text = f.read()
    except OSError:
        return None, ""
    parts = text.split("\n#")
    last = parts[-1].lstrip("#")
    head, _, body = last.partition("\n")
    if head == "done":
        return None, ""
    try:
        return int(head), body
    except ValueError:
        return None, ""

def crash_site(returncode, stderr):
    """A short name for where a crashed run died, or None if it did not."""
    for line in stderr.splitlines():
        if "panicked at" in line:
            return "panic " + line.split("panicked at", 1)[1].strip().rstrip(":")
    if "overflowed its stack" in stderr or "stack overflow" in stderr:
        return "stack overflow"
    if returncode == 70:
        return "exit 70"
    if returncode < 0 or returncode in (134, 139):
        tail = [l for l in stderr.splitlines() if l.strip()]
        return "signal %d %s" % (returncode, tail[-1][:80] if tail else "")
    return None

def reproducer(snippet):
    """A standalone program that makes the call of snippet."""
    used = [m for m in STDLIB if m + "." in snippet and m not in ("sys", "math", "itertools")]
    imports = "import " + ", ".join(used) + "\n" if used else ""
    return PRELUDE + imports + snippet

def run_alone(command, snippet, timeout):
    """Runs PRELUDE + snippet; returns 'hang', a crash site, or 'ok'."""
    import subprocess, tempfile
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "repro.py")
        with open(path, "w") as f:
            f.write(reproducer(snippet))
        try:
            done = subprocess.run([command, path], cwd=tmp, capture_output=True,
                                  text=True, errors="replace", timeout=timeout)
        except subprocess.TimeoutExpired:
            return "hang"
        return crash_site(done.returncode, done.stderr) or "ok"

def drive(args):
    import subprocess, tempfile
    lo, _, hi = args.seeds.partition(":")
    seeds = range(int(lo), int(hi or int(lo) + 1))
    os.makedirs(args.out, exist_ok=True)
    here = os.path.abspath(__file__)
    tulip = os.path.abspath(args.tulip)
    found = {}
    for seed in seeds:
        start = 0
        while start < args.calls:
            with tempfile.TemporaryDirectory() as tmp:
                log_path = os.path.join(tmp, "calls.log")
                command = [tulip, here, "--worker", str(seed), args.targets,
                           str(start), str(args.calls), log_path]
                with open(os.path.join(tmp, "stderr"), "w+") as err:
                    try:
                        done = subprocess.run(command, cwd=tmp, stdout=subprocess.DEVNULL,
                                              stderr=err, timeout=args.timeout)
                        code = done.returncode
                    except subprocess.TimeoutExpired:
                        code = None
                    err.seek(0)
                    stderr = err.read()[-20000:]
                index, snippet = last_call(log_path)
            if index is None:
                break
            if code is None:
                site = "hang " + snippet.splitlines()[2].split("(")[0].split("= ", 1)[1]
            else:
                site = crash_site(code, stderr)
                if site is None:
                    site = "exit %d" % code
            record = found.setdefault(site, {"count": 0, "snippet": snippet, "where": (seed, index)})
            record["count"] += 1
            if len(snippet) < len(record["snippet"]):
                record["snippet"] = snippet
            print("seed %d call %d: %s" % (seed, index, site), flush=True)
            start = index + 1
    print("\n%d distinct crash sites" % len(found))
    for n, (site, record) in enumerate(sorted(found.items())):
        path = os.path.join(args.out, "crash%03d.py" % n)
        with open(path, "w") as f:
            f.write(reproducer(record["snippet"]))
        note = ""
        if site.startswith("hang"):
            alone = run_alone(tulip, record["snippet"], 10)
            cpython = run_alone(args.python, record["snippet"], 10) if args.python else "?"
            note = " (alone: tulip %s, python3 %s)" % (alone, cpython)
        print("%4d  %s%s\n      %s  %s" % (record["count"], site, note, path,
                                          record["snippet"].splitlines()[2]))

def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        seed, names, start, count, log_path = sys.argv[2:7]
        worker(int(seed), names.split(","), int(start), int(count), log_path)
        return
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tulip", default="target/release/tulip")
    parser.add_argument("--python", default="python3",
                        help="interpreter to replay hangs with ('' to skip)")
    parser.add_argument("--targets", default="builtins,types," + ",".join(STDLIB),
                        help="comma-separated: builtins, types, a builtin type name, a module")
    parser.add_argument("--seeds", default="0:4", help="LO:HI, a range of seeds")
    parser.add_argument("--calls", type=int, default=2000, help="calls per seed")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per batch")
    parser.add_argument("--out", default="fuzz-out", help="directory for reproducers")
    drive(parser.parse_args())

if __name__ == "__main__":
    main()
