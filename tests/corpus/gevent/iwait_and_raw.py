import gevent
from gevent.event import Event

def after(seconds, value):
    gevent.sleep(seconds)
    return value

gs = [gevent.spawn(after, s, v) for s, v in [(0.3, 'slow'), (0.1, 'fast'), (0.2, 'middle')]]
for g in gevent.iwait(gs):
    print('ready:', g.value)

gs = [gevent.spawn(after, s, v) for s, v in [(0.3, 'slow'), (0.1, 'fast'), (0.2, 'middle')]]
first = gevent.wait(gs, count=1)
print('first of three:', [g.value for g in first])
print('by timeout:', [g.value for g in gevent.wait(gs, timeout=0.15)])
gevent.joinall(gs)

ev = Event()
done = gevent.wait([ev, gs[0]], timeout=0.1)
print('event or greenlet:', [type(x).__name__ for x in done])

log = []
raw = gevent.spawn_raw(log.append, 'raw ran')
kw = gevent.spawn_raw(lambda a, b=0: log.append(a + b), 1, b=2)
gevent.sleep(0)
print(log, raw.dead, kw.dead)
print(gevent.getcurrent() is gevent.get_hub().parent)
g = gevent.spawn(after, 1, 'never')
gevent.sleep(0)
gevent.kill(g)
gevent.sleep(0)
print(g.dead, type(g.value).__name__)
