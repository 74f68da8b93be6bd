import gevent
from gevent import GreenletExit

def forever():
    try:
        while True:
            gevent.sleep(0.1)
    except GreenletExit:
        print('killed cleanly')
        raise

g = gevent.spawn(forever)
gevent.sleep(0.25)
g.kill()
print(g.dead, g.successful(), type(g.value).__name__)

never = gevent.spawn(forever)
never.kill()
print('killed before start:', never.dead, never.ready())

events = []
def done_cb(source):
    events.append(('link', source.value))
def raw_cb(source):
    events.append(('rawlink', source.value))
h = gevent.spawn(lambda: 42)
h.link(done_cb)
h.rawlink(raw_cb)
h.join()
gevent.sleep(0)
print(events)

class Boom(Exception):
    pass
k = gevent.spawn(forever)
gevent.sleep(0)
k.kill(Boom, block=False)
gevent.get_hub().print_exception = lambda *a: None
k.join()
print(k.dead, type(k.exception).__name__)
print(gevent.killall([gevent.spawn(forever) for _ in range(3)]))
