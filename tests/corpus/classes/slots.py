class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), Point.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError", e)
p.x = 10
print(p.x)
class Point3(Point):
    __slots__ = ("z",)
q = Point3(1, 2); q.z = 3
print(q.x, q.z, hasattr(q, "__dict__"))
try:
    q.w = 1
except AttributeError as e:
    print("AttributeError", e)
class Loose(Point):
    pass
l = Loose(1, 2); l.extra = 5
print(l.extra, hasattr(l, "__dict__"))
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict(); w.b = 2; print(w.b)
class One:
    __slots__ = "only"
o = One(); o.only = 1; print(o.only)
try:
    o.other = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    class Conflict:
        __slots__ = ("a",)
        a = 5
except ValueError as e:
    print("ValueError", e)
try:
    class BadSlots:
        __slots__ = (1,)
except TypeError as e:
    print("TypeError", e)
try:
    vars(p)
except TypeError as e:
    print("TypeError", e)
class Err(Exception):
    __slots__ = ("code",)
er = Err(); er.other = 1; print(er.other)
from dataclasses import dataclass
@dataclass(slots=True)
class S:
    a: int
    b: str = "x"
s = S(1)
print(s, hasattr(s, "__dict__"), S.__slots__)
try:
    s.c = 1
except AttributeError as e:
    print("AttributeError", e)
@dataclass(slots=True, frozen=True)
class FS:
    a: int
print(FS(2), hash(FS(2)) == hash(FS(2)))
