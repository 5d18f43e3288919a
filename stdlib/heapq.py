"""Binary min-heaps stored in plain lists.

A list `h` is a heap when every parent is no greater than its children:
h[i] <= h[2*i + 1] and h[i] <= h[2*i + 2]; so h[0] is the smallest item.
Only `<` is ever used to compare items, and the sequence of comparisons
matches CPython's, so heaps built here have the same layout as there.
"""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge",
           "nlargest", "nsmallest", "heappushpop"]


# The heap moves are native (src/modules/heapq.rs); merge() uses the
# max-heap ones for reverse=True.
from _heapq import (heappush, heappop, heapify, heapreplace, heappushpop,
                    _heapify_max, _heappop_max, _heapreplace_max)


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator over all their values.

    Like sorted(itertools.chain(*iterables), key=key, reverse=reverse), but
    lazy: each input is read only as far as the output has gone."""
    # One entry per unfinished input: [sort key, tie rank, value, iterator].
    # The rank (input position, negated for a max-heap) keeps equal keys in
    # input order and stops the comparison before values or iterators.
    if reverse:
        make_heap, pop, replace, sign = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        make_heap, pop, replace, sign = heapify, heappop, heapreplace, 1
    entries = []
    for rank, source in enumerate(iterables):
        it = iter(source)
        for value in it:
            entries.append([value if key is None else key(value), rank * sign, value, it])
            break
    make_heap(entries)
    while len(entries) > 1:
        top = entries[0]
        yield top[2]
        for value in top[3]:
            top[0] = value if key is None else key(value)
            top[2] = value
            replace(entries, top)
            break
        else:
            pop(entries)
    if entries:
        _, _, value, it = entries[0]
        yield value
        yield from it


def _first_n(n, iterable, key, largest):
    if n == 1:
        missing = object()
        pick = max if largest else min
        best = pick(iter(iterable), default=missing, key=key)
        return [] if best is missing else [best]
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=largest)[:n]


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable, as sorted(iterable, key=key)[:n]."""
    return _first_n(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    """The n largest items of iterable, as sorted(iterable, key=key, reverse=True)[:n]."""
    return _first_n(n, iterable, key, True)
