# Pattern and Match objects: methods, attributes, reprs, copying, equality and hashing.
import copy
import re

p = re.compile(r'(?P<key>\w+)=(?P<value>\d+)?(;)?')
print(p, repr(p.pattern), p.flags, p.groups, p.groupindex, type(p.groupindex).__name__)
print(type(p), type(p).__name__, re.Pattern is type(p), re.Match)
m = p.search('  a=1; b=')
print(m)
print(m.group(), m.group(0), m.group(1), m.group('key'), m.group(1, 'value', 3))
print(m[0], m['value'], m[2], m.groups(), m.groups('-'), m.groupdict(), m.groupdict(0))
print(m.start(), m.end(), m.span(), m.start('value'), m.span(3), m.regs)
print(m.pos, m.endpos, m.lastindex, m.lastgroup, m.re is p, m.string)
m2 = p.search('  a=1; b=', 6)
print(m2, m2.groups(), m2.span(2), m2.start(2), m2.lastindex, m2.lastgroup)
print(copy.copy(m) is m, copy.deepcopy(m) is m, copy.copy(p) is p, copy.deepcopy(p) is p)
print(bool(m), m.expand(r'<\g<key>:\2:\g<0>>'), m.expand(r'\1\n\\'))
for bad in [5, -1, 'nope', 1.5, None]:
    try:
        m.group(bad)
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
try:
    m.start(9)
except IndexError as e:
    print('IndexError', e)
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I),
      re.compile('a') != re.compile('b'), hash(re.compile('ab')) == hash(re.compile('ab')))
print({re.compile('x'): 1}[re.compile('x')])
print(re.compile('a' * 300))
print(re.compile('x', re.I | re.M | re.S | re.X | re.A), re.compile(b'x', re.I), re.compile('x', re.U))
print(re.compile('(?i)x'), re.compile('x', 1 << 12 | re.I))
print(re.match('.*', 'x' * 100))
print(re.match(b'a+', b'aaa'), re.match('', ''), re.search('$', 'ab'))
# pos and endpos
q = re.compile(r'\w+')
print(q.match('ab cd', 3), q.match('ab cd', 2), q.search('ab cd', 1, 4), q.fullmatch('ab cd', 3))
print(q.fullmatch('ab cd', 0, 2), q.findall('ab cd ef', 1, 7), q.search('abc', -5, 99))
print(re.compile('^a').search('ba', 1), re.compile('a$').search('ab', 0, 1), q.match('abc', 2, 1))
m3 = q.search('hello world', 2, 8)
print(m3, m3.pos, m3.endpos, q.search('hi', 5, 100).pos if q.search('hi', 5, 100) else None)
print(list(q.finditer('one two three', 4)), [x.span() for x in q.finditer('a bb ccc', 0, 5)])
# scanner
sc = q.scanner('ab cd  ef')
print(sc.match(), sc.search(), sc.search(), sc.search(), sc.match(), sc.pattern is q)
sc = re.compile(r'\d').scanner('12a3')
print(sc.match(), sc.match(), sc.match(), sc.match())
# groups that did not take part, nested and repeated
m = re.match(r'(a)(?:(b)|(c))*(d)?', 'abcb')
print(m.groups(), m.regs, m.lastindex, m.span(3), m.group(4))
m = re.match(r'((a)|(b))+', 'ab')
print(m.groups(), m.lastindex)
m = re.match(r'(?P<outer>(?P<inner>x))y', 'xy')
print(m.lastgroup, m.lastindex, m.groupdict())
