# except* handlers that suspend, and await in except-star bodies.
class Step:
    def __await__(self):
        yield "step"

def drive(coro):
    steps = 0
    while True:
        try:
            coro.send(None)
            steps += 1
        except StopIteration as s:
            return s.value, steps

async def handled():
    log = []
    try:
        raise ExceptionGroup("group", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
    except* ValueError as eg:
        await Step()
        log.append(("value", [str(e) for e in eg.exceptions]))
        await Step()
    except* TypeError as eg:
        log.append(("type", [str(e) for e in eg.exceptions]))
        await Step()
    return log

print(drive(handled()))

async def reraises():
    seen = []
    try:
        try:
            raise ExceptionGroup("outer", [KeyError("k")])
        except* KeyError:
            await Step()
            raise RuntimeError("from handler")
    except* RuntimeError as eg:
        seen.append(("runtime", [repr(e) for e in eg.exceptions]))
    return seen

print(drive(reraises()))

async def unhandled():
    try:
        raise ExceptionGroup("g", [ValueError(1), IndexError(2)])
    except* ValueError:
        await Step()

try:
    drive(unhandled())
except ExceptionGroup as eg:
    print("left:", repr(eg), [repr(e) for e in eg.exceptions])

async def naked():
    try:
        raise KeyError("single")
    except* KeyError as eg:
        await Step()
        seen = type(eg).__name__, [repr(e) for e in eg.exceptions]
    return seen

print(drive(naked()))

def gen_star():
    try:
        raise ExceptionGroup("g", [ValueError("x")])
    except* ValueError as eg:
        received = yield len(eg.exceptions)
        yield received

g = gen_star()
print(next(g), g.send("sent"))
