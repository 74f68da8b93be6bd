# next(), send() and unpacking of generators: the errors CPython raises, caught.
def gen():
    yield 1
    return 7
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value, repr(e), e.__context__)
try:
    raise KeyError("k")
except KeyError:
    try:
        next(g)
    except StopIteration as e:
        print("ctx", repr(e.__context__))
def bad():
    yield 1
    raise ValueError("boom")
b = bad()
next(b)
try:
    next(b)
except ValueError as e:
    print("caught", e)
def one():
    yield 1
try:
    a, b = one()
except ValueError as e:
    print(e)
def many():
    i = 0
    while True:
        print("yield", i)
        yield i
        i += 1
try:
    a, b = many()
except ValueError as e:
    print(e)
print(3 in many())
try:
    a, b, *c = one()
except ValueError as e:
    print(e)
g = gen()
print(g.send(None))
try:
    g.send(1)
except StopIteration as e:
    print("send stop", e.value)
g = gen()
try:
    g.send(1)
except TypeError as e:
    print(e)
def selfref():
    yield next(me)
me = selfref()
try:
    next(me)
except ValueError as e:
    print(e)
print(next(iter([]), "dflt"))
try:
    next([])
except TypeError as e:
    print(e)
def stopper():
    raise StopIteration
    yield
try:
    next(stopper())
except RuntimeError as e:
    print(e, repr(e.__cause__))
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print([*It()], 2 in It(), next(It(), 9), dict.fromkeys(It(), 0))
x, y, z = It()
print(x, y, z)
print(*It())
g = gen()
for call in (lambda: g.__next__(1), lambda: g.send(), lambda: type(g).__next__(5), lambda: type(g).__next__(),
             lambda: type(g).send(), lambda: type(g).send(5)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def chain(n):
    if n == 0:
        yield 0
    else:
        yield next(chain(n - 1)) + 1
print(next(chain(500)))
