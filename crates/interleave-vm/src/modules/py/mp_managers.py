# Interleave: multiprocessing.managers, modelled on CPython 3.11's Lib/multiprocessing/managers.py.
#
# A manager is a server process that owns the shared objects; a proxy forwards every method
# call to it and waits for the answer (a round trip through kernel pipes, visible in the trace
# as transfers). As in CPython, each client process and thread has its own connection to the
# server, and the server serves each connection with its own thread, so a blocking call
# (`Queue.get`, `Lock.acquire`, `Event.wait`) blocks only that client.
#
# Simplifications: connections are pairs of kernel pipes, not sockets, so there are no
# addresses, listeners or authentication; the server keeps every object until it shuts down
# (no reference counting); methods returning proxies (`_method_to_typeid_`) are not
# supported, so iterating a dict or list proxy iterates over a copy; a manager `Pool` is not
# provided.

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'Token']

import itertools
import os
import queue
import sys
import threading
import _interleave_mp

import multiprocessing.util as util
import multiprocessing.reduction as reduction
from multiprocessing.process import current_process
from multiprocessing.context import ProcessError


class Token(object):
    '''
    Type to uniquely identify a shared object
    '''
    __slots__ = ('typeid', 'address', 'id')

    def __init__(self, typeid, address, id):
        (self.typeid, self.address, self.id) = (typeid, address, id)

    def __getstate__(self):
        return (self.typeid, self.address, self.id)

    def __setstate__(self, state):
        (self.typeid, self.address, self.id) = state

    def __repr__(self):
        return '%s(typeid=%r, address=%r, id=%r)' % \
               (self.__class__.__name__, self.typeid, self.address, self.id)


class RemoteError(Exception):
    def __str__(self):
        return ('\n' + '-'*75 + '\n' + str(self.args[0]) + '-'*75)


#
# The server (runs in the manager process)
#

_VIEWS = (type({}.keys()), type({}.values()), type({}.items()))


def _serve(accept, registry):
    # Interleave: CPython's Server.serve_forever / accepter / handle_request / serve_client.
    objects = {}
    ids = itertools.count()
    ids_lock = threading.Lock()

    def serve_client(req, rep):
        while True:
            try:
                is_bytes, tree = _interleave_mp.recv(req)
            except EOFError:
                return
            msg = reduction.loads(tree)
            try:
                if msg[0] == 'create':
                    typeid, args, kwds = msg[1:]
                    obj = registry[typeid](*args, **kwds)
                    with ids_lock:
                        ident = next(ids)
                    objects[ident] = obj
                    result = ('#RETURN', ident)
                else:
                    ident, methodname, args, kwds = msg[1:]
                    obj = objects[ident]
                    if methodname == '#GETVALUE':
                        result = ('#RETURN', obj)
                    elif methodname == '__repr__' and not args and not kwds:
                        result = ('#RETURN', repr(obj))
                    else:
                        res = getattr(obj, methodname)(*args, **kwds)
                        if type(res) in _VIEWS:
                            # dict views cannot be pickled: they are sent as lists.
                            res = list(res)
                        result = ('#RETURN', res)
            except Exception as e:
                result = ('#ERROR', e)
            try:
                tree = reduction.dumps(result)
            except Exception as e:
                tree = reduction.dumps(('#ERROR', RemoteError(
                    'Unserializable message: %r\n' % (result,))))
            _interleave_mp.send(rep, tree)

    while True:
        is_bytes, tree = _interleave_mp.recv(accept)
        msg = reduction.loads(tree)
        if msg[0] == 'shutdown':
            _interleave_mp.send(msg[1], reduction.dumps(('#RETURN', None)))
            break
        req, rep = msg[1], msg[2]
        _interleave_mp.open_end(req, False)
        _interleave_mp.open_end(rep, True)
        t = threading.Thread(target=serve_client, args=(req, rep), daemon=True)
        t.start()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


#
# The client side: one connection per (server, process, thread)
#

_connections = {}

def _connection(address):
    key = (address, os.getpid(), threading.get_ident())
    conn = _connections.get(key)
    if conn is None:
        req = _interleave_mp.pipe()
        rep = _interleave_mp.pipe()
        _interleave_mp.send(address, reduction.dumps(('connect', req, rep)))
        conn = _connections[key] = (req, rep)
    return conn


def dispatch(address, msg):
    '''
    Send a message to the manager and return the answer (or raise its exception)
    '''
    if not _interleave_mp.can_block():
        # Interleave: built-ins such as print(), str() and format() call __str__/__repr__ from
        # Rust, where a thread cannot wait for the manager's answer.
        raise NotImplementedError(
            'a manager proxy cannot call its manager from a call made by a built-in in Interleave '
            '(such as str.format(), `x or y`, a sort key, a dict key or a __repr__ called by repr()), '
            'where it cannot wait; use str(proxy), an f-string or a method call instead, e.g. '
            'f"{d}" or d.get(k)')
    req, rep = _connection(address)
    _interleave_mp.send(req, reduction.dumps(msg))
    is_bytes, tree = _interleave_mp.recv(rep)
    kind, result = reduction.loads(tree)
    if kind == '#RETURN':
        return result
    raise result


#
# Managers
#

class State(object):
    __slots__ = ['value']
    INITIAL = 0
    STARTED = 1
    SHUTDOWN = 2


class BaseManager(object):
    '''
    Base class for managers
    '''
    _registry = {}

    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None, *,
                 shutdown_timeout=1.0):
        if address is not None:
            raise NotImplementedError(
                'multiprocessing managers at a network address are not supported by Interleave')
        self._state = State()
        self._state.value = State.INITIAL
        self._address = None
        self._process = None
        if ctx is None:
            import multiprocessing.context
            ctx = multiprocessing.context._default_context.get_context()
        self._ctx = ctx

    def get_server(self):
        raise NotImplementedError('BaseManager.get_server() is not supported by Interleave')

    def connect(self):
        raise NotImplementedError('BaseManager.connect() is not supported by Interleave')

    def start(self, initializer=None, initargs=()):
        '''
        Spawn a server process for this manager object
        '''
        if self._state.value != State.INITIAL:
            if self._state.value == State.STARTED:
                raise ProcessError("Already started server")
            elif self._state.value == State.SHUTDOWN:
                raise ProcessError("Manager has shut down")
            else:
                raise ProcessError(
                    "Unknown state {!r}".format(self._state.value))

        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')

        self._address = _interleave_mp.pipe()
        self._process = self._ctx.Process(
            target=type(self)._run_server,
            args=(self._address, initializer, initargs),
            )
        ident = ':'.join(str(i) for i in self._process._identity)
        self._process.name = type(self).__name__ + '-' + ident
        self._process.start()

        self._state.value = State.STARTED
        self.shutdown = util.Finalize(
            self, type(self)._finalize_manager,
            args=(self._process, self._address, self._state),
            exitpriority=0
            )

    @classmethod
    def _run_server(cls, address, initializer=None, initargs=()):
        if initializer is not None:
            initializer(*initargs)
        registry = {typeid: entry[0] for typeid, entry in cls._registry.items()}
        _serve(address, registry)

    def _create(self, typeid, /, *args, **kwds):
        '''
        Create a new shared object; return the token
        '''
        assert self._state.value == State.STARTED, 'server not yet started'
        ident = dispatch(self._address, ('create', typeid, args, kwds))
        return Token(typeid, self._address, ident)

    def join(self, timeout=None):
        '''
        Join the manager process (if it has been spawned)
        '''
        if self._process is not None:
            self._process.join(timeout)
            if not self._process.is_alive():
                self._process = None

    def __enter__(self):
        if self._state.value == State.INITIAL:
            self.start()
        if self._state.value != State.STARTED:
            raise ProcessError("Unable to start server")
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    @staticmethod
    def _finalize_manager(process, address, state):
        '''
        Shutdown the manager process; will be registered as a finalizer
        '''
        if process.is_alive():
            reply = _interleave_mp.pipe()
            _interleave_mp.send(address, reduction.dumps(('shutdown', reply)))
            _interleave_mp.recv(reply)
            process.join(timeout=1.0)
            if process.is_alive():
                process.terminate()
                process.join(timeout=0.1)
        state.value = State.SHUTDOWN

    @property
    def address(self):
        return self._address

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        '''
        Register a typeid with the manager type
        '''
        if '_registry' not in cls.__dict__:
            cls._registry = cls._registry.copy()

        if proxytype is None:
            proxytype = AutoProxy

        exposed = exposed or getattr(proxytype, '_exposed_', None)

        cls._registry[typeid] = (callable, exposed, method_to_typeid, proxytype)

        if create_method:
            def temp(self, /, *args, **kwds):
                token = self._create(typeid, *args, **kwds)
                return _make_proxy(proxytype, typeid, token, self, exposed, callable)
            temp.__name__ = typeid
            setattr(cls, typeid, temp)


def _make_proxy(proxytype, typeid, token, manager, exposed, callable):
    if proxytype is AutoProxy:
        names = exposed
        if names is None:
            names = public_methods(callable) if callable is not None else ()
        proxytype = MakeProxyType('AutoProxy[%s]' % typeid, names)
    return proxytype(token, manager=manager)


def public_methods(obj):
    '''
    Return a list of names of methods of `obj` which do not start with '_'
    '''
    return [name for name in dir(obj)
            if name[0] != '_' and callable(getattr(obj, name))]


#
# Proxies
#

class BaseProxy(object):
    '''
    A base for proxies of shared objects
    '''
    def __init__(self, token, serializer='pickle', manager=None,
                 authkey=None, exposed=None, incref=True, manager_owned=False):
        self._token = token
        self._manager = manager

    def _callmethod(self, methodname, args=(), kwds={}):
        '''
        Try to call a method of the referent and return a copy of the result
        '''
        return dispatch(self._token.address,
                        ('call', self._token.id, methodname, tuple(args), dict(kwds)))

    def _getvalue(self):
        '''
        Get a copy of the value of the referent
        '''
        return self._callmethod('#GETVALUE')

    def __reduce__(self):
        if type(self).__name__.startswith('AutoProxy['):
            return (RebuildAutoProxy, (self._token, type(self)._exposed_))
        return (RebuildProxy, (type(self), self._token))

    def __deepcopy__(self, memo):
        return self._getvalue()

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % \
               (type(self).__name__, self._token.typeid, id(self))

    def __str__(self):
        '''
        Return representation of the referent (or a fall-back if that fails)
        '''
        try:
            return self._callmethod('__repr__')
        except NotImplementedError:
            raise
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"


def _print_proxies(items, sep, end, file):
    # Interleave: print() hands its arguments here when one is a proxy (see `print` in
    # builtins/functions.rs), so that the proxy's __str__ runs in a frame and can wait for
    # the manager's answer.
    print(*[a.__str__() if isinstance(a, BaseProxy) else a for a in items],
          sep=sep, end=end, file=file)

BaseProxy._interleave_print_ = _print_proxies


def RebuildProxy(proxytype, token):
    '''
    Function used for unpickling proxy objects.
    '''
    return proxytype(token)


def RebuildAutoProxy(token, exposed):
    return MakeProxyType('AutoProxy[%s]' % token.typeid, exposed)(token)


def _proxy_method(name):
    def method(self, /, *args, **kwds):
        return self._callmethod(name, args, kwds)
    method.__name__ = name
    return method


def MakeProxyType(name, exposed, _cache={}):
    '''
    Return a proxy type whose methods are given by `exposed`
    '''
    exposed = tuple(exposed)
    try:
        return _cache[(name, exposed)]
    except KeyError:
        pass
    dic = {meth: _proxy_method(meth) for meth in exposed}
    ProxyType = type(name, (BaseProxy,), dic)
    ProxyType._exposed_ = exposed
    _cache[(name, exposed)] = ProxyType
    return ProxyType


def AutoProxy(token, serializer='pickle', manager=None, authkey=None,
              exposed=None, incref=True, manager_owned=False):
    '''
    Return an auto-proxy for `token`
    '''
    ProxyType = MakeProxyType('AutoProxy[%s]' % token.typeid, exposed or ())
    return ProxyType(token, manager=manager)


#
# Types (or functions) which we will register with SyncManager
#

class Namespace(object):
    def __init__(self, /, **kwds):
        for name, value in kwds.items():
            setattr(self, name, value)
    def __repr__(self):
        items = list(self.__dict__.items())
        temp = []
        for name, value in items:
            if not name.startswith('_'):
                temp.append('%s=%r' % (name, value))
        temp.sort()
        return '%s(%s)' % (self.__class__.__name__, ', '.join(temp))


class Value(object):
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value
    def get(self):
        return self._value
    def set(self, value):
        self._value = value
    def __repr__(self):
        return '%s(%r, %r)'%(type(self).__name__, self._typecode, self._value)
    value = property(get, set)


def Array(typecode, sequence, lock=True):
    # Interleave: CPython returns an array.array; the array module is not provided yet.
    return list(sequence)


#
# Proxy types used by SyncManager
#

class IteratorProxy(BaseProxy):
    _exposed_ = ('__next__', 'send', 'throw', 'close')
    def __iter__(self):
        return self
    def __next__(self, *args):
        return self._callmethod('__next__', args)
    def send(self, *args):
        return self._callmethod('send', args)
    def throw(self, *args):
        return self._callmethod('throw', args)
    def close(self, *args):
        return self._callmethod('close', args)


class AcquirerProxy(BaseProxy):
    _exposed_ = ('acquire', 'release')
    def acquire(self, blocking=True, timeout=None):
        args = (blocking,) if timeout is None else (blocking, timeout)
        return self._callmethod('acquire', args)
    def release(self):
        return self._callmethod('release')
    def __enter__(self):
        return self._callmethod('acquire')
    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._callmethod('release')


class ConditionProxy(AcquirerProxy):
    _exposed_ = ('acquire', 'release', 'wait', 'notify', 'notify_all')
    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))
    def notify(self, n=1):
        return self._callmethod('notify', (n,))
    def notify_all(self):
        return self._callmethod('notify_all')
    def wait_for(self, predicate, timeout=None):
        import time
        result = predicate()
        if result:
            return result
        if timeout is not None:
            endtime = time.monotonic() + timeout
        else:
            endtime = None
            waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class EventProxy(BaseProxy):
    _exposed_ = ('is_set', 'set', 'clear', 'wait')
    def is_set(self):
        return self._callmethod('is_set')
    def set(self):
        return self._callmethod('set')
    def clear(self):
        return self._callmethod('clear')
    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))


class BarrierProxy(BaseProxy):
    _exposed_ = ('__getattribute__', 'wait', 'abort', 'reset')
    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))
    def abort(self):
        return self._callmethod('abort')
    def reset(self):
        return self._callmethod('reset')
    @property
    def parties(self):
        return self._callmethod('__getattribute__', ('parties',))
    @property
    def n_waiting(self):
        return self._callmethod('__getattribute__', ('n_waiting',))
    @property
    def broken(self):
        return self._callmethod('__getattribute__', ('broken',))


class NamespaceProxy(BaseProxy):
    _exposed_ = ('__getattribute__', '__setattr__', '__delattr__')
    def __getattr__(self, key):
        if key[0] == '_':
            return object.__getattribute__(self, key)
        callmethod = object.__getattribute__(self, '_callmethod')
        return callmethod('__getattribute__', (key,))
    def __setattr__(self, key, value):
        if key[0] == '_':
            return object.__setattr__(self, key, value)
        callmethod = object.__getattribute__(self, '_callmethod')
        return callmethod('__setattr__', (key, value))
    def __delattr__(self, key):
        if key[0] == '_':
            return object.__delattr__(self, key)
        callmethod = object.__getattribute__(self, '_callmethod')
        return callmethod('__delattr__', (key,))


class ValueProxy(BaseProxy):
    _exposed_ = ('get', 'set')
    def get(self):
        return self._callmethod('get')
    def set(self, value):
        return self._callmethod('set', (value,))
    value = property(get, set)


BaseListProxy = MakeProxyType('BaseListProxy', (
    '__add__', '__contains__', '__delitem__', '__getitem__', '__len__',
    '__mul__', '__reversed__', '__rmul__', '__setitem__',
    'append', 'count', 'extend', 'index', 'insert', 'pop', 'remove',
    'reverse', 'sort', '__imul__'
    ))

class ListProxy(BaseListProxy):
    def __iadd__(self, value):
        self._callmethod('extend', (value,))
        return self
    def __imul__(self, value):
        self._callmethod('__imul__', (value,))
        return self
    def __iter__(self):
        # Interleave: over a copy (CPython iterates by __getitem__, a round trip per item).
        return iter(self._callmethod('#GETVALUE'))
    def __reversed__(self):
        # Interleave: over a copy, which is what CPython's pickled reverse iterator holds.
        return reversed(self._callmethod('#GETVALUE'))


_BaseDictProxy = MakeProxyType('DictProxy', (
    '__contains__', '__delitem__', '__getitem__', '__len__',
    '__setitem__', 'clear', 'copy', 'get', 'items',
    'keys', 'pop', 'popitem', 'setdefault', 'update', 'values'
    ))

class DictProxy(_BaseDictProxy):
    def __iter__(self):
        # Interleave: over a copy of the keys (CPython iterates through an iterator proxy).
        return iter(self._callmethod('keys'))


ArrayProxy = MakeProxyType('ArrayProxy', (
    '__len__', '__getitem__', '__setitem__'
    ))


#
# Definition of SyncManager
#

class SyncManager(BaseManager):
    '''
    Subclass of `BaseManager` which supports a number of shared object types.

    The types registered are those intended for the synchronization
    of threads, plus `dict`, `list` and `Namespace`.
    '''

SyncManager.register('Queue', queue.Queue)
SyncManager.register('JoinableQueue', queue.Queue)
SyncManager.register('Event', threading.Event, EventProxy)
SyncManager.register('Lock', threading.Lock, AcquirerProxy)
SyncManager.register('RLock', threading.RLock, AcquirerProxy)
SyncManager.register('Semaphore', threading.Semaphore, AcquirerProxy)
SyncManager.register('BoundedSemaphore', threading.BoundedSemaphore,
                     AcquirerProxy)
SyncManager.register('Condition', threading.Condition, ConditionProxy)
SyncManager.register('Barrier', threading.Barrier, BarrierProxy)
SyncManager.register('list', list, ListProxy)
SyncManager.register('dict', dict, DictProxy)
SyncManager.register('Value', Value, ValueProxy)
SyncManager.register('Array', Array, ArrayProxy)
SyncManager.register('Namespace', Namespace, NamespaceProxy)
