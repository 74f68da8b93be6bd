# Interleave: CPython 3.11's Lib/multiprocessing/popen_fork.py. The child's exit is waited
# for in the kernel (`_interleave_mp.wait_child`) rather than on a sentinel pipe.

import os
import _interleave_mp

import multiprocessing.util as util

__all__ = ['Popen']

SIGKILL = 9
SIGTERM = 15

#
# Start child process using fork
#

class Popen(object):
    method = 'fork'

    def __init__(self, process_obj):
        util._flush_std_streams()
        self.returncode = None
        self.finalizer = None
        self._launch(process_obj)

    def duplicate_for_child(self, fd):
        return fd

    def poll(self, flag=os.WNOHANG):
        if self.returncode is None:
            code = _interleave_mp.wait_child(self.pid, None if flag == 0 else 0)
            if code is not None:
                self.returncode = code
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            code = _interleave_mp.wait_child(self.pid, timeout)
            if code is not None:
                self.returncode = code
        return self.returncode

    def _send_signal(self, sig):
        if self.returncode is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass
            except OSError:
                if self.wait(timeout=0.1) is None:
                    raise

    def terminate(self):
        self._send_signal(SIGTERM)

    def kill(self):
        self._send_signal(SIGKILL)

    def _launch(self, process_obj):
        code = 1
        self.pid = os.fork()
        if self.pid == 0:
            try:
                code = process_obj._bootstrap(parent_sentinel=None)
            finally:
                os._exit(code)
        else:
            self.sentinel = self.pid

    def close(self):
        if self.finalizer is not None:
            self.finalizer()
