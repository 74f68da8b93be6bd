"""The event loop and policy of asyncio on Unix.

Interleave: the part of CPython 3.11's Lib/asyncio/unix_events.py (and
selector_events.py) that names the default loop and policy. The loop has no selector:
`BaseEventLoop` waits for its timers in `_interleave_idle_wait`.
"""

from asyncio import base_events
from asyncio import events

__all__ = (
    'SelectorEventLoop',
    'DefaultEventLoopPolicy',
)


class BaseSelectorEventLoop(base_events.BaseEventLoop):
    """Selector event loop (Interleave: without a selector)."""

    def __init__(self, selector=None):
        if selector is not None:
            raise NotImplementedError("asyncio event loops with a selector are not supported by Interleave")
        super().__init__()

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self.is_closed():
            return
        super().close()


class _UnixSelectorEventLoop(BaseSelectorEventLoop):
    """Unix event loop."""


class _UnixDefaultEventLoopPolicy(events.BaseDefaultEventLoopPolicy):
    """UNIX event loop policy (Interleave: no child watchers)."""
    _loop_factory = _UnixSelectorEventLoop

    def get_child_watcher(self):
        raise NotImplementedError("asyncio child watchers (subprocesses) are not supported by Interleave")

    def set_child_watcher(self, watcher):
        raise NotImplementedError("asyncio child watchers (subprocesses) are not supported by Interleave")


SelectorEventLoop = _UnixSelectorEventLoop
DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy
