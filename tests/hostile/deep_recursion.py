def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("RecursionError", e)
import sys
sys.setrecursionlimit(10**6)
def g(n):
    return g(n + 1) + 1
try:
    g(0)
except RecursionError as e:
    print("RecursionError (raised limit)")
