# submit(), as_completed() and wait(): results collected and sorted.
import time
from concurrent.futures import (ThreadPoolExecutor, as_completed, wait,
                                ALL_COMPLETED, FIRST_COMPLETED)


def slow_double(x):
    time.sleep(0.01 * max(0, 5 - x))
    return x * 2


with ThreadPoolExecutor(max_workers=4) as ex:
    futures = [ex.submit(slow_double, i) for i in range(5)]
    print(sorted(f.result() for f in as_completed(futures)))
    done, not_done = wait(futures, return_when=ALL_COMPLETED)
    print(len(done), len(not_done))
    done, not_done = wait(futures, return_when=FIRST_COMPLETED)
    print(len(done) >= 1)
    f = ex.submit(sum, [1, 2, 3], start=10)
    print(f.result(), f.done(), f.running(), f.cancelled(), f.exception())
    mapping = {ex.submit(slow_double, n): n for n in (7, 8, 9)}
    pairs = sorted((mapping[f], f.result()) for f in as_completed(mapping))
    print(pairs)
