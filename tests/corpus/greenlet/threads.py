import threading
from greenlet import greenlet, getcurrent, error

results = []
main_of_main = getcurrent()

def worker(n):
    def gen():
        for i in range(3):
            getcurrent().parent.switch(n * 100 + i)
    g = greenlet(gen)
    vals = [g.switch() for _ in range(3)]
    results.append((n, vals, getcurrent() is not main_of_main))
    try:
        main_of_main.switch()
    except error as e:
        results.append((n, str(e).splitlines()[0]))

ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for r in sorted(results, key=repr):
    print(r)
