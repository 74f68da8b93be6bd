import gevent

def worker(name, n):
    for i in range(n):
        print(name, i)
        gevent.sleep(0)
    print(name, 'done')

gevent.joinall([gevent.spawn(worker, 'ping', 3), gevent.spawn(worker, 'pong', 3), gevent.spawn(worker, 'pang', 2)])
print('all done')
