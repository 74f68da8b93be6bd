# `concurrent.futures`: execute computations asynchronously, modelled on CPython 3.11's
# Lib/concurrent/futures/__init__.py.
#
# Simplification: CPython imports ThreadPoolExecutor lazily through a module `__getattr__`;
# here it is imported eagerly. ProcessPoolExecutor is imported lazily, as in CPython.

__author__ = 'Brian Quinlan (brian@sweetapp.com)'

from concurrent.futures._base import (FIRST_COMPLETED,
                                      FIRST_EXCEPTION,
                                      ALL_COMPLETED,
                                      CancelledError,
                                      TimeoutError,
                                      InvalidStateError,
                                      BrokenExecutor,
                                      Future,
                                      Executor,
                                      wait,
                                      as_completed)
from concurrent.futures.thread import ThreadPoolExecutor

__all__ = (
    'FIRST_COMPLETED',
    'FIRST_EXCEPTION',
    'ALL_COMPLETED',
    'CancelledError',
    'TimeoutError',
    'BrokenExecutor',
    'Future',
    'Executor',
    'wait',
    'as_completed',
    'ProcessPoolExecutor',
    'ThreadPoolExecutor',
)


def __dir__():
    return __all__ + ('__author__', '__doc__')


def __getattr__(name):
    if name == 'ProcessPoolExecutor':
        from concurrent.futures.process import ProcessPoolExecutor as pe
        return pe
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
