# Unpacking a generator that yields too few values (it sleeps first).
import time


def one():
    time.sleep(0.01)
    yield 1


a, b = one()
