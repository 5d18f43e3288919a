"""Serializing objects to bytes and back, in the pickle format of
protocols 0 to 5 (DEFAULT_PROTOCOL 4).

The Pickler writes the opcodes CPython's does for builtin values (so
simple pickles are byte-for-byte CPython's), classes and functions by
reference (module and qualified name), and other objects through the
__reduce_ex__/__reduce__ protocol: by default the class, the arguments of
__getnewargs_ex__/__getnewargs__ and the state of __getstate__ or
__dict__, which the Unpickler restores with __setstate__ or by updating
__dict__. Not supported: out-of-band buffers (PickleBuffer) and
persistent ids across the Python-level hooks of CPython's C pickler.
"""

import copyreg
import io
import struct
import sys
from copyreg import dispatch_table

__all__ = ['PickleError', 'PicklingError', 'UnpicklingError', 'Pickler', 'Unpickler',
           'dump', 'dumps', 'load', 'loads', 'HIGHEST_PROTOCOL', 'DEFAULT_PROTOCOL']

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4
format_version = '4.0'
compatible_formats = ['1.0', '1.1', '1.2', '1.3', '2.0', '3.0', '4.0', '5.0']


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


class _Stop(Exception):
    def __init__(self, value):
        self.value = value


# -- opcodes ----------------------------------------------------------------------

MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
PERSID = b'P'
BINPERSID = b'Q'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
INST = b'i'
LONG_BINGET = b'j'
LIST = b'l'
EMPTY_LIST = b']'
OBJ = b'o'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
TRUE = b'I01\n'
FALSE = b'I00\n'
PROTO = b'\x80'
NEWOBJ = b'\x81'
EXT1 = b'\x82'
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'

_BATCHSIZE = 1000
_FRAME_TARGET = 64 * 1024


def _encode_long(n):
    """n as little-endian two's complement in the fewest bytes (b'' for 0)."""
    if n == 0:
        return b''
    nbytes = (n.bit_length() >> 3) + 1
    data = n.to_bytes(nbytes, 'little', signed=True)
    if n < 0 and nbytes > 1 and data[-1] == 0xff and data[-2] & 0x80:
        data = data[:-1]
    return data


def _decode_long(data):
    return int.from_bytes(data, 'little', signed=True)


def _qualified_attr(module, qualname):
    """The object at a dotted name inside module, and its parent."""
    obj, parent = module, None
    for part in qualname.split('.'):
        if part == '<locals>':
            raise AttributeError(f"Can't get local attribute {qualname!r} on {module!r}")
        parent = obj
        obj = getattr(obj, part)
    return obj, parent


# Objects that CPython defines in a C module that tulip folds into another:
# pickles name CPython's module, and loading maps it back.
_CPYTHON_MODULE = {('codecs', 'encode'): '_codecs', ('codecs', 'decode'): '_codecs'}
_TULIP_MODULE = {'_codecs': 'codecs'}


def _module_of(obj, name):
    module = getattr(obj, '__module__', None)
    if module is not None:
        return module
    for mname, m in list(sys.modules.items()):
        if m is None or mname == '__main__':
            continue
        try:
            if _qualified_attr(m, name)[0] is obj:
                return mname
        except AttributeError:
            pass
    return '__main__'


# -- pickling ------------------------------------------------------------------------

class Pickler:
    """Writes pickles of objects to a binary file."""

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif not 0 <= protocol <= HIGHEST_PROTOCOL:
            raise ValueError(f'pickle protocol must be <= {HIGHEST_PROTOCOL}')
        if buffer_callback is not None and protocol < 5:
            raise ValueError('buffer_callback needs protocol >= 5')
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute") from None
        self.proto = protocol
        self.bin = protocol >= 1
        self.fast = 0
        self.fix_imports = fix_imports and protocol < 3
        self.memo = {}
        self._frame = None

    def clear_memo(self):
        self.memo.clear()

    def dump(self, obj):
        if not hasattr(self, 'proto'):
            raise PicklingError(f'Pickler.__init__() was not called by {type(self).__name__}.__init__()')
        if self.proto >= 2:
            self._file_write(PROTO + bytes([self.proto]))
        if self.proto >= 4:
            self._frame = io.BytesIO()
        self.save(obj)
        self.write(STOP)
        self._commit_frame(True)

    # Output, in frames of about 64 KiB for protocol 4 and up.
    def write(self, data):
        if self._frame is not None:
            self._frame.write(data)
            if self._frame.tell() >= _FRAME_TARGET:
                self._commit_frame()
        else:
            self._file_write(data)

    def _commit_frame(self, final=False):
        if self._frame is None:
            return
        data = self._frame.getvalue()
        if data:
            if len(data) >= 4:
                self._file_write(FRAME + struct.pack('<Q', len(data)))
            self._file_write(data)
        self._frame = None if final else io.BytesIO()

    def memoize(self, obj):
        if self.fast:
            return
        idx = len(self.memo)
        if self.proto >= 4:
            self.write(MEMOIZE)
        elif self.bin:
            self.write(BINPUT + bytes([idx]) if idx < 256 else LONG_BINPUT + struct.pack('<I', idx))
        else:
            self.write(PUT + repr(idx).encode('ascii') + b'\n')
        self.memo[id(obj)] = idx, obj

    def _get(self, idx):
        if self.bin:
            return BINGET + bytes([idx]) if idx < 256 else LONG_BINGET + struct.pack('<I', idx)
        return GET + repr(idx).encode('ascii') + b'\n'

    def persistent_id(self, obj):
        return None

    def save(self, obj, save_persistent_id=True):
        if save_persistent_id:
            pid = self.persistent_id(obj)
            if pid is not None:
                self.save_pers(pid)
                return
        found = self.memo.get(id(obj))
        if found is not None:
            self.write(self._get(found[0]))
            return
        t = type(obj)
        saver = _SAVERS.get(t)
        if saver is not None:
            saver(self, obj)
            return
        reduce = getattr(self, 'dispatch_table', dispatch_table).get(t)
        if reduce is not None:
            rv = reduce(obj)
        elif isinstance(obj, type) or t.__name__ in ('function', 'builtin_function_or_method'):
            self.save_global(obj)
            return
        else:
            rv = _reduce(obj, self.proto)
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError('__reduce__ must return a string or tuple')
        if not 2 <= len(rv) <= 6:
            raise PicklingError('tuple returned by __reduce__ must contain 2 through 6 elements')
        self.save_reduce(*rv, obj=obj)

    def save_pers(self, pid):
        if self.bin:
            self.save(pid, save_persistent_id=False)
            self.write(BINPERSID)
        else:
            self.write(PERSID + str(pid).encode('ascii') + b'\n')

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None,
                    state_setter=None, *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError('args from save_reduce() must be a tuple')
        if not callable(func):
            raise PicklingError('func from save_reduce() must be callable')
        name = getattr(func, '__name__', '')
        if self.proto >= 2 and name == '__newobj_ex__':
            cls, args, kwargs = args
            if self.proto >= 4:
                self.save(cls)
                self.save(args)
                self.save(kwargs)
                self.write(NEWOBJ_EX)
            else:
                import functools
                self.save_reduce(functools.partial(cls.__new__, cls, *args, **kwargs), (), obj=obj)
                return
        elif self.proto >= 2 and name == '__newobj__':
            cls = args[0]
            if not hasattr(cls, '__new__'):
                raise PicklingError('args[0] from __newobj__ args has no __new__')
            if obj is not None and cls is not obj.__class__:
                raise PicklingError('args[0] from __newobj__ args has the wrong class')
            self.save(cls)
            self.save(args[1:])
            self.write(NEWOBJ)
        else:
            self.save(func)
            self.save(args)
            self.write(REDUCE)
        # An object its own arguments reached is in the memo already: the
        # copy just made is dropped for it.
        if obj is not None and id(obj) in self.memo:
            self.write(POP + self._get(self.memo[id(obj)][0]))
        elif obj is not None:
            self.memoize(obj)
        for items, batch in ((listitems, self._batch_appends), (dictitems, self._batch_setitems)):
            if items is not None:
                batch(items)
        if state is None:
            return
        if state_setter is None:
            self.save(state)
            self.write(BUILD)
            return
        # state_setter(obj, state), its result discarded.
        for part in (state_setter, obj, state):
            self.save(part)
        self.write(TUPLE2 + REDUCE + POP)

    def save_none(self, obj):
        self.write(NONE)

    def save_bool(self, obj):
        if self.proto >= 2:
            self.write(NEWTRUE if obj else NEWFALSE)
        else:
            self.write(TRUE if obj else FALSE)

    def save_long(self, obj):
        if self.bin:
            if obj >= 0:
                if obj <= 0xff:
                    self.write(BININT1 + bytes([obj]))
                    return
                if obj <= 0xffff:
                    self.write(BININT2 + obj.to_bytes(2, 'little'))
                    return
            if -0x80000000 <= obj <= 0x7fffffff:
                self.write(BININT + struct.pack('<i', obj))
                return
        if self.proto >= 2:
            data = _encode_long(obj)
            if len(data) < 256:
                self.write(LONG1 + bytes([len(data)]) + data)
            else:
                self.write(LONG4 + struct.pack('<i', len(data)) + data)
            return
        if -0x80000000 <= obj <= 0x7fffffff:
            self.write(INT + repr(obj).encode('ascii') + b'\n')
        else:
            self.write(LONG + repr(obj).encode('ascii') + b'L\n')

    def save_float(self, obj):
        if self.bin:
            self.write(BINFLOAT + struct.pack('>d', obj))
        else:
            self.write(FLOAT + repr(obj).encode('ascii') + b'\n')

    def save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                import codecs
                self.save_reduce(codecs.encode, (str(obj, 'latin1'), 'latin1'), obj=obj)
            return
        n = len(obj)
        if n <= 0xff:
            self.write(SHORT_BINBYTES + bytes([n]) + obj)
        elif n > 0xffffffff and self.proto >= 4:
            self.write(BINBYTES8 + struct.pack('<Q', n) + obj)
        else:
            self.write(BINBYTES + struct.pack('<I', n) + obj)
        self.memoize(obj)

    def save_bytearray(self, obj):
        if self.proto < 5:
            if not obj:
                self.save_reduce(bytearray, (), obj=obj)
            else:
                self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        self.write(BYTEARRAY8 + struct.pack('<Q', len(obj)) + bytes(obj))
        self.memoize(obj)

    def save_str(self, obj):
        if self.bin:
            data = obj.encode('utf-8', 'surrogatepass')
            n = len(data)
            if n <= 0xff and self.proto >= 4:
                self.write(SHORT_BINUNICODE + bytes([n]) + data)
            elif n > 0xffffffff and self.proto >= 4:
                self.write(BINUNICODE8 + struct.pack('<Q', n) + data)
            else:
                self.write(BINUNICODE + struct.pack('<I', n) + data)
        else:
            text = obj.replace('\\', '\\u005c').replace('\0', '\\u0000').replace('\n', '\\u000a') \
                      .replace('\r', '\\u000d').replace('\x1a', '\\u001a')
            self.write(UNICODE + text.encode('raw-unicode-escape') + b'\n')
        self.memoize(obj)

    def save_tuple(self, obj):
        if not obj:
            self.write(EMPTY_TUPLE if self.bin else MARK + TUPLE)
            return
        n = len(obj)
        if n <= 3 and self.proto >= 2:
            for item in obj:
                self.save(item)
            if id(obj) in self.memo:
                self.write(POP * n + self._get(self.memo[id(obj)][0]))
            else:
                self.write((TUPLE1, TUPLE2, TUPLE3)[n - 1])
                self.memoize(obj)
            return
        self.write(MARK)
        for item in obj:
            self.save(item)
        if id(obj) in self.memo:
            # A tuple reached itself through its items: use the memoized copy.
            self.write((POP_MARK if self.bin else POP * (n + 1)) + self._get(self.memo[id(obj)][0]))
            return
        self.write(TUPLE)
        self.memoize(obj)

    def save_list(self, obj):
        self.write(EMPTY_LIST if self.bin else MARK + LIST)
        self.memoize(obj)
        self._batch_appends(obj)

    def _batch_appends(self, items):
        if not self.bin:
            for x in items:
                self.save(x)
                self.write(APPEND)
            return
        it = iter(items)
        while True:
            batch = []
            for x in it:
                batch.append(x)
                if len(batch) == _BATCHSIZE:
                    break
            if len(batch) > 1:
                self.write(MARK)
                for x in batch:
                    self.save(x)
                self.write(APPENDS)
            elif batch:
                self.save(batch[0])
                self.write(APPEND)
            if len(batch) < _BATCHSIZE:
                return

    def save_dict(self, obj):
        self.write(EMPTY_DICT if self.bin else MARK + DICT)
        self.memoize(obj)
        self._batch_setitems(obj.items())

    def _batch_setitems(self, items):
        if not self.bin:
            for k, v in items:
                self.save(k)
                self.save(v)
                self.write(SETITEM)
            return
        it = iter(items)
        while True:
            batch = []
            for kv in it:
                batch.append(kv)
                if len(batch) == _BATCHSIZE:
                    break
            if len(batch) > 1:
                self.write(MARK)
                for k, v in batch:
                    self.save(k)
                    self.save(v)
                self.write(SETITEMS)
            elif batch:
                k, v = batch[0]
                self.save(k)
                self.save(v)
                self.write(SETITEM)
            if len(batch) < _BATCHSIZE:
                return

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        self.write(EMPTY_SET)
        self.memoize(obj)
        items = list(obj)
        for i in range(0, len(items), _BATCHSIZE):
            self.write(MARK)
            for item in items[i:i + _BATCHSIZE]:
                self.save(item)
            self.write(ADDITEMS)

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        self.write(MARK)
        for item in obj:
            self.save(item)
        if id(obj) in self.memo:
            self.write(POP_MARK + self._get(self.memo[id(obj)][0]))
            return
        self.write(FROZENSET)
        self.memoize(obj)

    def save_global(self, obj, name=None):
        if name is None:
            name = getattr(obj, '__qualname__', None) or getattr(obj, '__name__', None)
        if name is None:
            raise PicklingError(f"Can't pickle {obj!r}: it has no name")
        module_name = _module_of(obj, name)
        try:
            __import__(module_name)
            module = sys.modules[module_name]
            found, parent = _qualified_attr(module, name)
        except (ImportError, KeyError, AttributeError) as e:
            if '<locals>' in name:
                raise AttributeError(f"Can't pickle local object {name!r}") from None
            raise PicklingError(f"Can't pickle {obj!r}: attribute lookup {name} on {module_name} failed") from None
        if found is not obj:
            raise PicklingError(f"Can't pickle {obj!r}: it's not the same object as {module_name}.{name}")
        module_name = _CPYTHON_MODULE.get((module_name, name), module_name)
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            self.write(STACK_GLOBAL)
        else:
            if '.' in name:
                # Older protocols name only top-level objects: reach the
                # rest through getattr.
                outer, _, last = name.rpartition('.')
                self.save_reduce(getattr, (parent, last))
                return
            if self.fix_imports and module_name == 'builtins':
                module_name = '__builtin__'
            self.write(GLOBAL + module_name.encode('utf-8') + b'\n' + name.encode('utf-8') + b'\n')
        self.memoize(obj)


_SAVERS = {
    type(None): Pickler.save_none, bool: Pickler.save_bool, int: Pickler.save_long,
    float: Pickler.save_float, bytes: Pickler.save_bytes, bytearray: Pickler.save_bytearray,
    str: Pickler.save_str, tuple: Pickler.save_tuple, list: Pickler.save_list,
    dict: Pickler.save_dict, set: Pickler.save_set, frozenset: Pickler.save_frozenset,
}


def _reduce(obj, proto):
    """obj.__reduce_ex__(proto), or object's default reduction when the
    class does not define one."""
    cls = type(obj)
    own = getattr(cls, '__reduce_ex__', None)
    if own is not None and own is not getattr(object, '__reduce_ex__', None):
        return obj.__reduce_ex__(proto)
    own = getattr(cls, '__reduce__', None)
    if own is not None and own is not getattr(object, '__reduce__', None):
        return obj.__reduce__()
    return _default_reduce(obj, proto)


def _default_reduce(obj, proto):
    cls = type(obj)
    if isinstance(obj, BaseException):
        return cls, obj.args, (dict(obj.__dict__) if getattr(obj, '__dict__', None) else None)
    if isinstance(obj, complex):
        return complex, (obj.real, obj.imag)
    if isinstance(obj, range):
        return range, (obj.start, obj.stop, obj.step)
    if cls.__module__ == 'builtins' and cls is not object:
        raise TypeError(f"cannot pickle '{cls.__name__}' object")
    if proto < 2:
        state = _state(obj)
        return copyreg._reconstructor, (cls, object, None), state
    args, kwargs = (), None
    if hasattr(obj, '__getnewargs_ex__'):
        args, kwargs = obj.__getnewargs_ex__()
    elif hasattr(obj, '__getnewargs__'):
        args = obj.__getnewargs__()
    state = _state(obj)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if kwargs:
        return copyreg.__newobj_ex__, (cls, tuple(args), kwargs), state, listitems, dictitems
    return copyreg.__newobj__, (cls,) + tuple(args), state, listitems, dictitems


def _state(obj):
    getstate = getattr(type(obj), '__getstate__', None)
    if getstate is not None and getstate is not getattr(object, '__getstate__', None):
        return obj.__getstate__()
    d = getattr(obj, '__dict__', None)
    slots = {}
    for klass in type(obj).__mro__:
        for name in klass.__dict__.get('__slots__', ()):
            if name not in ('__dict__', '__weakref__') and hasattr(obj, name):
                slots[name] = getattr(obj, name)
    if slots:
        return (dict(d) if d else None), slots
    return dict(d) if d else None


# -- unpickling ----------------------------------------------------------------------

class Unpickler:
    """Reads objects from pickles in a binary file."""

    def __init__(self, file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None):
        self._read = file.read
        self._readline = file.readline
        self.encoding = encoding
        self.errors = errors
        self.fix_imports = fix_imports
        self.memo = {}
        self.proto = 0

    def load(self):
        if not hasattr(self, '_read'):
            raise UnpicklingError(f'Unpickler.__init__() was not called by {type(self).__name__}.__init__()')
        self._frame = b''
        self._frame_pos = 0
        self.stack = []
        self.metastack = []
        try:
            while True:
                key = self.read(1)
                if not key:
                    raise EOFError('Ran out of input')
                op = _OPS.get(key[0])
                if op is None:
                    raise UnpicklingError(f'invalid load key, {key.decode("latin-1")!r}.')
                op(self)
        except _Stop as stop:
            return stop.value

    def read(self, n):
        if self._frame_pos < len(self._frame):
            data = self._frame[self._frame_pos:self._frame_pos + n]
            self._frame_pos += len(data)
            if len(data) < n:
                raise UnpicklingError('pickle exhausted before end of frame')
            return data
        data = self._read(n)
        if len(data) < n and n:
            if not data and n == 1:
                return data
            raise UnpicklingError('pickle data was truncated')
        return data

    def readline(self):
        if self._frame_pos < len(self._frame):
            end = self._frame.find(b'\n', self._frame_pos)
            if end < 0:
                raise UnpicklingError('pickle exhausted before end of frame')
            line = self._frame[self._frame_pos:end + 1]
            self._frame_pos = end + 1
            return line
        line = self._readline()
        if not line.endswith(b'\n'):
            raise UnpicklingError('pickle data was truncated')
        return line

    def persistent_load(self, pid):
        raise UnpicklingError('A load persistent id instruction was encountered,\n'
                              'but no persistent_load function was specified.')

    def find_class(self, module, name):
        if self.proto < 3 and self.fix_imports and module == '__builtin__':
            module = 'builtins'
        module = _TULIP_MODULE.get(module, module)
        __import__(module)
        mod = sys.modules[module]
        if self.proto >= 4:
            return _qualified_attr(mod, name)[0]
        return getattr(mod, name)

    def pop_mark(self):
        if not self.metastack:
            raise UnpicklingError('could not find MARK')
        items = self.stack
        self.stack = self.metastack.pop()
        return items

    def _top(self):
        if not self.stack:
            raise UnpicklingError('unpickling stack underflow')
        return self.stack[-1]

    def _pop(self):
        if not self.stack:
            raise UnpicklingError('unpickling stack underflow')
        return self.stack.pop()

    def _memo_get(self, idx):
        try:
            return self.memo[idx]
        except KeyError:
            raise UnpicklingError(f'Memo value not found at index {idx}') from None

    def _decode_string(self, data):
        if self.encoding == 'bytes':
            return data
        return data.decode(self.encoding, self.errors)

    def _build(self, inst, state):
        setstate = getattr(inst, '__setstate__', None)
        if setstate is not None and getattr(type(inst), '__setstate__', None) is not getattr(object, '__setstate__', None):
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            inst.__dict__.update(state)
        if slotstate:
            for k, v in slotstate.items():
                setattr(inst, k, v)


def _op(code):
    def register(f):
        _OPS[code[0]] = f
        return f
    return register


_OPS = {}


@_op(PROTO)
def _load_proto(self):
    proto = self.read(1)[0]
    if not 0 <= proto <= HIGHEST_PROTOCOL:
        raise ValueError(f'unsupported pickle protocol: {proto}')
    self.proto = proto


@_op(FRAME)
def _load_frame(self):
    n = struct.unpack('<Q', self.read(8))[0]
    if self._frame_pos < len(self._frame):
        raise UnpicklingError('beginning of a new frame before end of current frame')
    data = self._read(n)
    if len(data) < n:
        raise UnpicklingError('pickle data was truncated')
    self._frame, self._frame_pos = data, 0


@_op(STOP)
def _load_stop(self):
    raise _Stop(self._pop())


@_op(MARK)
def _load_mark(self):
    self.metastack.append(self.stack)
    self.stack = []


@_op(POP)
def _load_pop(self):
    if self.stack:
        self.stack.pop()
    else:
        self.pop_mark()


@_op(POP_MARK)
def _load_pop_mark(self):
    self.pop_mark()


@_op(DUP)
def _load_dup(self):
    self.stack.append(self._top())


@_op(NONE)
def _load_none(self):
    self.stack.append(None)


@_op(NEWTRUE)
def _load_true(self):
    self.stack.append(True)


@_op(NEWFALSE)
def _load_false(self):
    self.stack.append(False)


@_op(INT)
def _load_int(self):
    text = self.readline()[:-1]
    if text == b'00':
        value = False
    elif text == b'01':
        value = True
    else:
        value = int(text)
    self.stack.append(value)


@_op(BININT)
def _load_binint(self):
    self.stack.append(struct.unpack('<i', self.read(4))[0])


@_op(BININT1)
def _load_binint1(self):
    self.stack.append(self.read(1)[0])


@_op(BININT2)
def _load_binint2(self):
    self.stack.append(int.from_bytes(self.read(2), 'little'))


@_op(LONG)
def _load_long(self):
    text = self.readline()[:-1]
    if text.endswith(b'L'):
        text = text[:-1]
    self.stack.append(int(text))


@_op(LONG1)
def _load_long1(self):
    n = self.read(1)[0]
    self.stack.append(_decode_long(self.read(n)))


@_op(LONG4)
def _load_long4(self):
    n = struct.unpack('<i', self.read(4))[0]
    if n < 0:
        raise UnpicklingError('LONG pickle has negative byte count')
    self.stack.append(_decode_long(self.read(n)))


@_op(FLOAT)
def _load_float(self):
    self.stack.append(float(self.readline()[:-1]))


@_op(BINFLOAT)
def _load_binfloat(self):
    self.stack.append(struct.unpack('>d', self.read(8))[0])


@_op(STRING)
def _load_string(self):
    data = self.readline()[:-1]
    if len(data) >= 2 and data[0] == data[-1] and data[:1] in (b'"', b"'"):
        data = data[1:-1]
    else:
        raise UnpicklingError('the STRING opcode argument must be quoted')
    # Python 2's str repr: backslash escapes over bytes.
    self.stack.append(self._decode_string(data.decode('unicode_escape').encode('latin-1')))


@_op(BINSTRING)
def _load_binstring(self):
    n = struct.unpack('<i', self.read(4))[0]
    if n < 0:
        raise UnpicklingError('BINSTRING pickle has negative byte count')
    self.stack.append(self._decode_string(self.read(n)))


@_op(SHORT_BINSTRING)
def _load_short_binstring(self):
    self.stack.append(self._decode_string(self.read(self.read(1)[0])))


@_op(BINBYTES)
def _load_binbytes(self):
    self.stack.append(self.read(struct.unpack('<I', self.read(4))[0]))


@_op(SHORT_BINBYTES)
def _load_short_binbytes(self):
    self.stack.append(self.read(self.read(1)[0]))


@_op(BINBYTES8)
def _load_binbytes8(self):
    self.stack.append(self.read(struct.unpack('<Q', self.read(8))[0]))


@_op(BYTEARRAY8)
def _load_bytearray8(self):
    self.stack.append(bytearray(self.read(struct.unpack('<Q', self.read(8))[0])))


@_op(UNICODE)
def _load_unicode(self):
    self.stack.append(self.readline()[:-1].decode('raw-unicode-escape'))


@_op(BINUNICODE)
def _load_binunicode(self):
    self.stack.append(self.read(struct.unpack('<I', self.read(4))[0]).decode('utf-8', 'surrogatepass'))


@_op(SHORT_BINUNICODE)
def _load_short_binunicode(self):
    self.stack.append(self.read(self.read(1)[0]).decode('utf-8', 'surrogatepass'))


@_op(BINUNICODE8)
def _load_binunicode8(self):
    self.stack.append(self.read(struct.unpack('<Q', self.read(8))[0]).decode('utf-8', 'surrogatepass'))


@_op(EMPTY_TUPLE)
def _load_empty_tuple(self):
    self.stack.append(())


@_op(TUPLE)
def _load_tuple(self):
    items = self.pop_mark()
    self.stack.append(tuple(items))


def _load_tuple_n(n):
    def load(self):
        if len(self.stack) < n:
            raise UnpicklingError('unpickling stack underflow')
        items = tuple(self.stack[-n:])
        del self.stack[-n:]
        self.stack.append(items)
    return load


_OPS[TUPLE1[0]] = _load_tuple_n(1)
_OPS[TUPLE2[0]] = _load_tuple_n(2)
_OPS[TUPLE3[0]] = _load_tuple_n(3)


@_op(EMPTY_LIST)
def _load_empty_list(self):
    self.stack.append([])


@_op(LIST)
def _load_list(self):
    items = self.pop_mark()
    self.stack.append(items)


@_op(EMPTY_DICT)
def _load_empty_dict(self):
    self.stack.append({})


@_op(DICT)
def _load_dict(self):
    items = self.pop_mark()
    self.stack.append({items[i]: items[i + 1] for i in range(0, len(items) - 1, 2)})


@_op(EMPTY_SET)
def _load_empty_set(self):
    self.stack.append(set())


@_op(FROZENSET)
def _load_frozenset(self):
    items = self.pop_mark()
    self.stack.append(frozenset(items))


@_op(ADDITEMS)
def _load_additems(self):
    items = self.pop_mark()
    target = self._top()
    if isinstance(target, set):
        target.update(items)
    else:
        for item in items:
            target.add(item)


@_op(APPEND)
def _load_append(self):
    value = self._pop()
    self._top().append(value)


@_op(APPENDS)
def _load_appends(self):
    items = self.pop_mark()
    target = self._top()
    if isinstance(target, list):
        target.extend(items)
    else:
        for item in items:
            target.append(item)


@_op(SETITEM)
def _load_setitem(self):
    value = self._pop()
    key = self._pop()
    self._top()[key] = value


@_op(SETITEMS)
def _load_setitems(self):
    items = self.pop_mark()
    target = self._top()
    for i in range(0, len(items) - 1, 2):
        target[items[i]] = items[i + 1]


@_op(GLOBAL)
def _load_global(self):
    module = self.readline()[:-1].decode('utf-8')
    name = self.readline()[:-1].decode('utf-8')
    self.stack.append(self.find_class(module, name))


@_op(STACK_GLOBAL)
def _load_stack_global(self):
    name = self._pop()
    module = self._pop()
    if not isinstance(name, str) or not isinstance(module, str):
        raise UnpicklingError('STACK_GLOBAL requires str')
    self.stack.append(self.find_class(module, name))


@_op(REDUCE)
def _load_reduce(self):
    args = self._pop()
    func = self._pop()
    self.stack.append(func(*args))


@_op(NEWOBJ)
def _load_newobj(self):
    args = self._pop()
    cls = self._pop()
    self.stack.append(cls.__new__(cls, *args))


@_op(NEWOBJ_EX)
def _load_newobj_ex(self):
    kwargs = self._pop()
    args = self._pop()
    cls = self._pop()
    self.stack.append(cls.__new__(cls, *args, **kwargs))


@_op(OBJ)
def _load_obj(self):
    args = self.pop_mark()
    cls = args.pop(0)
    self.stack.append(_instantiate(cls, args))


@_op(INST)
def _load_inst(self):
    module = self.readline()[:-1].decode('ascii')
    name = self.readline()[:-1].decode('ascii')
    cls = self.find_class(module, name)
    args = self.pop_mark()
    self.stack.append(_instantiate(cls, args))


def _instantiate(cls, args):
    if args or not isinstance(cls, type) or hasattr(cls, '__getinitargs__'):
        return cls(*args)
    return cls.__new__(cls)


@_op(BUILD)
def _load_build(self):
    state = self._pop()
    self._build(self._top(), state)


@_op(PUT)
def _load_put(self):
    idx = int(self.readline()[:-1])
    if idx < 0:
        raise ValueError('negative PUT argument')
    self.memo[idx] = self._top()


@_op(BINPUT)
def _load_binput(self):
    self.memo[self.read(1)[0]] = self._top()


@_op(LONG_BINPUT)
def _load_long_binput(self):
    self.memo[struct.unpack('<I', self.read(4))[0]] = self._top()


@_op(MEMOIZE)
def _load_memoize(self):
    self.memo[len(self.memo)] = self._top()


@_op(GET)
def _load_get(self):
    self.stack.append(self._memo_get(int(self.readline()[:-1])))


@_op(BINGET)
def _load_binget(self):
    self.stack.append(self._memo_get(self.read(1)[0]))


@_op(LONG_BINGET)
def _load_long_binget(self):
    self.stack.append(self._memo_get(struct.unpack('<I', self.read(4))[0]))


@_op(PERSID)
def _load_persid(self):
    pid = self.readline()[:-1].decode('ascii')
    self.stack.append(self.persistent_load(pid))


@_op(BINPERSID)
def _load_binpersid(self):
    self.stack.append(self.persistent_load(self._pop()))


# -- the module functions ------------------------------------------------------------

def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    Pickler(file, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    f = io.BytesIO()
    Pickler(f, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)
    return f.getvalue()


def load(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None):
    return Unpickler(file, fix_imports=fix_imports, encoding=encoding, errors=errors).load()


def loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return Unpickler(io.BytesIO(data), fix_imports=fix_imports, encoding=encoding, errors=errors).load()
