# dataclasses: generated __init__/__repr__/__eq__, defaults and default_factory, order=True,
# frozen=True, __post_init__, inheritance, fields/asdict/astuple/replace/make_dataclass.
# The classes spell out `__annotations__` (valid CPython) because the compiler does not record
# class-body annotations yet; pending/dataclasses_annotations.py uses the usual syntax.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, make_dataclass, FrozenInstanceError
import dataclasses


@dataclass
class Item:
    __annotations__ = {"sku": str, "name": str, "qty": int, "price": float, "tags": list}
    qty = 0
    price = 1.0
    tags = field(default_factory=list)

    @property
    def value(self):
        return self.qty * self.price


a = Item("A-1", "widget", 120, 2.5, ["metal"])
b = Item("B-7", "gadget")
print(a)
print(b, b.value, a.value)
print(a == Item("A-1", "widget", 120, 2.5, ["metal"]), a == b, a != b, a == 3)
print(Item.qty, Item.__hash__, "tags" in Item.__dict__)
b.tags.append("new")
print(Item("C", "c").tags, b.tags)
for args, kwargs in [((), {}), (("x",), {}), (("a", "b", 1, 2.0, [], 9), {}), (("a", "b"), {"colour": 1}),
                     (("a", "b"), {"name": "n"})]:
    try:
        Item(*args, **kwargs)
    except TypeError as e:
        print("TypeError", e)


@dataclass(order=True, frozen=True)
class Version:
    __annotations__ = {"major": int, "minor": int}


print(Version(1, 2) < Version(1, 10), sorted([Version(2, 0), Version(1, 5)]), Version(1, 0) == Version(1, 0))
print(Version(1, 2) >= Version(1, 2), max(Version(0, 9), Version(0, 10)), hash(Version(1, 2)) == hash((1, 2)))
v = Version(3, 4)
try:
    v.major = 2
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    Version(1, 2) < 3
except TypeError as e:
    print("TypeError", e)
print({Version(1, 0): "one"}[Version(1, 0)])


@dataclass
class Point:
    __annotations__ = {"x": float, "y": float, "dist": float}
    dist = field(init=False, repr=False)

    def __post_init__(self):
        self.dist = (self.x ** 2 + self.y ** 2) ** 0.5


p = Point(3.0, 4.0)
print(p, p.dist, fields(p)[2].name, [f.name for f in fields(Point)])


@dataclass
class Point3(Point):
    __annotations__ = {"z": float}
    z = 0.0


print(Point3(1.0, 2.0), Point3(1.0, 2.0, 5.0).z, Point3.__match_args__)


@dataclass(eq=False)
class Node:
    __annotations__ = {"name": str, "children": list}
    children = field(default_factory=list)


n = Node("root", [Node("leaf")])
print(n, n == Node("root", [Node("leaf")]), asdict(n))
print(asdict(a), astuple(v), replace(a, qty=1, tags=[]), replace(v, minor=0))
print(dataclasses.is_dataclass(a), dataclasses.is_dataclass(Item), dataclasses.is_dataclass(3))
Pair = make_dataclass("Pair", [("left", int), ("right", int, field(default=0))], order=True)
print(Pair(1), Pair(1, 2) < Pair(1, 3))
try:
    @dataclass
    class Bad:
        __annotations__ = {"x": list}
        x = []
except ValueError as e:
    print("ValueError", e)
try:
    @dataclass
    class Bad2:
        __annotations__ = {"x": int, "y": int}
        x = 0
except TypeError as e:
    print("TypeError", e)


@dataclass(repr=False, unsafe_hash=True)
class Custom:
    __annotations__ = {"k": str}

    def __repr__(self):
        return f"<Custom {self.k}>"


print(Custom("z"), hash(Custom("z")) == hash(("z",)))
