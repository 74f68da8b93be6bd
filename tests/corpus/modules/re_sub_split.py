# sub/subn with templates and callables, split with groups and empty matches, findall and
# finditer edge cases.
import re

print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, foo bar'))
print(re.sub(r'(?P<a>\d)', r'<\g<a>\g<1>\g<0>>', 'x1y2'))
print(re.sub(r'a', r'\n\t\\', 'bab'), repr(re.sub('a', '\\\\x', 'a')))
print(re.sub('(a)|b', r'[\1]', 'ab'))
print(re.subn(r'\d', '#', 'a1b2c3'), re.subn(r'\d', '#', 'a1b2c3', 2), re.subn('x', 'y', 'abc'))
print(re.sub(r'\d', '#', 'a1b2c3', count=1), re.sub('', '-', 'abc'), re.sub('x*', '-', 'abxd'))
print(re.sub(r'\w+', lambda m: m.group().upper() + str(m.start()), 'ab cd'))
print(re.sub(r'\w', lambda m: None if m.group() == 'b' else '.', 'abc'.replace('', '')))
print(re.sub(b'a', b'\\n', b'cat'), re.sub(rb'(\w)', rb'\1\1', b'ab'))
print(re.sub('a', 'b', 'aaa', -1), re.sub(re.compile('A', re.I), 'x', 'aA'))
print(re.sub(r'(?i)b+', 'X', 'abBbc'), re.sub(r'$', '!', 'ab\n'), re.sub(r'(?m)^', '> ', 'a\nb'))
print(re.compile(r'o').sub('0', 'foo boo', 3), re.compile('(o)').subn(r'[\1]', 'foo'))
print(re.sub(r'(\d+)', lambda m: str(int(m.group(1)) * 2), 'a10 b7'))
print(re.sub('é', 'e', 'café é'), re.sub(r'\s+', ' ', '  a \t b\n c  '))
for tpl in [r'\3', r'\g<x>', r'\g<1', r'\g<-1>', r'\g<>', r'\9', '\\', r'\g<1a>', r'\q']:
    try:
        print(repr(tpl), re.sub(r'(a)', tpl, 'a'))
    except (re.error, IndexError) as e:
        print(repr(tpl), type(e).__name__, e)
try:
    re.sub('a', lambda m: 5, 'a')
except TypeError as e:
    print('TypeError', e)
try:
    re.sub('a', b'x', 'a')
except TypeError as e:
    print('TypeError', e)
print(re.split(r',', 'a,b,,c'), re.split(r'(,)', 'a,b,,c'), re.split(r'(,)|(;)', 'a,b;c'))
print(re.split(r'\s*', 'a b  c'), re.split(r'x*', 'axbxc'), re.split(r'(x*)', 'axb'))
print(re.split(r'\b', 'ab cd'), re.split(r'(?=b)', 'abab'), re.split(r'^', 'a\nb', flags=re.M))
print(re.split(r',', 'a,b,c,d', 2), re.split(r',', 'a,b', maxsplit=-1), re.split('x', ''))
print(re.split(r'', 'abc'), re.split(rb'-', b'a-b'), re.split(r'(a)(b)?', 'xaybz'))
print(re.findall(r'', 'ab'), re.findall(r'a*', 'baaac'), re.findall(r'(a)(b)?', 'abac'))
print(re.findall(r'\b\w', 'ab cd'), re.findall(r'(?:a|)b?', 'abab'), re.findall(r'x*|b', 'abc'))
print(re.findall(r'(a)|(b)', 'ab'), re.findall(rb'\d', b'a1b2'), re.findall(r'$|a', 'aa'))
print([(m.span(), m.group()) for m in re.finditer(r'a*|b', 'baac')])
print([m.span() for m in re.finditer(r'(?=a)|a', 'aa')], [m.span() for m in re.finditer(r'\B', 'abc')])
print([m.group() for m in re.finditer(r'\w+', 'the cat sat')])
print(re.escape('a.b*c?d+e(f)g[h]i{j}k|l^m$n\\o p#q\tr-s&t~u'), re.escape(b'a.b'), re.escape('é_1'))
print(re.fullmatch(r'\d+', '123'), re.fullmatch(r'\d+', '123a'), re.fullmatch(r'a|ab', 'ab'))
print(re.match(r'(a+)+$', 'aaaaaaaaaaaaaaaa!'), re.purge(), len(re.findall(r'.', 'x' * 5000)))
text = 'From: alice@example.com\nTo: bob@example.org, carol@ex.net\nSubject: hi'
print(re.findall(r'[\w.]+@([\w.]+)', text), re.findall(r'^(\w+):', text, re.M))
words = re.findall(r"[a-z']+", "It's a truth universally acknowledged, that a single man".lower())
print(words, sorted(set(words))[:3])
