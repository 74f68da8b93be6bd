# An exception inside a generator propagates through next() (after the generator slept).
import time


def failing():
    yield 1
    time.sleep(0.01)
    raise ValueError("boom")


g = failing()
print(next(g))
values = [next(g)]
