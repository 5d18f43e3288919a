"""High-level file operations: copying files and trees, removing trees,
moving, and finding programs on PATH."""

import fnmatch
import os
import stat
import sys

__all__ = ["copyfileobj", "copyfile", "copymode", "copystat", "copy", "copy2",
           "copytree", "move", "rmtree", "Error", "SpecialFileError",
           "ExecError", "ignore_patterns", "chown", "which",
           "get_terminal_size", "SameFileError", "disk_usage"]

COPY_BUFSIZE = 64 * 1024


class Error(OSError):
    pass


class SameFileError(Error):
    """Raised when source and destination are the same file."""


class SpecialFileError(OSError):
    """Raised when trying to copy a named pipe or other special file."""


class ExecError(OSError):
    pass


def copyfileobj(fsrc, fdst, length=0):
    size = length or COPY_BUFSIZE
    while True:
        chunk = fsrc.read(size)
        if not chunk:
            return
        fdst.write(chunk)


def _same_file(src, dst):
    try:
        a, b = os.stat(src), os.stat(dst)
    except OSError:
        return os.path.normcase(os.path.abspath(src)) == os.path.normcase(os.path.abspath(dst))
    return (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev)


def copyfile(src, dst, *, follow_symlinks=True):
    """Copies the contents of src to dst (not its permissions)."""
    src, dst = os.fspath(src), os.fspath(dst)
    if _same_file(src, dst):
        raise SameFileError("{!r} and {!r} are the same file".format(src, dst))
    try:
        mode = os.stat(src).st_mode
    except OSError:
        mode = None
    if mode is not None and stat.S_ISFIFO(mode):
        raise SpecialFileError("`%s` is a named pipe" % src)
    if not follow_symlinks and os.path.islink(src):
        os.symlink(os.readlink(src), dst)
        return dst
    with open(src, 'rb') as fsrc:
        with open(dst, 'wb') as fdst:
            copyfileobj(fsrc, fdst)
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    os.chmod(dst, stat.S_IMODE(os.stat(src).st_mode))


def copystat(src, dst, *, follow_symlinks=True):
    st = os.stat(src) if follow_symlinks else os.lstat(src)
    os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.chmod(dst, stat.S_IMODE(st.st_mode))


def _target(src, dst):
    if os.path.isdir(dst):
        return os.path.join(dst, os.path.basename(src))
    return dst


def copy(src, dst, *, follow_symlinks=True):
    """Copies data and permission bits; dst may be a directory."""
    dst = _target(os.fspath(src), os.fspath(dst))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copymode(src, dst, follow_symlinks=follow_symlinks)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    """Copies data and metadata (times, permissions); dst may be a directory."""
    dst = _target(os.fspath(src), os.fspath(dst))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copystat(src, dst, follow_symlinks=follow_symlinks)
    return dst


def ignore_patterns(*patterns):
    """An ignore= function for copytree that skips names matching patterns."""
    def ignored(path, names):
        skip = set()
        for pattern in patterns:
            skip.update(fnmatch.filter(names, pattern))
        return skip
    return ignored


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    """Copies the directory tree src to dst, file by file."""
    src, dst = os.fspath(src), os.fspath(dst)
    names = os.listdir(src)
    skip = ignore(src, names) if ignore is not None else set()
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    errors = []
    for name in names:
        if name in skip:
            continue
        s, d = os.path.join(src, name), os.path.join(dst, name)
        try:
            if os.path.islink(s) and symlinks:
                os.symlink(os.readlink(s), d)
            elif os.path.isdir(s):
                copytree(s, d, symlinks, ignore, copy_function, ignore_dangling_symlinks, dirs_exist_ok)
            elif os.path.islink(s) and not os.path.exists(s):
                if not ignore_dangling_symlinks:
                    raise FileNotFoundError(2, 'No such file or directory', s)
            else:
                copy_function(s, d)
        except Error as err:
            errors.extend(err.args[0])
        except OSError as why:
            errors.append((s, d, str(why)))
    try:
        copystat(src, dst)
    except OSError as why:
        errors.append((src, dst, str(why)))
    if errors:
        raise Error(errors)
    return dst


def rmtree(path, ignore_errors=False, onerror=None, *, dir_fd=None):
    """Removes a directory tree. Errors go to onerror(func, path, exc_info),
    are ignored with ignore_errors, or are raised."""
    if ignore_errors or onerror is None:
        swallow = ignore_errors

        def onerror(*args):
            if not swallow:
                raise
    path = os.fspath(path)
    try:
        os.lstat(path)
    except OSError:
        onerror(os.lstat, path, sys.exc_info())
        return
    try:
        if os.path.islink(path):
            raise OSError("Cannot call rmtree on a symbolic link")
    except OSError:
        onerror(os.path.islink, path, sys.exc_info())
        return
    try:
        names = os.listdir(path)
    except OSError:
        onerror(os.listdir, path, sys.exc_info())
        names = []
    for name in names:
        full = os.path.join(path, name)
        if os.path.isdir(full) and not os.path.islink(full):
            rmtree(full, ignore_errors, onerror)
        else:
            try:
                os.unlink(full)
            except OSError:
                onerror(os.unlink, full, sys.exc_info())
    try:
        os.rmdir(path)
    except OSError:
        onerror(os.rmdir, path, sys.exc_info())


rmtree.avoids_symlink_attacks = False


def move(src, dst, copy_function=copy2):
    """Moves src to dst (into it, when dst is a directory)."""
    src, dst = os.fspath(src), os.fspath(dst)
    real_dst = dst
    if os.path.isdir(dst):
        if _same_file(src, dst):
            os.rename(src, dst)
            return dst
        real_dst = os.path.join(dst, os.path.basename(src.rstrip(os.sep)))
        if os.path.exists(real_dst):
            raise Error("Destination path '%s' already exists" % real_dst)
    try:
        os.rename(src, real_dst)
        return real_dst
    except OSError:
        pass
    # Across filesystems: copy, then remove the original.
    if os.path.islink(src):
        os.symlink(os.readlink(src), real_dst)
        os.unlink(src)
    elif os.path.isdir(src):
        if (os.path.abspath(real_dst) + os.sep).startswith(os.path.abspath(src) + os.sep):
            raise Error("Cannot move a directory '%s' into itself '%s'." % (src, dst))
        copytree(src, real_dst, copy_function=copy_function, symlinks=True)
        rmtree(src)
    else:
        copy_function(src, real_dst)
        os.unlink(src)
    return real_dst


def chown(path, user=None, group=None):
    raise NotImplementedError("chown is not available in tulip")


def disk_usage(path):
    raise NotImplementedError("disk_usage is not available in tulip")


def _env_size(name):
    try:
        return max(int(os.environ[name]), 0)
    except (KeyError, ValueError):
        return 0


def get_terminal_size(fallback=(80, 24)):
    """(columns, lines): COLUMNS and LINES when set, else the terminal's
    size, else `fallback`."""
    columns, lines = _env_size('COLUMNS'), _env_size('LINES')
    if not (columns and lines):
        try:
            measured = os.get_terminal_size(sys.__stdout__.fileno())
        except (AttributeError, ValueError, OSError):
            measured = os.terminal_size(fallback)
        columns = columns or measured.columns or fallback[0]
        lines = lines or measured.lines or fallback[1]
    return os.terminal_size((columns, lines))


def which(cmd, mode=os.F_OK | os.X_OK, path=None):
    """The path of the program cmd on PATH (or path), or None."""
    def usable(candidate):
        return os.path.exists(candidate) and os.access(candidate, mode) and not os.path.isdir(candidate)

    if os.path.dirname(cmd):
        return cmd if usable(cmd) else None
    if path is None:
        path = os.environ.get("PATH", None)
        if path is None:
            path = os.defpath
    if not path:
        return None
    seen = set()
    for directory in os.fspath(path).split(os.pathsep):
        normalised = os.path.normcase(directory)
        if normalised in seen:
            continue
        seen.add(normalised)
        candidate = os.path.join(directory, cmd)
        if usable(candidate):
            return candidate
    return None
