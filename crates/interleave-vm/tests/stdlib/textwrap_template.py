# textwrap (wrap, fill, dedent, indent, shorten, TextWrapper options) and string.Template.
import textwrap
from string import Template

text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs! "
        "How vexingly quick daft zebras jump; well-known, state-of-the-art hyphenation--and dashes.")
for width in (20, 33, 50):
    print(textwrap.wrap(text, width))
print(textwrap.fill(text, 40))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10, break_long_words=False))
print(textwrap.wrap("a-b-c-d-e-f-g-h well-behaved", 6, break_on_hyphens=False), textwrap.wrap("", 10), textwrap.wrap("   ", 10))
print(textwrap.wrap("tab\there and\tthere", 12), textwrap.wrap("Sentence one.  Two.", 40, fix_sentence_endings=True))
print(textwrap.wrap("line one\nline two\n\nline three", 15), textwrap.wrap("  leading spaces", 8, drop_whitespace=False))
print(textwrap.shorten("Hello  world!  This is a long sentence.", width=20), textwrap.shorten("Hi there", 20))
print(textwrap.shorten("The quick brown fox", 12, placeholder="..."))
w = textwrap.TextWrapper(width=25, max_lines=2, placeholder=" [more]")
print(w.wrap(text))
block = """
    def hello():
        print("hi")

    hello()
"""
print(repr(textwrap.dedent(block)))
print(repr(textwrap.dedent("  a\n    b\n  c")), repr(textwrap.dedent("\ta\n  b")), repr(textwrap.dedent("  x\n   \n  y")))
print(textwrap.indent("one\ntwo\n\nthree\n", "> "))
print(textwrap.indent("one\n\ntwo", "+ ", lambda line: True))

t = Template("$who likes $what; ${who}'s cost is $$5")
print(t.substitute(who="Tim", what="kung pao"), t.substitute({"who": "Ann", "what": "tea"}, what="coffee"))
print(Template("$a and $b").safe_substitute(a=1), Template("${x}y").substitute(x="X"))
print(t.get_identifiers(), t.is_valid(), Template("$").is_valid())
try:
    Template("$missing").substitute()
except KeyError as e:
    print("KeyError", e)
try:
    Template("cost: $ 5").substitute()
except ValueError as e:
    print("ValueError", e)
