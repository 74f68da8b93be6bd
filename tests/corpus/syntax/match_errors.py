# The TypeErrors and ValueErrors CPython raises while matching class and mapping patterns,
# and the names a partly successful match leaves bound.


class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["a"]


class NotStrings:
    __match_args__ = ("a", 2)
    a = 1


class Twice:
    __match_args__ = ("a",)
    a = 1


class Key:
    A = "k"
    B = "k"


def attempt(label, fn):
    try:
        print(label, "->", fn())
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)


def positional_on_plain_class():
    match NoArgs():
        case NoArgs(x):
            return x


def match_args_not_tuple():
    match BadArgs():
        case BadArgs(x):
            return x


def match_args_not_str():
    match NotStrings():
        case NotStrings(a, b):
            return a, b


def same_attribute_twice():
    match Twice():
        case Twice(x, a=y):
            return x, y


def builtin_too_many():
    match 5:
        case int(x, y):
            return x, y


def not_a_type():
    pattern = len
    match 5:
        case pattern():
            return "?"


def duplicate_keys():
    match {"k": 1, "j": 2}:
        case {Key.A: 1, Key.B: 2}:
            return "?"


def wrong_type_is_not_an_error():
    match "text":
        case NoArgs(x):
            return x
        case int(x):
            return x
    return "no match"


for name, fn in list(globals().items()):
    if callable(fn) and name not in ("attempt", "NoArgs", "BadArgs", "NotStrings", "Twice", "Key"):
        attempt(name, fn)

# A failed case may leave some of its captures bound (CPython stores them only on success,
# but a guard runs after the stores).
match [1, 2]:
    case [first, second] if first > second:
        print("descending")
    case _:
        print("not descending; first =", first, "second =", second)
