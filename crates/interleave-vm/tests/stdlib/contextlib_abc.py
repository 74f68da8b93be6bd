# contextlib (generator context managers, suppress, closing, nullcontext, redirect_stdout,
# ExitStack) and abc (abstract methods checked at instantiation).
import io
from contextlib import contextmanager, suppress, closing, nullcontext, redirect_stdout, ExitStack
from abc import ABC, abstractmethod


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("p") as t:
    print("inside", t)

try:
    with tag("div"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)


@contextmanager
def swallow(kind):
    try:
        yield
    except kind as e:
        print("swallowed", type(e).__name__, e)


with swallow(KeyError):
    {}["missing"]
print("after swallow")
try:
    with swallow(KeyError):
        raise TypeError("not mine")
except TypeError as e:
    print("TypeError passes", e)


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)


@contextmanager
def two_yields():
    yield 1
    yield 2


try:
    with two_yields():
        pass
except RuntimeError as e:
    print("RuntimeError", e)


@tag("decorated")
def work(n):
    print("working", n)
    return n * 2


print(work(21))

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError:
    print("IndexError not suppressed")


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closing", self.name)


with closing(Resource("db")) as r:
    print("using", r.name)
with nullcontext(5) as v:
    print("null", v)

buf = io.StringIO()
with redirect_stdout(buf):
    print("captured line")
    print("another")
print("buffer:", repr(buf.getvalue()))

with ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in ("a", "b")]
    stack.callback(print, "callback ran", 1)
    print("names", names)


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} area={self.area()}"


class Half(Shape):
    def area(self):
        return 1


class Square(Half):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print(e)
sq = Square(3)
print(sq.describe(), sq.perimeter(), isinstance(sq, Shape))


class Plain(ABC):
    pass


print(type(Plain()).__name__)
try:
    Square()
except TypeError as e:
    print(e)
