import sys
import gevent
def quitter():
    print('quitting')
    sys.exit(3)
gevent.spawn(quitter)
try:
    gevent.sleep(1)
finally:
    print('main finally')
print('not reached')
