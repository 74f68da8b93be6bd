import multiprocessing as mp
import time

def sq(x):
    return x * x

def add(a, b):
    return a + b

def slow(x):
    time.sleep(0.01 * (5 - x))
    return x

def boom(x):
    raise ValueError(f"bad {x}")

if __name__ == "__main__":
    with mp.Pool(4) as pool:
        print(pool.map(sq, range(10)))
        print(pool.starmap(add, [(1, 2), (3, 4)]))
        print(pool.apply(add, (5, 6)))
        # Built-in functions travel by name too.
        print(list(pool.imap_unordered(time.sleep, [0.01] * 3)), pool.map(abs, [-1, 2]))
        r = pool.apply_async(sq, (7,))
        print(r.get(timeout=1), r.ready(), r.successful())
        print(list(pool.imap(sq, range(5))))
        print(sorted(pool.imap_unordered(slow, range(5))))
        m = pool.map_async(sq, [1, 2, 3])
        m.wait()
        print(m.get())
        e = pool.apply_async(boom, (1,))
        try:
            e.get()
        except ValueError as ex:
            print("ValueError:", ex, e.successful())
        got = []
        pool.apply_async(sq, (9,), callback=got.append).wait()
        time.sleep(0.01)
        print(got)
        try:
            pool.map(lambda x: x, [1])
        except Exception as ex:
            print(type(ex).__name__, str(ex).split(" at 0x")[0])
    p = mp.Pool(2)
    print(p.map(sq, [1, 2]))
    p.close(); p.join()
    print("done")
