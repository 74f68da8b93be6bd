# Generators that block (sleep, a lock, a queue, futures) advanced by next(), send() and
# __next__(), with and without a default, while other threads run.
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def sleepy(n):
    for i in range(n):
        time.sleep(0.01)
        yield i
    return "end"


print(next(sleepy(2)))
g = sleepy(2)
print(g.send(None), g.__next__(), next(g, "default"), next(g, "again"))
g = sleepy(1)
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(next(iter(sleepy(3))))


# as_completed is a generator that waits on the futures.
def work(n):
    time.sleep(0.04 * n)
    return n * 10


with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(work, n) for n in (3, 1, 2)]
    first = next(as_completed(futures))
    print("first:", first.result())
    print("all:", sorted(f.result() for f in as_completed(futures)))


# A generator that waits on a queue another thread fills.
q = queue.Queue()


def producer():
    for i in range(3):
        time.sleep(0.01)
        q.put(i)
    q.put(None)


def drain():
    while (item := q.get()) is not None:
        yield item


threading.Thread(target=producer).start()
items = drain()
print("from queue:", next(items), next(items), next(items), next(items, "empty"))

# A generator that waits for a lock held by another thread.
lock = threading.Lock()


def locked():
    with lock:
        yield "got the lock"


lock.acquire()


def release_later():
    time.sleep(0.02)
    print("releasing")
    lock.release()


t = threading.Thread(target=release_later)
t.start()
print(next(locked()))
t.join()


# The other thread runs while the main thread's generator sleeps.
def worker():
    for i in range(3):
        print("worker", i)
        time.sleep(0.06)


w = threading.Thread(target=worker)
w.start()


def slow():
    time.sleep(0.09)
    yield "main's generator"


print(next(slow()))
w.join()


# A generator-based coroutine driven by send(), sleeping between values.
def averager():
    total, count = 0, 0
    average = None
    while True:
        value = yield average
        time.sleep(0.01)
        total += value
        count += 1
        average = total / count


avg = averager()
next(avg)
print([avg.send(v) for v in (10, 20, 60)])
