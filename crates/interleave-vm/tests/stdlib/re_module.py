# re: search/match/fullmatch, groups (numbered and named), findall/finditer, sub with
# templates and functions, split, flags, escape, Match and Pattern reprs, re.error.
import re

text = "The quick brown fox jumps over the lazy dog. It was 2024-05-17, 09:30 am; price $12.50!"
m = re.search(r"(\d{4})-(\d{2})-(\d{2})", text)
print(m, m.group(), m.group(1), m.group(1, 3), m.groups(), m.span(), m.start(2), m.end(3), m[0], m[2])
print(m.lastindex, m.lastgroup, m.pos, m.endpos, m.re, m.string is text, m.regs)
m = re.match(r"(?P<first>\w+) (?P<second>\w+)", text)
print(m.groupdict(), m.group("second"), m.span("first"), m.lastgroup, m.expand(r"\2-\1 \g<first>"))
print(re.match(r"quick", text), re.search(r"^quick", text), re.fullmatch(r"\w+", "abc_123"), re.fullmatch(r"\w+", "ab c"))
print(re.findall(r"[a-z]+", "Hello World, hello again"), re.findall(r"(\w)(\d)", "a1 b2 c3"), re.findall(r"o(\w)", "fox dog cow"))
print([m.span() for m in re.finditer(r"\d+", text)], re.findall(r"", "ab"), re.findall(r"x*", "axxb"))
print(re.sub(r"\bit\b", "IT", "it is it, isn't it? bit", count=2), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@home you@work"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1 b22 c333"), re.subn(r"a", "A", "banana"))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "hi there"), re.sub(r"x*", "-", "abxd"), re.sub(r"(a)|b", r"[\1]", "abc"))
print(re.sub(r"\s+", " ", "  lots   of\tspace\n here "), re.sub("a", r"\n", "bab") == "b\nb", re.sub(r"(.)", r"\g<0>\g<0>", "abc"))
print(re.split(r",\s*", "a, b,c ,  d"), re.split(r"(,)", "a,b,c"), re.split(r"\W+", "Words, words, words.", 1), re.split(r"x*", "axbc"))
print(re.split(r"[;,]", "a;b,c", maxsplit=1), re.split(r"(a)|(b)", "1a2b3"), re.split("z", "abc"))
print(bool(re.match(r"\d+$", "2024")), bool(re.match(r"\d+$", "2024\n")), bool(re.match(r"\d+\Z", "2024\n")), re.search(r"(\w+) of (\w+)", "out of time").groups())
print(re.findall(r"^\w+", "one\ntwo\nthree", re.M), re.findall(r"^\w+", "one\ntwo"), re.findall(r"e$", "one\nthree", re.MULTILINE))
print(re.findall(r"HELLO", "hello Hello", re.I), re.search(r"a.b", "a\nb"), re.search(r"a.b", "a\nb", re.S).span(), re.findall(r"(?i)ab", "AB ab Ab"))
verbose = re.compile(r"""
    (\d+)   # digits
    \s*     # optional space
    ([a-z]+) # unit
""", re.VERBOSE)
print(verbose.findall("10 kg, 5m, 7 cm"), verbose)
p = re.compile(r"a+", re.I | re.M)
print(re.compile("a+"), p, p.pattern, p.flags, p.groups, re.compile(r"(?P<x>a)(b)").groupindex)
print(p.search("xxAAay"), p.match("xAa"), p.match("xAa", 1), p.search("aaaa", 1, 3), p.fullmatch("aAa"))
print(re.escape("a.b*c?(d) [e] $5 + x-y"), re.findall(re.escape("1+1=2"), "is 1+1=2?"))
print(re.search(r"(\w+) \1", "hello hello world").group(), re.search(r"(?P<q>['\"]).*?(?P=q)", "say 'hi' now").group())
print(re.findall(r"\w+(?=!)", "wow! such! no"), re.findall(r"(?<=\$)\d+", "cost $30 or $45"), re.findall(r"\b(?!the)\w+", "the cat the hat"))
print(re.findall(r"[^\W\d]+", "abc123def"), re.findall(r"[\w.-]+@[\w-]+\.\w+", "x a.b-c@d-e.org y"), re.findall(r"a{2,}", "a aa aaa"), re.findall(r"x{,2}", "xxx"))
print(re.findall(r"\d{2}", "12345"), re.findall(r"[]a]", "a]b"), re.findall(r"[[]", "a[b"), re.findall(r"{x}", "{x}"))
print(re.search("ü+", "grüüne").span(), [m.span() for m in re.finditer(r"\w+", "naïve café x")], re.sub("é", "e", "été"))
print(re.findall(r"(a)(b)?", "ab a"), re.match(r"(a)(b)?", "a").groups(), re.match(r"(a)(b)?", "a").groups("-"), re.match(r"(a)(b)?", "a").span(2))
m = re.match(r"(?P<k>\w+)=(?P<v>\w*)", "key=")
print(m.groupdict(), m["v"] == "", m.group(0, "k"))
for bad in [r"(abc", r"a)", r"[a-", r"\q"]:
    try:
        re.compile(bad)
    except re.error:
        print("re.error for", repr(bad))
try:
    re.sub("a", r"\2", "a")
except re.error:
    print("re.error for bad group reference")
try:
    m.group(5)
except IndexError as e:
    print("IndexError", e)
words = re.findall(r"[a-z']+", "It's a dog's life, isn't it? Yes: it is.".lower())
print(words, len(words), re.purge())
