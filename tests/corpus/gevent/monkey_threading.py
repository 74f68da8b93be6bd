from gevent import monkey
monkey.patch_all()
import threading
import time
import queue
import gevent

print(time.sleep is gevent.sleep)
lock = threading.Lock()
order = []

def critical(n):
    with lock:
        order.append(('enter', n))
        time.sleep(0.1)
        order.append(('leave', n))

gevent.joinall([gevent.spawn(critical, i) for i in range(3)])
print(order)
print(threading.current_thread().name)
names = []
gevent.spawn(lambda: names.append(type(threading.current_thread()).__name__)).join()
print(names)
q = queue.Queue()
def prod():
    for i in range(3):
        q.put(i)
        time.sleep(0.1)
def cons():
    for _ in range(3):
        print('consumed', q.get())
gevent.joinall([gevent.spawn(cons), gevent.spawn(prod)])
ev = threading.Event()
gevent.spawn_later(0.2, ev.set)
print(ev.wait(), round(time.time() % 1, 1) >= 0)
