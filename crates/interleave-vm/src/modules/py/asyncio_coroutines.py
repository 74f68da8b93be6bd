# Interleave: CPython 3.11's Lib/asyncio/coroutines.py, without inspect, types and
# collections.abc (the checks they make are written out here).
__all__ = 'iscoroutinefunction', 'iscoroutine'

import functools
import os
import sys


def _is_debug_mode():
    # Interleave: no sys.flags or environment; debug mode is off.
    return False


# A marker for iscoroutinefunction.
_is_coroutine = object()

_CO_COROUTINE = 0x80


def _inspect_iscoroutinefunction(obj):
    # Interleave: inspect.iscoroutinefunction (methods and partials unwrapped).
    while True:
        f = getattr(obj, '__func__', None)
        if f is not None and type(obj).__name__ == 'method':
            obj = f
            continue
        if isinstance(obj, functools.partial):
            obj = obj.func
            continue
        break
    if type(obj).__name__ != 'function':
        return False
    return bool(obj.__code__.co_flags & _CO_COROUTINE)


def iscoroutinefunction(func):
    """Return True if func is a decorated coroutine function."""
    return (_inspect_iscoroutinefunction(func) or
            getattr(func, '_is_coroutine', None) is _is_coroutine)


def iscoroutine(obj):
    """Return True if obj is a coroutine object."""
    # Interleave: types.CoroutineType, types.GeneratorType or collections.abc.Coroutine.
    if type(obj).__name__ in ('coroutine', 'generator'):
        return True
    cls = type(obj)
    return all(hasattr(cls, m) for m in ('send', 'throw', 'close', '__await__'))


def _format_coroutine(coro):
    assert iscoroutine(coro)
    # Interleave: no frame objects, so the source location is left out.
    if hasattr(coro, '__qualname__') and coro.__qualname__:
        coro_name = coro.__qualname__
    elif hasattr(coro, '__name__') and coro.__name__:
        coro_name = coro.__name__
    else:
        coro_name = f'<{type(coro).__name__} without __name__>'
    return f'{coro_name}()'
