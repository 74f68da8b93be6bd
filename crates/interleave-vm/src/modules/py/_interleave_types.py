# Interleave: built-in types that CPython writes in C and Interleave writes in Python.
# Their frames are left out of tracebacks (`is_c_accelerated` in interp/exc.rs).


class mappingproxy:
    """Read-only proxy of a mapping (CPython's `Objects/descrobject.c`): what `Cls.__dict__`
    returns, a live view of the class namespace."""

    __slots__ = ('_interleave_mapping',)

    def __new__(cls, mapping):
        if (not hasattr(type(mapping), '__getitem__') or not hasattr(type(mapping), 'keys')
                or isinstance(mapping, (list, tuple))):
            raise TypeError(f"mappingproxy() argument must be a mapping, not {type(mapping).__name__}")
        self = object.__new__(cls)
        object.__setattr__(self, '_interleave_mapping', mapping)
        return self

    def __getitem__(self, key):
        return self._interleave_mapping[key]

    def get(self, key, default=None, /):
        return self._interleave_mapping.get(key, default)

    def __contains__(self, key):
        return key in self._interleave_mapping

    def __iter__(self):
        return iter(self._interleave_mapping)

    def __len__(self):
        return len(self._interleave_mapping)

    def __reversed__(self):
        return reversed(self._interleave_mapping)

    def keys(self):
        return self._interleave_mapping.keys()

    def values(self):
        return self._interleave_mapping.values()

    def items(self):
        return self._interleave_mapping.items()

    def copy(self):
        return self._interleave_mapping.copy()

    def __eq__(self, other):
        return self._interleave_mapping == other

    def __ne__(self, other):
        return self._interleave_mapping != other

    __hash__ = None

    def __or__(self, other):
        if isinstance(other, mappingproxy):
            other = other._interleave_mapping
        return self._interleave_mapping | other

    def __ror__(self, other):
        return other | self._interleave_mapping

    def __ior__(self, other):
        raise TypeError("'|=' is not supported by mappingproxy; use '|' instead")

    def __repr__(self):
        return f'mappingproxy({self._interleave_mapping!r})'

    def __str__(self):
        return str(self._interleave_mapping)


mappingproxy.__module__ = 'builtins'


class SimpleNamespace:
    """A simple attribute-based namespace (CPython's `Objects/namespaceobject.c`)."""

    def __init__(self, /, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        if id(self) in _repr_running:
            return f'{name}(...)'
        _repr_running.add(id(self))
        try:
            items = (f'{k}={v!r}' for k, v in vars(self).items())
            return f"{name}({', '.join(items)})"
        finally:
            _repr_running.discard(id(self))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return vars(self) == vars(other)
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return (type(self), (), vars(self))


SimpleNamespace.__module__ = 'types'
_repr_running = set()


# Asynchronous generators (CPython's `Objects/genobject.c`: `async_generator`,
# `async_generator_asend`, `async_generator_athrow`). The body of an `async def` with `yield`
# runs in a generator frame whose `yield` hands out an `_AsyncGenWrappedValue` (YIELD_VALUE
# wraps it); what an `await` inside passes through comes out unwrapped. `asend`/`athrow`/
# `aclose` return awaitables that are generator-based coroutines (`_asend`, `_athrow`), so
# the body runs in frames on the awaiting thread, where it can block or be switched out.

class _AsyncGenWrappedValue:
    pass


_RETURNED = object()


def _resume(agen, method, arg):
    """Resumes the body with `method(*arg)` (its generator's send or throw), as
    `async_gen_unwrap_value`: (True, v) when it yielded v, (False, v) when an `await` inside
    passed v out; its return is StopAsyncIteration."""
    try:
        try:
            r = method(*arg)
        except StopIteration:
            r = _RETURNED
    except BaseException as e:
        if isinstance(e, (StopAsyncIteration, GeneratorExit)):
            agen._interleave_closed = True
        agen._interleave_running = False
        raise
    if r is _RETURNED:
        agen._interleave_closed = True
        agen._interleave_running = False
        raise StopAsyncIteration
    if type(r) is _AsyncGenWrappedValue:
        agen._interleave_running = False
        return True, r.value
    return False, r


def _asend(agen, sendval):
    """The awaitable of `agen.asend(value)` and `agen.__anext__()`."""
    if agen._interleave_running:
        raise RuntimeError("anext(): asynchronous generator is already running")
    agen._interleave_running = True
    gen = agen._interleave_gen
    method, arg = gen.send, (sendval,)
    while True:
        done, r = _resume(agen, method, arg)
        if done:
            return r
        try:
            v = yield r
        except BaseException as e:
            method, arg = gen.throw, (e,)
        else:
            method, arg = gen.send, (v,)


def _athrow(agen, args):
    """The awaitable of `agen.athrow(...)` (`args` the exception) and `agen.aclose()`
    (`args` None)."""
    gen = agen._interleave_gen
    if gen._interleave_lineno is None and not gen.gi_running:
        return None
    if agen._interleave_running:
        what = 'aclose' if args is None else 'athrow'
        raise RuntimeError(f"{what}(): asynchronous generator is already running")
    if agen._interleave_closed:
        raise StopAsyncIteration
    agen._interleave_running = True
    if args is None:
        agen._interleave_closed = True
        method, arg = gen.throw, (GeneratorExit,)
    else:
        method, arg = gen.throw, args
    while True:
        if args is None:
            try:
                try:
                    r = method(*arg)
                except StopIteration:
                    r = _RETURNED
            except (StopAsyncIteration, GeneratorExit):
                r = _RETURNED
            except BaseException:
                agen._interleave_running = False
                raise
            if r is _RETURNED:
                agen._interleave_running = False
                return None
            if type(r) is _AsyncGenWrappedValue:
                agen._interleave_running = False
                raise RuntimeError("async generator ignored GeneratorExit")
        else:
            done, r = _resume(agen, method, arg)
            if done:
                return r
        try:
            v = yield r
        except BaseException as e:
            method, arg = gen.throw, (e,)
        else:
            method, arg = gen.send, (v,)


def _anext_default(awaitable, default):
    """The awaitable of `anext(aiterator, default)`."""
    try:
        return (yield from awaitable)
    except StopAsyncIteration:
        return default


# The work generators are awaitable themselves (as `types.coroutine` makes them): `async for`
# awaits what `__anext__()`'s `__await__` returns (GET_ANEXT, then GET_AWAITABLE).
_set_iterable_coroutine(_asend)
_set_iterable_coroutine(_athrow)
_set_iterable_coroutine(_anext_default)


class _AsyncGenAwaitable:
    """The awaitable `asend`/`athrow` return: an iterator over the generator (`_asend` or
    `_athrow`) that does the work, which `await` runs in frames."""

    _interleave_what = None

    def __await__(self):
        gen = self._interleave_work
        if gen._interleave_lineno is None and not gen.gi_running:
            raise RuntimeError(f"cannot reuse already awaited {self._interleave_what}")
        return gen

    def __iter__(self):
        return self

    def __next__(self):
        return self._interleave_work.send(None)

    def send(self, value, /):
        return self._interleave_work.send(value)

    def throw(self, *args):
        return self._interleave_work.throw(*args)

    def close(self):
        return self._interleave_work.close()


class async_generator_asend(_AsyncGenAwaitable):
    _interleave_what = '__anext__()/asend()'


class async_generator_athrow(_AsyncGenAwaitable):
    _interleave_what = 'aclose()/athrow()'


async_generator_asend.__module__ = 'builtins'
async_generator_athrow.__module__ = 'builtins'


def _awaitable(cls, work):
    awaitable = object.__new__(cls)
    awaitable._interleave_work = work
    return awaitable


class async_generator:
    """An asynchronous generator: what calling an `async def` with `yield` returns."""

    _interleave_running = False
    _interleave_closed = False
    _interleave_hooks_inited = False

    def _interleave_init_hooks(self):
        # `async_gen_init_hooks`: the thread's firstiter hook sees the generator on its first
        # `__anext__`/`asend`/`athrow`/`aclose`.
        if self._interleave_hooks_inited:
            return
        self._interleave_hooks_inited = True
        import sys
        firstiter, finalizer = sys.get_asyncgen_hooks()
        self._interleave_finalizer = finalizer
        if firstiter is not None:
            firstiter(self)

    def __aiter__(self):
        return self

    def __anext__(self):
        self._interleave_init_hooks()
        return _awaitable(async_generator_asend, _asend(self, None))

    def asend(self, value, /):
        self._interleave_init_hooks()
        return _awaitable(async_generator_asend, _asend(self, value))

    def athrow(self, typ, val=None, tb=None, /):
        self._interleave_init_hooks()
        if tb is not None:
            args = (typ, val, tb)
        elif val is not None:
            args = (typ, val)
        else:
            args = (typ,)
        return _awaitable(async_generator_athrow, _athrow(self, args))

    def aclose(self):
        self._interleave_init_hooks()
        return _awaitable(async_generator_athrow, _athrow(self, None))

    @property
    def ag_running(self):
        return self._interleave_running

    @property
    def ag_code(self):
        return self._interleave_gen.gi_code

    @property
    def ag_frame(self):
        raise NotImplementedError("frame objects (ag_frame) are not supported by Interleave")

    @property
    def ag_await(self):
        raise NotImplementedError("ag_await is not supported by Interleave")

    @property
    def __name__(self):
        return self._interleave_gen.__name__

    @property
    def _interleave_lineno(self):
        return self._interleave_gen._interleave_lineno

    def __repr__(self):
        return f'<async_generator object {self._interleave_gen.__qualname__} at {hex(id(self))}>'


async_generator.__module__ = 'builtins'
# Interleave: an instance's `__qualname__` (a class body cannot define it: it names the class).
async_generator.__qualname__ = property(lambda self: self._interleave_gen.__qualname__)
