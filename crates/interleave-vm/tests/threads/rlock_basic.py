# RLock: re-entrant for its owner, exclusive for others.
import threading

r = threading.RLock()
with r:
    with r:
        print("nested ok")
print(r.acquire(), r.acquire())
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

r.acquire()
got = []
t = threading.Thread(target=lambda: got.append(r.acquire(blocking=False)))
t.start()
t.join()
print("other thread:", got)
r.release()


def fact(n):
    with r:
        return 1 if n <= 1 else n * fact(n - 1)


print(fact(6))
