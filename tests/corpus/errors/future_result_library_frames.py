# An exception raised in a ThreadPoolExecutor's task is re-raised by Future.result(): the
# traceback goes through concurrent/futures/_base.py and thread.py.
from concurrent.futures import ThreadPoolExecutor


def work(x):
    return 10 // x


with ThreadPoolExecutor(max_workers=2) as ex:
    print(ex.submit(work, 5).result())
    ex.submit(work, 0).result()
