"""Binary min-heaps stored in plain lists.

A list `h` is a heap when every parent is no greater than its children:
h[i] <= h[2*i + 1] and h[i] <= h[2*i + 2]; so h[0] is the smallest item.
Only `<` is ever used to compare items, and the sequence of comparisons
matches CPython's, so heaps built here have the same layout as there.
"""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge",
           "nlargest", "nsmallest", "heappushpop"]


def _need_list(fname, value):
    # CPython's argument clinic wording: functions of one argument say
    # "argument", the others "argument 1".
    if not isinstance(value, list):
        which = "argument" if fname in ("heappop", "heapify") else "argument 1"
        given = "None" if value is None else type(value).__name__
        raise TypeError(f"{fname}() {which} must be list, not {given}")


# Restoring the invariant.  `_rise` moves the item at `pos` up towards `root`
# while it is smaller than its parent.  `_sink` first walks the hole at `pos`
# down to a leaf along the smaller children (one comparison per level), then
# lets the displaced item rise back: fewer comparisons than stopping early,
# since an item taken from the end of the list usually belongs near the bottom.

def _rise(heap, root, pos):
    item = heap[pos]
    while pos > root:
        up = (pos - 1) >> 1
        if not item < heap[up]:
            break
        heap[pos] = heap[up]
        pos = up
    heap[pos] = item


def _sink(heap, pos):
    size = len(heap)
    root = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < size:
        sibling = child + 1
        if sibling < size and not heap[child] < heap[sibling]:
            child = sibling
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _rise(heap, root, pos)


# The same two moves for a max-heap (h[0] is the largest), used by merge()
# when reverse=True.

def _rise_max(heap, root, pos):
    item = heap[pos]
    while pos > root:
        up = (pos - 1) >> 1
        if not heap[up] < item:
            break
        heap[pos] = heap[up]
        pos = up
    heap[pos] = item


def _sink_max(heap, pos):
    size = len(heap)
    root = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < size:
        sibling = child + 1
        if sibling < size and not heap[sibling] < heap[child]:
            child = sibling
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _rise_max(heap, root, pos)


def heappush(heap, item):
    """Add item to the heap, keeping it a heap."""
    _need_list("heappush", heap)
    heap.append(item)
    _rise(heap, 0, len(heap) - 1)


def heappop(heap):
    """Remove and return the smallest item of the heap."""
    _need_list("heappop", heap)
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if not heap:
        return last
    smallest = heap[0]
    heap[0] = last
    _sink(heap, 0)
    return smallest


def heapreplace(heap, item):
    """Remove and return the smallest item, then add item (size unchanged).

    The returned value may be larger than item; see heappushpop for the
    other order."""
    _need_list("heapreplace", heap)
    if not heap:
        raise IndexError("index out of range")
    smallest = heap[0]
    heap[0] = item
    _sink(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Add item, then remove and return the smallest item, in one step."""
    _need_list("heappushpop", heap)
    if not heap or not heap[0] < item:
        return item
    smallest = heap[0]
    heap[0] = item
    _sink(heap, 0)
    return smallest


def heapify(x):
    """Rearrange list x into a heap, in place, in linear time."""
    _need_list("heapify", x)
    for pos in range(len(x) // 2 - 1, -1, -1):
        _sink(x, pos)


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator over all their values.

    Like sorted(itertools.chain(*iterables), key=key, reverse=reverse), but
    lazy: each input is read only as far as the output has gone."""
    # One entry per unfinished input: [sort key, tie rank, value, iterator].
    # The rank (input position, negated for a max-heap) keeps equal keys in
    # input order and stops the comparison before values or iterators.
    sink, rise = (_sink_max, _rise_max) if reverse else (_sink, _rise)
    sign = -1 if reverse else 1
    entries = []
    for rank, source in enumerate(iterables):
        it = iter(source)
        for value in it:
            entries.append([value if key is None else key(value), rank * sign, value, it])
            break
    for pos in range(len(entries) // 2 - 1, -1, -1):
        sink(entries, pos)
    while len(entries) > 1:
        top = entries[0]
        yield top[2]
        for value in top[3]:
            top[0] = value if key is None else key(value)
            top[2] = value
            sink(entries, 0)
            break
        else:
            last = entries.pop()
            if entries:
                entries[0] = last
                sink(entries, 0)
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
