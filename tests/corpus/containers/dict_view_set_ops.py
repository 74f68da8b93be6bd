d = {"a": 1, "b": 2, "c": 3}
e = {"b": 20, "c": 30, "d": 40}
print(d.keys() & e.keys(), d.keys() | e.keys(), d.keys() - e.keys(), d.keys() ^ e.keys())
print(d.keys() & {"a", "zz"}, {"a", "zz"} & d.keys(), ["c", "a", "q"] & d.keys())
print(d.items() & {("a", 1), ("b", 3)}, d.items() - {("a", 1)}, d.keys() - ["a"])
print(["x", "a"] - d.keys(), d.keys() | ["z"], ("q",) | d.keys())
s = d.keys()
s &= {"a"}
print(s, type(s).__name__)
try:
    d.values() & {1}
except TypeError as err:
    print("TypeError", err)
try:
    d.keys() & 5
except TypeError as err:
    print("TypeError", err)
try:
    d.keys() & [[1]]
except TypeError as err:
    print("TypeError", err)
