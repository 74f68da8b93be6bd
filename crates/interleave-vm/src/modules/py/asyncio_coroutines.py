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

    def get_name(coro):
        # Coroutines compiled with Cython sometimes don't have
        # proper __qualname__ or __name__.  While that is a bug
        # in Cython, asyncio shouldn't crash with an AttributeError
        # in its __repr__ functions.
        if hasattr(coro, '__qualname__') and coro.__qualname__:
            coro_name = coro.__qualname__
        elif hasattr(coro, '__name__') and coro.__name__:
            coro_name = coro.__name__
        else:
            # Stop masking Cython bugs, expose them in a friendly way.
            coro_name = f'<{type(coro).__name__} without __name__>'
        return f'{coro_name}()'

    def is_running(coro):
        try:
            return coro.cr_running
        except AttributeError:
            try:
                return coro.gi_running
            except AttributeError:
                return False

    coro_code = None
    if hasattr(coro, 'cr_code') and coro.cr_code:
        coro_code = coro.cr_code
    elif hasattr(coro, 'gi_code') and coro.gi_code:
        coro_code = coro.gi_code

    coro_name = get_name(coro)

    if not coro_code:
        # Built-in types might not have __qualname__ or __name__.
        if is_running(coro):
            return f'{coro_name} running'
        else:
            return coro_name

    # Interleave: no frame objects; the frame's line comes from `_interleave_lineno`
    # (None when the frame is gone, where CPython's gi_frame/cr_frame is None).
    lineno = getattr(coro, '_interleave_lineno', None)

    # If Cython's coroutine has a fake code object without proper
    # co_filename -- expose that.
    filename = coro_code.co_filename or '<empty co_filename>'

    if lineno is not None:
        coro_repr = f'{coro_name} running at {filename}:{lineno}'

    else:
        lineno = coro_code.co_firstlineno
        coro_repr = f'{coro_name} done, defined at {filename}:{lineno}'

    return coro_repr
