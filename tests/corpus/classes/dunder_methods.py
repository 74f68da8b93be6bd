# Dunder methods: __init__ __str__ __repr__ __eq__ __lt__ __hash__ __len__ __getitem__
# __iter__ __next__ __call__ __add__ __contains__ __bool__, with functools.total_ordering.
import functools

@functools.total_ordering
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __lt__(self, other):
        return self.cents < other.cents
    def __hash__(self):
        return hash(self.cents)
    def __add__(self, other):
        return Money(self.cents + other.cents)
    def __radd__(self, other):
        return self if other == 0 else NotImplemented
    def __bool__(self):
        return self.cents != 0

prices = [Money(250), Money(99), Money(1000), Money(99)]
print(prices, [str(p) for p in prices])
print(sorted(prices), max(prices), min(prices), sum(prices))
print(Money(5) == Money(5), Money(5) != Money(6), Money(5) <= Money(5), Money(7) > Money(6))
print(len({Money(1), Money(1), Money(2)}), bool(Money(0)), bool(Money(1)))
print(f"{Money(123)}", "%s / %r" % (Money(5), Money(5)), str([Money(1)]))

class Deck:
    def __init__(self, cards):
        self.cards = list(cards)
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, index):
        return self.cards[index]
    def __contains__(self, card):
        return card in self.cards

deck = Deck("A23456789TJQK")
print(len(deck), deck[0], deck[-1], deck[2:5], "Q" in deck, "Z" in deck)
print(list(reversed(deck))[:3], [c for c in deck][:4])

class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(5)), sum(Countdown(4)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))

class Polynomial:
    def __init__(self, *coeffs):
        self.coeffs = coeffs
    def __call__(self, x):
        return sum(c * x ** i for i, c in enumerate(self.coeffs))
    def __repr__(self):
        return " + ".join(f"{c}x^{i}" for i, c in enumerate(self.coeffs))

p = Polynomial(1, 2, 3)
print(p, p(0), p(2), callable(p), callable(5))

class Plain:
    pass
print(Plain() == Plain(), repr(Plain()).startswith("<__main__.Plain object at 0x"))
