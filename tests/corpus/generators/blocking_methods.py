# Methods and built-ins that take an iterator running Python code which blocks: list.extend,
# set.update, iter(callable, sentinel) over a queue, and map() over a generator's send.
import queue
import threading
import time


def sleepy(n, label="g"):
    for i in range(n):
        time.sleep(0.01)
        print(f"  {label} yields {i}")
        yield i


items = ["start"]
items.extend(sleepy(2))
print(items)


class Loud(list):
    def append(self, x):
        print("never called by extend")


loud = Loud()
loud.extend(sleepy(2))
print(loud)
s = {100}
s.update([5], sleepy(2, "a"), {7}, sleepy(1, "b"))
print(sorted(s))

q = queue.Queue()


def producer():
    for word in ["alpha", "beta", "gamma"]:
        time.sleep(0.01)
        q.put(word)
    q.put(None)


threading.Thread(target=producer).start()
for word in iter(q.get, None):
    print("got", word)
print(list(iter(sleepy(5).__next__, 3)))


def echo():
    value = None
    while True:
        value = yield value
        time.sleep(0.01)
        value = value * 2


e = echo()
next(e)
print(list(map(e.send, [1, 2, 3])))
