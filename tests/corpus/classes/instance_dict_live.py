# `obj.__dict__` is the instance's live namespace, as in CPython.
class P:
    def __init__(self, x):
        self.x = x

    def norm(self):
        return abs(self.x)

p = P(3)
d = p.__dict__
print(d, d is p.__dict__, vars(p) is d, type(d).__name__)
d['y'] = 4
print(p.y, hasattr(p, 'y'))
p.z = 5
print(d, sorted(dir(p))[-3:])
p.__dict__.update(x=-7, w=1)
print(p.x, p.w, p.norm())
del p.__dict__['w']
print(hasattr(p, 'w'), 'w' in d)
del p.z
print(d)
d.clear()
print(vars(p), hasattr(p, 'x'))
p.__dict__ = {'x': 10, 'extra': 'e'}
print(p.x, p.extra, vars(p), d)
nd = p.__dict__
nd['x'] = 11
print(p.x, p.norm())
try:
    p.__dict__ = [1]
except TypeError as e:
    print(e)
del p.__dict__
print(vars(p), hasattr(p, 'x'))
p.x = 12
print(vars(p), p.norm())

# A method shadowed through __dict__ after the method caches are warm.
class Greeter:
    def hello(self):
        return 'class hello'
g = Greeter()
out = []
for i in range(6):
    out.append(g.hello() if callable(g.hello) else g.hello)
    if i == 2:
        g.__dict__['hello'] = lambda: 'instance hello'
    if i == 4:
        del vars(g)['hello']
print(out)

# Attribute reads and writes in a warm loop, mutated through __dict__ between them.
class Counter:
    def __init__(self):
        self.n = 0
c = Counter()
seen = []
for i in range(8):
    c.n += 1
    seen.append(c.n)
    if i == 3:
        c.__dict__['n'] = 100
    if i == 5:
        c.__dict__ = {'n': -1}
print(seen, c.__dict__)

# Many instances of one class: the ones whose __dict__ was taken behave the same.
objs = [Counter() for _ in range(4)]
vars(objs[1])['n'] = 5
objs[2].__dict__.update(n=6, k=1)
for o in objs:
    o.n += 1
print([o.n for o in objs], [sorted(vars(o)) for o in objs])

# Exceptions and functions have a __dict__ too.
e = ValueError('bad')
e.__dict__['note'] = 'n'
print(e.note, e.__dict__, e.args)
def f():
    pass
f.__dict__['tag'] = 1
print(f.tag, f.__dict__)

# copy uses __dict__.
import copy
q = copy.copy(p)
print(vars(q), vars(q) is vars(p), q.x)
vars(c)['n'] = 'done'
print(c.n)
print(p.missing)
