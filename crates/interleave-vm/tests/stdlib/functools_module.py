import functools
import operator


def power(base, exp):
    return base ** exp


square = functools.partial(power, exp=2)
print(square(5), functools.partial(power, 2)(10), square.func is power, square.args, square.keywords)
print(functools.reduce(operator.mul, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 'init'))
try:
    functools.reduce(operator.add, [])
except TypeError as exc:
    print('TypeError', exc)


def deco(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs)
    return wrapper


@deco
def greet(name):
    """Say hello."""
    return 'hi ' + name


print(greet('bob'), greet.__name__, greet.__wrapped__.__name__)

calls = []


@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), len(calls), fib.cache_info())


@functools.cache
def sq(n):
    return n * n


print(sq(4), sq(4), sq.cache_info().hits)


@functools.lru_cache(maxsize=2)
def ident(n):
    return n


for n in [1, 2, 1, 3, 2]:
    ident(n)
print(ident.cache_info())


@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


print(Version(1) < Version(2), Version(3) >= Version(2), Version(1) > Version(2), Version(2) <= Version(2))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
print(operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)('abc'), operator.attrgetter('n')(Version(7)))
print(sorted([('b', 2), ('a', 3)], key=operator.itemgetter(1)), operator.add(2, 3), operator.neg(4))
