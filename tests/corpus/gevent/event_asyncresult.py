import gevent
from gevent.event import Event, AsyncResult

evt = Event()

def waiter(n):
    print('waiter', n, 'waiting')
    r = evt.wait()
    print('waiter', n, 'woke', r)

def setter():
    gevent.sleep(0.5)
    print('setting')
    evt.set()

gevent.joinall([gevent.spawn(waiter, i) for i in range(3)] + [gevent.spawn(setter)])
print(evt.is_set(), evt.wait(0))
evt.clear()
print(evt.wait(timeout=0.1))

result = AsyncResult()

def producer():
    gevent.sleep(0.2)
    result.set('the answer')

def consumer():
    print('consumer got', result.get())

gevent.joinall([gevent.spawn(consumer), gevent.spawn(producer)])
print(result.ready(), result.successful(), result.value)

bad = AsyncResult()
gevent.spawn(lambda: bad.set_exception(ValueError('no luck')))
try:
    bad.get()
except ValueError as e:
    print('ValueError', e)
late = AsyncResult()
try:
    late.get(timeout=0.1)
except gevent.Timeout:
    print('timed out waiting')
