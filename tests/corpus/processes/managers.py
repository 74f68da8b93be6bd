# multiprocessing.Manager(): a server process owns the objects; proxies forward every call to
# it, so changes made by children are seen by the parent (unlike ordinary objects).
import multiprocessing as mp


def worker(d, l, ns, v, q, lock, ev, i):
    d[i] = i * i
    l.append(i)
    with lock:
        ns.total = ns.total + i
        v.value += 1
    q.put(("done", i))
    if i == 3:
        ev.set()


def waiter(ev, q):
    ev.wait()
    q.put("event seen")


if __name__ == "__main__":
    with mp.Manager() as m:
        d = m.dict()
        l = m.list([0])
        ns = m.Namespace(total=0)
        v = m.Value('i', 0)
        q = m.Queue()
        lock = m.Lock()
        ev = m.Event()
        print(type(d).__name__, type(l).__name__, type(ns).__name__, type(v).__name__,
              type(q).__name__, type(lock).__name__, type(ev).__name__)
        w = mp.Process(target=waiter, args=(ev, q))
        w.start()
        for i in range(1, 4):
            p = mp.Process(target=worker, args=(d, l, ns, v, q, lock, ev, i))
            p.start()
            p.join()
        w.join()
        print(d, l, ns, v)
        print(len(d), len(l), d.get(2), d.keys(), d.values(), d.items())
        print(ns.total, v.value, sorted([q.get() for _ in range(4)], key=str))
        try:
            d["missing"]
        except KeyError as e:
            print("KeyError:", e)
        l.extend([5, 6])
        l[0] = -1
        print(l, l[1:3], l.count(5), l.pop(), list(l), sorted(iter(d)))
        ns.name = "shared"
        print(ns.name, ns)
        del ns.name
        try:
            ns.name
        except AttributeError as e:
            print("AttributeError:", e)
        print(repr(d).split(" at ")[0], w.name, p.name)
    print("manager shut down:", mp.active_children())
