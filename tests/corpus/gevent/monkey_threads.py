from gevent import monkey
monkey.patch_all()
import threading
import time

t0 = time.time()
local = threading.local()
log = []

def worker(n):
    local.n = n
    name = threading.current_thread().name
    log.append(('start', n, name))
    time.sleep(1)
    log.append(('end', n, local.n, threading.current_thread().name == name))

threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
print('started', [t.is_alive() for t in threads])
for t in threads:
    t.join()
print('joined', [t.is_alive() for t in threads], round(time.time() - t0, 1))
for x in log:
    print(x)

timer_log = []
tm = threading.Timer(0.5, timer_log.append, args=('timer fired',))
tm.start()
tm.join()
print(timer_log, round(time.time() - t0, 1))

cond = threading.Condition()
items = []
def consumer():
    with cond:
        while not items:
            cond.wait()
        print('consumer got', items.pop())
c = threading.Thread(target=consumer)
c.start()
time.sleep(0.1)
with cond:
    items.append('item')
    cond.notify()
c.join()
late = threading.Thread(target=lambda: (time.sleep(0.2), print('late thread done at exit')))
late.start()
print('main ends', threading.active_count() >= 1)
