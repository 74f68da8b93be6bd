import gevent
from gevent import Greenlet

class Adder(Greenlet):
    def __init__(self, a, b):
        Greenlet.__init__(self)
        self.a = a
        self.b = b

    def _run(self):
        gevent.sleep(0.01)
        return self.a + self.b

g = Adder(2, 3)
print(g.ready(), g.started, bool(g))
g.start()
print(g.started, g.ready())
g.join()
print(g.value, g.ready(), g.successful(), g.dead, g.exception)

h = Greenlet(lambda x: x * 2, 21)
h.start_later(0.5)
print(h.get())
print(gevent.spawn(lambda: 'got').get())
late = gevent.spawn_later(0.2, lambda: 'late')
print(late.get(), late.value)
names = [gevent.spawn(lambda: None) for _ in range(3)]
print([x.name for x in names])
named = Greenlet(lambda: None)
named.name = 'custom'
print(named.name)
