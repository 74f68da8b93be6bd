import functools, enum
from typing import NamedTuple
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), fib.cache_info())
@functools.cache
def sq(x): return x * x
print(sq(3), sq(3), sq.cache_info().hits)
def deco(f):
    @functools.wraps(f)
    def w(*a, **k):
        return f(*a, **k)
    return w
@deco
def documented(x):
    "Doc string."
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
p = functools.partial(int, base=2); print(p("101"), p.func.__name__, p.keywords)
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(max, [3, 9, 2], 0))
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"].value, Color["BLUE"])
print(Color.RED is Color(1), Color.RED.name, len(Color.__members__))
class State(enum.IntEnum):
    IDLE = 0
    BUSY = 1
print(State.BUSY + 1, State(0), sorted([State.BUSY, State.IDLE]))
class Auto(enum.Enum):
    A = enum.auto()
    B = enum.auto()
print(Auto.A.value, Auto.B.value)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError", e)
try:
    Color(9)
except ValueError as e:
    print("ValueError", e)
class Pt(NamedTuple):
    x: int
    y: int = 0
print(Pt(1), Pt(1, 2)._asdict(), Pt._field_defaults)
@functools.total_ordering
class Ver:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(Ver(1) <= Ver(2), Ver(3) >= Ver(2), Ver(1) > Ver(1))
