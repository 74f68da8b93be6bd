# Interleave: multiprocessing.reduction. CPython pickles objects to bytes (protocol 4); here
# the pickler turns an object into a tree of tagged tuples, lists and immutable leaves, which
# `_interleave_mp` copies through the kernel into the receiving process's heap, where the
# unpickler rebuilds the object. What can be pickled, and the errors for what cannot, follow
# CPython's pickle: classes and functions travel by module and qualified name, instances by
# class and state (`__getstate__`/`__setstate__`, `__reduce__`), exceptions by type and args.

import sys
import builtins
import _interleave_mp

__all__ = ['ForkingPickler', 'dumps', 'loads', 'register', 'DefaultPickler']

HAVE_SEND_HANDLE = True


class PickleError(Exception):
    pass

class PicklingError(PickleError):
    pass

class UnpicklingError(PickleError):
    pass

PickleError.__module__ = PicklingError.__module__ = UnpicklingError.__module__ = '_pickle'

_LEAVES = (type(None), bool, int, float, str, bytes)
_FunctionType = type(lambda: None)
_BuiltinFunctionType = type(len)
_MethodType = type(PicklingError().__init__) if False else None


class _Method:
    def m(self):
        pass

_MethodType = type(_Method().m)
del _Method


def _type_name(obj):
    t = type(obj)
    mod = getattr(t, '__module__', 'builtins')
    if mod in ('builtins', None):
        return t.__name__
    return '%s.%s' % (mod, t.__qualname__)


def _whichmodule(obj, name):
    for module_name, module in list(sys.modules.items()):
        if module_name in ('__main__', '__mp_main__') or module is None:
            continue
        try:
            if getattr(module, name, None) is obj:
                return module_name
        except Exception:
            pass
    return None


def _lookup(module, qualname):
    __import__(module)
    obj = sys.modules[module]
    for part in qualname.split('.'):
        obj = getattr(obj, part)
    return obj


class ForkingPickler(object):
    '''Pickler subclass used by multiprocessing.'''
    _extra_reducers = {}

    def __init__(self):
        self._memo = {}
        self._keep = []

    @classmethod
    def register(cls, type, reduce):
        '''Register a reduce function for a type.'''
        cls._extra_reducers[type] = reduce

    @classmethod
    def dumps(cls, obj, protocol=None):
        return cls()._save(obj)

    @classmethod
    def loads(cls, tree):
        return _Unpickler()._load(tree)

    def _memoize(self, obj):
        i = len(self._memo)
        self._memo[id(obj)] = i
        self._keep.append(obj)
        return i

    def _global(self, obj):
        name = getattr(obj, '__qualname__', None) or obj.__name__
        module = getattr(obj, '__module__', None) or 'builtins'
        if '<locals>' in name.split('.'):
            raise AttributeError("Can't pickle local object %r" % name)
        try:
            found = _lookup(module, name)
        except Exception:
            found = None
        if found is not obj:
            raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                                % (obj, name, module))
        return ('G', module, name)

    def _save(self, obj):
        t = type(obj)
        if t in _LEAVES:
            return obj
        i = self._memo.get(id(obj))
        if i is not None:
            return ('M', i)
        if t is tuple:
            return ('T', [self._save(x) for x in obj])
        if t is list:
            i = self._memoize(obj)
            return ('L', i, [self._save(x) for x in obj])
        if t is dict:
            i = self._memoize(obj)
            items = []
            for k, v in obj.items():
                items.append(self._save(k))
                items.append(self._save(v))
            return ('D', i, items)
        if t is set:
            i = self._memoize(obj)
            return ('S', i, [self._save(x) for x in obj])
        if t is frozenset:
            return ('F', [self._save(x) for x in obj])
        if t is bytearray:
            i = self._memoize(obj)
            return ('A', i, bytes(obj))
        if t is range:
            return ('R', ('G', 'builtins', 'range'), ('T', [obj.start, obj.stop, obj.step]), None)
        if t is slice:
            return ('R', ('G', 'builtins', 'slice'),
                    ('T', [self._save(obj.start), self._save(obj.stop), self._save(obj.step)]), None)
        if t is complex:
            return ('R', ('G', 'builtins', 'complex'), ('T', [obj.real, obj.imag]), None)
        reduce = self._extra_reducers.get(t)
        if reduce is not None:
            return self._save_reduce(obj, reduce(obj))
        if isinstance(obj, type) or t is _FunctionType:
            return self._global(obj)
        if t is _BuiltinFunctionType:
            try:
                return self._global(obj)
            except (PicklingError, AttributeError):
                # pickle's whichmodule(): the module that has it under its name.
                module = _whichmodule(obj, obj.__name__)
                if module is None:
                    raise
                return ('G', module, obj.__name__)
        if t is _MethodType:
            return ('B', self._save(obj.__self__), obj.__func__.__name__)
        if isinstance(obj, BaseException):
            i = self._memoize(obj)
            return ('E', i, self._global(t), self._save(obj.args),
                    self._save(dict(getattr(obj, '__dict__', {}))))
        if _interleave_mp.builtin_type(t):
            raise TypeError("cannot pickle %r object" % _type_name(obj))
        reduce = _user_attr(t, '__reduce_ex__') or _user_attr(t, '__reduce__')
        if reduce is not None:
            rv = obj.__reduce_ex__(4) if _user_attr(t, '__reduce_ex__') else obj.__reduce__()
            return self._save_reduce(obj, rv)
        cls = self._global(t)
        getstate = getattr(obj, '__getstate__', None)
        if getstate is not None and _user_attr(t, '__getstate__'):
            state = getstate()
        else:
            state = getattr(obj, '__dict__', None)
            if state is None:
                raise TypeError("cannot pickle %r object" % _type_name(obj))
        i = self._memoize(obj)
        return ('O', i, cls, self._save(state))

    def _save_reduce(self, obj, rv):
        if isinstance(rv, str):
            return self._global(obj)
        if not isinstance(rv, tuple) or not 2 <= len(rv) <= 5:
            raise PicklingError("__reduce__ must return a string or tuple")
        func, args = rv[0], rv[1]
        state = rv[2] if len(rv) > 2 else None
        return ('R', self._save(func), self._save(tuple(args)), self._save(state))


def _user_attr(cls, name):
    # A method a user class defines (not object's, nor a built-in type's).
    for klass in cls.__mro__:
        if _interleave_mp.builtin_type(klass):
            continue
        if name in klass.__dict__:
            return klass.__dict__[name]
    return None


class _Unpickler(object):
    def __init__(self):
        self._memo = {}

    def _global(self, module, name):
        try:
            return _lookup(module, name)
        except AttributeError:
            raise AttributeError("Can't get attribute %r on %r" % (name.split('.')[-1], sys.modules[module])) from None

    def _load(self, tree):
        if type(tree) is not tuple:
            return tree
        tag = tree[0]
        if tag == 'M':
            return self._memo[tree[1]]
        if tag == 'T':
            return tuple([self._load(x) for x in tree[1]])
        if tag == 'L':
            result = self._memo[tree[1]] = []
            result.extend([self._load(x) for x in tree[2]])
            return result
        if tag == 'D':
            result = self._memo[tree[1]] = {}
            items = tree[2]
            for j in range(0, len(items), 2):
                result[self._load(items[j])] = self._load(items[j + 1])
            return result
        if tag == 'S':
            result = self._memo[tree[1]] = set()
            result.update([self._load(x) for x in tree[2]])
            return result
        if tag == 'F':
            return frozenset([self._load(x) for x in tree[1]])
        if tag == 'A':
            result = self._memo[tree[1]] = bytearray(tree[2])
            return result
        if tag == 'G':
            return self._global(tree[1], tree[2])
        if tag == 'B':
            return getattr(self._load(tree[1]), tree[2])
        if tag == 'E':
            cls = self._load(tree[2])
            exc = cls(*self._load(tree[3]))
            self._memo[tree[1]] = exc
            for k, v in self._load(tree[4]).items():
                setattr(exc, k, v)
            return exc
        if tag == 'O':
            cls = self._load(tree[2])
            obj = cls.__new__(cls)
            self._memo[tree[1]] = obj
            state = self._load(tree[3])
            setstate = getattr(obj, '__setstate__', None)
            if setstate is not None and _user_attr(cls, '__setstate__'):
                setstate(state)
            else:
                _set_state(obj, state)
            return obj
        if tag == 'R':
            func = self._load(tree[1])
            obj = func(*self._load(tree[2]))
            state = self._load(tree[3])
            if state is not None:
                setstate = getattr(obj, '__setstate__', None)
                if setstate is not None:
                    setstate(state)
                else:
                    _set_state(obj, state)
            return obj
        raise UnpicklingError('invalid load key, %r.' % (tag,))


def _set_state(obj, state):
    # pickle's default: the state is the instance dict (or (dict, slots) pair).
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
        for k, v in (slots or {}).items():
            setattr(obj, k, v)
    for k, v in (state or {}).items():
        setattr(obj, k, v)


register = ForkingPickler.register
dumps = ForkingPickler.dumps
loads = ForkingPickler.loads


class AbstractReducer(object):
    '''Abstract base class for use in implementing a Reduction class
    suitable for use in replacing the standard reduction mechanism
    used in multiprocessing.'''
    ForkingPickler = ForkingPickler
    register = register
    dumps = dumps
    loads = loads

DefaultPickler = ForkingPickler
