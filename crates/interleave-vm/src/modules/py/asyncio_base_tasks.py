# Interleave: CPython 3.11's Lib/asyncio/base_tasks.py, without reprlib, linecache, traceback.

from asyncio import base_futures
from asyncio import coroutines


def _task_repr_info(task):
    info = base_futures._future_repr_info(task)

    if task.cancelling() and not task.done():
        # replace status
        info[0] = 'cancelling'

    info.insert(1, 'name=%r' % task.get_name())

    coro = coroutines._format_coroutine(task._coro)
    info.insert(2, f'coro=<{coro}>')

    if task._fut_waiter is not None:
        info.insert(3, f'wait_for={task._fut_waiter!r}')
    return info


def _task_repr(task):
    info = ' '.join(_task_repr_info(task))
    return f'<{task.__class__.__name__} {info}>'


def _task_get_stack(task, limit):
    # Interleave: there are no frame objects to return.
    raise NotImplementedError("Task.get_stack() is not supported by Interleave (no frame objects)")


def _task_print_stack(task, limit, file):
    # Interleave: there are no frame objects to print.
    raise NotImplementedError("Task.print_stack() is not supported by Interleave (no frame objects)")
