# Generates src/unicode_db.rs from python3 (CPython 3.11 = Unicode 14.0).
# Run from a scratch directory holding rust_case.txt, the output of tools/dump_rust_case.rs
# (rustc -O dump_rust_case.rs && ./dump_rust_case > rust_case.txt); it writes unicode_db.rs there.
import unicodedata
def ranges_of(cps):
    out=[]; 
    for cp in cps:
        if out and out[-1][1]==cp-1: out[-1][1]=cp
        else: out.append([cp,cp])
    return out
ALL=[cp for cp in range(0x110000)]
def chars(pred): return [cp for cp in ALL if pred(chr(cp))]
def cased(c):
    t=(c+'a').title(); return t[-1]=='a'
def ignorable(c):
    return ('AΣ'+c+'a').lower()[2 if len(('AΣ'+c+'a').lower())==4 else None] if False else None
def ci(c):
    a=('AΣ'+c).lower(); b=('AΣ'+c+'a').lower()
    return a[1]=='ς' and b[1]=='σ'
tables = [
 ('PRINTABLE','characters `str.isprintable` accepts', chars(lambda c: c.isprintable())),
 ('ALPHA','letters (categories Lu Ll Lt Lm Lo), `str.isalpha`', chars(lambda c: c.isalpha())),
 ('DECIMAL','decimal digits (category Nd), `str.isdecimal`', chars(lambda c: c.isdecimal())),
 ('DIGIT','characters with a digit value, `str.isdigit`', chars(lambda c: c.isdigit())),
 ('NUMERIC','characters with a numeric value, `str.isnumeric`', chars(lambda c: c.isnumeric())),
 ('LOWERCASE','the Lowercase property', chars(lambda c: c.islower())),
 ('UPPERCASE','the Uppercase property', chars(lambda c: c.isupper())),
 ('TITLECASE','titlecase letters (category Lt)', chars(lambda c: c.istitle() and not c.isupper())),
 ('CASED','the Cased property', chars(cased)),
 ('CASE_IGNORABLE','the Case_Ignorable property', chars(ci)),
 ('XID_START','identifier start characters (XID_Start plus `_`)', chars(lambda c: c.isidentifier())),
 ('XID_CONTINUE','identifier continuation characters (XID_Continue)', chars(lambda c: ('a'+c).isidentifier())),
]
rust={}
for line in open('rust_case.txt'):
    a,l,u=line.split()
    rust[int(a,16)]=(''.join(chr(int(x,16)) for x in l.split(',')), ''.join(chr(int(x,16)) for x in u.split(',')))
nolower=[];noupper=[];title=[];fold=[]
for cp in ALL:
    if 0xd800<=cp<0xe000: continue
    c=chr(cp)
    if c.lower()!=rust[cp][0]: assert c.lower()==c; nolower.append(cp)
    if c.upper()!=rust[cp][1]: assert c.upper()==c; noupper.append(cp)
    if c.title()!=c.upper(): title.append((cp,c.title()))
    if c.casefold()!=c.lower(): fold.append((cp,c.casefold()))
# decimal check
dec=ranges_of(tables[2][2])
for lo,hi in dec:
    for cp in range(lo,hi+1):
        assert unicodedata.decimal(chr(cp))==(cp-lo+unicodedata.decimal(chr(lo)))%10
    assert unicodedata.decimal(chr(lo))==0, hex(lo)
o=open('unicode_db.rs','w')
o.write('//! Unicode property tables of CPython 3.11 (Unicode %s), generated from python3 over every code point.\n' % unicodedata.unidata_version)
o.write('//!\n//! Range tables are sorted, disjoint, inclusive `(first, last)` code point pairs.\n//! Case-mapping tables list only where CPython differs from Rust\'s `char` mappings.\n\n')
def emit_ranges(name, doc, cps):
    r=ranges_of(cps)
    o.write('/// Ranges of %s.\npub(crate) static %s: &[(u32, u32)] = &[\n' % (doc,name))
    items=['(0x%X, 0x%X)'%(a,b) for a,b in r]
    for i in range(0,len(items),8): o.write('    '+', '.join(items[i:i+8])+',\n')
    o.write('];\n\n')
for n,d,c in tables: emit_ranges(n,d,c)
def emit_list(name, doc, cps):
    o.write('/// %s\npub(crate) static %s: &[u32] = &[\n' % (doc,name))
    items=['0x%X'%a for a in cps]
    for i in range(0,len(items),10): o.write('    '+', '.join(items[i:i+10])+',\n')
    o.write('];\n\n')
emit_list('NO_LOWER','Code points Rust lowercases but CPython 3.11 leaves unchanged (assigned after Unicode 14).',nolower)
emit_list('NO_UPPER','Code points Rust uppercases but CPython 3.11 leaves unchanged (assigned after Unicode 14).',noupper)
def emit_map(name, doc, pairs):
    o.write('/// %s\npub(crate) static %s: &[(u32, &str)] = &[\n' % (doc,name))
    items=['(0x%X, "%s")'%(a,''.join('\\u{%X}'%ord(x) for x in s)) for a,s in pairs]
    for i in range(0,len(items),5): o.write('    '+', '.join(items[i:i+5])+',\n')
    o.write('];\n\n')
emit_map('TITLE_MAP','Code points whose full titlecase mapping differs from their full uppercase mapping.',title)
emit_map('CASEFOLD_MAP','Code points whose full case folding differs from their full lowercase mapping.',fold)
o.close()
print(len(nolower),len(noupper),len(title),len(fold))
