# Malformed patterns: re.error's msg, pos, lineno, colno and str(); type errors of arguments.
import re

bad = [
    '(abc', 'abc)', '[abc', '[z-a]', 'a**', '*a', '+', 'a{3,2}', '(?P<1x>a)', '(?P<a>x)(?P<a>y)',
    '(?P=nope)', r'\1', r'(a)\2', '(?<=a+)b', '(?<=a|bc)d', '(?z)', '(?', '(?P', '(?P<', '(?P<a',
    r'\p', r'\x4', r'\u12', r'\U1234567', r'\N{NOT A NAME}', r'\N', '(?i', '(?-)', '(?i-i:a)',
    'a{99999999999}', r'[\d-z]', '(?(1a)b)', '(?(0)a)', '(?(2)a)(b)', 'x(?i)y', '(?<!a{1,3})b',
    'ab\ncd)', 'a\n(?x', '[\\', '\\', '(?#abc', '(?P>a)', '(?x)(?#', '((?P<n>a)', 'a{1,2', '[a-\\d]',
    '(?a)(?u)x', '(?L)x', b'(?u)x', b'\\u1234',
]
for p in bad:
    try:
        re.compile(p)
        print(repr(p), 'compiled')
    except re.error as e:
        print(repr(p), '|', e.msg, '|', e.pos, e.lineno, e.colno, '|', e, '|', e.pattern == p)
    except (ValueError, OverflowError, NotImplementedError) as e:
        print(repr(p), type(e).__name__, e)
for args in [(5, 'a'), ('a', 5), (b'a', 'a'), ('a', b'a'), ('a', ['a'])]:
    try:
        re.search(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print('ValueError', e)
print(re.compile(re.compile('a')) is re.compile('a'), re.error.__name__, re.error.__module__)
print(issubclass(re.error, Exception), re.error('boom'), re.error('m', 'pat', 2))
e = re.error('msg', 'ab\ncd', 4)
print(e.msg, e.pos, e.lineno, e.colno, str(e))
e = re.error('msg', b'ab\ncd', 1)
print(e.lineno, e.colno, str(e))
