from collections import deque, namedtuple, defaultdict, Counter, OrderedDict

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d, list(reversed(d)), d.count(7), d.index(7))
b = deque(maxlen=3)
for i in range(5):
    b.append(i)
print(b, b.maxlen, deque(), deque('ab') == deque(['a', 'b']))
try:
    deque().pop()
except IndexError as exc:
    print('IndexError', exc)

Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), list(p), p == (1, 2), p == Point(1, 2))
x, y = p
print(x + y, p._asdict(), p._replace(y=9), Point._fields, Point._make([3, 4]))
print(hash(p) == hash((1, 2)), sorted([Point(2, 1), Point(1, 5)]))
Emp = namedtuple('Emp', 'name dept salary', defaults=[0])
print(Emp('ann', 'dev'), Emp('bob', 'ops', 10))
try:
    Point(1)
except TypeError as exc:
    print('TypeError', exc)

dd = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    dd[k].append(v)
print(dd, dd['a'], dict(dd))
counts = defaultdict(int)
for w in "the cat the hat".split():
    counts[w] += 1
print(sorted(counts.items()))

c = Counter("abracadabra")
print(c, c['a'], c['z'], c.most_common(2))
c.update("aaz")
print(c.most_common(3), sorted(c.elements())[:6], c.total())
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))

od = OrderedDict()
od['x'] = 1
od['y'] = 2
od['z'] = 3
od.move_to_end('x')
print(od, list(od))
od.move_to_end('z', last=False)
print(od, od.popitem(), od.popitem(last=False), od)
