# ThreadPoolExecutor.map returns results in argument order.
import threading
from concurrent.futures import ThreadPoolExecutor

seen = set()
lock = threading.Lock()


def cube(x):
    with lock:
        seen.add(threading.current_thread().name)
    return x ** 3


with ThreadPoolExecutor(max_workers=3, thread_name_prefix="pool") as ex:
    print(list(ex.map(cube, range(8))))
    print(list(ex.map(pow, [2, 3, 4], [5, 2, 1])))
print(all(name.startswith("pool_") for name in seen))
print(seen <= {"pool_0", "pool_1", "pool_2"})

with ThreadPoolExecutor(max_workers=1) as ex:
    names = list(ex.map(lambda _: threading.current_thread().name, range(2)))
print(names)
