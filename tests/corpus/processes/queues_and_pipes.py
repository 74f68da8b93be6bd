# Messages between processes are pickled copies: objects of the program's own classes, nested
# containers, exceptions. Queue, SimpleQueue, JoinableQueue and Pipe.
import multiprocessing as mp
import queue


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def producer(q, n):
    for i in range(n):
        q.put((i, Point(i, i * i), {"k": [i] * i}))
    q.put(None)


def echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(("echo", msg))
    conn.close()


def worker(jq, results):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        results.put(item * item)
        jq.task_done()


def mutate(shared):
    shared.append("child")
    shared[0]["x"] = 99
    print("child sees", shared)


if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=producer, args=(q, 5))
    p.start()
    while (item := q.get()) is not None:
        print(item)
    p.join()
    print("exitcode", p.exitcode, "empty", q.empty())

    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b,))
    p.start()
    for m in [1, "two", [3.0, (4, 5)], {"six": {6}}, ValueError("seven"), b"eight", None]:
        if m is None:
            a.send(None)
            break
        a.send(m)
        print(a.recv())
    p.join()
    print("poll after the child left:", a.poll(0.01))
    b.close()
    try:
        a.recv()
    except EOFError:
        print("EOFError: every write end is closed")

    r, w = mp.Pipe(duplex=False)
    w.send_bytes(b"raw bytes")
    print(r.recv_bytes(), r.readable, r.writable, w.readable, w.writable)
    try:
        r.send(1)
    except OSError as e:
        print("OSError:", e)
    w.close()
    try:
        w.send(1)
    except OSError as e:
        print("OSError:", e)

    jq = mp.JoinableQueue()
    results = mp.Queue()
    ps = [mp.Process(target=worker, args=(jq, results)) for _ in range(2)]
    for p in ps:
        p.start()
    for i in range(6):
        jq.put(i)
    jq.join()
    print("all tasks done:", sorted(results.get() for _ in range(6)))
    for p in ps:
        jq.put(None)
    for p in ps:
        p.join()

    sq = mp.SimpleQueue()
    sq.put([1, 2])
    print(sq.get(), sq.empty())

    q = mp.Queue(maxsize=1)
    q.put("x")
    try:
        q.put("y", timeout=0.01)
    except queue.Full:
        print("queue.Full")
    print(q.get(), q.qsize())
    try:
        q.get(timeout=0.01)
    except queue.Empty:
        print("queue.Empty")

    shared = [{"x": 1}]
    p = mp.Process(target=mutate, args=(shared,))
    p.start()
    p.join()
    print("parent still has", shared)

    try:
        a.send(lambda x: x)
    except Exception as e:
        print(type(e).__module__, type(e).__name__, str(e).split(" at 0x")[0])

    def local():
        pass
    try:
        a.send(local)
    except Exception as e:
        print(type(e).__name__, e)
    import threading
    for bad in (threading.Lock(), (i for i in range(3)), mp):
        try:
            a.send(bad)
        except TypeError as e:
            print("TypeError:", e)
    try:
        a.send(mp.Lock())
    except RuntimeError as e:
        print("RuntimeError:", e)
