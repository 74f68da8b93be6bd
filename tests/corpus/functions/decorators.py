# Function decorators with and without arguments, stacked; functools.wraps; class decorators.
import functools

def shout(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper()
    return wrapper

def repeat(times):
    def decorate(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorate

@shout
def hello(name):
    """Say hello."""
    return "hello " + name

@repeat(3)
def roll(x):
    return x * 2

calls = []
def trace(func):
    def wrapper(*args):
        calls.append(func.__name__)
        return func(*args)
    return wrapper

@trace
@shout
def both(s):
    return s + "!"

print(hello("world"), hello.__name__, hello.__doc__)
print(roll(4))
print(both("wow"), calls)

def memo(func):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), len(fib.cache))

registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls

@register
class Plugin:
    pass

print(registry)

@functools.lru_cache(maxsize=None)
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)
print(ways(60))
