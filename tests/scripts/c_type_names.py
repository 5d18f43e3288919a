# Messages name the instances of CPython's C types with their module
# ('datetime.date', 'collections.deque', '_asyncio.Future'), although
# tulip writes those classes in Python; __name__ stays short.
import asyncio, datetime, collections, functools, operator, decimal, array, types, contextvars, itertools

objs = [datetime.date(2020, 1, 1), datetime.timedelta(1), datetime.timezone.utc, datetime.time(),
        datetime.datetime(2020, 1, 1), datetime.date(2020, 1, 1).isocalendar(), collections.deque(),
        collections.defaultdict(), collections.OrderedDict(), functools.cmp_to_key(lambda a, b: 0)(1),
        functools.partial(print), operator.attrgetter('x'), operator.itemgetter(1), operator.methodcaller('x'),
        decimal.Decimal(1), decimal.getcontext(), array.array('i'), types.SimpleNamespace(),
        contextvars.ContextVar('x'), contextvars.copy_context(), itertools.count(), itertools.repeat(1)]
for o in objs:
    try:
        o @ o
    except TypeError as e:
        print(e, "|", type(o).__name__, type(o).__module__)
for o in [datetime.date(2020, 1, 1), collections.deque()]:
    try:
        o.missing
    except AttributeError as e:
        print(e)
try:
    iter(datetime.timedelta(3))
except TypeError as e:
    print(e)
d = datetime.date(2021, 5, 6)
try:
    d -= []
except TypeError as e:
    print(e)
print(repr(datetime.date), repr(collections.deque), repr(contextvars.ContextVar))

async def main():
    f = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(asyncio.sleep(0))
    for o in (f, t):
        try:
            o @ 1
        except TypeError as e:
            print(e, "|", type(o).__name__, type(o).__module__)
    await t
    f.cancel()
asyncio.run(main())
import datetime
d = datetime.date(2020, 1, 1)
for f in [lambda: (1,) < d, lambda: 1.5 + d, lambda: d < 3, lambda: None | d, lambda: d[0], lambda: len(d), lambda: d(), lambda: -d, lambda: next(d), lambda: reversed(d), lambda: hash(datetime.timedelta) and {d: 1}[[]], lambda: format(d, 5)]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
