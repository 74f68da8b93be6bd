import gevent
from gevent.lock import Semaphore, BoundedSemaphore, RLock

sem = Semaphore(2)
log = []

def worker(n):
    with sem:
        log.append('in %d' % n)
        gevent.sleep(0.1)
        log.append('out %d' % n)

gevent.joinall([gevent.spawn(worker, i) for i in range(5)])
print(log)
b = BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print('ValueError', e)
print(sem.acquire(blocking=False), sem.acquire(blocking=False), sem.acquire(blocking=False), sem.locked())
print(sem.acquire(timeout=0.1))
r = RLock()
with r:
    with r:
        print('reentrant', r.locked())
print(r.locked())
