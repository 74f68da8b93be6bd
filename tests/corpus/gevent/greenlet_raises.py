import gevent

def bad():
    raise ValueError('bad value')

def good():
    return 'good'

# The hub prints the failure (with a timestamp and an address) to stderr; keep it out of the
# comparison by replacing print_exception.
hub = gevent.get_hub()
printed = []
hub.print_exception = lambda context, t, v, tb: printed.append(t.__name__)
g1 = gevent.spawn(bad)
g2 = gevent.spawn(good)
gevent.joinall([g1, g2])
print(printed)
print(g1.successful(), repr(g1.exception), g1.value)
print(g2.successful(), g2.exception, g2.value)
try:
    g1.get()
except ValueError as e:
    print('get raised', e)
try:
    gevent.joinall([gevent.spawn(bad)], raise_error=True)
except ValueError as e:
    print('joinall raised', e)
print(printed)
