import queue, threading
q = queue.Queue(maxsize=2)
q.put(1); q.put(2)
print(q.full(), q.qsize(), q.empty())
try:
    q.put(3, block=False)
except queue.Full:
    print("Full", repr(queue.Full()))
try:
    q.put(3, timeout=0.01)
except queue.Full as e:
    print("Full again", type(e).__mro__)
print(q.get(), q.get_nowait())
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
lq = queue.LifoQueue()
for i in range(3): lq.put(i)
print([lq.get() for _ in range(3)])
pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b")]:
    pq.put(item)
print([pq.get() for _ in range(3)])
sq = queue.SimpleQueue()
sq.put("x"); print(sq.get(), sq.empty(), sq.qsize())
wq = queue.Queue()
def worker():
    while True:
        item = wq.get()
        if item is None:
            wq.task_done()
            break
        print("processed", item)
        wq.task_done()
t = threading.Thread(target=worker); t.start()
for i in range(3): wq.put(i)
wq.put(None)
wq.join()
print("all done")
t.join()
try:
    wq.task_done()
except ValueError as e:
    print("ValueError:", e)
try:
    q.put(1, timeout=-1)
except ValueError as e:
    print("ValueError:", e)
print(queue.Queue().maxsize)
