# Barrier: all parties meet; the action runs once; one party prints.
import threading

arrived = []
lock = threading.Lock()
barrier = threading.Barrier(3, action=lambda: print("all three arrived"))
print(barrier.parties, barrier.n_waiting, barrier.broken)


def party(i):
    with lock:
        arrived.append(i)
    index = barrier.wait()
    if index == 0:
        print("released; arrived:", sorted(arrived))


threads = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()

b2 = threading.Barrier(2)
try:
    b2.wait(timeout=0.05)
except threading.BrokenBarrierError:
    print("timed out -> broken:", b2.broken)
b2.reset()
print("after reset:", b2.broken)
b2.abort()
try:
    b2.wait()
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", repr(e), isinstance(e, RuntimeError))
