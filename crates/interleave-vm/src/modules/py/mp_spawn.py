# Interleave: the parts of CPython 3.11's Lib/multiprocessing/spawn.py that the `spawn` and
# `forkserver` start methods use. The child is a fresh interpreter of the simulated machine;
# it reads the preparation data and the pickled Process object from a kernel pipe, runs the
# program's main file again as `__mp_main__` (so the `if __name__ == '__main__':` guard
# matters as in CPython), and bootstraps the process.

import os
import sys
import _interleave_mp

import multiprocessing.process as process
import multiprocessing.reduction as reduction
import multiprocessing.util as util
import multiprocessing

__all__ = ['_main', 'get_preparation_data', 'prepare']

WINEXE = False
WINSERVICE = False

# Virtual time a child needs before it runs the program: a fresh interpreter (spawn) or a
# fork of the fork server (forkserver).
_STARTUP_NS = {'spawn': 20_000_000, 'forkserver': 2_000_000}


def _spawn_main(pipe):
    # Interleave: what `spawn_main(pipe_handle)` does in the child, reading from a kernel pipe.
    exitcode = _main(pipe, None)
    sys.exit(exitcode)


def _main(pipe, parent_sentinel):
    process.current_process()._inheriting = True
    try:
        # Interleave: first the start method of the parent's Popen, which decides what the
        # start-up costs, whatever the global start method is.
        is_bytes, method = _interleave_mp.recv(pipe)
        _interleave_mp.charge_ns(_STARTUP_NS[method])
        is_bytes, tree = _interleave_mp.recv(pipe)
        preparation_data = reduction.loads(tree)
        prepare(preparation_data)
        is_bytes, tree = _interleave_mp.recv(pipe)
        self = reduction.loads(tree)
    finally:
        del process.current_process()._inheriting
    return self._bootstrap(parent_sentinel)


def _check_not_importing_main():
    if getattr(process.current_process(), '_inheriting', False):
        raise RuntimeError('''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        ''')


def get_preparation_data(name):
    '''
    Return info about parent needed by child to unpickle process object
    '''
    _check_not_importing_main()
    d = dict(
        log_to_stderr=util._log_to_stderr,
        authkey=process.current_process().authkey,
        )

    if util._logger is not None:
        d['log_level'] = util._logger.getEffectiveLevel()

    d.update(
        name=name,
        sys_argv=sys.argv,
        start_method=multiprocessing.get_start_method(),
        )
    return d


old_main_modules = []

def prepare(data):
    '''
    Try to get current process ready to unpickle process object
    '''
    if 'name' in data:
        process.current_process().name = data['name']

    if 'authkey' in data:
        process.current_process().authkey = data['authkey']

    if 'log_to_stderr' in data and data['log_to_stderr']:
        util.log_to_stderr()

    if 'log_level' in data:
        util.get_logger().setLevel(data['log_level'])

    if 'sys_argv' in data:
        sys.argv = data['sys_argv']

    if 'start_method' in data:
        multiprocessing.set_start_method(data['start_method'], force=True)

    # Interleave: always from the main file's path (runpy.run_path in CPython).
    old_main_modules.append(sys.modules.get('__main__'))
    _interleave_mp.exec_main()
