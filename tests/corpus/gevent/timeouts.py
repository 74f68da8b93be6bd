import gevent
from gevent import Timeout

try:
    with Timeout(0.5):
        gevent.sleep(1)
        print('not reached')
except Timeout as t:
    print('caught', t, t.seconds)

with Timeout(0.5, False):
    gevent.sleep(1)
    print('not reached')
print('silent timeout passed')

class MyError(Exception):
    pass

try:
    with Timeout(0.1, MyError('too slow')):
        gevent.sleep(1)
except MyError as e:
    print('MyError', e)

t = Timeout.start_new(0.2)
try:
    gevent.sleep(0.1)
    print('in time')
finally:
    t.cancel()
print(t.pending)

def work():
    gevent.sleep(1)
    return 'worked'

print(gevent.with_timeout(0.1, work, timeout_value='default'))
print(gevent.with_timeout(2, work))
try:
    with Timeout(1):
        gevent.sleep(0.5)
    print('finished before the timeout')
except Timeout:
    print('unexpected')
print(str(Timeout(2)), str(Timeout(1, False)), str(Timeout(3, 'x')))
