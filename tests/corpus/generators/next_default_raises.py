# next(g, default) returns the default only when g is exhausted; its errors propagate.
import time


def failing():
    yield 1
    time.sleep(0.01)
    raise KeyError("k")


g = failing()
print(next(g, "default"))
print(next(g, "default"))
