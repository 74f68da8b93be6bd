# Docstrings: module and class __doc__ in the namespace, function __doc__ from the code.
"""Module doc."""
print(__doc__)
class A:
    """A doc."""
    x = 1
class B(A):
    pass
class C:
    "c"
    print(__doc__)
def f():
    """F doc
    more."""
    return 1
def g():
    return 2
print(A.__doc__, B.__doc__, C.__doc__, A().__doc__)
print(f.__doc__)
print(g.__doc__)
f.__doc__ = "changed"
print(f.__doc__)
print((lambda: 1).__doc__)
class E(Exception):
    """Custom error."""
print(E.__doc__, E("x").__doc__)
import functools
def deco(fn):
    @functools.wraps(fn)
    def w(*a):
        return fn(*a)
    return w
@deco
def h():
    "H doc"
print(h.__doc__, h.__name__)
