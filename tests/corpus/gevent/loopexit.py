import gevent
from gevent.event import Event
from gevent.queue import Queue

try:
    Event().wait()
except gevent.hub.LoopExit as e:
    print(type(e).__name__, str(e).splitlines()[0])

q = Queue()
def consumer():
    return q.get()
g = gevent.spawn(consumer)
try:
    g.join()
    print('joined', g.ready())
except Exception as e:
    print('join raised', type(e).__name__, e.args[0])
try:
    q.get()
except gevent.exceptions.LoopExit as e:
    print('LoopExit', e.args[0])
print(gevent.wait())
