# An exception in a ProcessPoolExecutor task: Future.result() raises it with the worker's
# traceback as its cause (concurrent.futures.process._RemoteTraceback, from _process_worker).
from concurrent.futures import ProcessPoolExecutor


def work(x):
    return {"a": 1}[x]


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        print(ex.submit(work, "a").result())
        print(list(ex.map(work, ["a", "a"])))
        ex.submit(work, "b").result()
