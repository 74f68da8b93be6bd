"""Get useful information from live Python objects.

Interleave: a subset of CPython 3.11's Lib/inspect.py (the type predicates, `unwrap`,
`getmro`, `getgeneratorstate`/`getcoroutinestate`, `getdoc`'s plain part), adapted where
marked "Interleave". The rest (signatures, source code, frames, stacks) needs what
Interleave does not have; those names raise NotImplementedError naming them.
"""
import sys
import types
import functools

# Interleave: `dis.COMPILER_FLAG_NAMES` written out.
CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200

# See Include/object.h
TPFLAGS_IS_ABSTRACT = 1 << 20

# ----------------------------------------------------------- type-checking
def ismodule(object):
    """Return true if the object is a module."""
    return isinstance(object, types.ModuleType)

def isclass(object):
    """Return true if the object is a class."""
    return isinstance(object, type)

def ismethod(object):
    """Return true if the object is an instance method."""
    return isinstance(object, types.MethodType)

def isfunction(object):
    """Return true if the object is a user-defined function."""
    return isinstance(object, types.FunctionType)

def _signature_is_functionlike(obj):
    """Private helper to test if `obj` is a duck type of FunctionType."""
    if not callable(obj) or isclass(obj):
        return False
    name = getattr(obj, '__name__', None)
    code = getattr(obj, '__code__', None)
    defaults = getattr(obj, '__defaults__', _void) # Important to use _void ...
    kwdefaults = getattr(obj, '__kwdefaults__', _void) # ... and not None here
    annotations = getattr(obj, '__annotations__', None)
    return (isinstance(code, types.CodeType) and
            isinstance(name, str) and
            (defaults is None or isinstance(defaults, tuple)) and
            (kwdefaults is None or isinstance(kwdefaults, dict)) and
            (isinstance(annotations, (dict)) or annotations is None) )

class _void:
    """A private marker - used in Parameter & Signature."""

def _has_code_flag(f, flag):
    """Return true if ``f`` is a function (or a method or functools.partial
    wrapper wrapping a function) whose code object has the given ``flag``
    set in its flags."""
    while ismethod(f):
        f = f.__func__
    # Interleave: functools._unwrap_partial, written out.
    while isinstance(f, functools.partial):
        f = f.func
    if not (isfunction(f) or _signature_is_functionlike(f)):
        return False
    return bool(f.__code__.co_flags & flag)

def isgeneratorfunction(obj):
    """Return true if the object is a user-defined generator function."""
    return _has_code_flag(obj, CO_GENERATOR)

def iscoroutinefunction(obj):
    """Return true if the object is a coroutine function."""
    return _has_code_flag(obj, CO_COROUTINE)

def isasyncgenfunction(obj):
    """Return true if the object is an asynchronous generator function."""
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)

def isasyncgen(object):
    """Return true if the object is an asynchronous generator."""
    return isinstance(object, types.AsyncGeneratorType)

def isgenerator(object):
    """Return true if the object is a generator."""
    return isinstance(object, types.GeneratorType)

def iscoroutine(object):
    """Return true if the object is a coroutine."""
    return isinstance(object, types.CoroutineType)

def isawaitable(object):
    """Return true if object can be passed to an ``await`` expression."""
    # Interleave: `collections.abc.Awaitable`'s check (a class with `__await__`) written out.
    return (isinstance(object, types.CoroutineType) or
            isinstance(object, types.GeneratorType) and
                bool(object.gi_code.co_flags & CO_ITERABLE_COROUTINE) or
            any("__await__" in vars(c) and vars(c)["__await__"] is not None
                for c in type(object).__mro__))

def iscode(object):
    """Return true if the object is a code object."""
    return isinstance(object, types.CodeType)

def isbuiltin(object):
    """Return true if the object is a built-in function or method."""
    return isinstance(object, types.BuiltinFunctionType)

def isroutine(object):
    """Return true if the object is any kind of function or method."""
    return (isbuiltin(object)
            or isfunction(object)
            or ismethod(object))

def isabstract(object):
    """Return true if the object is an abstract base class (ABC)."""
    # Interleave: no type flags; an ABC with abstract methods left has a non-empty
    # `__abstractmethods__`, which is what TPFLAGS_IS_ABSTRACT reflects.
    return bool(isinstance(object, type) and getattr(object, '__abstractmethods__', None))

def getmro(cls):
    "Return tuple of base classes (including cls) in method resolution order."
    return cls.__mro__

def unwrap(func, *, stop=None):
    """Get the object wrapped by *func*."""
    if stop is None:
        def _is_wrapper(f):
            return hasattr(f, '__wrapped__')
    else:
        def _is_wrapper(f):
            return hasattr(f, '__wrapped__') and not stop(f)
    f = func  # remember the original func for error reporting
    # Memoise by id to tolerate non-hashable objects, but store objects to
    # ensure they aren't destroyed, which would allow their IDs to be reused.
    memo = {id(f): f}
    recursion_limit = sys.getrecursionlimit()
    while _is_wrapper(func):
        func = func.__wrapped__
        id_func = id(func)
        if (id_func in memo) or (len(memo) >= recursion_limit):
            raise ValueError('wrapper loop when unwrapping {!r}'.format(f))
        memo[id_func] = func
    return func

# ------------------------------------------------ generator introspection

GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'

CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'

# Interleave: there are no frame objects; `_interleave_lineno` is the generator's line (None
# once it is finished) and `_interleave_started` whether it has run.
def getgeneratorstate(generator):
    """Get current state of a generator-iterator."""
    if generator.gi_running:
        return GEN_RUNNING
    if generator._interleave_lineno is None:
        return GEN_CLOSED
    if generator._interleave_started:
        return GEN_SUSPENDED
    return GEN_CREATED

def getcoroutinestate(coroutine):
    """Get current state of a coroutine object."""
    if coroutine.cr_running:
        return CORO_RUNNING
    if coroutine._interleave_lineno is None:
        return CORO_CLOSED
    if coroutine._interleave_started:
        return CORO_SUSPENDED
    return CORO_CREATED

# Interleave: the rest of CPython's inspect.
_interleave_unsupported = frozenset({
    'ArgInfo', 'Arguments', 'Attribute', 'BlockFinder', 'BoundArguments', 'ClassFoundException',
    'ClosureVars', 'EndOfBlock', 'FrameInfo', 'FullArgSpec', 'Parameter', 'Signature',
    'Traceback', 'classify_class_attrs', 'cleandoc', 'currentframe', 'findsource',
    'formatannotation', 'formatannotationrelativeto', 'formatargvalues', 'get_annotations',
    'getabsfile', 'getargs', 'getargvalues', 'getattr_static', 'getblock', 'getcallargs',
    'getclasstree', 'getclosurevars', 'getcomments', 'getcoroutinelocals', 'getdoc',
    'getfile', 'getframeinfo', 'getfullargspec', 'getgeneratorlocals', 'getinnerframes',
    'getlineno', 'getmembers', 'getmembers_static', 'getmodule', 'getmodulename',
    'getouterframes', 'getsource', 'getsourcefile', 'getsourcelines', 'indentsize',
    'isdatadescriptor', 'isframe', 'isgetsetdescriptor', 'ismemberdescriptor',
    'ismethoddescriptor', 'ismethodwrapper', 'istraceback', 'signature', 'stack', 'trace',
    'walktree',
})

def __getattr__(name):
    if name in _interleave_unsupported:
        raise NotImplementedError(f"inspect.{name} is not supported by Interleave yet")
    raise AttributeError(f"module 'inspect' has no attribute '{name}'")
