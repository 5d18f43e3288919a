# Argument errors of natives, worded as CPython words them (the binding
# layer of src/builtins/args.rs).
import io, os, os.path, struct, select, zlib, signal, socket, string, tempfile, re, _thread, asyncio, random
l = _thread.allocate_lock(); r = _thread.RLock()
m = re.match(r"(a)(b)?", "ab")
cases = [
 'b"".find()', 'b"".startswith()', 'b"".count(1,2,3,4)', 'b"".replace(1)', 'b"".strip(1,2)', 'b"".center()',
 'bytearray().pop(1,2)', 'bytearray().append()', 'b"".join()', 'b"".hex(1,2,3)', 'b"".split(1,2,3)', 'b"".zfill()',
 'b"".translate()', 'b"".expandtabs(1,2)', 'b"".partition()', 'b"".upper(1)', 'bytes.fromhex()', 'bytearray.fromhex()',
 'bytes.maketrans(1)', 'b"".__getitem__()', 'b"".__len__(1)', 'b"".decode(1,2,3)', 'bytearray().insert(1)',
 'b"".splitlines(1,2)', 'b"".isalpha(1)', 'b"".removeprefix()', 'bytearray().extend()', 'bytearray().remove()',
 'bytes(1,2,3,4)', 'bytearray().__iadd__()', 'b"".__mod__()', 'b"".__getnewargs__(1)', 'b"".__bytes__(1)',
 'b"".center(1,2,3)', 'bytearray().reverse(1)', 'bytearray().copy(1)', 'b"x".upper(k=1)', 'b"x".split(x=1)',
 'b"x".decode(encoding="ascii", x=1)', 'b"a b".split(sep=None, maxsplit=1)', 'bytes(source=b"x")', 'bytearray(b"ab").hex(sep="-")',
 'memoryview()', 'memoryview(b"", 1)', 'memoryview(b"x").tolist(1)', 'memoryview(b"x").hex(1,2,3)', 'memoryview(b"x").cast()',
 'memoryview(b"x").__enter__(1)', 'memoryview(b"abc").hex("-", 1)', 'memoryview(b"x").tobytes(x=1)',
 'os.getcwd(1)', 'os.chdir()', 'os.listdir(1,2)', 'os.mkdir()', 'os.stat()', 'os.getenv()', 'os.putenv(1)', 'os.getpid(1)',
 'os.urandom()', 'os.access(1)', 'os.umask()', 'os.strerror()', 'os.get_terminal_size(1,2)', 'os.close()', 'os.pipe(1)',
 'os.read(1)', 'os.write(1)', 'os.dup()', 'os.kill(1)', 'os.waitpid(1)', 'os.WIFEXITED()', 'os.waitstatus_to_exitcode()',
 'os.fspath()', 'os.rename(1)', 'os.cpu_count(1)', 'os.readlink()', 'os.symlink(1)', 'os.set_blocking(1)', 'os.get_blocking()',
 'os.chmod(1)', 'os.remove()', 'os.unsetenv()', 'os.lstat()', 'os.rmdir()', 'os.stat("/", x=1)',
 'os.path.join()', 'os.path.split()', 'os.path.split(1,2)', 'os.path.exists()', 'os.path.isdir(1,2)', 'os.path.getsize()',
 'os.path.samefile(1)', 'os.path.relpath()', 'os.path.realpath()', 'os.path.realpath("/", x=1)', 'os.path.commonprefix()',
 'os.path.basename(p="a/b")', 'os.path.join("a", x=1)', 'os.path.relpath("a", "b", "c")', 'os.path.samefile()',
 'struct.pack()', 'struct.unpack_from("b")', 'struct.unpack_from("b",b"1",0,1)', 'struct.calcsize()', 'struct.unpack("b")',
 'select.select(1)', 'zlib.adler32()', 'signal.signal(1)', 'signal.getsignal()', 'signal.alarm()',
 'string.capwords()', 'string.capwords("a", "b", "c")', 'string.capwords(x=1)',
 'tempfile.mkdtemp(1,2,3,4)', 'tempfile.mkstemp(x=1)', 'tempfile.gettempdir(1)',
 'os.stat_result()', 'os.stat_result(1,2,3)',
 '_thread.get_ident(1)', '_thread.stack_size(1,2)', '_thread.allocate_lock(1)', '_thread.start_new_thread(1)',
 'l.acquire(1,2,3)', 'l.release(1)', 'l.locked(1)', 'r._acquire_restore()', 'r._is_owned(1)', 'r.release(1)', 'l.acquire(x=1)',
 'm.group(5)', 'm.groups(1,2)', 'm.start(1,2)', 'm.span(x=1)', 'm.expand()', 'm.groupdict(default=1, x=2)', 'm.__getitem__()',
 'socket.inet_aton()', 'socket.inet_pton(1)', 'socket.inet_ntop(1)',
 'io.StringIO(1,2,3)', 'io.StringIO(x=1)', 'io.StringIO().read(1,2)', 'io.StringIO().write()', 'io.StringIO().seek()',
 'io.StringIO().getvalue(1)', 'io.BytesIO(1,2)', 'io.BytesIO().read(1,2)', 'io.BytesIO().write()', 'io.BytesIO().truncate(1,2)',
 'io.StringIO().readline(x=1)', 'open()', 'open("/nonexistent", x=1)',
 'asyncio.Future(1)', 'asyncio.Future(x=1)', 'asyncio.Future(1, loop=2)', 'asyncio.Task()', 'asyncio.Task(1, 2)', 'asyncio.Task(coro=1, x=2)',
 'asyncio.Future().cancel(1,2)', 'asyncio.Future().set_result()', 'asyncio.Future().add_done_callback()', 'asyncio.Future().done(1)',
 'exec()', 'eval()', 'exec("1", {}, {}, 1)',
]
for c in cases:
    try:
        eval(c)
        print(c, '-> ok')
    except BaseException as e:
        print(c, '->', type(e).__name__, e)
