# One list holding a million small containers, with a full collection
# ("collect") or without ("plain"): the collection must not need memory in
# proportion to the list's width. Automatic collections are off in both.
import gc
import sys

gc.disable()
items = [[] for i in range(1000000)]
if sys.argv[1] == "collect":
    gc.collect()
print(len(items))
