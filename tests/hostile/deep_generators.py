# Deep chains of generators and coroutines end in RecursionError, never in a
# crash, and closing a deep chain runs every finally block.
def chain(n):
    if n == 0:
        yield 1
        return
    yield from chain(n - 1)

try:
    print(list(chain(100000)))
except RecursionError:
    print("RecursionError")

async def co(n):
    if n == 0:
        return 0
    return await co(n - 1) + 1

try:
    co(100000).send(None)
except RecursionError:
    print("RecursionError 2")

def closing(n):
    if n == 0:
        try:
            yield 1
        finally:
            print("innermost closed")
        return
    yield from closing(n - 1)

g = closing(900)
print(next(g))
del g
print("end")
