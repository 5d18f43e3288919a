import sys
class V:
    def __init__(self, v): self.v = v
    def __await__(self):
        print("  awaiting", self.v.__name__ if isinstance(self.v, type) else self.v)
        yield
        return self.v

def drive(c):
    while True:
        try: c.send(None)
        except StopIteration as s: return s.value

async def f(exc):
    try:
        raise exc
    except KeyError as e:
        return "key " + repr(e)
    except (await V(ValueError)) as e:
        print("  exc_info", sys.exc_info()[0].__name__)
        return "value " + repr(e)
    except await V(TypeError):
        try:
            raise
        except TypeError as e2:
            return "type reraised " + repr(e2)
    finally:
        print("  finally")

for exc in (KeyError("k"), ValueError("v"), TypeError("t"), OSError("o")):
    try:
        print(drive(f(exc)))
    except OSError as e:
        print("escaped", repr(e), repr(e.__context__))
