# Core builtins: len, range, enumerate, zip, map, filter, sorted, reversed, min, max, sum,
# abs, round, divmod, pow, isinstance, issubclass, hasattr, getattr, setattr, repr, type, id, hash.
print(len("abc"), len([1, 2]), len({}), len(range(0, 10, 3)))
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -4)), range(3), range(1, 9, 2))
print(list(enumerate("ab")), list(enumerate("ab", start=10)))
print(list(zip([1, 2, 3], "ab")), list(zip()), dict(zip("xy", [1, 2])))
print(list(map(str.upper, ["a", "b"])), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(list(filter(None, [0, 1, "", "x", None])), list(filter(lambda n: n % 2, range(6))))
print(sorted([3, 1, 2]), sorted("bca", reverse=True), sorted([(2, "b"), (1, "z"), (2, "a")]))
print(list(reversed([1, 2, 3])), list(reversed(range(3))), "".join(reversed("abc")))
print(min(3, 1, 2), max([4, 9, 2]), min("bca"), max([], default="empty"), min([5, -6], key=abs))
print(max({"a": 3, "b": 7}, key=lambda k: {"a": 3, "b": 7}[k]))
print(sum([1, 2, 3]), sum([0.5, 0.25]), sum([[1], [2]], []), sum(range(10), 100))
print(abs(-3), abs(-2.5), round(7.25, 1), round(7.35, 1), divmod(17, 5), divmod(-17, 5))
print(pow(3, 3), pow(2, 0.5), pow(10, -2), pow(5, 3, 7))
print(isinstance(3, int), isinstance(True, int), isinstance("s", (int, str)), isinstance(3.0, int))
print(issubclass(bool, int), issubclass(int, (str, float)), issubclass(KeyError, LookupError))

class Thing:
    size = 3

t = Thing()
setattr(t, "color", "red")
print(hasattr(t, "color"), getattr(t, "color"), getattr(t, "weight", "n/a"), getattr(t, "size"))
print(repr("x"), repr(1.0), repr(None), repr([1, "a"]), str(b"x"), repr(b"\x00a"))
print(type(1), type("s"), type([]), type(None), type(Thing), type(t).__name__, type(len))
print(int("7") + 1, float("2.5"), bool(""), bool("0"), bool([]), bool(0.0), bool(-1))
print(list("ab"), list((1, 2)), dict(a=1), set("aa"), tuple([1, 2]), str(12.0))
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]), a is b)
print(hash(1) == hash(1.0), hash(-1), hash(0), hash(2 ** 61), hash(True), hash((1, 2)))
print(hash("interleave"), hash("") == 0)
it = iter([1, 2])
print(next(it), next(it), next(it, "stop"))
print(any([]), all([]), any([0, 0, 1]), all([1, 2, 0]))
print(chr(65), chr(0x263A), ord("a"), ord("€"), ascii("ü"), bin(5), hex(255), oct(8))
print(callable(len), callable("s"), format(3.14159, ".2f"), int(True), float(False))
print(sorted({3: "c", 1: "a"}), list({"k": 1}), len(dir(t)) > 0)
