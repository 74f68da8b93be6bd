# Queue flavours and the non-blocking/timeout error paths.
import queue

lifo = queue.LifoQueue()
prio = queue.PriorityQueue()
fifo = queue.Queue()
for x in [3, 1, 2]:
    lifo.put(x)
    prio.put((x, str(x)))
    fifo.put(x)
print([lifo.get() for _ in range(3)])
print([prio.get() for _ in range(3)])
print([fifo.get_nowait() for _ in range(3)])

small = queue.Queue(maxsize=2)
small.put(1)
small.put_nowait(2)
print(small.full(), small.qsize(), small.empty())
try:
    small.put_nowait(3)
except queue.Full:
    print("Full")
try:
    small.put(3, timeout=0.05)
except queue.Full as e:
    print("Full after timeout", repr(e))
print(small.get(), small.get())
try:
    small.get_nowait()
except queue.Empty as e:
    print("Empty", type(e).__module__, type(e).__name__)
try:
    small.get(timeout=0.05)
except queue.Empty:
    print("Empty after timeout")
try:
    small.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)

sq = queue.SimpleQueue()
sq.put("a")
sq.put("b")
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue empty")
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
