# Generators: yield, yield from, send, return values, close, infinite generators with islice.
import itertools

def count_up(limit):
    n = 0
    while n < limit:
        yield n
        n += 1

print(list(count_up(5)), sum(count_up(101)))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

print(list(itertools.islice(fib(), 15)))

def inner():
    yield 1
    yield 2
    return "inner result"

def outer():
    result = yield from inner()
    print("inner returned", result)
    yield from range(3, 5)
    yield from "xy"

print(list(outer()))

def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count
    return average

avg = averager()
print(next(avg))
print(avg.send(10), avg.send(20), avg.send(60))
try:
    avg.send(None)
except StopIteration as stop:
    print("final average", stop.value)

def with_cleanup():
    try:
        yield "working"
        yield "more"
    finally:
        print("generator cleaned up")

g = with_cleanup()
print(next(g))
g.close()
print("closed")

def pipeline(lines):
    stripped = (line.strip() for line in lines)
    nonempty = (line for line in stripped if line)
    return (line.upper() for line in nonempty)

print(list(pipeline(["  a ", "", " b", "   ", "c  "])))
gen = count_up(2)
print(next(gen), next(gen))
try:
    next(gen)
except StopIteration:
    print("exhausted")
print(type(gen).__name__, iter(gen) is gen)

def echo():
    received = []
    while True:
        try:
            x = yield len(received)
        except ValueError as e:
            received.append(f"error {e}")
        else:
            received.append(x)
            if x == "stop":
                return received

e = echo()
next(e)
e.send("a")
print(e.throw(ValueError("boom")))
try:
    e.send("stop")
except StopIteration as s:
    print(s.value)
