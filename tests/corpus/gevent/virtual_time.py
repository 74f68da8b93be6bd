import time
import gevent

t0 = time.monotonic()
gevent.joinall([gevent.spawn(gevent.sleep, 1) for _ in range(100)])
print('100 sleepers:', round(time.monotonic() - t0, 1))
t0 = time.monotonic()
gevent.sleep(0.3)
print('one sleep:', round(time.monotonic() - t0, 1))

def chain(n):
    if n:
        gevent.sleep(0.1)
        return chain(n - 1) + 1
    return 0
t0 = time.monotonic()
print(gevent.spawn(chain, 5).get(), round(time.monotonic() - t0, 1))
