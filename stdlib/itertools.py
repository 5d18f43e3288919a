"""Iterator building blocks. Functions check their arguments and call iter()
eagerly, as CPython's do, then return a generator."""

from _tulip import c_type as _c_type
import sys as _sys

__all__ = ["accumulate", "chain", "combinations", "combinations_with_replacement",
           "compress", "count", "cycle", "dropwhile", "filterfalse", "groupby",
           "islice", "pairwise", "permutations", "product", "repeat", "starmap",
           "takewhile", "tee", "zip_longest"]


@_c_type
class count:
    """count(start=0, step=1) -> start, start+step, start+2*step, ..."""
    __slots__ = ("_n", "_step")

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not hasattr(type(v), "__add__") or isinstance(v, (str, bytes, list, tuple)):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        step = self._step
        if type(step) is int and step == 1:
            return f"count({self._n!r})"
        return f"count({self._n!r}, {step!r})"

    def __reduce__(self):
        return (count, (self._n, self._step))


@_c_type
class repeat:
    """repeat(object[, times]) -> object, object, ... (times times or forever)."""
    __slots__ = ("_obj", "_times")

    def __init__(self, object, times=None):
        self._obj = object
        if times is not None:
            times = times.__index__()
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        t = self._times
        if t is None:
            return self._obj
        if t <= 0:
            raise StopIteration
        self._times = t - 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return f"repeat({self._obj!r})"
        return f"repeat({self._obj!r}, {self._times})"


def cycle(iterable):
    it = iter(iterable)
    return _cycle(it)


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        yield from saved


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    return _accumulate(it, func, initial)


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        for total in it:
            break
        else:
            return
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


def chain(*iterables):
    for it in iterables:
        yield from it


def _from_iterable(iterables):
    return _chain_from(iter(iterables))


def _chain_from(iterables):
    for it in iterables:
        yield from it


chain.from_iterable = _from_iterable


def compress(data, selectors):
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    yield from it


def takewhile(predicate, iterable):
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(predicate, iterable):
    return _filterfalse(predicate, iter(iterable))


def _filterfalse(predicate, it):
    if predicate is None:
        for x in it:
            if not x:
                yield x
    else:
        for x in it:
            if not predicate(x):
                yield x


def starmap(function, iterable):
    return _starmap(function, iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


def pairwise(iterable):
    return _pairwise(iter(iterable))


def _pairwise(it):
    for a in it:
        break
    else:
        return
    for b in it:
        yield a, b
        a = b


def groupby(iterable, key=None):
    """Yields (key, group) for runs of equal keys; advancing the outer
    iterator ends the previous group, as in CPython."""
    return _groupby(iter(iterable), key)


_NOTHING = object()


def _groupby(it, keyfunc):
    # state: [current value, current key, generation]
    state = [_NOTHING, _NOTHING, 0]

    def advance():
        try:
            v = next(it)
        except StopIteration:
            state[0] = state[1] = _NOTHING
            return False
        state[0] = v
        state[1] = v if keyfunc is None else keyfunc(v)
        return True

    def grouper(tgtkey, gen):
        while state[2] == gen:
            k = state[1]
            if k is _NOTHING or not (k == tgtkey):
                return
            yield state[0]
            if not advance():
                return

    if not advance():
        return
    while True:
        tgtkey = state[1]
        state[2] += 1
        yield (tgtkey, grouper(tgtkey, state[2]))
        while True:
            k = state[1]
            if k is _NOTHING:
                return
            if not (k == tgtkey):
                break
            if not advance():
                return


def _islice_arg(v, what):
    if v is None:
        return None
    try:
        n = v.__index__()
    except AttributeError:
        n = -1
    if n < 0 or n > _sys.maxsize:
        raise ValueError(f"{what} for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    return n


def islice(iterable, *args):
    if not 1 <= len(args) <= 3:
        if not args:
            raise TypeError("islice expected at least 2 arguments, got 1")
        raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
    if len(args) == 1:
        start, stop, step = None, args[0], None
    else:
        start, stop = args[0], args[1]
        step = args[2] if len(args) == 3 else None
    stop = _islice_arg(stop, "Stop argument")
    start = _islice_arg(start, "Indices") or 0
    if step is not None:
        try:
            step = step.__index__()
        except AttributeError:
            step = -1
        if step <= 0:
            raise ValueError("Step for islice() must be a positive integer or None.")
    else:
        step = 1
    return _islice(iter(iterable), start, stop, step)


def _islice(it, start, stop, step):
    i = 0
    nexti = start
    while stop is None or nexti < stop:
        while i < nexti:
            try:
                next(it)
            except StopIteration:
                return
            i += 1
        try:
            item = next(it)
        except StopIteration:
            return
        i += 1
        yield item
        nexti += step
        if stop is not None and nexti > stop:
            nexti = stop
    # Consume up to `stop`, as CPython does.
    if stop is not None:
        while i < stop:
            try:
                next(it)
            except StopIteration:
                return
            i += 1


def tee(iterable, n=2):
    """Returns n independent iterators over one iterable."""
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    # Allocated at once, so that a huge n fails with MemoryError before the
    # loop rather than running for ever.
    buffers = [None] * n
    for i in range(n):
        buffers[i] = []
    return tuple(_tee(it, buf, buffers) for buf in buffers)


def _tee(it, buf, buffers):
    pos = 0
    while True:
        if pos >= len(buf):
            del buf[:pos]
            pos = 0
            try:
                value = next(it)
            except StopIteration:
                return
            for b in buffers:
                b.append(value)
        value = buf[pos]
        pos += 1
        yield value


def zip_longest(*iterables, fillvalue=None):
    its = [iter(it) for it in iterables]
    return _zip_longest(its, fillvalue)


def _zip_longest(its, fillvalue):
    active = len(its)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(its):
            if it is None:
                values.append(fillvalue)
                continue
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                its[i] = None
                value = fillvalue
            values.append(value)
        yield tuple(values)


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _product(pools):
    n = len(pools)
    for pool in pools:
        if not pool:
            return
    indices = [0] * n
    yield tuple(pool[0] for pool in pools)
    while True:
        i = n - 1
        while i >= 0:
            indices[i] += 1
            if indices[i] < len(pools[i]):
                break
            indices[i] = 0
            i -= 1
        if i < 0:
            return
        yield tuple(pools[j][indices[j]] for j in range(n))


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError("r must be non-negative")
    return _permutations(pool, n, r)


def _permutations(pool, n, r):
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def _index(v):
    """v as an int, checked before any iterable is consumed (an infinite one
    would never end)."""
    try:
        index = type(v).__index__
    except AttributeError:
        raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer") from None
    return index(v)


def combinations(iterable, r):
    r = _index(r)
    pool = tuple(iterable)
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combinations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    r = _index(r)
    pool = tuple(iterable)
    if r < 0:
        raise ValueError("r must be non-negative")
    return _cwr(pool, r)


def _cwr(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)
