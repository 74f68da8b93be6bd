from multiprocessing import Manager, Process, Pool
def bump(counter, lock, n):
    for _ in range(n):
        with lock:
            counter.value += 1
def record(shared, key):
    shared[key] = shared.get(key, 0) + 1
if __name__ == "__main__":
    with Manager() as m:
        counter = m.Value("i", 0)
        lock = m.Lock()
        ps = [Process(target=bump, args=(counter, lock, 50)) for _ in range(3)]
        for p in ps: p.start()
        for p in ps: p.join()
        print(counter.value)
        d = m.dict({"x": 1})
        with Pool(2) as pool:
            pool.starmap(record, [(d, "a"), (d, "b")])
        print(sorted(d.items()))
        l = m.list(range(5))
        l.append(5); l.extend([6]); l.remove(0)
        print(l[:], len(l), l.index(3), l.count(6))
        del l[0]
        print(list(l))
        d.update(z=26)
        print(sorted(d.keys()), d.pop("z"), "z" in d)
        b = m.Barrier(1); print(b.wait())
        s = m.Semaphore(1); print(s.acquire(), s.release())
        c = m.Condition(); print(c.acquire(), c.release())
        print(type(d).__name__, type(l).__name__)
