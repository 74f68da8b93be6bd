# functools.lru_cache's wrapper is C in CPython: tracebacks through a cached function show
# no frame of it.
import functools
@functools.lru_cache
def f(x):
    return 1 / x
print(f(1))
try:
    f([1])
except TypeError as e:
    print('TypeError', e)
f(0)
