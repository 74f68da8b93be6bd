from multiprocessing import Process, Pipe, Value, Array, Lock
def child(conn):
    msg = conn.recv()
    conn.send(msg.upper())
    conn.send_bytes(b"raw")
    conn.close()
def inc(v, a, lock):
    for _ in range(100):
        with lock:
            v.value += 1
    for i in range(len(a)):
        a[i] = a[i] * 2
if __name__ == "__main__":
    a_end, b_end = Pipe()
    p = Process(target=child, args=(b_end,)); p.start()
    a_end.send("hello")
    print(a_end.recv(), a_end.recv_bytes())
    print(a_end.poll(0.5))
    p.join()
    b_end.close()
    try:
        a_end.recv()
    except EOFError as e:
        print("EOFError", repr(e))
    r, w = Pipe(duplex=False)
    w.send([1, {"a": 2}])
    print(r.recv())
    try:
        r.send(1)
    except OSError as e:
        print("OSError", e)
    v = Value("i", 0)
    arr = Array("d", [1.0, 2.5, 3.0])
    lock = Lock()
    ps = [Process(target=inc, args=(v, arr, lock)) for _ in range(3)]
    for p in ps: p.start()
    for p in ps: p.join()
    print(v.value, arr[:], list(arr), len(arr))
    c = Value("c", b"x")
    print(c.value)
    d = Value("d", 1.5, lock=False)
    print(d.value)
    print(Array("i", 3)[:])
