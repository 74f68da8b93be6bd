import multiprocessing as mp
import time, signal
class Worker(mp.Process):
    def __init__(self, n, q):
        super().__init__(name=f"Worker-{n}")
        self.n = n
        self.q = q
    def run(self):
        self.q.put((self.name, self.n * self.n, mp.current_process().name))
def sleeper():
    time.sleep(10)
def init(v):
    global base
    base = v
def add_base(x):
    return base + x
if __name__ == "__main__":
    q = mp.Queue()
    ws = [Worker(i, q) for i in range(3)]
    for w in ws: w.start()
    print(sorted(q.get() for _ in ws))
    for w in ws: w.join()
    p = mp.Process(target=sleeper, daemon=True)
    p.start()
    time.sleep(0.1)
    p.terminate()
    p.join()
    print("terminated", p.exitcode, p.exitcode == -signal.SIGTERM)
    p = mp.Process(target=sleeper)
    p.start(); p.kill(); p.join()
    print("killed", p.exitcode)
    p = mp.Process(target=sleeper)
    p.start(); p.join(timeout=0.1)
    print("alive", p.is_alive(), p.exitcode)
    p.terminate(); p.join()
    with mp.Pool(2, initializer=init, initargs=(100,)) as pool:
        print(pool.map(add_base, [1, 2, 3]))
    with mp.Pool(2, maxtasksperchild=1) as pool:
        print(pool.map(add_base.__class__ and abs, [-1, -2, -3]))
    print(repr(mp.Process(target=sleeper, name="P")).startswith("<Process name='P'"))
    print(mp.active_children())
