# Generators that block on queues, events and futures, consumed by next(), send(),
# unpacking, `in` and *args while other threads feed them.
import queue
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed

q = queue.Queue()


def feed(n):
    for i in range(n):
        q.put(i)
    q.put(None)


def drain():
    while (item := q.get()) is not None:
        yield item


threading.Thread(target=feed, args=(3,)).start()
a, b, c = drain()
print("unpacked", a, b, c)
threading.Thread(target=feed, args=(3,)).start()
print("listed", [*drain()])
threading.Thread(target=feed, args=(4,)).start()
print("starred", *drain())
threading.Thread(target=feed, args=(5,)).start()
print("contains", 2 in drain(), q.get(), q.get(), q.get())
threading.Thread(target=feed, args=(2,)).start()
print("fromkeys", dict.fromkeys(drain()))
threading.Thread(target=feed, args=(2,)).start()
g = drain()
print("next", next(g), g.send(None), next(g, "exhausted"))

gate = threading.Event()


def gated():
    gate.wait()
    return "gated"


with ThreadPoolExecutor(max_workers=2) as pool:
    slow = pool.submit(gated)
    quick = pool.submit(str.upper, "quick")
    print("first", next(as_completed([slow, quick])).result())
    gate.set()
    print("all", sorted(f.result() for f in as_completed([slow, quick])))
