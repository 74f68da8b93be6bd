import multiprocessing as mp
import os

counter = 0

def work(name, n, *, scale=1):
    global counter
    counter += n
    print(f"{name}: {mp.current_process().name} sum={sum(range(n)) * scale} counter={counter}")

class Worker(mp.Process):
    def __init__(self, value):
        super().__init__()
        self.value = value
    def run(self):
        print("subclass run", self.value, self.name)

if __name__ == "__main__":
    ps = [mp.Process(target=work, args=(f"w{i}", 10 * i), kwargs={"scale": 2}) for i in range(3)]
    print([p.name for p in ps])
    for p in ps:
        p.start()
        p.join()
    print([p.exitcode for p in ps], counter, mp.current_process().name)
    w = Worker(42)
    w.start(); w.join()
    print(w.exitcode, w.is_alive(), mp.active_children(), mp.parent_process())
    print(mp.cpu_count() == os.cpu_count())
    print(repr(w).replace(str(w.pid), "PID").replace(str(os.getpid()), "PPID"))
