from greenlet import greenlet, getcurrent

out = []

def ping():
    for i in range(3):
        out.append('ping %d' % i)
        y = pong_g.switch(i)
        out.append('ping got %r' % (y,))
    return 'ping done'

def pong(x):
    while True:
        out.append('pong got %r' % (x,))
        x = ping_g.switch(x * 10)

ping_g = greenlet(ping)
pong_g = greenlet(pong)
print(ping_g.switch())
print('\n'.join(out))
print(ping_g.dead, pong_g.dead, bool(pong_g))
