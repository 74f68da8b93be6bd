from typing import NamedTuple, Generic, TypeVar
class Pt(NamedTuple):
    x: int
    y: int = 0
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __str__(self):
        return f"<{self.x}, {self.y}>"
p = Pt(3, 4)
print(p, repr(p), p.norm2(), Pt(1), Pt(1, 2)._asdict(), Pt._field_defaults, Pt._fields)
print(p.x, p[1], tuple(p), p == (3, 4), isinstance(p, tuple), len(p))
x, y = p
print(x, y, p._replace(y=10), Pt._make([5, 6]))
try:
    Pt()
except TypeError as e:
    print("TypeError", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    del p.y
except AttributeError as e:
    print("AttributeError", e)
print(Pt.x.__doc__)
print(sorted([Pt(2, 1), Pt(1, 5), Pt(1, 2)]))
print(Pt.__orig_bases__[0].__name__)
class Employee(NamedTuple):
    name: str
    dept: str = "eng"
    salary: float = 100.0
staff = [Employee("ann", salary=120.0), Employee("bob", "ops"), Employee("cy")]
for e in sorted(staff, key=lambda e: -e.salary):
    print(f"{e.name:>5} {e.dept:<4} {e.salary:8.2f}")
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
print(Box(3).item)
class Wrapper:
    def __mro_entries__(self, bases):
        return (dict,)
class D(Wrapper()):
    pass
print(D.__bases__, D(a=1), D.__orig_bases__[0].__class__.__name__)
class Bad:
    def __mro_entries__(self, bases):
        return [dict]
try:
    class E(Bad()):
        pass
except TypeError as e:
    print("TypeError", e)
