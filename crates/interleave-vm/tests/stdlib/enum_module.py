# enum (members, aliases, auto, lookup by value, IntEnum, functional API, unique) and typing
# (importable names, subscripted reprs, TypeVar, Generic, NamedTuple).
from enum import Enum, IntEnum, auto, unique
from typing import (Any, Callable, ClassVar, Dict, Generic, List, NamedTuple, Optional, Set,
                    Tuple, TypeVar, Union, cast, Iterable)
import typing


class Color(Enum):
    RED = 1
    GREEN = "g"
    BLUE = auto()
    CRIMSON = 1

    def describe(self):
        return self.name.lower() + "!"

    @property
    def loud(self):
        return self.name + "!!!"


print(repr(Color.RED), str(Color.RED), f"{Color.RED}", format(Color.GREEN, ">14") + "|")
print(Color.CRIMSON, Color.CRIMSON is Color.RED, Color.BLUE.value, Color.GREEN.name)
print(Color(1), Color("g"), Color(Color.BLUE), Color.__members__)
print(list(Color.__members__), [m.name for m in Color.__members__.values()])
print(Color.GREEN.describe(), Color.BLUE.loud, isinstance(Color.RED, Color))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.GREEN, hash(Color.RED) == hash("RED"))
try:
    Color(7)
except ValueError as e:
    print("ValueError", e)
d = {Color.RED: "stop", Color.GREEN: "go"}
print(d[Color.CRIMSON], sorted(d.values()))


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10


print(Priority.LOW, repr(Priority.HIGH), Priority.LOW + 1, Priority.MEDIUM * 2, 20 - Priority.HIGH)
print(Priority.LOW < Priority.HIGH, Priority.HIGH == 10, Priority.MEDIUM > 3, f"{Priority.HIGH:>4}")
print(sorted([Priority.HIGH, Priority.LOW, Priority.MEDIUM]), Priority(5), int(Priority.HIGH))
print(max([Priority.LOW, Priority.HIGH]), Priority.LOW in (1, 2))


class Step(Enum):
    FIRST = auto()
    SECOND = auto()
    THIRD = auto()


print([Step(i) for i in (1, 2, 3)], Step.THIRD.value)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.67300E-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3), Planet((3.303e+23, 2.4397e6)))

Animal = Enum("Animal", "ANT BEE CAT")
print(Animal.BEE, repr(Animal.CAT), Animal(1))


@unique
class Mistake(Enum):
    ONE = 1
    TWO = 2


print(Mistake.TWO)
try:
    @unique
    class Bad(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", str(e).split(":")[1])

T = TypeVar("T")
print(List, List[int], Dict[str, int], Optional[int], Union[int, str], Union[int, None])
print(Callable[[int], str], Callable[..., int], Tuple[int, ...], Any, T, ClassVar[int], Set[str])
print(Optional[Union[int, str]], Union[int], typing.Iterable[int], Iterable, typing.Literal["a", 1])


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)


s = Stack()
s.push(3)
print(s.items, cast(int, "x"))
try:
    List()
except TypeError as e:
    print("TypeError", e)


def greet(name: Optional[str] = None) -> str:
    return "hi " + (name or "there")


print(greet(), greet("bob"))
Point = NamedTuple("Point", [("x", int), ("y", int)])
p = Point(1, 2)
print(p, p.x + p.y)
