# `concurrent.futures.ProcessPoolExecutor` on the simulated machine.
#
# Simplification: CPython 3.11 (Lib/concurrent/futures/process.py) runs a management thread
# that feeds a call queue and reads a result queue, with its own worker loop. Here the
# executor is built on `multiprocessing.Pool`, which has the same architecture (worker
# processes fed by task and result queues, with handler threads): a submitted call is
# `apply_async` on the pool, and the pool's result-handler thread completes the future. So a
# future is RUNNING as soon as it is submitted, and `cancel()` cannot cancel it. The workers
# are named as CPython's (ForkProcess-N).

#@line 48
import os
#@line 51
import multiprocessing as mp
import multiprocessing.pool
#@line 54
import threading

from concurrent.futures import _base
from _interleave_frames import format_exception as _format_exception


class BrokenProcessPool(_base.BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """


# Hack to embed stringification of remote traceback in local traceback

#@line 123
class _RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb
    def __str__(self):
        return self.tb

class _ExceptionWithTraceback:
    def __init__(self, exc, tb):
        # Interleave: the traceback's text from the exception (no traceback objects).
        tb = _format_exception(exc)
        #@line 132
        self.exc = exc
        #@line 136
        self.tb = '\n"""\n%s"""' % tb
    def __reduce__(self):
        return _rebuild_exc, (self.exc, self.tb)

def _rebuild_exc(exc, tb):
    exc.__cause__ = _RemoteTraceback(tb)
    return exc


#@line 158
class _CallItem(object):
    def __init__(self, work_id, fn, args, kwargs):
        self.work_id = work_id
        self.fn = fn
        self.args = args
        self.kwargs = kwargs


def _process_worker(call_item):
    # Interleave: runs one call in a pool worker, as CPython's worker loop runs each call item
    # (so an exception's remote traceback starts at this frame, as CPython's does), and
    # returns (True, result) or (False, the exception with its traceback).
    #@line 260
    try:
        r = call_item.fn(*call_item.args, **call_item.kwargs)
    except BaseException as e:
        exc = _ExceptionWithTraceback(e, e.__traceback__)
        return False, exc
    #@line 266
    else:
        return True, r


def _set_name(self, name):
    pass  # the pool renames its workers to ...PoolWorker-N; executor workers keep their names


def _keeping_name(base):
    # A Process type named as CPython's executor workers are (ForkProcess-N...), whose name the
    # pool cannot change. It lives in this module under the same name, so it pickles (spawn).
    cls = type(base.__name__, (base,), {
        'name': property(lambda self: self._name, _set_name),
        '__module__': __name__,
    })
    globals()[base.__name__] = cls
    return cls


_WORKER_TYPES = {
    method: _keeping_name(mp.get_context(method).Process)
    for method in ('fork', 'spawn', 'forkserver')
}


def _worker_pool(ctx):
    # A multiprocessing pool whose workers are plain `ctx.Process` workers, as CPython's
    # executor starts.
    cls = _WORKER_TYPES[ctx.get_start_method()]

    class _Pool(mp.pool.Pool):
        @staticmethod
        def Process(ctx, *args, **kwds):
            return cls(*args, **kwds)

    return _Pool


#@line 633
class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None,
                 initializer=None, initargs=(), *, max_tasks_per_child=None):
        """Initializes a new ProcessPoolExecutor instance.

        Args:
            max_workers: The maximum number of processes that can be used to
                execute the given calls. If None or not given then as many
                worker processes will be created as the machine has processors.
        """
        #@line 656
        if max_workers is None:
            self._max_workers = os.cpu_count() or 1
        #@line 661
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            #@line 669
            self._max_workers = max_workers
        #@line 671
        if mp_context is None:
            #@line 675
            mp_context = mp.get_context()
        #@line 682
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        #@line 687
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._mp_context = mp_context
        self._pool = _worker_pool(mp_context)(self._max_workers, initializer, initargs,
                                              max_tasks_per_child, context=mp_context)
        #@line 706
        self._shutdown_thread = False
        self._shutdown_lock = threading.Lock()
        self._pending = set()
        self._work_ids = 0

    #@line 788
    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            #@line 792
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            #@line 798
            f = _base.Future()
            f.set_running_or_notify_cancel()
            self._pending.add(f)

            def done(outcome, f=f):
                self._pending.discard(f)
                ok, value = outcome
                if ok:
                    f.set_result(value)
                else:
                    f.set_exception(value)

            def failed(exc, f=f):
                # The result could not be sent back (it does not pickle).
                self._pending.discard(f)
                f.set_exception(exc)

            self._work_ids += 1
            call_item = _CallItem(self._work_ids, fn, args, kwargs)
            self._pool.apply_async(_process_worker, (call_item,), callback=done,
                                   error_callback=failed)
            #@line 810
            return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Returns an iterator equivalent to map(fn, iter).
        """
        #@line 834
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        return super().map(fn, *iterables, timeout=timeout)

    #@line 842
    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            if self._shutdown_thread:
                return
            #@line 845
            self._shutdown_thread = True
        if cancel_futures:
            # Futures already handed to the pool are running: they cannot be cancelled.
            pass
        self._pool.close()
        if wait:
            self._pool.join()
    #@line 862
    shutdown.__doc__ = _base.Executor.shutdown.__doc__
