import sys
from greenlet import greenlet, getcurrent
main = getcurrent()
def f():
    try:
        raise KeyError('in f')
    except KeyError:
        print('f before', sys.exc_info()[1])
        main.switch()
        print('f after', sys.exc_info()[1])
    print('f end', sys.exc_info())
g = greenlet(f)
try:
    raise ValueError('in main')
except ValueError:
    g.switch()
    print('main', sys.exc_info()[1])
    g.switch()
    print('main again', sys.exc_info()[1])
print(sys.exc_info())
