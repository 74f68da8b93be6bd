# task_done()/join(): the main thread waits until every item is processed.
import queue
import threading

q = queue.Queue()
processed = []
lock = threading.Lock()


def worker():
    while True:
        item = q.get()
        with lock:
            processed.append(item ** 2)
        q.task_done()


for _ in range(2):
    threading.Thread(target=worker, daemon=True).start()
for i in range(8):
    q.put(i)
q.join()
print(sorted(processed))
print(q.unfinished_tasks)
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)
