# Defaults, keyword arguments, *args, **kwargs, keyword-only and positional-only parameters.
def greet(name, greeting="Hello", punctuation="!"):
    return f"{greeting}, {name}{punctuation}"

print(greet("Ann"), greet("Bo", "Hi"), greet("Cy", punctuation="?"), greet(greeting="Yo", name="Di"))

def collect(*args, **kwargs):
    return args, kwargs

print(collect(), collect(1, 2), collect(a=1), collect(1, b=2, c=3))

def kwonly(a, *, b, c=3):
    return a, b, c

print(kwonly(1, b=2), kwonly(1, c=4, b=5))

def posonly(a, b, /, c):
    return a + b + c

print(posonly(1, 2, 3), posonly(1, 2, c=3))

def mutable_default(item, bucket=[]):
    bucket.append(item)
    return bucket

print(mutable_default(1), mutable_default(2))
print(greet(*["Eve"], **{"greeting": "Hey"}))

def full(a, b=2, *rest, key="k", **extra):
    print(a, b, rest, key, extra)

full(1)
full(1, 3, 5, 7, key="z", w=0)
for call in [lambda: greet(), lambda: greet("a", name="b"), lambda: kwonly(1, 2),
             lambda: posonly(a=1, b=2, c=3), lambda: greet("a", bad=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

def annotated(x: int, y: str = "s") -> str:
    """Docstring here."""
    return y * x

print(annotated(3), annotated.__doc__)
