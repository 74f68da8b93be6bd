# slice.indices, the module behind a built-in function (`len.__self__`), and the
# `__repr__` slot wrappers of built-in types.
for s in [slice(None), slice(1, 10, 2), slice(-3, None), slice(None, None, -1), slice(10, -10, -3),
          slice(100, 200), slice(-100, 100)]:
    print(s, [s.indices(n) for n in (0, 1, 5, 12)])
class N:
    def __index__(self):
        return 4
print(slice(1, None).indices(N()), slice(N(), None).indices(10))
for bad in ['x', 2.5, -1]:
    try:
        slice(1).indices(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    slice(None, None, 0).indices(3)
except ValueError as e:
    print(e)
try:
    slice('a').indices(3)
except TypeError as e:
    print(e)
try:
    slice(1).indices()
except TypeError as e:
    print(e)

import math, time
print(len.__self__, print.__self__, math.sqrt.__self__.__name__, time.sleep.__self__.__name__)
print([].append.__self__, 'ab'.upper.__self__)

for v in [{}, {'a': 1}, [], [1, [2]], (), (1,), set(), {1}, frozenset(), frozenset({2}), 1, -5, 1.5,
          True, None, b'x', 'x', range(3), 1j, slice(1)]:
    print(type(v).__name__, v.__repr__(), v.__str__())
print(dict.__repr__({1: 2}), list.__repr__([3]), tuple.__repr__((4,)), int.__repr__(7))
class D(dict):
    pass
class L(list):
    def __repr__(self):
        return 'L' + list.__repr__(self)
print(D(a=1).__repr__(), repr(D(a=1)), repr(L([1, 2])), str(L([3])))
d = {}
d['self'] = d
print(d.__repr__(), [d].__repr__())
try:
    dict.__repr__([])
except TypeError as e:
    print(e)
try:
    {}.__repr__(1)
except TypeError as e:
    print(e)
list.__repr__((1, 2))
