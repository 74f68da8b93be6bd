# `Cls.__dict__` is a read-only, live mappingproxy of the class namespace.
class C:
    """Doc."""
    x = 1

    def m(self):
        return 'm'

d = C.__dict__
print(type(d), type(d).__name__, d['x'], 'm' in d, d.get('nope'), d.get('x', 0))
print([k for k in d if not k.startswith('__') or k == '__doc__'], len(d) == len(list(d.keys())))
C.y = 2
print(d['y'], sorted(k for k in d.keys() if not k.startswith('__')))
del C.y
print('y' in d, d.copy() == dict(d.items()), type(d.copy()).__name__)
print(d == C.__dict__, d is C.__dict__, vars(C) == d, type(vars(C)).__name__)
print(dict(C.__dict__)['x'], {**C.__dict__}['x'], list(reversed(C.__dict__))[-1])
print((C.__dict__ | {'z': 3})['z'], type(C.__dict__ | {'z': 3}).__name__)
print(str(object.__dict__['__repr__'] is not None), type(int.__dict__).__name__)
print(C.x)
try:
    C.__dict__['x'] = 5
except TypeError as e:
    print(e)
try:
    del C.__dict__['x']
except TypeError as e:
    print(e)
try:
    hash(C.__dict__)
except TypeError as e:
    print(e)
try:
    C.__dict__['missing']
except KeyError as e:
    print('KeyError', e)
try:
    C.__dict__ = {}
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    md = C.__dict__
    md |= {}
except TypeError as e:
    print(e)

# Class attribute caches stay right when the class namespace changes in a warm loop.
class K:
    v = 0
    def get(self):
        return self.v
k = K()
seen = []
for i in range(6):
    seen.append((k.v, K.v, k.get()))
    if i % 2 == 1:
        K.v = i
    if i == 3:
        setattr(K, 'v', 'three')
print(seen)
C.__dict__['x'] = 3
