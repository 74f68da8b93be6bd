class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, P) and o.x == self.x
print(P.__hash__, P(1) == P(1), "__hash__" in P.__dict__)
try:
    {P(1)}
except TypeError as e:
    print("TypeError", e)
class Q(P):
    def __hash__(self): return hash(self.x)
print(len({Q(1), Q(1)}), Q.__hash__ is not None)
class R(Q):
    def __eq__(self, o): return False
print(R.__hash__)
try:
    hash(R(1))
except TypeError as e:
    print("TypeError", e)
class S(Q):
    pass
print(hash(S(5)) == hash(5))
T = type("T", (), {"__eq__": lambda s, o: True})
print(T.__hash__)
class U:
    __hash__ = None
try:
    hash(U())
except TypeError as e:
    print("TypeError", e)
from dataclasses import dataclass
@dataclass
class D:
    a: int
print(D.__hash__)
@dataclass(frozen=True)
class F:
    a: int
print(hash(F(1)) == hash(F(1)))
@dataclass(eq=False)
class N:
    a: int
print(N.__hash__ is object.__hash__)
