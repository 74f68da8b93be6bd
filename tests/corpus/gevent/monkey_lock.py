from gevent import monkey
monkey.patch_all()
import threading
import time
import gevent

lock = threading.Lock()          # now gevent's lock: waiting for it yields to other greenlets

def worker(n):
    print('worker', n, 'wants the lock')
    with lock:
        print('worker', n, 'has the lock')
        time.sleep(0.1)          # gevent.sleep: the other greenlets run meanwhile
    print('worker', n, 'done')

t0 = time.time()
gevent.joinall([gevent.spawn(worker, i) for i in range(3)])
print('elapsed', round(time.time() - t0, 1), time.sleep is gevent.sleep)
