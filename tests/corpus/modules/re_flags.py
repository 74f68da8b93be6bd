# Flags and case-insensitive matching, including non-ASCII case folding.
import re

print(int(re.I), int(re.M), int(re.S), int(re.X), int(re.A), int(re.U), int(re.L), int(re.DEBUG))
print(int(re.IGNORECASE | re.MULTILINE), re.compile('x', re.I | re.S).flags, re.compile(b'x').flags)
def test(p, s, flags=0):
    print(repr(p), repr(s), [m.group() for m in re.finditer(p, s, flags)])

test('s', 'sSſ', re.I)              # long s folds to s
test('k', 'kK\u212a', re.I)         # Kelvin sign
test('\u212a', 'kK', re.I)
test('[a-z]+', 'ſK\u212a', re.I)
test('[a-z]+', 'ſK\u212a', re.I | re.A)
test('i', 'iIİı', re.I)             # Turkish dotted and dotless i
test('İ', 'iIİı', re.I)
test('ı', 'iIİı', re.I)
test('σ', 'σςΣ', re.I)              # Greek sigma, final sigma
test('ς', 'ΣσΣ', re.I)
test('[σ]', 'σςΣ', re.I)
test('µ', 'µμΜ', re.I)              # micro sign and mu
test('ß', 'ßẞSS', re.I)
test('ǆ', 'ǄǅǆDŽ', re.I)
test('[à-ÿ]+', 'ÀÉÎõü', re.I)
test('straße', 'STRASSE Straße', re.I)
test(r'\w+', 'naïve café 123 ٣', 0)
test(r'\w+', 'naïve café 123 ٣', re.A)
test(r'\d+', '12 ٣٤ ５', 0)
test(r'\d+', '12 ٣٤ ５', re.A)
test(r'\s+', 'a \u00a0\u2003b\x1cc', 0)
test(r'\s+', 'a \u00a0\u2003b\x1cc', re.A)
test(r'\bé\b', 'é', 0)
test(r'\bé\b', 'é', re.A)
test(r'^\w', 'ab\ncd', re.M)
test(r'\w$', 'ab\ncd\n', re.M)
test(r'\w$', 'ab\ncd\n', 0)
test(r'.', 'a\nb', re.S)
test(rb'[a-z]+', b'abc\xe9DEF', re.I)
test(rb'\w+', b'caf\xe9 x', 0)
test(rb'(?i)\xe9', b'\xc9\xe9', 0)
for bad in [(r'\w', re.A | re.U), (rb'\w', re.U), (r'x', re.L)]:
    try:
        re.compile(*bad)
    except ValueError as e:
        print('ValueError:', e)
print(re.compile(r'(?L)\w', 0).flags if False else re.compile(rb'(?L)\w').flags)
print(re.compile('(?i)x').flags, re.compile('(?a)x').flags, re.compile('(?x)x').flags)
print(re.compile('(?imsx)x').pattern, re.compile('(?imsx)x').flags)
