# Each event loop owns a wake-up socket pair; closing the loop, or freeing
# it unclosed, gives the descriptors back.
import asyncio
import gc
import os


def open_fds():
    return len(os.listdir("/proc/self/fd"))


before = open_fds()
for _ in range(200):
    loop = asyncio.new_event_loop()
    loop.run_until_complete(asyncio.sleep(0))
    loop.close()
print("closed loops leak:", open_fds() - before)
for _ in range(200):
    loop = asyncio.new_event_loop()
    loop.run_until_complete(asyncio.sleep(0))
del loop
gc.collect()
print("freed loops leak:", open_fds() - before <= 2)
