# Regular-expression syntax: classes, escapes, quantifiers, groups, lookaround, backreferences,
# conditionals, inline and scoped flags, VERBOSE.
import re

def show(pattern, text, flags=0):
    m = re.search(pattern, text, flags)
    if m is None:
        print(repr(pattern), 'None')
    else:
        print(repr(pattern), m.span(), repr(m.group()), m.groups())

cases = [
    (r'[abc]+', 'xxbcaby'), (r'[^abc]+', 'abcxyzabc'), (r'[a-f0-3]+', 'zzfe01249'),
    (r'[\d\s]+', 'ab 12 \t3x'), (r'[\w.-]+@[\w.-]+', 'mail me: a.b-c@ex.org!'),
    (r'[]a]+', 'x]a]b'), (r'[^]]+', ']]abc]'), (r'[\]\\]+', 'a]\\]b'), (r'[a\-z]+', 'b-az'),
    (r'\x41\u00e9\U0001F600\101\0', 'Aé\U0001F600A\x00'), (r'\n\t\\\.', 'a\n\t\\.'),
    (r'\d+\D+\s+\S+\w+\W+', '12ab  cd_e!!'), (r'\bfoo\b', 'a foo b'), (r'\Bfoo\B', 'afoob'),
    (r'\Aab', 'abab'), (r'ab\Z', 'abab'), (r'ab$', 'ab\n'), (r'ab\Z', 'ab\n'),
    (r'a*', 'aaab'), (r'a+?', 'aaa'), (r'a*?b', 'aaab'), (r'a{2}', 'aaaa'), (r'a{2,}', 'aaaaa'),
    (r'a{,2}', 'aaaa'), (r'a{2,3}?', 'aaaa'), (r'a{1,3}b', 'aaaab'), (r'x{2}y{0}z', 'xxz'),
    (r'a{', 'a{'), (r'a{1,x}', 'a{1,x}'), (r'a*+a', 'aaa'), (r'a++b', 'aaab'), (r'a?+a', 'a'),
    (r'a{1,2}+a', 'aaa'), (r'(?:ab)++c', 'ababc'), (r'(?>a|ab)c', 'abc'), (r'(?>ab|a)c', 'abc'),
    (r'(a)(b)?(c)', 'ac'), (r'(?:a(b))+', 'abab'), (r'(a|b)+', 'abba'), (r'((a)|b)+', 'ab'),
    (r'(?P<word>\w+) (?P=word)', 'hey hey you'), (r'(\w)\1', 'abccd'), (r'(?i)(a)\1', 'aA'),
    (r'(a)|b', 'b'), (r'(?=abc)ab', 'xabc'), (r'(?!abc)ab', 'abcabd'), (r'(?<=\$)\d+', 'cost $42'),
    (r'(?<!\$)\b\d+', '$42 17'), (r'(?<=ab|cd)x', 'cdx'), (r'(?<=(a))b', 'ab'),
    (r'(<)?\w+(?(1)>|$)', '<abc>'), (r'(<)?\w+(?(1)>|$)', 'abc'), (r'(?P<q>")?\w+(?(q)")', '"hi"'),
    (r'(?i)hello', 'HeLLo'), (r'(?i:a)b', 'Ab'), (r'(?i:a)b', 'AB'), (r'a(?-i:b)', 'AB'),
    (r'(?s).+', 'a\nb'), (r'.+', 'a\nb'), (r'(?m)^b$', 'a\nb\nc'), (r'^b$', 'a\nb\nc'),
    (r'(?x) a  b # comment', 'ab'), (r'(?x)[ ]a', ' a'), (r'(?a)\w+', 'héllo'), (r'\w+', 'héllo'),
    (r'(?a:\w+)é', 'abé'), (r'(?#comment)x', 'x'), (r'a|b|c', 'c'), (r'|a', 'a'), (r'', 'abc'),
    (r'(a*)*', 'aaa'), (r'(a*)+', 'b'), (r'(a|ab)(c|bcd)(d*)', 'abcd'), (r'(.*?)(\d+)', 'ab12'),
    (r'^(\w+)@(\w+)\.com$', 'joe@example.com'), (r'(?:(?:a|b)*c){2}', 'abcbac'),
    (r'\N{LATIN SMALL LETTER A}\N{em dash}+', 'xa——'), (r'[\N{GREEK SMALL LETTER ALPHA}-\N{GREEK SMALL LETTER GAMMA}]+', 'αβγδ'),
    (r'[\s\S]+?;', 'x\ny;z;'), (r'\d{3}-\d{4}', 'call 555-1234 now'), (r'[^\W\d]+', '12ab_3'),
]
for p, t in cases:
    show(p, t)

verbose = re.compile(r"""
    (?P<year>\d{4})   # year
    -
    (?P<month>\d\d)   # month
    -(?P<day>\d\d)    # day
""", re.VERBOSE)
print(verbose.match('2024-02-29').groupdict())
print(re.findall(r'(?i)[a-c]+', 'xAbCdaB'))
print(re.findall(r'[^a-c]+', 'xAbCdaB', re.I))
