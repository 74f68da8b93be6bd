# shutdown(cancel_futures=True) cancels queued work; submit after shutdown fails.
import threading
from concurrent.futures import ThreadPoolExecutor

started = threading.Event()
release = threading.Event()


def blocker():
    started.set()
    release.wait()
    return "blocker done"


ex = ThreadPoolExecutor(max_workers=1)
first = ex.submit(blocker)
queued = [ex.submit(pow, 2, i) for i in range(3)]
started.wait()
ex.shutdown(wait=False, cancel_futures=True)
release.set()
print(first.result())
print([f.cancelled() for f in queued])
try:
    ex.submit(pow, 2, 2)
except RuntimeError as e:
    print("RuntimeError:", e)
ex.shutdown()
print("joined")
