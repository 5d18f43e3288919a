"""Builds and drops a million small objects of each kind below, with
reference cycles (argument `cycles`) or the same objects without them
(`acyclic`). tests/gc_memory.rs compares the peak memory of the two."""
import sys

CYCLES = sys.argv[1] == "cycles"
N = 1_000_000


class Node:
    pass


class Holder:
    def method(self):
        return self


def instances_pointing_at_each_other():
    for _ in range(N):
        a = Node()
        b = Node()
        a.other = b
        b.other = a if CYCLES else None


def self_referencing_lists():
    for _ in range(N):
        items = []
        items.append(items if CYCLES else None)


def capturing_itself():
    def f():
        return f
    return f


def capturing_none():
    g = None

    def f():
        return g
    return f


def closures():
    make = capturing_itself if CYCLES else capturing_none
    for _ in range(N):
        make()


def bound_methods_of_self():
    keeper = Holder()
    for _ in range(N):
        h = Holder()
        h.m = h.method if CYCLES else keeper.method


instances_pointing_at_each_other()
self_referencing_lists()
closures()
bound_methods_of_self()
print("done")
