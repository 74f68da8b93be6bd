# The spawn and forkserver start methods: the child runs the main module again as __mp_main__
# (the guard keeps it from starting processes itself); arguments arrive pickled.
import multiprocessing as mp
import os

print("top level runs as", __name__)

counter = 0

def work(q, v, n):
    global counter
    counter += n
    with v.get_lock():
        v.value += n
    q.put((mp.current_process().name, __name__, counter))

if __name__ == "__main__":
    mp.set_start_method("spawn")
    print(mp.get_start_method())
    q = mp.Queue()
    v = mp.Value('i', 0)
    ps = [mp.Process(target=work, args=(q, v, i)) for i in range(1, 4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(sorted(q.get() for _ in ps), v.value, counter)
    ctx = mp.get_context("forkserver")
    p = ctx.Process(target=work, args=(q, v, 10))
    p.start(); p.join()
    print(q.get(), v.value)
    pool = mp.get_context("spawn").Pool(2)
    result = pool.map(abs, [-1, -2, 3])
    pool.close()
    pool.join()
    print(result)
