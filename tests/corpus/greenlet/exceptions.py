from greenlet import greenlet, getcurrent, GreenletExit

def inner():
    raise KeyError('boom')

def f():
    print('in f', getcurrent() is g)
    inner()

g = greenlet(f)

def mid():
    g.switch()

try:
    mid()
except KeyError as e:
    print('caught', repr(e), g.dead)

def catcher():
    try:
        getcurrent().parent.switch('waiting')
    except ValueError as e:
        print('catcher got', e)
        return 'recovered'

c = greenlet(catcher)
print(c.switch())
print(c.throw(ValueError('thrown in')))
print(c.dead)

def exiter():
    try:
        getcurrent().parent.switch()
    finally:
        print('cleanup runs')

e = greenlet(exiter)
e.switch()
r = e.throw()
print(type(r).__name__, e.dead)
print(issubclass(GreenletExit, BaseException), issubclass(GreenletExit, Exception))

def nested_parent():
    child = greenlet(lambda: 1 / 0)
    try:
        child.switch()
    except ZeroDivisionError as ex:
        return 'parent saw ' + str(ex)

print(greenlet(nested_parent).switch())
g2 = greenlet(f)
g2.switch()
