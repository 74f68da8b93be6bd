# concurrent.futures.ProcessPoolExecutor: the same API as the thread pool; arguments and
# results are pickled copies, exceptions come back through the future.
from concurrent.futures import ProcessPoolExecutor, as_completed, wait
import os


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def fail(x):
    raise KeyError(x)


def whoami(_):
    import multiprocessing
    return multiprocessing.current_process().name.startswith("ForkProcess-")


seen = []


def remember(x):
    seen.append(x)
    return len(seen)


if __name__ == "__main__":
    with ProcessPoolExecutor(3) as ex:
        print(list(ex.map(fib, range(15, 20))))
        fs = [ex.submit(fib, n) for n in (5, 10, 15)]
        print(sorted(f.result() for f in as_completed(fs)))
        done, not_done = wait(fs)
        print(len(done), len(not_done))
        f = ex.submit(fail, "k")
        print(repr(f.exception()), f.done())
        try:
            f.result()
        except KeyError as e:
            print("KeyError", e)
        print(all(ex.map(whoami, range(6))))
        print(len(list(ex.map(remember, range(3)))), "results; the parent's list is still", seen)
        f = ex.submit(lambda: 1)
        e = f.exception()
        print(type(e).__name__, str(e).split(" at 0x")[0])
    print(ProcessPoolExecutor()._max_workers == os.cpu_count())
    try:
        ProcessPoolExecutor(0)
    except ValueError as e:
        print(e)
    ex = ProcessPoolExecutor(1)
    ex.shutdown()
    try:
        ex.submit(fib, 1)
    except RuntimeError as e:
        print(e)
