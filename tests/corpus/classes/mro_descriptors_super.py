class Base:
    count = 0
    def __init__(self, name):
        self.name = name
        Base.count += 1
    def greet(self):
        return f"Base {self.name}"
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        print("subclass", cls.__name__)
class Left(Base):
    def greet(self):
        return "Left/" + super().greet()
class Right(Base):
    def greet(self):
        return "Right/" + super().greet()
class Both(Left, Right):
    def greet(self):
        return "Both/" + super().greet()
b = Both("x")
print(b.greet(), [c.__name__ for c in Both.__mro__], Base.count)
print(isinstance(b, Right), issubclass(Both, Base), Both.__bases__)
class Slotted:
    def __repr__(self): return "Slotted()"
    def __eq__(self, other): return isinstance(other, Slotted)
print(Slotted() == Slotted(), Slotted() != Slotted(), Slotted.__hash__)
try:
    hash(Slotted())
except TypeError as e:
    print("TypeError", e)
class Desc:
    def __set_name__(self, owner, name): self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return getattr(obj, self.name, 0)
    def __set__(self, obj, value):
        if value < 0: raise ValueError(f"{self.name[1:]} must be >= 0")
        setattr(obj, self.name, value)
class Account:
    balance = Desc()
acc = Account(); acc.balance = 10; print(acc.balance, vars(acc))
try:
    acc.balance = -1
except ValueError as e:
    print("ValueError", e)
class Temp:
    def __getattr__(self, name):
        return f"dynamic {name}"
print(Temp().anything)
print(super(Left, b).greet())
