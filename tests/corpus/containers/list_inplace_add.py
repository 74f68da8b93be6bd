# list += any iterable extends the list in place (a tuple, dict, str, range, a generator that sleeps).
import time
def sleepy(n):
    for i in range(n):
        time.sleep(0.01)
        yield i
l = [1]
l += (2, 3)
l += {4: 0}
l += "ab"
l += range(2)
l += sleepy(2)
print(l)
m = l
m += [9]
print(l is m, l)
t = (1,)
try:
    t += [2]
except TypeError as e:
    print(e)
try:
    l += 5
except TypeError as e:
    print(e)
try:
    l + (1,)
except TypeError as e:
    print(e)
