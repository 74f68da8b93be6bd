# Iterables that run Python code (generators that sleep, classes with __iter__/__next__)
# consumed by unpacking, *args, `in` and dict.fromkeys, while another thread runs.
import threading
import time


def ticker(n, label="t"):
    for i in range(n):
        time.sleep(0.01)
        print(f"  {label} yields {i}")
        yield i


print([*ticker(3)])
print({*ticker(2)})
print(*ticker(3), sep=", ")
print("sep", *ticker(2), **{"sep": "|"})
a, = ticker(1)
print(a)
a, b, c = ticker(3)
print(a, b, c)
first, *rest = ticker(4)
print(first, rest)
*init, last = ticker(3)
print(init, last)
print(1 in ticker(5), "(stops at the first match)")
print(7 in ticker(2), 7 not in ticker(2), 0 not in ticker(2))
print(dict.fromkeys(ticker(2)), dict.fromkeys(ticker(2), "v"))


def add(*args, **kwargs):
    return sum(args), kwargs


print(add(*ticker(3)))
print(add(100, *ticker(2), scale=2))
print(add(*ticker(2), **{"k": 1}))


# Unpacking takes only one item more than it needs, as CPython does.
try:
    x, y = ticker(10, "many")
except ValueError as e:
    print("ValueError:", e)
try:
    x, y, z = ticker(2, "few")
except ValueError as e:
    print("ValueError:", e)
try:
    x, y, *z = ticker(1, "few")
except ValueError as e:
    print("ValueError:", e)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        time.sleep(0.01)
        self.n -= 1
        return self.n


class Wrapper:
    def __iter__(self):
        time.sleep(0.01)
        return iter(["w1", "w2"])


print([*Countdown(3)], {*Countdown(2)}, 1 in Countdown(3), 5 in Countdown(3))
print(*Countdown(3), *Wrapper())
p, q = Wrapper()
print(p, q, "w2" in Wrapper(), dict.fromkeys(Countdown(2), 0))
print(next(Countdown(2)), next(Countdown(0), "empty"))


# Another thread prints while the main thread's unpacking sleeps in its generators.
def worker():
    for i in range(3):
        print("worker", i)
        time.sleep(0.06)


w = threading.Thread(target=worker)
w.start()


def slow(n):
    for i in range(n):
        time.sleep(0.045)
        yield i


m, n = slow(2)
print("main unpacked", m, n)
w.join()
