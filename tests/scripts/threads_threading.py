import threading, time
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
results = []
lock = threading.Lock()
def work(n, delay=0.1):
    time.sleep(delay)
    with lock:
        results.append(n * n)
ts = [threading.Thread(target=work, args=(i,), kwargs={"delay": 0.2}) for i in range(5)]
t0 = time.monotonic()
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results), time.monotonic() - t0 < 0.38)
print(ts[0].name, ts[0].is_alive(), ts[0].daemon)
ev = threading.Event()
def setter():
    time.sleep(0.05); ev.set()
threading.Thread(target=setter).start()
print(ev.wait(2), ev.is_set())
cond = threading.Condition()
items = []
def consumer():
    with cond:
        cond.wait_for(lambda: items)
        print("consumed", items.pop())
c = threading.Thread(target=consumer); c.start()
time.sleep(0.05)
with cond:
    items.append(42); cond.notify()
c.join()
sem = threading.BoundedSemaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
sem.release(); sem.release()
try: sem.release()
except ValueError as e: print(e)
loc = threading.local()
loc.x = 1
def see():
    print("thread sees", hasattr(loc, "x"))
    loc.x = 2
t = threading.Thread(target=see); t.start(); t.join()
print(loc.x)
b = threading.Barrier(3)
out = []
def party(i):
    out.append(b.wait() >= 0)
ps = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for p in ps: p.start()
for p in ps: p.join()
print(out)
def bad(): raise KeyError("k")
t = threading.Thread(target=bad, name="T-bad"); t.start(); t.join()
tm = threading.Timer(0.05, lambda: print("timer fired")); tm.start(); tm.join()
print(threading.active_count())
def late():
    time.sleep(0.1); print("non-daemon finished")
threading.Thread(target=late).start()
print("main done")
