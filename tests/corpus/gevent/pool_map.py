import gevent
from gevent.pool import Pool, Group

def square(x):
    gevent.sleep(0.1 * (5 - x))
    return x * x

pool = Pool(2)
print(pool.map(square, range(5)))
print(list(pool.imap(square, range(4))))
print(sorted(pool.imap_unordered(square, range(4))))
print(pool.apply(square, (7,)))

group = Group()
order = []
def job(n):
    gevent.sleep(0.01 * n)
    order.append(n)
for n in [3, 1, 2]:
    group.spawn(job, n)
print(len(group))
group.join()
print(order, len(group))

p = Pool(1)
started = []
def tracked(n):
    started.append(n)
    gevent.sleep(0.1)
for n in range(3):
    p.spawn(tracked, n)
    print('spawned', n, 'started so far', started, 'free', p.free_count())
p.join()
print(started)
