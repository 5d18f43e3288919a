"""Builds and drops a million small objects of each kind below (a quarter
million generators and coroutines), with
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


class Stepper:
    def steps(self):
        try:
            yield self
        finally:
            self.closed = True


def suspended_generators_of_self():
    keeper = Stepper()
    for _ in range(N // 4):
        s = Stepper()
        s.g = s.steps() if CYCLES else keeper.steps()
        next(s.g)


async def awaiting(peer):
    return peer


def unstarted_coroutines_of_self():
    for _ in range(N // 4):
        s = Stepper()
        s.c = awaiting(s if CYCLES else None)
        s.c.close()


instances_pointing_at_each_other()
self_referencing_lists()
closures()
bound_methods_of_self()
suspended_generators_of_self()
unstarted_coroutines_of_self()
print("done")
