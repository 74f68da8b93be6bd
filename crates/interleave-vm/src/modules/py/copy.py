# `copy`: shallow and deep copies of containers and instances.

from _collections import deque as _deque


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, complex, str, bytes, type, range, type(len),
           type(lambda: None), property)


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if isinstance(x, _ATOMIC) or cls in (tuple, frozenset):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if cls in (list, dict, set, bytearray):
        return x.copy()
    if isinstance(x, list):
        y = cls.__new__(cls)
        y.extend(x)
        _copy_attrs(x, y)
        return y
    if isinstance(x, dict):
        y = cls.__new__(cls)
        y.update(x)
        _copy_attrs(x, y)
        return y
    if isinstance(x, set):
        y = cls.__new__(cls)
        y.update(x)
        _copy_attrs(x, y)
        return y
    y = object.__new__(cls)
    _copy_attrs(x, y)
    return y


def _copy_attrs(x, y):
    try:
        attrs = vars(x)
    except TypeError:
        return
    for k, v in attrs.items():
        object.__setattr__(y, k, v)


def deepcopy(x, memo=None):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    if d in memo:
        return memo[d]
    cls = type(x)
    if isinstance(x, _ATOMIC):
        return x
    copier = getattr(x, '__deepcopy__', None)
    if copier is not None:
        y = copier(memo)
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        if d in memo:
            return memo[d]
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set(deepcopy(a, memo) for a in x)
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    elif isinstance(x, _deque):
        y = cls((), x.maxlen)
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    else:
        y = copy(x)
        memo[d] = y
        if isinstance(x, list):
            y.clear()
            for a in x:
                y.append(deepcopy(a, memo))
        elif isinstance(x, dict):
            y.clear()
            for key, value in x.items():
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        try:
            attrs = vars(x)
        except TypeError:
            attrs = {}
        for k, v in attrs.items():
            object.__setattr__(y, k, deepcopy(v, memo))
    memo[d] = y
    return y
