# A yield nested deeper than a suspended generator packs in one word: the
# resume position spills to the frame's extra box and comes back intact.
import contextlib
@contextlib.contextmanager
def cm(tag):
    yield tag
def g():
    for i in range(2):
        try:
            with cm("a"):
                for j in range(2):
                    if j >= 0:
                        while True:
                            try:
                                for k in range(2):
                                    with cm("b"):
                                        x = yield (i, j, k)
                                        if x: print("got", x)
                            finally:
                                pass
                            break
        finally:
            print("fin", i)
it = g()
print(next(it))
for n in range(20):
    try:
        print(it.send(n))
    except StopIteration:
        print("stop"); break
