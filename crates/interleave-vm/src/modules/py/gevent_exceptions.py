# `gevent.exceptions`, as gevent 26.9.0's gevent/exceptions.py.

from greenlet import GreenletExit

__all__ = ['LoopExit']


class LoopExit(Exception):
    """Raised in the main greenlet when the loop has nothing left to do and it would block
    forever."""

    @property
    def hub(self):
        if len(self.args) == 3:
            return self.args[1]

    def __repr__(self):
        if len(self.args) == 3:
            # Interleave: gevent formats the handles with pprint; there are none here.
            return '%s\n\tHub: %s\n\tHandles:\n%r' % (self.args[0], self.args[1], self.args[2])
        return Exception.__repr__(self)

    def __str__(self):
        return repr(self)


class BlockingSwitchOutError(AssertionError):
    pass


class InvalidSwitchError(AssertionError):
    pass


class ConcurrentObjectUseError(AssertionError):
    pass


class InvalidThreadUseError(RuntimeError):
    pass


class HubDestroyed(GreenletExit):
    def __init__(self, destroy_loop):
        GreenletExit.__init__(self, destroy_loop)
        self.destroy_loop = destroy_loop
