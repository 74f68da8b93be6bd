from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
from typing import List
@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    tags: List[str] = field(default_factory=list, compare=False, repr=False)
@dataclass(frozen=True)
class Point:
    x: float
    y: float = 0.0
    def dist(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
jobs = [Job(3, "c"), Job(1, "a"), Job(2, "b", ["x"])]
print(sorted(jobs))
print(jobs[2], asdict(jobs[2]), astuple(jobs[0]))
p = Point(3, 4)
print(p, p.dist(), hash(p) == hash(Point(3, 4)), p == Point(3.0, 4.0))
try:
    p.x = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
print(replace(p, y=0))
print([f.name for f in fields(Job)])
try:
    Job()
except TypeError as e:
    print("TypeError", e)
@dataclass
class Counter:
    count: int = 0
    def __post_init__(self):
        self.count += 100
print(Counter(), Counter(1))
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print("TypeError", e)
@dataclass(slots=True)
class S:
    a: int
print(S(1), hasattr(S(1), "__dict__"))
@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2
print(K(a=1))
try:
    K(1)
except TypeError as e:
    print("TypeError", e)
