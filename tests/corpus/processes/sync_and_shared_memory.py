# Locks, events, semaphores and barriers shared between processes; Value and Array live in
# shared memory, so children's changes are seen by the parent, unlike ordinary objects.
import multiprocessing as mp
import time


def add(v, arr, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1
    with arr.get_lock():
        for i in range(len(arr)):
            arr[i] = arr[i] * 2


def waiter(ev, out):
    ev.wait()
    out.put("woken")


def limited(sem, active, peak, lock):
    with sem:
        with lock:
            active.value += 1
            peak.value = max(peak.value, active.value)
        time.sleep(0.01)
        with lock:
            active.value -= 1


def at_barrier(barrier, q, i):
    time.sleep(0.001 * i)
    barrier.wait()
    q.put(i)


if __name__ == "__main__":
    v = mp.Value('i', 0)
    arr = mp.Array('d', [1.0, 2.0, 3.0])
    ps = [mp.Process(target=add, args=(v, arr, 500)) for _ in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(v.value, arr[:], len(arr), list(arr))
    print(v, mp.RawValue('d', 1.5), mp.Value('c', b'z').value, mp.Value('b', 200, lock=False))
    counts = mp.Array('i', 4)
    print(counts[:], counts[1:3], counts[-1])

    ev = mp.Event()
    out = mp.Queue()
    ps = [mp.Process(target=waiter, args=(ev, out)) for _ in range(3)]
    for p in ps:
        p.start()
    print("set?", ev.is_set())
    ev.set()
    print([out.get() for _ in ps])
    for p in ps:
        p.join()
    print(ev.wait(0.01), ev.is_set())
    ev.clear()
    print(ev.wait(0.01))

    sem = mp.Semaphore(2)
    active, peak = mp.Value('i', 0, lock=False), mp.Value('i', 0, lock=False)
    lock = mp.Lock()
    ps = [mp.Process(target=limited, args=(sem, active, peak, lock)) for _ in range(5)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("at most", peak.value, "at once;", active.value, "left")

    barrier = mp.Barrier(3)
    q = mp.Queue()
    ps = [mp.Process(target=at_barrier, args=(barrier, q, i)) for i in range(3)]
    for p in ps:
        p.start()
    print(sorted(q.get() for _ in ps))
    for p in ps:
        p.join()

    rl = mp.RLock()
    with rl:
        with rl:
            print("re-entered", rl)
    l = mp.Lock()
    print(l.acquire(), l.acquire(False), l.acquire(timeout=0.01))
    l.release()
    try:
        mp.BoundedSemaphore(1).release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        rl.release()
    except AssertionError as e:
        print("AssertionError:", e)
