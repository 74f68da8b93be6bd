# str.format and str.format_map.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __str__(self):
        return "P"

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

p = Point(1, 2)
print("{} + {} = {}".format(1, 2, 3))
print("{0}{1}{0}".format("ab", "cd"))
print("{name} is {age}".format(name="Ann", age=30))
print("{0.x},{0.y} {p.x}".format(p, p=p))
print("{0[1]} {d[key]} {d[k2][0]}".format([10, 20], d={"key": "v", "k2": "w"}))
print("{!r} {!s} {!a}".format(p, p, "é"))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:08.3f} {:,} {:x} {:#b} {:e} {:%}".format(3.14159, 1234567, 255, 5, 12345.678, 0.25))
print("{:{w}.{p}f}".format(3.14159, w=10, p=2))
print("{0:{1}}|".format("x", 5))
print("{{literal}} {}".format(1))
print("{0!r:>10}".format("a"))
print("{:*^11}".format("mid"))
print("{}".format(None), "{}".format([1, "a"]), "{}".format({"a": 1}), "{}".format(True), "{:d}".format(True))
print("{a}-{b}".format_map({"a": 1, "b": 2}))
show("missing index", lambda: "{} {}".format(1))
show("switch", lambda: "{0} {}".format(1, 2))
show("switch2", lambda: "{} {0}".format(1, 2))
show("missing key", lambda: "{a}".format())
show("single {", lambda: "{".format())
show("single }", lambda: "}".format())
show("bad attr", lambda: "{0.z}".format(p))
show("bad index", lambda: "{0[5]}".format([]))
show("bad conversion", lambda: "{!x}".format(1))
show("bad spec", lambda: "{:d}".format("a"))
show("format_map positional", lambda: "{0}".format_map({}))
show("format_map type", lambda: "{a}".format_map(1))
show("recursion", lambda: "{:{:{}}}".format(1, 2, 3))
show("missing ]", lambda: "{0[}".format([1]))
