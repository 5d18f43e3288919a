"""Lines of source files by file name and number, cached, as tracebacks
read them (sources tulip ran from memory included)."""

import os
import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}


def clearcache():
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line `lineno` of the file, with its newline; '' when there is none."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """All the lines of the file (from the cache when it is there)."""
    entry = cache.get(filename)
    if entry is not None and len(entry) == 4:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        cache.clear()
        return []


def checkcache(filename=None):
    """Drops entries whose file changed on disk (or vanished)."""
    names = list(cache) if filename is None else [filename] if filename in cache else []
    for name in names:
        entry = cache[name]
        if len(entry) == 1:
            continue
        size, mtime, lines, fullname = entry
        if mtime is None:
            continue
        try:
            st = os.stat(fullname)
        except OSError:
            cache.pop(name, None)
            continue
        if size != st.st_size or mtime != st.st_mtime:
            cache.pop(name, None)


def updatecache(filename, module_globals=None):
    cache.pop(filename, None)
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return _from_interpreter(filename)
    try:
        st = os.stat(filename)
        fullname = filename
    except OSError:
        fullname = None
        if not os.path.isabs(filename):
            for directory in sys.path:
                candidate = os.path.join(directory or os.curdir, filename)
                try:
                    st = os.stat(candidate)
                    fullname = candidate
                    break
                except (OSError, TypeError, ValueError):
                    continue
        if fullname is None:
            return _from_interpreter(filename)
    try:
        with open(fullname, 'rb') as f:
            text = f.read().decode('utf-8', 'replace')
    except OSError:
        return []
    lines = text.splitlines(True)
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    cache[filename] = st.st_size, st.st_mtime, lines, fullname
    return lines


def _from_interpreter(filename):
    """The lines of a source the interpreter ran without a file on disk."""
    try:
        import _traceback
    except ImportError:
        return []
    text = _traceback.source(filename)
    if not text:
        return []
    lines = text.splitlines(True)
    if not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    cache[filename] = (len(text), None, lines, filename)
    return lines


def lazycache(filename, module_globals):
    if filename in cache:
        return len(cache[filename]) == 1
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return False
    return False
