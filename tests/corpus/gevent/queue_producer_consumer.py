import gevent
from gevent.queue import Queue, Empty, Full, JoinableQueue

q = Queue(maxsize=2)

def producer():
    for i in range(5):
        print('put', i)
        q.put(i)
    q.put(None)
    print('producer done')

def consumer(name):
    while True:
        item = q.get()
        if item is None:
            break
        print(name, 'got', item)
        gevent.sleep(0.1)

gevent.joinall([gevent.spawn(producer), gevent.spawn(consumer, 'c1')])

q2 = Queue()
try:
    q2.get(timeout=0.1)
except Empty:
    print('Empty', Empty.__module__)
small = Queue(1)
small.put('x')
try:
    small.put('y', timeout=0.1)
except Full:
    print('Full')
print(small.qsize(), small.full(), small.empty(), small.get(), small.empty())

jq = JoinableQueue()
def worker(n):
    while True:
        item = jq.get()
        gevent.sleep(0.01 * item)
        print('worker', n, 'done', item)
        jq.task_done()
for n in range(2):
    gevent.spawn(worker, n)
for item in [3, 1, 2, 1]:
    jq.put(item)
jq.join()
print('all tasks done')
