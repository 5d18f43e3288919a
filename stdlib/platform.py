"""Information about the platform the interpreter runs on.

On Linux the kernel's answers are read from /proc/sys/kernel; elsewhere
values that cannot be found are empty strings, as in CPython.
python_implementation() names tulip honestly, since code that tests for
'CPython' expects CPython's C internals.
"""

import collections
import os
import sys

__all__ = ['architecture', 'machine', 'node', 'platform', 'processor',
           'python_build', 'python_compiler', 'python_implementation',
           'python_version', 'python_version_tuple', 'release', 'system',
           'uname', 'version', 'libc_ver', 'freedesktop_os_release']


def _kernel(name):
    try:
        with open('/proc/sys/kernel/' + name) as f:
            return f.read().strip()
    except OSError:
        return ''


class uname_result(collections.namedtuple('uname_result', 'system node release version machine processor')):
    """The five uname fields, and the processor (shown only by index)."""

    def __repr__(self):
        shown = ', '.join('%s=%r' % pair for pair in zip(self._fields[:5], self))
        return 'uname_result(%s)' % shown


_uname = None


def uname():
    global _uname
    if _uname is None:
        system = _kernel('ostype') or {'linux': 'Linux', 'darwin': 'Darwin', 'win32': 'Windows'}.get(sys.platform, '')
        machine_name = _kernel('arch')
        if not machine_name and sys.maxsize > 2 ** 32:
            machine_name = 'x86_64'
        _uname = uname_result(system, _kernel('hostname'), _kernel('osrelease'), _kernel('version'), machine_name, '')
    return _uname


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    return ''


def architecture(executable=sys.executable if hasattr(sys, 'executable') else '', bits='', linkage=''):
    bits = bits or ('64bit' if sys.maxsize > 2 ** 32 else '32bit')
    return bits, linkage or ('ELF' if sys.platform.startswith('linux') else '')


def python_implementation():
    name = getattr(getattr(sys, 'implementation', None), 'name', 'tulip')
    return name[:1].upper() + name[1:]


def python_version():
    return '%d.%d.%d' % tuple(sys.version_info[:3])


def python_version_tuple():
    return tuple(str(part) for part in sys.version_info[:3])


def python_build():
    return ('main', '')


def python_compiler():
    return 'rustc'


def python_branch():
    return ''


def python_revision():
    return ''


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    return (lib, version)


def platform(aliased=False, terse=False):
    u = uname()
    if terse:
        return '%s-%s' % (u.system, u.release)
    parts = [u.system, u.release, u.machine]
    return '-'.join(p for p in parts if p)


def freedesktop_os_release():
    for path in ('/etc/os-release', '/usr/lib/os-release'):
        try:
            with open(path, encoding='utf-8') as f:
                text = f.read()
        except OSError:
            continue
        info = {'NAME': 'Linux', 'ID': 'linux', 'PRETTY_NAME': 'Linux'}
        for line in text.splitlines():
            key, eq, value = line.partition('=')
            if eq and key.strip() and not key.startswith('#'):
                value = value.strip()
                if len(value) >= 2 and value[0] == value[-1] and value[0] in '"\'':
                    value = value[1:-1]
                info[key.strip()] = value
        return info
    raise OSError("Unable to read files /etc/os-release, /usr/lib/os-release")
