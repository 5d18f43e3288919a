# Unbound methods of generators, coroutines, async generators and their
# awaitables called without a receiver raise TypeError, never panic.
def g():
    yield 1
async def c():
    return 1
async def ag():
    yield 1
for t, names in ((type(g()), ["__next__", "send", "throw", "close", "__iter__"]), (type(c()), ["send", "throw", "close", "__await__"]), (type(ag()), ["__anext__", "asend", "athrow", "aclose", "__aiter__"])):
    for n in names:
        try:
            getattr(t, n)()
        except TypeError:
            print("TypeError", n)
a = ag()
aw = type(a.__anext__())
for n in ["send", "throw", "close", "__next__", "__iter__", "__await__"]:
    try:
        getattr(aw, n)()
    except TypeError:
        print("TypeError", n)
