# Interleave: multiprocessing.sharedctypes. CPython allocates ctypes objects in shared memory;
# here the items live in a block of the simulated kernel's shared memory, which every process
# sees (fork copies the handle, not the memory). Typecodes as the `array` module's; ctypes
# types themselves are not supported.

import _interleave_mp

import multiprocessing.context as context
import multiprocessing.reduction as reduction

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

typecode_to_type = {
    'c': 'c_char', 'b': 'c_byte', 'B': 'c_ubyte',
    'h': 'c_short', 'H': 'c_ushort', 'i': 'c_int', 'I': 'c_uint',
    'l': 'c_long', 'L': 'c_ulong', 'q': 'c_long', 'Q': 'c_ulong',
    'f': 'c_float', 'd': 'c_double',
}


def _check_typecode(typecode_or_type):
    if isinstance(typecode_or_type, str):
        if typecode_or_type == 'u':
            raise NotImplementedError("the 'u' typecode of multiprocessing.sharedctypes is not supported by Interleave")
        if typecode_or_type not in typecode_to_type:
            # CPython passes the unknown code on to ctypes.sizeof, which refuses it.
            raise TypeError('this type has no size')
        return typecode_or_type
    raise NotImplementedError(
        'multiprocessing shared memory with ctypes types is not supported by Interleave; '
        'use a typecode such as "i" or "d"')


def _zero(typecode):
    if typecode == 'c':
        return b'\x00'
    if typecode in 'fd':
        return 0.0
    return 0


def _indices(s, length):
    # slice.indices(length)
    step = 1 if s.step is None else s.step
    if step == 0:
        raise ValueError('slice step cannot be zero')
    lower, upper = (-1, length - 1) if step < 0 else (0, length)
    def clamp(v, default):
        if v is None:
            return default
        if v < 0:
            v += length
            return max(v, lower)
        return min(v, upper)
    return clamp(s.start, upper if step < 0 else lower), clamp(s.stop, lower if step < 0 else upper), step


class _SharedCValue(object):
    # A ctypes scalar in shared memory (what RawValue returns).

    def __init__(self, typecode, value):
        self._typecode = typecode
        self._block = _interleave_mp.shared_new(typecode, [value])

    @property
    def value(self):
        return _interleave_mp.shared_get(self._block, 0)

    @value.setter
    def value(self, v):
        _interleave_mp.shared_set(self._block, 0, v)

    def __repr__(self):
        return '%s(%r)' % (typecode_to_type[self._typecode], self.value)

    def __reduce__(self):
        context.assert_spawning(self)
        return _rebuild, (_SharedCValue, {'_typecode': self._typecode, '_block': self._block})


class _SharedCArray(object):
    # A ctypes array in shared memory (what RawArray returns).

    def __init__(self, typecode, items):
        self._typecode = typecode
        self._length = len(items)
        self._block = _interleave_mp.shared_new(typecode, items)

    def __len__(self):
        return self._length

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [_interleave_mp.shared_get(self._block, j) for j in range(*_indices(i, self._length))]
        return _interleave_mp.shared_get(self._block, i)

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            indices = range(*_indices(i, self._length))
            v = list(v)
            if len(v) != len(indices):
                raise ValueError('Can only assign sequence of same size')
            for j, x in zip(indices, v):
                _interleave_mp.shared_set(self._block, j, x)
            return
        _interleave_mp.shared_set(self._block, i, v)

    def __iter__(self):
        for j in range(self._length):
            yield _interleave_mp.shared_get(self._block, j)

    @property
    def value(self):
        if self._typecode != 'c':
            raise AttributeError("'%s_Array_%d' object has no attribute 'value'" % (typecode_to_type[self._typecode], self._length))
        return b''.join(self).split(b'\x00')[0]

    def __repr__(self):
        return '<multiprocessing.sharedctypes.%s_Array_%d object at %s>' % (
            typecode_to_type[self._typecode], self._length, hex(id(self)))

    def __reduce__(self):
        context.assert_spawning(self)
        return _rebuild, (_SharedCArray, {'_typecode': self._typecode, '_block': self._block,
                                          '_length': self._length})


def _rebuild(cls, state):
    # The same shared memory, seen from another process.
    obj = cls.__new__(cls)
    for k, v in state.items():
        setattr(obj, k, v)
    return obj


def RawValue(typecode_or_type, *args):
    '''
    Returns a ctypes object allocated from shared memory
    '''
    typecode = _check_typecode(typecode_or_type)
    return _SharedCValue(typecode, args[0] if args else _zero(typecode))


def RawArray(typecode_or_type, size_or_initializer):
    '''
    Returns a ctypes array allocated from shared memory
    '''
    typecode = _check_typecode(typecode_or_type)
    if isinstance(size_or_initializer, int):
        items = [_zero(typecode)] * size_or_initializer
    else:
        items = list(size_or_initializer)
    return _SharedCArray(typecode, items)


def Value(typecode_or_type, *args, lock=True, ctx=None):
    '''
    Return a synchronization wrapper for a Value
    '''
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    if lock in (True, None):
        ctx = ctx or context._default_context.get_context()
        lock = ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    '''
    Return a synchronization wrapper for a RawArray
    '''
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    if lock in (True, None):
        ctx = ctx or context._default_context.get_context()
        lock = ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def copy(obj):
    if isinstance(obj, _SharedCArray):
        return RawArray(obj._typecode, list(obj))
    return RawValue(obj._typecode, obj.value)


def synchronized(obj, lock=None, ctx=None):
    assert not isinstance(obj, SynchronizedBase), 'object already synchronized'
    ctx = ctx or context._default_context.get_context()
    if isinstance(obj, _SharedCArray):
        if obj._typecode == 'c':
            return SynchronizedString(obj, lock, ctx)
        return SynchronizedArray(obj, lock, ctx)
    return Synchronized(obj, lock, ctx)

#
# Synchronized wrappers (CPython's classes)
#

class SynchronizedBase(object):

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        if lock:
            self._lock = lock
        else:
            ctx = ctx or context._default_context.get_context()
            self._lock = ctx.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        context.assert_spawning(self)
        return synchronized, (self._obj, self._lock)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):

    @property
    def value(self):
        with self:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self:
            self._obj.value = v


class SynchronizedArray(SynchronizedBase):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self:
            self._obj[i] = value

    def __getslice__(self, start, stop):
        with self:
            return self._obj[start:stop]

    def __setslice__(self, start, stop, values):
        with self:
            self._obj[start:stop] = values


class SynchronizedString(SynchronizedArray):

    @property
    def value(self):
        with self:
            return self._obj.value
