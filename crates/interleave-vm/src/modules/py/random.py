# `random`: CPython's Mersenne Twister, bit for bit. A program that never calls `seed()` is
# seeded from the run's seed, so every run with the same seed draws the same numbers.

import _random
from math import log as _log, exp as _exp, pi as _pi, e as _e
from math import sqrt as _sqrt, acos as _acos, cos as _cos, tau as TWOPI

# CPython's constants for gammavariate.
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)

__all__ = ['Random', 'betavariate', 'choice', 'choices', 'expovariate', 'gammavariate', 'gauss',
           'getrandbits', 'getstate', 'lognormvariate', 'normalvariate', 'paretovariate',
           'randbytes', 'randint', 'random', 'randrange', 'sample', 'seed', 'setstate', 'shuffle',
           'triangular', 'uniform', 'vonmisesvariate', 'weibullvariate']


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

    def getstate(self):
        core, gauss_next = _random.getstate(self._id)
        return self.VERSION, core, gauss_next

    def setstate(self, state):
        version = state[0]
        if version == 3:
            version, internalstate, gauss_next = state
            _random.setstate(self._id, internalstate, gauss_next)
        elif version == 2:
            version, internalstate, gauss_next = state
            try:
                internalstate = tuple(x % (2 ** 32) for x in internalstate)
            except ValueError as e:
                raise TypeError from e
            _random.setstate(self._id, internalstate, gauss_next)
        else:
            raise ValueError("state with version %s passed to "
                             "Random.setstate() of version %s" %
                             (version, self.VERSION))

    # The distributions below are CPython 3.11's, drawing from random() as it does.

    def triangular(self, low=0.0, high=1.0, mode=None):
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _sqrt(u * c)

    def lognormvariate(self, mu, sigma):
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        random = self.random
        if kappa <= 1e-6:
            return TWOPI * random()
        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)
        while True:
            u1 = random()
            z = _cos(_pi * u1)
            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        u3 = random()
        if u3 > 0.5:
            theta = (mu + _acos(f)) % TWOPI
        else:
            theta = (mu - _acos(f)) % TWOPI
        return theta

    def gammavariate(self, alpha, beta):
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')
        random = self.random
        if alpha > 1.0:
            ainv = _sqrt(2.0 * alpha - 1.0)
            bbb = alpha - LOG4
            ccc = alpha + ainv
            while True:
                u1 = random()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - random()
                v = _log(u1 / (1.0 - u1)) / ainv
                x = alpha * _exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                    return x * beta
        elif alpha == 1.0:
            return -_log(1.0 - random()) * beta
        else:
            while True:
                u = random()
                b = (_e + alpha) / _e
                p = b * u
                if p <= 1.0:
                    x = p ** (1.0 / alpha)
                else:
                    x = -_log((b - p) / alpha)
                u1 = random()
                if p > 1.0:
                    if u1 <= x ** (alpha - 1.0):
                        break
                elif u1 <= _exp(-x):
                    break
            return x * beta

    def betavariate(self, alpha, beta):
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        u = 1.0 - self.random()
        return alpha * (-_log(u)) ** (1.0 / beta)


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
getstate = _inst.getstate
setstate = _inst.setstate
triangular = _inst.triangular
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
