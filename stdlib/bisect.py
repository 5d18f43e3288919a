"""Bisection algorithms: keep a list sorted without sorting it again.

Both searches narrow a half-open window [lo, hi) of a sorted sequence.  The
`_right` flavour steps past items equal to the probe, the `_left` flavour
stops in front of them; the insort functions place an item at that index.
"""


def _window(a, lo, hi):
    if lo < 0:
        raise ValueError("lo must be non-negative")
    return lo, (len(a) if hi is None else hi)


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """Index at which x goes in sorted a, in front of any items equal to x."""
    lo, hi = _window(a, lo, hi)
    while lo < hi:
        middle = (lo + hi) >> 1
        probe = a[middle] if key is None else key(a[middle])
        if probe < x:
            lo = middle + 1
        else:
            hi = middle
    return lo


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """Index at which x goes in sorted a, behind any items equal to x."""
    lo, hi = _window(a, lo, hi)
    while lo < hi:
        middle = (lo + hi) >> 1
        probe = a[middle] if key is None else key(a[middle])
        if x < probe:
            hi = middle
        else:
            lo = middle + 1
    return lo


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Insert x into sorted a, in front of any items equal to x."""
    where = bisect_left(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(where, x)


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Insert x into sorted a, behind any items equal to x."""
    where = bisect_right(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(where, x)


bisect = bisect_right
insort = insort_right
