# `gevent`: coroutine-based concurrency, modelled on gevent 26.9.0 (see gevent/hub.py for
# the loop and what differs).

__version__ = '26.9.0'
version_info = (26, 9, 0)

__all__ = ['Greenlet', 'GreenletExit', 'Timeout', 'getcurrent', 'get_hub', 'idle', 'iwait',
           'joinall', 'kill', 'killall', 'reinit', 'signal_handler', 'sleep', 'spawn',
           'spawn_later', 'spawn_raw', 'wait', 'with_timeout', 'getswitchinterval',
           'setswitchinterval']

import sys as _sys

from gevent.hub import get_hub, iwait, wait, spawn_raw, sleep, idle, kill, reinit
from gevent.hub import signal as signal_handler
from greenlet import getcurrent, GreenletExit
from gevent.greenlet import Greenlet, joinall, killall
from gevent.timeout import Timeout, with_timeout

spawn = Greenlet.spawn
spawn_later = Greenlet.spawn_later


def getswitchinterval():
    return _sys.getswitchinterval()


def setswitchinterval(interval):
    raise NotImplementedError('gevent.setswitchinterval is not supported by Interleave')


def fork(*args, **kwargs):
    raise NotImplementedError('gevent.fork is not supported by Interleave')
