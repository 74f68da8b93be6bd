# Errors of calls with *args and **kwargs, naming the function as CPython does.
def f(*a, **k):
    return a, k


class C:
    def m(self, *a, **k):
        pass


class Keys:
    def keys(self):
        return ["a", "b"]

    def __getitem__(self, k):
        return k * 2


class Seq:
    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError


def check(thunk):
    try:
        thunk()
    except TypeError as e:
        print(type(e).__name__, e)


check(lambda: f(*1))
check(lambda: f(1, *1))
check(lambda: f(*[1], *2))
check(lambda: [*3])
check(lambda: (*None,))
check(lambda: f(**1))
check(lambda: f(x=1, **1))
check(lambda: f(**{'x': 1}, **{'x': 2}))
check(lambda: f(x=1, **{'x': 2}))
check(lambda: print(*1))
check(lambda: len(*None))
check(lambda: C().m(*1))
check(lambda: C.m(**1))
check(lambda: (lambda: 0)(*1))
check(lambda: f(**{1: 2}))
check(lambda: C(*1))
check(lambda: int(**[]))
print(f(*iter([1, 2])), f(*"ab"), f(**{"a": 1}), f(*(x for x in range(2))))
print(f(*Seq()), f(**Keys()), f(1, *range(2), *"x"), f(*{1: 2}))
