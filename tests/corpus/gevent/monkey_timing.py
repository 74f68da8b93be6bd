from gevent import monkey
monkey.patch_all()
import time
import gevent

def task(n):
    time.sleep(1)
    print('task', n, 'done')
    return n

t0 = time.time()
for i in range(3):
    task(i)
print('sequential:', round(time.time() - t0, 1))

t0 = time.time()
jobs = [gevent.spawn(task, i) for i in range(3)]
gevent.joinall(jobs)
print('gevent:', round(time.time() - t0, 1), [j.value for j in jobs])
