# dataclasses with class-body annotations (needs the compiler to emit SETUP_ANNOTATIONS and
# store each simple-name annotation in __annotations__, in source order).
from dataclasses import dataclass, field, fields, KW_ONLY
from typing import ClassVar, List, Optional


@dataclass
class Item:
    sku: str
    name: str
    qty: int = 0
    price: float = 1.0
    tags: List[str] = field(default_factory=list)
    registry: ClassVar[dict] = {}
    note: Optional[str] = None


print(Item("B-7", "gadget", 8, 19.99), [f.name for f in fields(Item)], Item.registry)


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int


print(Version(1, 2) < Version(1, 10), sorted([Version(2, 0), Version(1, 5)]))
try:
    del Version(1, 2).minor  # also needs the VM to call a class's __delattr__
except AttributeError as e:
    print(type(e).__name__, e)


@dataclass
class Options:
    path: str
    _: KW_ONLY
    verbose: bool = False
    depth: int = 1


print(Options("x", verbose=True), Options("y", depth=3))
try:
    Options("x", True)
except TypeError as e:
    print("TypeError", e)


class Plain:
    x: int = 1
    y: "str"


print(Plain.__annotations__)
