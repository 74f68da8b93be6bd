# Python versions of the built-ins that consume an iterator, used by the Rust built-ins when
# the iterator runs Python code (a generator, or a class with __next__): iterating here, in
# frames, lets that code block (on a lock, a future, sleep) or be switched out by the GIL like
# any other Python code, which a Rust built-in could not allow. The unpacking instructions
# (`[*it]`, `f(*it)`, `a, b = it`, `x in it`) use them too. Tracebacks leave these frames out,
# as CPython shows no frame for its built-ins.

def list_(it):
    out = []
    for x in it:
        out.append(x)
    return out

def tuple_(it):
    return tuple(list_(it))

def set_(it):
    out = set()
    for x in it:
        out.add(x)
    return out

def frozenset_(it):
    return frozenset(list_(it))

def dict_(it):
    out = {}
    if hasattr(it, 'keys'):
        # A mapping (as `dict_update_arg`): its keys, then each key's value.
        for k in it.keys():
            out[k] = it[k]
        return out
    for k, v in it:
        out[k] = v
    return out

def dict_mapping_(m):
    out = {}
    for k in m.keys():
        out[k] = m[k]
    return out

def sorted_(it, key, reverse):
    return sorted(list_(it), key=key, reverse=reverse)

def sum_(it, start):
    total = start
    for x in it:
        total = total + x
    return total

def min_(it, kwargs):
    return min(list_(it), **kwargs)

def max_(it, kwargs):
    return max(list_(it), **kwargs)

def any_(it):
    for x in it:
        if x:
            return True
    return False

def all_(it):
    for x in it:
        if not x:
            return False
    return True

def join_(sep, it):
    return sep.join(list_(it))

def enumerate_(it, start):
    n = start
    for x in it:
        yield (n, x)
        n += 1

def zip_(*iterables):
    iterators = [iter(i) for i in iterables]
    if not iterators:
        return
    while True:
        row = []
        for i in iterators:
            for x in i:
                row.append(x)
                break
            else:
                return
        yield tuple(row)

def map_(func, *iterables):
    for args in zip_(*iterables):
        yield func(*args)

def filter_(func, it):
    for x in it:
        if (x if func is None else func(x)):
            yield x

def next_(it, default):
    try:
        return type(it).__next__(it)
    except StopIteration:
        return default

def unpack_(it, n):
    # `a, b = it` takes one item more than it needs, to tell "too many values".
    out = []
    for x in it:
        out.append(x)
        if len(out) > n:
            break
    return out

def contains_(it, value, invert):
    for x in it:
        if x is value or x == value:
            return not invert
    return invert

def fromkeys_(it, value):
    out = {}
    for k in it:
        out[k] = value
    return out

def extend_(lst, it):
    for x in it:
        lst.append(x)

def iadd_(lst, it):
    extend_(lst, it)
    return lst

def update_(s, it, rest):
    for x in it:
        s.add(x)
    s.update(*rest)

def callable_iter_(func, sentinel):
    while True:
        x = func()
        if x is sentinel or x == sentinel:
            return
        yield x


# Operators on multiprocessing manager proxies, whose dunders wait for the manager process
# (interp/proxies.rs): `f` and `rf` are the operands' Python dunders (None when absent).

def binop_(f, a, b, rf, message):
    if f is not None:
        r = f(a, b)
        if r is not NotImplemented:
            return r
    if rf is not None:
        r = rf(b, a)
        if r is not NotImplemented:
            return r
    raise TypeError(message)

def contains_call_(f, container, item, invert):
    r = f(container, item)
    return (not r) if invert else (True if r else False)

def bool_call_(f, v):
    return True if f(v) else False

def format_call_(f, v, spec):
    s = f(v)
    return format(s, spec) if spec else s

def _proxy_text(p):
    # A proxy among the arguments of `%` or str.format(): its str() (a round trip) and repr()
    # are taken here, in a frame, and an object of its type's name stands in for it (other
    # attributes and items are the proxy's own).
    if not hasattr(type(p), '_interleave_print_'):
        return p
    s, r = p.__str__(), p.__repr__()
    return type(type(p).__name__, (), {
        '__str__': lambda self: s,
        '__repr__': lambda self: r,
        '__getattr__': lambda self, name: getattr(p, name),
        '__getitem__': lambda self, key: p[key],
    })()

def percent_(text, args):
    if type(args) is tuple:
        return text % tuple([_proxy_text(a) for a in args])
    return text % _proxy_text(args)

def str_format_(text, args, kwargs):
    return text.format(*[_proxy_text(a) for a in args],
                       **{k: _proxy_text(v) for k, v in kwargs.items()})
