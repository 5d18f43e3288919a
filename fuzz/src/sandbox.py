# Run before each fuzz input: what a generated program could do to the
# machine is taken away, the rest of the language and library stays.
import builtins, io, os, tempfile

_keep_os = {
    "fspath", "fsencode", "fsdecode", "getcwd", "getcwdb", "getpid", "getppid",
    "strerror", "urandom", "cpu_count", "stat", "lstat", "listdir", "scandir",
    "walk", "access", "getenv", "get_terminal_size", "get_exec_path", "isatty",
    "stat_result", "terminal_size", "DirEntry", "PathLike", "error",
    "getuid", "geteuid", "getgid", "getegid", "device_encoding", "_check_methods",
}
for _name in list(vars(os)):
    if callable(getattr(os, _name)) and _name not in _keep_os and not _name[:1].isupper():
        delattr(os, _name)

for _name in list(vars(tempfile)):
    if callable(getattr(tempfile, _name)) and _name not in ("gettempdir", "gettempdirb", "gettempprefix"):
        delattr(tempfile, _name)

def _check_readable(file, mode):
    """Only regular files, read-only: nothing is written, nothing blocks."""
    if not isinstance(mode, str) or not set(mode) <= set("rbtU"):
        raise PermissionError("fuzz sandbox: files are read-only")
    if isinstance(file, int) or not os.path.isfile(file):
        raise PermissionError("fuzz sandbox: only regular files can be opened")

def _sandboxed_open(real):
    def open(file, mode="r", *args, **kwargs):
        _check_readable(file, mode)
        return real(file, mode, *args, **kwargs)
    return open

class _ReadOnlyFileIO(io.FileIO):
    def __init__(self, file, mode="r", *args, **kwargs):
        _check_readable(file, mode)
        super().__init__(file, mode, *args, **kwargs)

builtins.open = io.open = _sandboxed_open(io.open)
io.open_code = _sandboxed_open(io.open_code)
io.FileIO = _ReadOnlyFileIO
for _name in ("input", "breakpoint"):
    delattr(builtins, _name)
del _name, _keep_os
