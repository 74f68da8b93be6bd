import copy
import io
import string
import sys

print(string.ascii_lowercase, string.digits, string.punctuation, string.capwords('hello big world'))
print(repr(string.whitespace), len(string.printable), string.hexdigits)

a = [[1, 2], {'k': [3]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[0].append(99)
print(b[0], c[0], b is a, c[1] == a[1], c[1] is a[1])


class Box:
    def __init__(self, items):
        self.items = items


x = Box([1])
y = copy.copy(x)
z = copy.deepcopy(x)
x.items.append(2)
print(y.items, z.items, type(z).__name__)

s = io.StringIO()
s.write('line 1\n')
print('line 2', file=s)
print(repr(s.getvalue()))
r = io.StringIO('a\nb\nc')
print(r.readline(), r.read(), r.tell())
r.seek(0)
print(r.readlines())
old = sys.stdout
sys.stdout = buf = io.StringIO()
print('captured')
sys.stdout = old
print('got', repr(buf.getvalue()))
