# Interleave: CPython 3.11's Lib/multiprocessing/popen_spawn_posix.py (also used for the
# forkserver start method, whose server process is not simulated). The preparation data and
# the pickled Process object go to the child through a kernel pipe.

import _interleave_mp

import multiprocessing.popen_fork as popen_fork
import multiprocessing.reduction as reduction
import multiprocessing.spawn as spawn
from multiprocessing.context import set_spawning_popen

__all__ = ['Popen']


class Popen(popen_fork.Popen):
    method = 'spawn'

    def __init__(self, process_obj):
        self._fds = []
        super().__init__(process_obj)

    def duplicate_for_child(self, fd):
        self._fds.append(fd)
        return fd

    def _launch(self, process_obj):
        prep_data = spawn.get_preparation_data(process_obj._name)
        set_spawning_popen(self)
        try:
            prep = reduction.dumps(prep_data)
            obj = reduction.dumps(process_obj)
        finally:
            set_spawning_popen(None)
        pipe = _interleave_mp.pipe()
        # Interleave: the child's start-up charge follows this Popen's start method (not the
        # global one, which a `get_context()` does not change).
        _interleave_mp.send(pipe, self.method)
        _interleave_mp.send(pipe, prep)
        _interleave_mp.send(pipe, obj)
        self.pid = _interleave_mp.spawn(pipe)
        self.sentinel = self.pid


class ForkServerPopen(Popen):
    # Interleave: CPython's popen_forkserver.Popen; the child is started like a spawned one
    # (the fork server process itself is not simulated), only quicker (spawn._STARTUP_NS).
    method = 'forkserver'
