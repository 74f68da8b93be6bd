import gevent
from gevent.event import Event
from gevent.queue import Queue
log = []
ev = Event()
q = Queue()
def a(n):
    log.append(('a', n))
    gevent.sleep(0.1)
    log.append(('a-woke', n))
    gevent.spawn(b, n)
    gevent.sleep(0)
    log.append(('a-after0', n))
    ev.wait()
    log.append(('a-ev', n))
    q.put(n)
def b(n):
    log.append(('b', n))
    if n == 2:
        ev.set()
        log.append(('set', n))
    item = q.get()
    log.append(('b-got', n, item))
gs = [gevent.spawn(a, i) for i in range(4)]
gevent.sleep(0.05)
log.append('main-0.05')
gevent.joinall(gs)
log.append('main-joined')
gevent.sleep(0)
gevent.sleep(0)
for x in log: print(x)
