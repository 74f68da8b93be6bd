import gevent

def slow():
    gevent.sleep(2)
    return 'slow done'

g = gevent.spawn(slow)
g.join(timeout=0.5)
print('after join(0.5):', g.ready(), g.value)
fast = gevent.spawn(gevent.sleep, 0.1)
done = gevent.joinall([g, fast], timeout=1)
print('joinall(timeout=1):', [d is fast for d in done])
try:
    g.get(timeout=0.1)
except gevent.Timeout as t:
    print('Timeout', t)
g.join()
print('finally', g.value)
