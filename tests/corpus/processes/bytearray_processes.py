# bytearray across processes: a fork copies it (the child's changes stay in the child), and
# multiprocessing pickles it through queues and pipes (identity kept inside one message).
import multiprocessing as mp
import os
import sys

buf = bytearray(b"parent")
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    buf[0:1] = b"P"
    buf.extend(b"+child")
    print("child sees", buf)
    sys.stdout.flush()
    os._exit(0)
os.waitpid(pid, 0)
print("parent sees", buf)


def worker(q, r, conn):
    item = q.get()
    print("worker got", item, type(item[0]).__name__, item[0] is item[1])
    item[0].append(33)
    r.put(item)
    data = conn.recv()
    conn.send(data + bytearray(b" back"))
    conn.send_bytes(bytearray(b"raw bytes"))
    conn.close()


if __name__ == "__main__":
    mp.set_start_method("fork")
    q = mp.Queue()
    r = mp.Queue()
    a, b = mp.Pipe()
    shared = bytearray(b"shared")
    p = mp.Process(target=worker, args=(q, r, b))
    p.start()
    q.put([shared, shared])
    a.send(bytearray(b"there"))
    back = r.get()
    print("main got", back, back[0] is back[1], shared)
    print("pipe", a.recv(), a.recv_bytes())
    p.join()
    print("exit", p.exitcode)
