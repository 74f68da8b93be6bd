# Lock: acquire/release, non-blocking acquire, with-statement, protected counter.
import threading

lock = threading.Lock()
print(type(lock).__name__, lock.locked())
print(lock.acquire())
print(lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with lock:
    print("inside", lock.locked())
print("after", lock.locked())

counter = 0


def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


threads = [threading.Thread(target=add, args=(1000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)


def try_take(out):
    out.append(lock.acquire(blocking=False))


lock.acquire()
out = []
t = threading.Thread(target=try_take, args=(out,))
t.start()
t.join()
lock.release()
print("other thread got the held lock:", out)
