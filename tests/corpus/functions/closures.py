# Closures, nonlocal, global, late binding and counters built from closures.
def make_counter():
    count = 0
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(5), c2())

def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]

print([m(10) for m in make_multipliers()])

total = 100
def spend(amount):
    global total
    total -= amount
    return total

print(spend(30), spend(20), total)

def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    return middle(), x

print(outer())

def accumulate():
    items = []
    def add(item):
        items.append(item)
        return list(items)
    return add

add = accumulate()
add("a")
print(add("b"))

def read_before_assign():
    try:
        print(value)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    value = 1
    return value

value = "global"
print(read_before_assign())
print(make_counter.__name__, c1.__name__)
