# next() on an exhausted generator: the traceback shows only the caller's line.
import time


def once():
    time.sleep(0.01)
    yield 1


g = once()
print(next(g))
print(next(g))
