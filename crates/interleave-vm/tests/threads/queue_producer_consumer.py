# Producer/consumer over a Queue with one sentinel per consumer.
import queue
import threading

q = queue.Queue()
results = []
lock = threading.Lock()
N_CONSUMERS = 3


def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        with lock:
            results.append(item * 10)


def producer():
    for i in range(12):
        q.put(i)
    for _ in range(N_CONSUMERS):
        q.put(None)


consumers = [threading.Thread(target=consumer) for _ in range(N_CONSUMERS)]
for c in consumers:
    c.start()
p = threading.Thread(target=producer)
p.start()
p.join()
for c in consumers:
    c.join()
print(sorted(results))
print(q.empty(), q.qsize())
