# collections: deque, namedtuple, defaultdict, Counter, OrderedDict.
from collections import deque, namedtuple, defaultdict, Counter, OrderedDict

q = deque([1, 2, 3])
q.append(4)
q.appendleft(0)
print(q, q.pop(), q.popleft(), q, len(q), q[0], q[-1])
q.rotate(1)
print(q)
q.extend([7, 8])
q.extendleft([-1, -2])
print(q, list(q))
window = deque(maxlen=3)
for i in range(6):
    window.append(i)
print(window, window.maxlen)

Point = namedtuple("Point", ["x", "y"])
p = Point(3, y=4)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), Point._fields, p == (3, 4))
x, y = p
print(x + y, isinstance(p, tuple), Point(*[1, 2]))
Card = namedtuple("Card", "rank suit")
print(Card("Q", "hearts"), repr(Card("2", "spades")))

groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(groups, dict(groups), groups["z"], len(groups))
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()))

c = Counter("abracadabra")
print(c, c.most_common(2), c["a"], c["z"])
c.update("aaz")
print(c.most_common(3), sum(c.values()), sorted(c.elements())[:6])
print(Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3) - Counter(a=1, b=1))
words = "the quick brown the lazy the end quick".split()
print(Counter(words).most_common())
od = OrderedDict()
od["z"] = 1
od["a"] = 2
od.move_to_end("z")
print(od, list(od), od.popitem(last=False))
