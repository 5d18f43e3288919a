# Buffers whose size the script chooses raise MemoryError (or CPython's
# OverflowError) when they cannot be allocated: the process never aborts.
import io
import os

attempts = [
    lambda: "x" * 2**45,
    lambda: b"ab" * 2**45,
    lambda: bytearray(b"x") * 2**45,
    lambda: [0] * 2**45,
    lambda: (1, 2) * 2**45,
    lambda: "a".zfill(2**45),
    lambda: b"a".zfill(2**45),
    lambda: "a".rjust(2**45, "é"),
    lambda: "abc".center(2**50),
    lambda: b"x".ljust(2**50),
    lambda: (1).to_bytes(2**45, "big"),
    lambda: (0).to_bytes(2**63 - 1, "big"),
    lambda: os.urandom(2**62),
    lambda: format(1, ">2000000000000"),
    lambda: f"{'s':<{2**45}}",
    lambda: "%2000000000000d" % 1,
    lambda: list(range(2**45)),
    lambda: " ".join(["a" * 2**25] * 2**21),
]


def seek_and_write(stream, data):
    stream.seek(2**62)
    stream.write(data)


attempts += [lambda: seek_and_write(io.BytesIO(), b"x"), lambda: seek_and_write(io.StringIO(), "x")]

for attempt in attempts:
    try:
        attempt()
        print("allocated")
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__, e)

x = [1, 2]
try:
    x *= 2**45
except MemoryError:
    print("MemoryError; the list is unchanged:", x)
print(len(format(1.5, ".100000e")), format(2.5, ".1000f")[-3:], len("%.73647f" % 1))
