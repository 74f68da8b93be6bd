# str predicates, encode, translate and explicitly called dunders.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

for s in ["", "abc", "ABC", "Abc", "123", "½", "٣", "a1", " \t\n", "Hello World", "hello world", "_id9", "9id", "é", "a\x07", "Title Case Text"]:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(),
          s.istitle(), s.isdecimal(), s.isnumeric(), s.isidentifier(), s.isprintable(), s.isascii())
print("héllo".encode(), "abc".encode("ascii"), "abc".encode("utf-8"), "é".encode("latin-1"), "x".encode(encoding="UTF8"))
print("héllo".encode("ascii", "replace"), "héllo".encode("ascii", "ignore"))
show("encode ascii", lambda: "héllo".encode("ascii"))
show("encode unknown", lambda: "a".encode("klingon"))
show("encode type", lambda: "a".encode(1))
table = str.maketrans("abc", "xyz", "d")
print(sorted(table.items()))
print("abcdd-cab".translate(table), "hello".translate({ord("l"): None, ord("h"): "J"}))
print(str.maketrans({"a": "1", 98: None}) == {97: "1", 98: None})
show("maketrans len", lambda: str.maketrans("ab", "c"))
show("maketrans one", lambda: str.maketrans(1))
print(str.__len__("abc"), "abc".__len__(), "abc".__contains__("b"), "abc".__getitem__(1), "abc".__getitem__(slice(0, 2)))
print("ab".__add__("cd"), "ab".__mul__(3), "%s-%d".__mod__(("x", 4)), "a".__eq__("a"), "a".__eq__(1), "a".__ne__("b"), "a".__lt__("b"))
print("x".__str__(), "x".__repr__(), list("ab".__iter__()), "a".__hash__() == hash("a"))
show("add int", lambda: "a".__add__(1))
show("len arg", lambda: "a".__len__(1))
show("getitem range", lambda: "ab".__getitem__(5))
show("contains int", lambda: "ab".__contains__(1))
