# `gevent.event`: Event and AsyncResult, as gevent 26.9.0's gevent/event.py.

from gevent._abstract_linkable import AbstractLinkable
from gevent.timeout import Timeout

__all__ = ['Event', 'AsyncResult']

_NONE = object()


class Event(AbstractLinkable):
    __slots__ = ('_flag',)

    def __init__(self):
        super(Event, self).__init__()
        self._flag = False

    def __str__(self):
        return '<%s.%s at 0x%x %s _links[%s]>' % (
            self.__class__.__module__, self.__class__.__name__, id(self),
            'set' if self._flag else 'clear', self.linkcount())

    def is_set(self):
        return self._flag

    def isSet(self):
        return self._flag

    def ready(self):
        return self._flag

    def set(self):
        self._flag = True
        self._check_and_notify()

    def clear(self):
        self._flag = False

    def _wait_return_value(self, waited, wait_success):
        if not waited:
            flag = self._flag
            assert flag, "if we didn't wait we should already be set"
            return flag
        return wait_success

    def wait(self, timeout=None):
        return self._wait(timeout)

    def _reset_internal_locks(self):
        pass


class AsyncResult(AbstractLinkable):
    __slots__ = ('_value', '_exc_info', '_imap_task_index')

    def __init__(self):
        super(AsyncResult, self).__init__()
        self._value = _NONE
        self._exc_info = ()

    @property
    def _exception(self):
        return self._exc_info[1] if self._exc_info else _NONE

    @property
    def value(self):
        return self._value if self._value is not _NONE else None

    @property
    def exc_info(self):
        if self._exc_info:
            return (self._exc_info[0], self._exc_info[1], self._exc_info[2])
        return ()

    def __str__(self):
        result = '<%s ' % (self.__class__.__name__, )
        if self.value is not None or self._exception is not _NONE:
            result += 'value=%r ' % self.value
        if self._exception is not None and self._exception is not _NONE:
            result += 'exception=%r ' % self._exception
        if self._exception is _NONE:
            result += 'unset '
        return result + ' _links[%s]>' % self.linkcount()

    def ready(self):
        return self._exc_info or self._value is not _NONE

    def successful(self):
        return self._value is not _NONE

    @property
    def exception(self):
        if self._exc_info:
            return self._exc_info[1]

    def set(self, value=None):
        self._value = value
        self._check_and_notify()

    def set_exception(self, exception, exc_info=None):
        if exc_info:
            self._exc_info = (exc_info[0], exc_info[1], exc_info[2])
        else:
            self._exc_info = (type(exception), exception, None)
        self._check_and_notify()

    def _raise_exception(self):
        raise self._exc_info[1]

    def get(self, block=True, timeout=None):
        if self._value is not _NONE:
            return self._value
        if self._exc_info:
            return self._raise_exception()
        if not block:
            raise Timeout()
        self._capture_hub(True)
        self._wait_core(timeout, ())
        return self.get(block=False)

    def get_nowait(self):
        return self.get(block=False)

    def _wait_return_value(self, waited, wait_success):
        return self.value

    def wait(self, timeout=None):
        return self._wait(timeout)

    def __call__(self, source):
        if source.successful():
            self.set(source.value)
        else:
            self.set_exception(source.exception, getattr(source, 'exc_info', None))

    def result(self, timeout=None):
        return self.get(timeout=timeout)

    set_result = set

    def done(self):
        return self.ready()

    def cancel(self):
        return False

    def cancelled(self):
        return False
