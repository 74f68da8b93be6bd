# `gevent._abstract_linkable`: the base of Event, AsyncResult and Semaphore, as gevent
# 26.9.0's gevent/_abstract_linkable.py.
#
# Interleave: objects are used by the greenlets of one thread; using one from another thread
# raises NotImplementedError (gevent hands the notification to the owning hub's loop).

import sys
from _thread import get_ident as _get_thread_ident
from greenlet import getcurrent
from greenlet import error as greenlet_error

from gevent.exceptions import InvalidSwitchError
from gevent.timeout import Timeout

__all__ = ['AbstractLinkable']


def _hub_module():
    import gevent.hub
    return gevent.hub


class AbstractLinkable(object):
    __slots__ = ('hub', '_links', '_notifier', '_notify_all', '__weakref__')

    def __init__(self, hub=None):
        self._links = []
        self._notifier = None
        self._notify_all = True
        self.hub = hub

    def linkcount(self):
        return len(self._links)

    def ready(self):
        raise NotImplementedError

    def rawlink(self, callback):
        if not callable(callback):
            raise TypeError('Expected callable: %r' % (callback, ))
        self._links.append(callback)
        self._check_and_notify()

    def unlink(self, callback):
        try:
            self._links.remove(callback)
        except ValueError:
            pass
        if not self._links and self._notifier is not None and self._notifier.pending:
            self._notifier.stop()

    def _getcurrent(self):
        return getcurrent()

    def _get_thread_ident(self):
        return _get_thread_ident()

    def _capture_hub(self, create):
        while 1:
            my_hub = self.hub
            if my_hub is None:
                break
            if my_hub.dead:
                if self.hub is my_hub:
                    self.hub = None
                    my_hub = None
                    break
            else:
                break
        if self.hub is None:
            hubs = _hub_module()
            current_hub = hubs.get_hub() if create else hubs.get_hub_if_exists()
            if self.hub is None:
                self.hub = current_hub
        if self.hub is not None and self.hub.thread_ident != _get_thread_ident():
            raise NotImplementedError(
                'using a gevent object from another thread than its hub\'s is not supported by Interleave')
        return self.hub

    def _check_and_notify(self):
        if self.ready() and self._links and not self._notifier:
            hub = self._capture_hub(False)
            if hub is not None:
                self._notifier = hub.loop.run_callback(self._notify_links, [])
            else:
                self._notifier = 1
                try:
                    self._notify_links([])
                finally:
                    self._notifier = None

    def _notify_link_list(self, links):
        if not links:
            return []
        only_while_ready = not self._notify_all
        final_link = links[-1]
        done = set()
        hub = self.hub if self.hub is not None else _hub_module().get_hub_if_exists()
        unswitched = []
        while links:
            if only_while_ready and not self.ready():
                break
            link = links.pop(0)
            id_link = id(link)
            if id_link not in done:
                done.add(id_link)
                try:
                    try:
                        link(self)
                    except greenlet_error:
                        unswitched.append(link)
                except:
                    if hub is not None:
                        hub.handle_error((link, self), *sys.exc_info())
                    else:
                        raise
            if link is final_link:
                break
        return unswitched

    def _notify_links(self, arrived_while_waiting):
        notifier = self._notifier
        if notifier is None:
            self._check_and_notify()
            return
        try:
            unswitched = self._notify_link_list(self._links)
            if arrived_while_waiting:
                un2 = self._notify_link_list(arrived_while_waiting)
                unswitched.extend(un2)
                self._links.extend(arrived_while_waiting)
        finally:
            self._notifier = None
        self._check_and_notify()
        if unswitched:
            self._handle_unswitched_notifications(unswitched)

    def _handle_unswitched_notifications(self, unswitched):
        raise NotImplementedError(
            'switching to a greenlet of another thread is not supported by Interleave')

    def _quiet_unlink_all(self, obj):
        if obj is None:
            return
        self.unlink(obj)
        if self._notifier is not None and self._notifier.args:
            try:
                self._notifier.args[0].remove(obj)
            except ValueError:
                pass

    def __wait_to_be_notified(self, rawlink):
        resume_this_greenlet = getcurrent().switch
        if rawlink:
            self.rawlink(resume_this_greenlet)
        else:
            self._notifier.args[0].append(resume_this_greenlet)
        try:
            self._switch_to_hub(self.hub)
            resume_this_greenlet = None
        finally:
            self._quiet_unlink_all(resume_this_greenlet)

    def _switch_to_hub(self, the_hub):
        result = the_hub.switch()
        if result is not self:
            raise InvalidSwitchError(
                'Invalid switch into %s.wait(): %r' % (self.__class__.__name__, result, ))

    def _wait_core(self, timeout, catch=Timeout):
        with Timeout._start_new_or_dummy(timeout) as timer:
            try:
                self.__wait_to_be_notified(True)
                return True
            except catch as ex:
                if ex is not timer:
                    raise
                return False

    def _wait_return_value(self, waited, wait_success):
        return None

    def _wait(self, timeout=None):
        self._capture_hub(True)
        if self.ready():
            result = self._wait_return_value(False, False)
            if self._notifier:
                self.__wait_to_be_notified(False)
            return result
        gotit = self._wait_core(timeout)
        return self._wait_return_value(True, gotit)
