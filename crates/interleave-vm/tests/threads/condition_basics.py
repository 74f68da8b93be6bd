# Condition: notify without waiters, wait timeouts, wait_for, errors when not owned.
import threading

cond = threading.Condition()
try:
    cond.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
with cond:
    cond.notify()
    cond.notify_all()
    print("wait with timeout:", cond.wait(0.05))
    print("wait_for already true:", cond.wait_for(lambda: 42))
    print("wait_for times out:", cond.wait_for(lambda: False, timeout=0.05))

items = []


def consumer(out):
    with cond:
        cond.wait_for(lambda: len(items) >= 3)
        out.append(list(items))


out = []
c = threading.Thread(target=consumer, args=(out,))
c.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify_all()
c.join()
print(out)

lock = threading.Lock()
cond2 = threading.Condition(lock)
with cond2:
    print("plain lock held:", lock.locked())
print("released:", lock.locked())
