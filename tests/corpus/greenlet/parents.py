from greenlet import greenlet, getcurrent

main = getcurrent()
print(main.parent, bool(main), main.dead)

def child():
    print('child parent is outer:', getcurrent().parent is outer_g)
    return 'child result'

def outer():
    c = greenlet(child)
    r = c.switch()
    print('outer got', r)
    c2 = greenlet(child, parent=main)
    c2.parent = getcurrent()
    return c2.switch()

outer_g = greenlet(outer)
print('main got', outer_g.switch())

a = greenlet(lambda: 'a')
b = greenlet(lambda: 'b', parent=a)
try:
    a.parent = b
except ValueError as e:
    print('ValueError', e)

class Counter(greenlet):
    def __init__(self, n):
        greenlet.__init__(self)
        self.n = n

    def run(self):
        for i in range(self.n):
            getcurrent().parent.switch(i)
        return 'end'

cnt = Counter(3)
print([cnt.switch() for _ in range(4)], cnt.dead)
print(greenlet(lambda *a, **k: (a, k)).switch(1, 2, x=3))
