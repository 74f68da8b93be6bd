# An exception inside a generator searched by `in`.
import time


def failing():
    yield 1
    time.sleep(0.01)
    raise TypeError("bad item")


print(1 in failing())
print(2 in failing())
