# `abc`: abstract base classes — `ABC`, `abstractmethod` and the instantiation check.
#
# Interleave has no metaclasses, so the check CPython's `ABCMeta` prepares at class creation
# (`__abstractmethods__`) is computed on the first instantiation, in `ABC.__new__`, and cached
# on the class. Differences: `ABCMeta` is `type`; `register()` records nothing for
# `isinstance`/`issubclass`; a class modified after its first instantiation keeps its cache
# (as CPython keeps `__abstractmethods__` unless `update_abstractmethods` is called).


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


ABCMeta = type


def _func_of(value):
    try:
        return value.__func__
    except AttributeError:
        return None


def _is_abstract(value):
    if isinstance(value, property):
        for f in (value.fget, value.fset, value.fdel):
            if getattr(f, '__isabstractmethod__', False):
                return True
        return False
    if isinstance(value, (staticmethod, classmethod)):
        return bool(getattr(_func_of(value), '__isabstractmethod__', False))
    return bool(getattr(value, '__isabstractmethod__', False))


def _compute_abstracts(cls):
    seen = set()
    abstracts = set()
    for klass in cls.__mro__:
        for name, value in klass.__dict__.items():
            if name in seen:
                continue
            seen.add(name)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


def update_abstractmethods(cls):
    cls.__abstractmethods__ = _compute_abstracts(cls)
    return cls


class ABC:
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        abstracts = cls.__dict__.get('__abstractmethods__')
        if abstracts is None:
            abstracts = _compute_abstracts(cls)
            cls.__abstractmethods__ = abstracts
        if abstracts:
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, 's' if len(names) > 1 else '', ', '.join(names)))
        return object.__new__(cls)

    @classmethod
    def register(cls, subclass):
        return subclass


def get_cache_token():
    return 0
