# Unicode and Chinese text: len, slicing, repr, methods, formatting widths.
greeting = "你好，世界"
print(greeting, len(greeting), greeting[0], greeting[-2:], greeting[::-1])
print(repr(greeting), ascii(greeting))
mixed = "Python 是一种编程语言 😀"
print(mixed, len(mixed), mixed.split(), mixed.upper())
print([ord(c) for c in "中文"], chr(0x4e2d), "\u4e2d\u6587", "\N{SNOWMAN}")
print("中".encode("utf-8"), "中文".encode("utf-8").decode("utf-8"))
print(f"[{'中文':>6}]", f"[{'中文':<6}]", f"[{'中文':^7}]")
print("ß".upper(), "İ".lower(), "ǅ".lower(), "straße".casefold())
print("café" == "cafe\u0301", len("cafe\u0301"), "é".isalpha(), "三".isnumeric())
words = ["苹果", "香蕉", "apple", "Banana", "éclair"]
print(sorted(words), sorted(words, key=str.lower))
print("，".join(["一", "二", "三"]), "一,二,三".split(","))
for ch in "añ😀":
    print(ch, ord(ch), hex(ord(ch)), ch.encode("utf-8"))
print(repr("\u200b"), repr("\U0001f600"), repr("\x7f"), repr("\xa0"))
