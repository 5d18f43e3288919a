# Natives called without the receiver they index: each must raise
# TypeError, never panic (io's property getters and asyncio's native Lock
# and Event methods did before they bound their arguments).
import _asyncio
import io

calls = [
    ("IOBase.closed getter", lambda: io.IOBase.closed.fget()),
    ("StringIO.closed getter", lambda: io.StringIO.closed.fget()),
    ("TextIOWrapper.encoding getter", lambda: io.TextIOWrapper.encoding.fget()),
    ("StringIO.newlines getter", lambda: io.StringIO.newlines.fget()),
]
for name in ["_lock_release", "_lock_wake_first", "_event_is_set", "_event_set", "_event_clear"]:
    calls.append(("_asyncio." + name, getattr(_asyncio, name)))

for what, call in calls:
    try:
        call()
        print(what, "returned")
    except TypeError as e:
        print(what, "TypeError:", e)
