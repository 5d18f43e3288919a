# queue.SimpleQueue: FIFO order, get with and without blocking, timeouts,
# argument errors, and items handed between threads (producers and
# consumers blocked in get while others put).
import queue
import threading
import time

q = queue.SimpleQueue()
print(q.empty(), q.qsize())
for i in range(5):
    q.put(i)
q.put_nowait("five")
q.put(None, block=False, timeout=3)
print(q.empty(), q.qsize(), [q.get() for _ in range(7)])
try:
    q.get_nowait()
except queue.Empty as e:
    print("Empty", type(e).__module__, repr(e), isinstance(e, Exception))
try:
    q.get(block=False)
except queue.Empty:
    print("Empty without blocking")
start = time.monotonic()
try:
    q.get(timeout=0.05)
except queue.Empty:
    print("Empty after timeout", 0.04 < time.monotonic() - start < 1)
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError", e)
q.put("x")
print(q.get(False, -5), q.get_nowait.__name__)
print(queue.SimpleQueue[int], type(q).__name__)

# Threads: consumers wait in get() while producers put.
jobs = queue.SimpleQueue()
results = queue.SimpleQueue()


def consumer():
    while True:
        item = jobs.get()
        if item is None:
            jobs.put(None)
            return
        results.put(item * item)


workers = [threading.Thread(target=consumer) for _ in range(4)]
for w in workers:
    w.start()
time.sleep(0.02)
for i in range(1000):
    jobs.put(i)
jobs.put(None)
for w in workers:
    w.join()
got = []
while not results.empty():
    got.append(results.get())
print(len(got), sum(got) == sum(i * i for i in range(1000)))

# A getter blocked with a timeout is woken by a put from another thread.
slow = queue.SimpleQueue()
threading.Timer(0.05, slow.put, args=("late",)).start()
print(slow.get(timeout=5))

# A subclass keeps the queue and adds to it.
class Counting(queue.SimpleQueue):
    def __init__(self):
        self.puts = 0

    def put(self, item, block=True, timeout=None):
        self.puts += 1
        super().put(item, block, timeout)


c = Counting()
c.put(1)
c.put(2)
print(type(c).__name__, isinstance(c, queue.SimpleQueue), c.puts, c.qsize(), c.get(), c.get_nowait(), c.empty())

# Timeouts CPython's clock cannot represent, and ones that are not numbers.
q = queue.SimpleQueue()
for t in [1e30, float("inf"), float("nan"), 10**30, 1e10, "1", -1, 0.0, 2]:
    try:
        q.put(1)
        q.get(timeout=t)
        print(t, "ok")
    except Exception as e:
        q.get_nowait()
        print(t, type(e).__name__, e)
