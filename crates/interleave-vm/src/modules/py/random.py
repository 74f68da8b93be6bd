# `random`: CPython's Mersenne Twister, bit for bit. A program that never calls `seed()` is
# seeded from the run's seed, so every run with the same seed draws the same numbers.

import _random

__all__ = ['Random', 'seed', 'random', 'uniform', 'randint', 'choice', 'sample', 'randrange',
           'shuffle', 'normalvariate', 'choices', 'gauss', 'getrandbits']


class Random:
    """Random number generator base class used by bound module functions."""

    VERSION = 3

    def __init__(self, x=None):
        self._id = _random.new(x)
        self.gauss_next = None

    def seed(self, a=None, version=2):
        _random.seed(self._id, a)

    def random(self):
        return _random.random(self._id)

    def getrandbits(self, k):
        return _random.getrandbits(self._id, k)

    def _randbelow(self, n):
        return _random.randbelow(self._id, n)

    def randrange(self, start, stop=None, step=1):
        return _random.randrange(self._id, start, stop, step)

    def randint(self, a, b):
        return _random.randrange(self._id, a, b + 1, 1)

    def choice(self, seq):
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[_random.randbelow(self._id, len(seq))]

    def shuffle(self, x):
        rid = self._id
        for i in reversed(range(1, len(x))):
            j = _random.randbelow(rid, i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        if isinstance(population, (set, frozenset, dict)):
            raise TypeError('Population must be a sequence.  For dicts or sets, use sorted(d).')
        if counts is not None:
            expanded = []
            for item, count in zip(population, counts):
                expanded.extend([item] * count)
            population = expanded
        return [population[i] for i in _random.sample(self._id, len(population), k)]

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        n = len(population)
        if cum_weights is None:
            if weights is None:
                return [population[i] for i in _random.choices(self._id, n, k)]
            cum_weights = []
            total = 0
            for w in weights:
                total = total + w
                cum_weights.append(total)
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the population')
        return [population[i] for i in _random.choices_cum(self._id, cum_weights, k)]

    def uniform(self, a, b):
        return _random.uniform(self._id, a, b)

    def gauss(self, mu=0.0, sigma=1.0):
        return _random.gauss(self._id, mu, sigma)

    def normalvariate(self, mu=0.0, sigma=1.0):
        return _random.normalvariate(self._id, mu, sigma)

    def randbytes(self, n):
        return self.getrandbits(n * 8).to_bytes(n, 'little')


_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
gauss = _inst.gauss
getrandbits = _inst.getrandbits
randbytes = _inst.randbytes
