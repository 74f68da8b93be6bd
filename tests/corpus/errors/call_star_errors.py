# The errors of f(*x) and f(**x) name the function as CPython does; the uncaught one prints
# the traceback with its location markers.
def f(*args, **kwargs):
    return args, kwargs


for thunk in (lambda: f(*None), lambda: f(0, *None), lambda: print(**[]),
              lambda: f(a=1, **{"a": 2}), lambda: f(**{"b": 1}, **{"b": 2})):
    try:
        thunk()
    except TypeError as e:
        print(e)

x = 1
print(f(
    *x))
