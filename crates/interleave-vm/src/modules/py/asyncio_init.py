"""The asyncio package, tracking PEP 3156.

Interleave: CPython 3.11's Lib/asyncio/__init__.py with the parts Interleave has: the
event loop (on the machine's virtual clock, selecting on the simulated loopback network),
futures, tasks, locks, queues, timeouts, runners, task groups, threads, TCP streams,
transports and protocols. Subprocesses are not simulated: their names raise
NotImplementedError.
"""

import sys

# This relies on each of the submodules having an __all__ variable.
from asyncio.base_events import *
from asyncio.coroutines import *
from asyncio.events import *
from asyncio.exceptions import *
from asyncio.futures import *
from asyncio.locks import *
from asyncio.protocols import *
from asyncio.runners import *
from asyncio.queues import *
from asyncio.streams import *
from asyncio.tasks import *
from asyncio.taskgroups import *
from asyncio.timeouts import *
from asyncio.transports import *
from asyncio.threads import *

__all__ = (base_events.__all__ +
           coroutines.__all__ +
           events.__all__ +
           exceptions.__all__ +
           futures.__all__ +
           locks.__all__ +
           protocols.__all__ +
           runners.__all__ +
           queues.__all__ +
           streams.__all__ +
           tasks.__all__ +
           timeouts.__all__ +
           transports.__all__ +
           threads.__all__)

from asyncio.unix_events import *  # pragma: no cover
__all__ += unix_events.__all__


def __getattr__(name):
    # Interleave: the parts of asyncio that are not simulated say so.
    if name in ('create_subprocess_exec', 'create_subprocess_shell'):
        raise NotImplementedError(f"asyncio subprocesses ({name}) are not supported by Interleave")
    raise AttributeError(f"module 'asyncio' has no attribute '{name}'")
