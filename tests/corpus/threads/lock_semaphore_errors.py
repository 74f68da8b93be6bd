import threading
lock = threading.Lock()
print(lock.locked())
print(lock.acquire())
print(lock.acquire(blocking=False))
print(lock.acquire(timeout=0.01))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    lock.acquire(blocking=False, timeout=1)
except ValueError as e:
    print("ValueError:", e)
try:
    lock.acquire(timeout=-2)
except ValueError as e:
    print("ValueError:", e)
r = threading.RLock()
r.acquire(); r.acquire()
r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
def other():
    try:
        r.release()
    except RuntimeError as e:
        print("other:", e)
r.acquire()
t = threading.Thread(target=other); t.start(); t.join()
r.release()
with lock:
    print("inside", lock.locked())
print("after", lock.locked())
s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False))
s.release(); s.release(); s.release()
print(s._value)
bs = threading.BoundedSemaphore(1)
bs.acquire(); bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
s2 = threading.Semaphore(0)
s2.release(3)
print(s2._value)
