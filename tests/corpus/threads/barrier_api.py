import threading
b = threading.Barrier(3, action=lambda: print("all arrived"))
out = []
lock = threading.Lock()
def worker(i):
    idx = b.wait()
    with lock:
        out.append(i)
    b.wait()
ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(out), b.parties, b.n_waiting, b.broken)
b2 = threading.Barrier(2, timeout=0.05)
try:
    b2.wait()
except threading.BrokenBarrierError as e:
    print("broken", type(e).__name__, repr(e), b2.broken)
b2.reset()
print(b2.broken)
b3 = threading.Barrier(2)
def w():
    try:
        b3.wait()
    except threading.BrokenBarrierError:
        print("aborted waiter")
t = threading.Thread(target=w); t.start()
import time; time.sleep(0.05)
b3.abort(); t.join()
print(b3.broken)
try:
    threading.Barrier(0)
except ValueError as e:
    print("ValueError:", e)
print(issubclass(threading.BrokenBarrierError, RuntimeError))
