# The standard library's files: modules whose frames tracebacks show have CPython's file names
# (under the library directory) and their functions CPython's line numbers.
import asyncio.runners
import concurrent.futures.thread
import multiprocessing.pool
import queue
import threading

for m in [threading, queue, multiprocessing.pool, concurrent.futures.thread, asyncio.runners]:
    print(m.__name__, m.__file__)
print(threading.Thread.run.__code__.co_filename)
for f in [threading.Thread.run, threading.Thread._bootstrap_inner, queue.Queue.get,
          multiprocessing.pool.worker, asyncio.runners.run]:
    print(f.__qualname__, f.__code__.co_firstlineno)
