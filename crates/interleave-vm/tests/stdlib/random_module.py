import random

random.seed(1)
print(random.random(), random.random())
print([random.randint(1, 6) for _ in range(10)])
print(random.randrange(10), random.randrange(0, 100, 5), random.choice(['a', 'b', 'c']))
items = list(range(10))
random.shuffle(items)
print(items)
print(random.sample(range(100), 5), random.sample('abcdefgh', 3))
print(random.choices('abc', k=5), random.choices('abc', weights=[1, 0, 5], k=4))
print(random.uniform(1, 10), random.gauss(0, 1), random.gauss(0, 1), random.getrandbits(40))
random.seed('hello')
print(random.random())
r = random.Random(42)
print(r.random(), r.randint(0, 1000))
r2 = random.Random(42)
print(r2.random() == random.Random(42).random())
random.seed(12345)
print([round(random.random(), 6) for _ in range(3)])
x = random.random()
print(type(x).__name__, 0 <= x < 1)
checks = [
    ('random.choice([])', lambda: random.choice([])),
    ('random.randrange(0)', lambda: random.randrange(0)),
    ('random.randint(5, 1)', lambda: random.randint(5, 1)),
    ('random.sample([1, 2], 3)', lambda: random.sample([1, 2], 3)),
    ('random.sample({1, 2}, 1)', lambda: random.sample({1, 2}, 1)),
    ('random.getrandbits(-1)', lambda: random.getrandbits(-1)),
]
for label, thunk in checks:
    try:
        print(thunk())
    except Exception as exc:
        print(label, '->', type(exc).__name__, exc)
