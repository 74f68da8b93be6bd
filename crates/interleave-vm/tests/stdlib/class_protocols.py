# Class creation hooks and attribute protocols: __init_subclass__, __set_name__, __doc__ of
# classes without a docstring, descriptors (__get__/__set__/__delete__), __setattr__,
# __delattr__ and __getattribute__ hooks (also assigned after creation), __class_getitem__.
class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append(cls.__name__)

class A(Base): pass
class B(A): pass
print(Base.registry)

class Plugin:
    def __init_subclass__(cls):
        cls.tag = cls.__name__.lower()
class P1(Plugin): pass
print(P1.tag, hasattr(Plugin, "tag"))
print(object.__init_subclass__())
try:
    object.__init_subclass__(x=1)
except TypeError as e:
    print(e)

class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
class M:
    a = Field()
    b = Field()
print(M.a.name, M.a.owner, M.b.name)

class NoDoc: pass
class Doc:
    "doc"
class Sub(Doc): pass
print(vars(NoDoc)['__doc__'], Sub.__doc__, Sub().__doc__, Doc().__doc__, '__doc__' in vars(Sub))
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.name)

class NonData:
    def __get__(self, obj, objtype=None):
        return ("nondata", obj is None, objtype.__name__)

class Point:
    x = Typed()
    y = Typed()
    nd = NonData()
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(p.x, p.y, p.__dict__, type(Point.x).__name__)
try:
    p.x = "a"
except TypeError as e:
    print("TypeError", e)
p.__dict__  # snapshot
print(p.nd, Point.nd)
p.nd = 5
print(p.nd)
del p.x
print(p.x, vars(p))

class Frozen:
    def __init__(self):
        object.__setattr__(self, "a", 1)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name}")
f = Frozen()
print(f.a)
try:
    f.a = 2
except AttributeError as e:
    print("AttributeError", e)
try:
    del f.a
except AttributeError as e:
    print("AttributeError", e)
object.__delattr__(f, "a")
print(hasattr(f, "a"))

class Late:
    pass
class LateSub(Late):
    pass
def spy(self, name, value):
    print("set", name, value)
    object.__setattr__(self, name, value * 2)
Late.__setattr__ = spy
l = LateSub()
l.v = 21
print(l.v)
def nodel(self, name):
    print("del", name)
Late.__delattr__ = nodel
del l.v
print(l.v)

class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(name)
        v = object.__getattribute__(self, name)
        return ("got", v) if name == "a" else v
    def __getattr__(self, name):
        return "fallback " + name
    def meth(self):
        return "meth"
g = Logged()
print(g.a, g.secret, g.meth(), g.missing)

class OnlyGA:
    def __getattribute__(self, name):
        return name.upper()
print(OnlyGA().hello)

class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
class SubBox(Box): pass
print(Box[int], SubBox["x"], type(Box.__dict__["__class_getitem__"]).__name__)
class Plain: pass
try:
    Plain[1]
except TypeError as e:
    print(e)
print(list[int] is not None)
