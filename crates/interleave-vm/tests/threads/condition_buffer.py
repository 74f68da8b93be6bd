# Bounded buffer with two Conditions on one lock: one producer, one consumer.
import threading
from collections import deque

lock = threading.Lock()
not_empty = threading.Condition(lock)
not_full = threading.Condition(lock)
buf = deque()
CAPACITY = 2
consumed = []


def producer():
    for i in range(10):
        with not_full:
            while len(buf) >= CAPACITY:
                not_full.wait()
            buf.append(i)
            not_empty.notify()
    with not_full:
        while len(buf) >= CAPACITY:
            not_full.wait()
        buf.append(None)
        not_empty.notify()


def consumer():
    while True:
        with not_empty:
            while not buf:
                not_empty.wait()
            item = buf.popleft()
            not_full.notify()
        if item is None:
            break
        consumed.append(item)


c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
p.join()
c.join()
print(consumed)
