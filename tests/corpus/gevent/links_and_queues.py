import gevent
from gevent.event import Event, AsyncResult
from gevent.queue import Queue, LifoQueue, PriorityQueue
log = []
ev = Event()
ar = AsyncResult()
def w(n):
    log.append(('wait', n))
    ev.wait()
    log.append(('ev', n))
    v = ar.get()
    log.append(('ar', n, v))
gs = [gevent.spawn(w, i) for i in range(3)]
gevent.sleep(0)
ev.set()
log.append('set')
gevent.sleep(0)
log.append('after sleep0')
ar.set('v')
ev.rawlink(lambda e: log.append('rawlink-ev'))
gevent.joinall(gs)
q = Queue()
def cons(n):
    for _ in range(2):
        log.append(('got', n, q.get()))
cs = [gevent.spawn(cons, i) for i in range(3)]
for i in range(6):
    q.put(i)
    if i % 2:
        gevent.sleep(0)
gevent.joinall(cs)
lq = LifoQueue(); pq = PriorityQueue()
for x in [3, 1, 2]:
    lq.put(x); pq.put(x)
log.append([lq.get() for _ in range(3)])
log.append([pq.get() for _ in range(3)])
g = gevent.spawn(lambda: gevent.sleep(1))
g.link(lambda s: log.append('link1'))
g.link_value(lambda s: log.append('link_value'))
g.link_exception(lambda s: log.append('link_exc'))
g.rawlink(lambda s: log.append('raw'))
gevent.sleep(0)
g.kill()
log.append(('killed', g.dead))
gevent.sleep(0); gevent.sleep(0)
for x in log: print(x)
