from concurrent.futures import ThreadPoolExecutor, Future, wait, FIRST_EXCEPTION
import concurrent.futures as cf
import time
def job(x):
    time.sleep(0.05 * x)
    if x == 2:
        raise ValueError("two")
    return x
log = []
with ThreadPoolExecutor(3) as ex:
    fs = [ex.submit(job, i) for i in range(1, 5)]
    for f in fs:
        f.add_done_callback(lambda f: log.append(("done", f.exception() is None)))
    done, not_done = wait(fs, return_when=FIRST_EXCEPTION)
    print(sorted(f.result() for f in done if f.exception() is None), len(done) + len(not_done))
print(len(log))
f = Future()
f.set_exception(KeyError("k"))
print(repr(f.exception()), f.done())
try:
    f.set_result(2)
except cf.InvalidStateError as e:
    print("InvalidStateError", e.__class__.__mro__[1].__name__)
print(repr(Future())[:8], Future().__class__.__name__)
with ThreadPoolExecutor(1) as ex:
    f1 = ex.submit(time.sleep, 0.2)
    f2 = ex.submit(job, 1)
    print(f2.cancel(), f2.cancelled(), f1.cancel())
    try:
        f2.result()
    except cf.CancelledError:
        print("cancelled")
with ThreadPoolExecutor(2) as ex:
    it = ex.map(job, [1, 2, 3])
    print(next(it))
    try:
        next(it)
    except ValueError as e:
        print("map error", e)
