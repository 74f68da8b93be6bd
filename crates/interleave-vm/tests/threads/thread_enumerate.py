# enumerate() and active_count() while workers are blocked on an Event.
import threading

gate = threading.Event()
workers = [threading.Thread(target=gate.wait, name=f"w{i}") for i in range(3)]
for w in workers:
    w.start()
print(sorted(t.name for t in threading.enumerate()))
print(threading.active_count())
gate.set()
for w in workers:
    w.join()
print([t.name for t in threading.enumerate()])
print(threading.active_count())
