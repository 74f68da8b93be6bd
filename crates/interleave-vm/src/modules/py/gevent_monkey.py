# `gevent.monkey`: `patch_all()` and the `patch_*` functions, after gevent 26.9.0's
# gevent/monkey/.
#
# Interleave: what is patched, and how faithfully:
# - time: `time.sleep` is `gevent.sleep` (cooperative), as in gevent.
# - thread: `_thread`/`threading` locks are gevent's `LockType` (so `threading.Condition`,
#   `Semaphore`, `Event`'s waits and `queue` become cooperative), `get_ident` is the current
#   greenlet's id (so `threading.current_thread()` is a `_DummyThread` in a spawned greenlet,
#   and `threading.local` is greenlet-local), `threading.Event` is `gevent.event.Event`, as in
#   gevent. Starting a thread (`threading.Thread.start`, `_thread.start_new_thread`) spawns a
#   greenlet, as in gevent, and `join()` waits for it cooperatively.
# - queue: `queue.Queue`, `LifoQueue`, `PriorityQueue`, `SimpleQueue` are gevent's, as in
#   gevent.
# - socket, select, selectors: `socket.socket` (and `create_connection`, `create_server`) is
#   `gevent.socket.socket`, `select.select` is `gevent.select.select`, and `SelectSelector`
#   (the `DefaultSelector`) selects with it, so waiting for a socket yields to the other
#   greenlets, as in gevent. `socketpair`, `fromfd`, `poll` and `epoll` raise
#   NotImplementedError after patching.
# - ssl, subprocess, os, signal: gevent makes them cooperative; here, where the module exists,
#   its blocking functions raise NotImplementedError after patching rather than block the
#   whole thread.

import sys

__all__ = ['patch_all', 'patch_time', 'patch_thread', 'patch_queue', 'patch_socket',
           'patch_select', 'patch_ssl', 'patch_subprocess', 'patch_os', 'patch_signal',
           'patch_sys', 'patch_dns', 'patch_builtins', 'get_original', 'is_module_patched',
           'is_object_patched']

saved = {}


def is_module_patched(mod_name):
    return mod_name in saved


def is_object_patched(mod_name, item_name):
    return is_module_patched(mod_name) and item_name in saved[mod_name]


def _get_original(name, items):
    original = __import__(name)
    for item in items:
        if is_object_patched(name, item):
            yield saved[name][item]
        else:
            yield getattr(original, item)


def get_original(mod_name, item_name):
    if isinstance(item_name, str):
        return list(_get_original(mod_name, [item_name]))[0]
    return list(_get_original(mod_name, item_name))


_NONE = object()


def patch_item(module, attr, newitem):
    olditem = getattr(module, attr, _NONE)
    if olditem is not _NONE:
        saved.setdefault(module.__name__, {}).setdefault(attr, olditem)
    setattr(module, attr, newitem)


def _unsupported(qualname):
    def unsupported(*args, **kwargs):
        raise NotImplementedError(
            '%s after gevent.monkey.patch_all() (which makes it cooperative) is not supported '
            'by Interleave' % qualname)
    unsupported.__name__ = qualname.rsplit('.', 1)[-1]
    unsupported.__qualname__ = unsupported.__name__
    return unsupported


def _patch_unsupported(mod_name, names):
    try:
        module = __import__(mod_name)
    except (ImportError, NotImplementedError):
        return
    for name in names:
        if hasattr(module, name):
            patch_item(module, name, _unsupported('%s.%s' % (mod_name, name)))


def patch_time():
    import time
    from gevent.hub import sleep
    patch_item(time, 'sleep', sleep)


def patch_thread(threading=True, _threading_local=True, Event=True, logging=True,
                 existing_locks=True, _warnings=None):
    import _thread
    # Imported before `_thread` changes, so that its module-level objects are real ones.
    import threading as threading_mod
    from gevent.thread import LockType, get_ident, start_new_thread
    patch_item(_thread, 'allocate_lock', LockType)
    patch_item(_thread, 'LockType', LockType)
    patch_item(_thread, 'get_ident', get_ident)
    patch_item(_thread, 'start_new_thread', start_new_thread)
    if threading:
        real_ident = threading_mod.get_ident()
        patch_item(threading_mod, 'Lock', LockType)
        patch_item(threading_mod, '_allocate_lock', LockType)
        patch_item(threading_mod, 'get_ident', get_ident)
        patch_item(threading_mod, '_start_new_thread', start_new_thread)
        patch_item(threading_mod, '_set_sentinel', LockType)
        patch_item(threading_mod, '_CRLock', None)
        # Interleave: `_set_name` names the OS thread for the trace; a thread that is a
        # greenlet must not rename the thread it runs on.
        patch_item(threading_mod, '_set_name', _set_no_name)
        # As gevent's `Thread._set_tstate_lock`: a thread (a greenlet) is finished when its
        # greenlet is, which releases the lock `join()` waits for. Interleave: the method of
        # the existing class is replaced (gevent substitutes a subclass).
        original = threading_mod.Thread._set_tstate_lock
        patch_item(threading_mod.Thread, '_set_tstate_lock', _tstate_lock_setter(original))
        if Event:
            from gevent.event import Event as GeventEvent
            patch_item(threading_mod, 'Event', GeventEvent)
        # As gevent does: the main thread is now known by the main greenlet's ident.
        main = threading_mod._active.pop(real_ident, None)
        if main is not None:
            main._ident = get_ident()
            threading_mod._active[main._ident] = main


def _set_no_name(name, ident=None):
    return None


def _tstate_lock_setter(original):
    from greenlet import getcurrent

    def _set_tstate_lock(self):
        original(self)
        getcurrent().rawlink(lambda _greenlet: _greenlet_finished(self))
    return _set_tstate_lock


def _greenlet_finished(thread):
    if thread._tstate_lock:
        thread._tstate_lock.release()
        thread._stop()


def patch_queue():
    import queue
    import gevent.queue
    for name in ('Queue', 'LifoQueue', 'PriorityQueue', 'SimpleQueue'):
        patch_item(queue, name, getattr(gevent.queue, name))


def patch_socket(dns=True, aggressive=True):
    # Interleave: the simulated network's name lookups never block, so only the socket class
    # and the functions that make sockets are replaced.
    try:
        import socket
    except (ImportError, NotImplementedError):
        return
    from gevent import socket as gsocket
    for name in ('socket', 'SocketType', 'create_connection', 'create_server'):
        patch_item(socket, name, getattr(gsocket, name))
    _patch_unsupported('socket', ['socketpair', 'fromfd'])


def patch_dns():
    return


def patch_select(aggressive=True):
    try:
        import select
    except (ImportError, NotImplementedError):
        return
    from gevent import select as gselect
    patch_item(select, 'select', gselect.select)
    _patch_unsupported('select', ['poll', 'epoll'])


def patch_selectors(aggressive=True):
    # Interleave: gevent replaces the module with its GeventSelector; here the selector that
    # exists, SelectSelector (also DefaultSelector), selects cooperatively.
    try:
        import selectors
    except (ImportError, NotImplementedError):
        return
    from gevent import select as gselect
    patch_item(selectors.SelectSelector, '_select', staticmethod(gselect.select))
    _patch_unsupported('selectors', ['PollSelector', 'EpollSelector'])


def patch_ssl():
    _patch_unsupported('ssl', ['SSLContext', 'wrap_socket'])


def patch_subprocess():
    _patch_unsupported('subprocess', ['Popen', 'call', 'check_call', 'check_output', 'run'])


def patch_os():
    _patch_unsupported('os', ['fork', 'forkpty', 'waitpid'])


def patch_signal():
    _patch_unsupported('signal', ['signal'])


def patch_sys(stdin=True, stdout=True, stderr=True):
    raise NotImplementedError('gevent.monkey.patch_sys() is not supported by Interleave')


def patch_builtins():
    return


def patch_all(socket=True, dns=True, time=True, select=True, thread=True, os=True, ssl=True,
              subprocess=True, sys=False, aggressive=True, Event=True, builtins=True,
              signal=True, queue=True, contextvars=True, **kwargs):
    key = '_gevent_saved_patch_all_module_settings'
    if key in saved:
        return
    saved[key] = {}
    if os:
        patch_os()
    if thread:
        patch_thread(Event=Event)
    if time:
        patch_time()
    if sys:
        patch_sys()
    if socket:
        patch_socket(dns=dns, aggressive=aggressive)
    if select:
        patch_select(aggressive=aggressive)
        patch_selectors(aggressive=aggressive)
    if ssl:
        patch_ssl()
    if subprocess:
        patch_subprocess()
    if builtins:
        patch_builtins()
    if signal:
        patch_signal()
    if queue:
        patch_queue()
    return True
