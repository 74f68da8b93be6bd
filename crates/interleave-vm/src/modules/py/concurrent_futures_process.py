# `concurrent.futures.ProcessPoolExecutor` on the simulated machine.
#
# Simplification: CPython 3.11 (Lib/concurrent/futures/process.py) runs a management thread
# that feeds a call queue and reads a result queue, with its own worker loop. Here the
# executor is built on `multiprocessing.Pool`, which has the same architecture (worker
# processes fed by task and result queues, with handler threads): a submitted call is
# `apply_async` on the pool, and the pool's result-handler thread completes the future. So a
# future is RUNNING as soon as it is submitted, and `cancel()` cannot cancel it. The workers
# are named as CPython's (ForkProcess-N).

import os
import multiprocessing as mp
import multiprocessing.pool
import threading

from concurrent.futures import _base


class BrokenProcessPool(_base.BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """


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


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None,
                 initializer=None, initargs=(), *, max_tasks_per_child=None):
        """Initializes a new ProcessPoolExecutor instance.

        Args:
            max_workers: The maximum number of processes that can be used to
                execute the given calls. If None or not given then as many
                worker processes will be created as the machine has processors.
        """
        if max_workers is None:
            self._max_workers = os.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers
        if mp_context is None:
            mp_context = mp.get_context()
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._mp_context = mp_context
        self._pool = _worker_pool(mp_context)(self._max_workers, initializer, initargs,
                                              max_tasks_per_child, context=mp_context)
        self._shutdown_thread = False
        self._shutdown_lock = threading.Lock()
        self._pending = set()

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            f = _base.Future()
            f.set_running_or_notify_cancel()
            self._pending.add(f)

            def done(result, f=f):
                self._pending.discard(f)
                f.set_result(result)

            def failed(exc, f=f):
                self._pending.discard(f)
                f.set_exception(exc)

            self._pool.apply_async(fn, args, kwargs, callback=done, error_callback=failed)
            return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Returns an iterator equivalent to map(fn, iter).
        """
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        return super().map(fn, *iterables, timeout=timeout)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            if self._shutdown_thread:
                return
            self._shutdown_thread = True
        if cancel_futures:
            # Futures already handed to the pool are running: they cannot be cancelled.
            pass
        self._pool.close()
        if wait:
            self._pool.join()
    shutdown.__doc__ = _base.Executor.shutdown.__doc__
