import multiprocessing as mp
def add_unsafe(v, n):
    for _ in range(n):
        v.value += 1
def add_safe(v, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1
if __name__ == "__main__":
    v = mp.Value("i", 0)
    ps = [mp.Process(target=add_safe, args=(v, 200)) for _ in range(4)]
    for p in ps: p.start()
    for p in ps: p.join()
    print("safe", v.value)
    a = mp.Array("i", range(5))
    with a.get_lock():
        a[0] = 100
    print(a[:], a[1:3], sum(a))
    raw = mp.RawArray("d", 3)
    print(list(raw))
    rv = mp.RawValue("i", 7); print(rv.value)
    try:
        mp.Value("z", 1)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
