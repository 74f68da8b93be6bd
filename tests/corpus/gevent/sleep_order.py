import gevent

log = []

def sleeper(name, seconds):
    log.append('%s sleeps %s' % (name, seconds))
    gevent.sleep(seconds)
    log.append('%s woke' % name)
    return name

gs = [gevent.spawn(sleeper, n, s) for n, s in [('a', 0.3), ('b', 0.1), ('c', 0.2), ('d', 0.1), ('e', 0)]]
done = gevent.joinall(gs)
print([g.value for g in done])
print('\n'.join(log))
