# Deeply nested JSON raises RecursionError in loads and dumps (the native
# scanner and encoder count their depth); it never overflows the stack.
import json
import sys

for depth in [100_000, 2_000_000]:
    for doc in ["[" * depth, "[" * depth + "]" * depth, '{"a":' * depth]:
        try:
            json.loads(doc)
        except RecursionError as e:
            print("loads RecursionError:", e)
nested = []
for _ in range(200_000):
    nested = [nested]
deep_dict = {}
for _ in range(200_000):
    deep_dict = {"k": deep_dict}
for value in [nested, deep_dict]:
    for kwargs in [{}, {"indent": 1}, {"check_circular": False}]:
        try:
            json.dumps(value, **kwargs)
        except RecursionError as e:
            print("dumps RecursionError:", e)
class Endless:
    pass
try:
    json.dumps(Endless(), default=lambda o: [Endless()])
except RecursionError as e:
    print("default RecursionError")
loop = []
loop.append(loop)
try:
    json.dumps(loop, check_circular=False)
except RecursionError as e:
    print("cycle RecursionError:", e)
# A high recursion limit is still bounded by the machine stack.
sys.setrecursionlimit(10_000_000)
for doc in ["[" * 10_000_000, '{"a":' * 10_000_000]:
    try:
        json.loads(doc)
    except RecursionError:
        print("loads RecursionError at a high limit")
try:
    print("dumps at a high limit:", len(json.dumps(nested)))
except RecursionError:
    print("dumps RecursionError at a high limit")
print(json.loads("[" * 500 + "]" * 500) is not None, len(json.dumps(json.loads("[" * 500 + "]" * 500))))
