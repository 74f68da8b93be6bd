"""The event loop and policy of asyncio on Unix.

Interleave: the part of CPython 3.11's Lib/asyncio/unix_events.py that names the default
loop and policy; the loop is selector_events.BaseSelectorEventLoop (TCP over the simulated
loopback network), without signal handlers, Unix sockets, pipes or subprocesses.
"""

from asyncio import base_events
from asyncio import events
from asyncio import selector_events

__all__ = (
    'SelectorEventLoop',
    'DefaultEventLoopPolicy',
)


class _UnixSelectorEventLoop(selector_events.BaseSelectorEventLoop):
    """Unix event loop.

    Interleave: without signal handlers, Unix sockets, pipes or subprocesses."""

    def __init__(self, selector=None):
        super().__init__(selector)

    def close(self):
        super().close()


class _UnixDefaultEventLoopPolicy(events.BaseDefaultEventLoopPolicy):
    """UNIX event loop policy (Interleave: no child watchers)."""
    _loop_factory = _UnixSelectorEventLoop

    def get_child_watcher(self):
        raise NotImplementedError("asyncio child watchers (subprocesses) are not supported by Interleave")

    def set_child_watcher(self, watcher):
        raise NotImplementedError("asyncio child watchers (subprocesses) are not supported by Interleave")


SelectorEventLoop = _UnixSelectorEventLoop
DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy
