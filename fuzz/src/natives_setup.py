
import sys, math, itertools
_cell = [None]

def _clear():
    target = _cell[0]
    try:
        target.clear()
    except BaseException:
        pass

class HugeIndex:
    def __index__(self): return 2**70
    def __int__(self): return 2**70
class NegIndex:
    def __index__(self): return -2**63 - 1
class RaisingIndex:
    def __index__(self): raise ValueError("index")
    def __int__(self): raise ValueError("int")
    def __float__(self): raise ValueError("float")
class WrongTypes:
    def __index__(self): return "x"
    def __int__(self): return 1.5
    def __float__(self): return "x"
    def __str__(self): return 5
    def __repr__(self): return 5
    def __len__(self): return "x"
    def __hash__(self): return "x"
    def __iter__(self): return 5
class BadLen:
    def __len__(self): return -1
    def __iter__(self): return iter([1, 2])
class HugeLen:
    def __len__(self): return 2**62
    def __length_hint__(self): return 2**62
    def __iter__(self): return iter(())
    def __getitem__(self, i): raise IndexError(i)
class EqRaises:
    def __eq__(self, other): raise ValueError("eq")
    def __lt__(self, other): raise ValueError("lt")
    def __hash__(self): return 0
class FlipHash:
    n = 0
    def __hash__(self):
        FlipHash.n += 1
        return FlipHash.n
    def __eq__(self, other): return True
class Clear:
    """Empties the receiver `r` from inside whichever dunder runs."""
    def __index__(self): _clear(); return 0
    def __int__(self): _clear(); return 0
    def __float__(self): _clear(); return 0.0
    def __eq__(self, other): _clear(); return False
    def __lt__(self, other): _clear(); return False
    def __gt__(self, other): _clear(); return False
    def __hash__(self): _clear(); return 0
    def __len__(self): _clear(); return 1
    def __iter__(self): _clear(); yield 1; _clear(); yield 2
    def __str__(self): _clear(); return "x"
    def __repr__(self): _clear(); return "x"
    def __call__(self, *a, **k): _clear(); return 0
class RaisingIter:
    def __iter__(self):
        yield 1
        raise RuntimeError("iter")
class StrSub(str):
    def __hash__(self): raise ValueError("hash")
    def __eq__(self, other): raise ValueError("eq")
class IntSub(int):
    def __index__(self): return 2**70
    def __eq__(self, other): _clear(); return False
    __hash__ = int.__hash__
class BytesLike:
    def __bytes__(self): return b"\xff" * 3
    def __buffer__(self, flags): raise ValueError("buffer")

def _rec_list():
    a = [1]
    a.append(a)
    return a
def _rec_dict():
    d = {}
    d[1] = d
    d[2] = d.values()
    return d
def _touch(value):
    """Exercises a result the way a program would."""
    for f in (repr, str, hash, len, bool, iter):
        try:
            f(value)
        except BaseException:
            pass
    try:
        for _ in itertools.islice(value, 5):
            pass
    except BaseException:
        pass

def _call(f, args, **kwargs):
    """What `f` returns, or the exception it raises."""
    try:
        return f(*args, **kwargs)
    except BaseException as e:
        return e

def _set(*items):
    """A set of the hashable items."""
    out = set()
    for x in items:
        try:
            out.add(x)
        except BaseException:
            pass
    return out

def _dict(*pairs):
    """A dict of the pairs with hashable keys."""
    out = {}
    for k, v in pairs:
        try:
            out[k] = v
        except BaseException:
            pass
    return out
