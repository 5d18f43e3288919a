# Native methods and constructors called unbound, with no receiver or a
# receiver of the wrong type, raise TypeError (found by calling builtins the
# way a fuzzer does: each of these used to panic).
from collections import UserString

calls = [
    lambda: int.__round__(),
    lambda: int.__round__(1.5),
    lambda: list.append(1, 2),
    lambda: list.append(),
    lambda: float.__neg__(),
    lambda: str.upper(b"x"),
    lambda: dict.get([], 1),
    lambda: Exception.__str__(),
    lambda: UnicodeDecodeError.__str__(),
    lambda: int.__new__(),
    lambda: int.__new__(1),
    lambda: int.__new__(str),
    lambda: BaseException.__new__(),
    lambda: GeneratorExit.__new__(int),
    lambda: bytes.__new__(),
    lambda: bytearray.__new__(),
    lambda: property.__new__(list),
    lambda: UserString.index(type, []),
]


class Borrowed:
    round_ = int.__round__
    append = list.append


calls += [lambda: Borrowed().round_(), lambda: Borrowed().append(1)]

for call in calls:
    try:
        call()
        print("no error")
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

print(int.__add__(True, 2), dict.get({1: 2}, 1), str.upper("a"), int.__new__(int, 5))
