import greenlet
from greenlet import greenlet as G, getcurrent, GreenletExit
def f(*a, **k):
    print('f got', a, k)
    r = main.switch()
    print('f r', r)
    r = main.switch(1)
    print('f r', r)
    r = main.switch(1, 2)
    print('f r', r)
    r = main.switch(x=1)
    print('f r', r)
    r = main.switch(1, x=2)
    print('f r', r)
    return 'done'
main = getcurrent()
g = G(f)
print(bool(g), g.dead, g.parent is main, main.parent, g.gr_frame)
print('m', g.switch(5, y=6))
print(bool(g), g.dead)
print('m', g.switch())
print('m', g.switch(7))
print('m', g.switch(7, 8))
print('m', g.switch(z=1))
print('m', g.switch('last'))
print(bool(g), g.dead, g.switch('again'))
g2 = G(lambda: 1)
try:
    g2.throw(ValueError('x'))
except ValueError as e:
    print('caught', e, g2.dead)
g3 = G(lambda: 1)
print(repr(g3.throw()), g3.dead)
def h():
    try:
        main.switch('in h')
    except GreenletExit:
        print('h exit')
        raise
g4 = G(h); print(g4.switch()); print(repr(g4.throw()))
def bad(): return 1/0
try: G(bad).switch()
except ZeroDivisionError as e: print('zde', e)
print(issubclass(GreenletExit, BaseException), greenlet.error)
def k():
    print(getcurrent() is g5, getcurrent().parent is main)
    main.switch(9)
g5 = G(k); print(g5.switch())
g6 = G(); 
try: g6.switch()
except AttributeError as e: print('AE', e)
class M(G):
    def run(self, a): return a*2
print(M().switch(21))
import sys; print(sys.exc_info())
