# bytes patterns over bytes, bytearray and memoryview subjects.
import re

p = re.compile(rb'(\w+)=(\d+)')
print(p, p.flags, p.findall(b'a=1 bb=22 c=x'))
m = p.search(b'  key=42 ')
print(m, m.group(1), m.groups(), m.span(), m.expand(rb'\2:\1'))
print(p.search(bytearray(b'x=5')).group(0), p.findall(bytearray(b'y=6 z=7')))
print(p.search(memoryview(b'q=9')).group(2), type(p.search(memoryview(b'q=9')).group(2)).__name__)
print(re.sub(rb'\s+', b' ', b'a  b\t\nc'), re.split(rb'[,;]', b'a,b;c'))
print(re.findall(rb'[\x80-\xff]+', b'abc\xe9\xff def'), re.match(rb'\xe9', b'\xe9'))
print(re.findall(rb'(?i)caf\xc9', b'CAF\xc9 caf\xe9'), re.findall(rb'\d', b'\xb2 1'))
print(re.sub(rb'(a)', lambda m: m.group(1).upper(), bytearray(b'banana')))
print(re.escape(b'\x00a.b\xff'), re.compile(re.escape(b'a.b')).match(b'a.b'))
print(re.fullmatch(rb'[^a]*', b'xyz'), re.search(rb'\bfoo\b', b'a foo b').span())
