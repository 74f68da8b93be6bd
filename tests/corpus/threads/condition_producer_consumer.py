import threading
from collections import deque

buf = deque()
cap = 3
cond = threading.Condition()
log = []
def producer():
    for i in range(10):
        with cond:
            while len(buf) >= cap:
                cond.wait()
            buf.append(i)
            cond.notify_all()
    with cond:
        buf.append(None)
        cond.notify_all()

def consumer():
    total = 0
    while True:
        with cond:
            while not buf:
                cond.wait()
            item = buf.popleft()
            cond.notify_all()
        if item is None:
            break
        total += item
    print("total", total)

c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start(); p.start(); p.join(); c.join()
cv = threading.Condition()
try:
    cv.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cv.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
with cv:
    print(cv.wait(timeout=0.05))
    print(cv.wait_for(lambda: 42, timeout=0.01))
    print(cv.wait_for(lambda: 0, timeout=0.01))
print(repr(cv)[:11])
