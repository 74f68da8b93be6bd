# random with a fixed seed: CPython's Mersenne Twister sequence must be reproduced exactly.
import random

random.seed(1)
print(random.random(), random.random())
print([random.randint(1, 6) for _ in range(10)])
print(random.randrange(100), random.randrange(10, 20, 3), random.uniform(1, 2))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.choice("abcdef"), random.sample(range(100), 5), random.choices("xyz", k=6))
print(random.getrandbits(40), round(random.gauss(0, 1), 12))
random.seed(1)
print(random.random())
rng = random.Random(42)
print(rng.randint(0, 1000), rng.random())
random.seed("text seed")
print(random.randint(0, 10 ** 6))
