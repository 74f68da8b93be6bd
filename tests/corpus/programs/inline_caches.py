# Name and attribute lookups that the interpreter caches per instruction: each loop runs the
# same instructions before and after what they depend on changes.
import builtins


# A global that appears, is rebound, is deleted and shadows a built-in.
def read_len():
    return len("abc")


results = []
for step in range(6):
    if step == 2:
        def len(x):
            return -1
    if step == 3:
        len = lambda x: -2
    if step == 4:
        del len
    if step == 5:
        builtins.len = lambda x: -3
    results.append(read_len())
del builtins.len
print("globals and builtins:", results)

# The same in a module body (LOAD_NAME / STORE_NAME).
seen = []
for step in range(5):
    if step == 1:
        abs = lambda x: "shadowed"
    if step == 3:
        del abs
    seen.append(abs(-7))
    total = step * 2
    seen.append(total)
print("module names:", seen)

# Many globals added between two reads (the table grows and is rebuilt).
def read_counter():
    return counter


counter = 0
out = []
for step in range(4):
    out.append(read_counter())
    for k in range(50):
        globals()[f"filler_{step}_{k}"] = k
    counter += 10
    if step == 2:
        for k in range(50):
            del globals()[f"filler_{step}_{k}"]
print("growing globals:", out)


# Instance attributes: different layouts at one instruction, deletion, and a property
# added to the class later.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def get_x(p):
    return p.x


a = Point(1, 2)
b = Point(3, 4)
b.__dict__  # noqa: B018
c = Point(5, 6)
del c.x
c.z = 9
c.x = 7
print("layouts:", [get_x(p) for p in (a, b, c, a, c)])
try:
    del a.x
    get_x(a)
except AttributeError as e:
    print("deleted:", e)
a.x = 11
print("restored:", get_x(a))
Point.x = property(lambda self: "from property")
print("property added later:", get_x(a), get_x(b))


# Methods: replaced on the class, shadowed by an instance attribute, inherited, and a
# subclass overriding later.
class Base:
    def who(self):
        return "base"


class Child(Base):
    pass


def call_who(o):
    return o.who()


objs = [Base(), Child()]
res = [call_who(o) for o in objs]
Base.who = lambda self: "patched"
res += [call_who(o) for o in objs]
Child.who = lambda self: "child"
res += [call_who(o) for o in objs]
objs[0].who = lambda: "instance"
res += [call_who(o) for o in objs]
del Child.who
res += [call_who(o) for o in objs]
print("methods:", res)


# Built-in methods through the same instruction on different types.
def first_index(seq):
    return seq.index(2)


print("builtin methods:", [first_index(s) for s in ([1, 2], (2, 1), [0, 0, 2], [2])])


# __setattr__ and __getattr__ assigned to an existing class.
class Plain:
    pass


def set_and_get(o, v):
    o.value = v
    return o.value


p = Plain()
log = [set_and_get(p, 1)]
Plain.__setattr__ = lambda self, name, v: object.__setattr__(self, name, v * 100)
log.append(set_and_get(p, 2))
Plain.__getattribute__ = lambda self, name: "intercepted"
log.append(set_and_get(p, 3))
print("hooks added later:", log)
