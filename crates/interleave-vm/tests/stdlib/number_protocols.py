# Number protocols: float()/int() through __float__/__int__/__index__/__trunc__, __index__ for
# indices, slices, range(), hex() and repetition, modular inverse in pow(), __class__ of
# built-in values, staticmethod/classmethod __func__, function __defaults__/__kwdefaults__/__dict__.
class Idx:
    def __init__(self, n): self.n = n
    def __index__(self): return self.n
class F:
    def __float__(self): return 2.5
class I:
    def __int__(self): return 7
print(float(F()), int(I()), int(Idx(4)))
a = list(range(10))
print(a[Idx(2)], a[Idx(1):Idx(4)], "hello"[Idx(1)], (1, 2, 3)[Idx(-1)], b"xyz"[Idx(0)])
print(list(range(Idx(3))), list(range(Idx(1), Idx(7), Idx(2))), range(10)[Idx(3)])
print(hex(Idx(255)), oct(Idx(8)), bin(Idx(5)), "ab" * Idx(3), [0] * Idx(2), chr(Idx(65)))
a[Idx(0)] = "z"
del a[Idx(1)]
print(a[:3], round(2.567, Idx(2)))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, -2, 7), pow(5, 0, 1))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError", e)
print((3).__class__, "s".__class__, [].__class__, None.__class__, (1.5).__class__, True.__class__, {}.__class__)
print(len.__class__, (lambda: 0).__class__, range(3).__class__, b"".__class__, (1,).__class__, int.__class__)
class C:
    @staticmethod
    def s(): return 1
    @classmethod
    def c(cls): return 2
print(C.__dict__["s"].__func__.__name__, C.__dict__["c"].__func__.__name__, C.c.__func__.__name__)
def f(a, b=2, *, k=3, m):
    return (a, b, k, m)
print(f.__kwdefaults__, f.__defaults__)
f.__defaults__ = (20,)
f.__kwdefaults__ = {"k": 30, "m": 40}
print(f(1), f.__defaults__, f.__kwdefaults__)
def g(): pass
print(g.__kwdefaults__, g.__defaults__, g.__dict__)
g.attr = 1
print(g.__dict__)
f.__defaults__ = None
try:
    f()
except TypeError as e:
    print(e)
