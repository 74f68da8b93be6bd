import random
random.seed(2024)
print(random.triangular(0, 10), random.triangular(1, 3, 2.5), random.triangular(2, 2, 2))
print(random.expovariate(0.5), random.lognormvariate(0, 0.5))
print(random.gammavariate(0.5, 2), random.gammavariate(1.0, 2), random.gammavariate(3, 1))
print(random.betavariate(2, 5), random.paretovariate(3), random.weibullvariate(1, 1.5))
print(random.vonmisesvariate(0, 4), random.vonmisesvariate(1, 0))
state = random.getstate()
print(state[0], len(state[1]), state[2])
first = [random.random() for _ in range(3)]
random.setstate(state)
print(first == [random.random() for _ in range(3)])
g = random.gauss(0, 1)
st = random.getstate()
print(type(st[2]).__name__)
a = random.gauss(0, 1)
random.setstate(st)
print(a == random.gauss(0, 1))
r = random.Random(5)
r2 = random.Random()
r2.setstate(r.getstate())
print(r.random() == r2.random(), r.expovariate(1) == r2.expovariate(1))
try:
    random.gammavariate(0, 1)
except ValueError as e:
    print("ValueError", e)
try:
    random.setstate((9, (), None))
except ValueError as e:
    print("ValueError", e)
arrivals = []
t = 0.0
for i in range(5):
    t += random.expovariate(2.0)
    arrivals.append(round(t, 4))
print(arrivals)
print(callable(random.weibullvariate))
