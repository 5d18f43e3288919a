"""Bisection algorithms: keep a list sorted without sorting it again.

bisect_left(a, x) is the index where x goes in sorted a, in front of any
items equal to x; bisect_right(a, x) behind them.  insort_left and
insort_right insert x there.  All take lo and hi to narrow the search to
a[lo:hi], and key= to compare key(item) with x (insort applies key to x
too).  The searches are native (src/modules/bisect.rs).
"""

from _bisect import bisect_left, bisect_right, insort_left, insort_right

bisect = bisect_right
insort = insort_right
