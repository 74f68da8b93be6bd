import gevent

def f(n):
    print('start', n)
    gevent.sleep(0)
    print('mid', n)
    gevent.sleep(0)
    print('end', n)
    return n * 10

gs = [gevent.spawn(f, i) for i in range(3)]
print('spawned', [bool(g) for g in gs], [g.ready() for g in gs])
r = gevent.joinall(gs)
print(r == gs, [g.value for g in gs], [g.successful() for g in gs], [g.dead for g in gs])
