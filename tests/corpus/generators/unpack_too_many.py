# Unpacking a generator that yields too many values: CPython takes one extra, then stops.
import time


def forever():
    i = 0
    while True:
        time.sleep(0.01)
        print("yield", i)
        yield i
        i += 1


a, b = forever()
