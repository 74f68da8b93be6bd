# An exception inside a generator unpacked into a call's *args.
import time


def failing():
    yield 1
    time.sleep(0.01)
    {}["missing"]


print(*failing(), sep=",")
