# \N{NAME} escapes: CPython 3.11's names (Unicode 14.0) and lookup rules, including aliases,
# computed Hangul and CJK names, and ASCII case (syntax/unicode_name_unknown.py: an unknown one).
print(ascii("\N{LATIN SMALL LETTER A}\N{latin small letter b}\N{Snowman}\N{PILE OF POO}"))
print(ascii("\N{LINE FEED}\N{LF}\N{NULL}\N{BYTE ORDER MARK}\N{ZWSP}"))
print(ascii("\N{HANGUL SYLLABLE GA}\N{HANGUL SYLLABLE GAG}\N{HANGUL SYLLABLE A}"))
print(ascii("\N{CJK UNIFIED IDEOGRAPH-4E00}\N{CJK UNIFIED IDEOGRAPH-04E00}\N{CJK UNIFIED IDEOGRAPH-3134A}"))
print(ascii("\N{CJK COMPATIBILITY IDEOGRAPH-F900}\N{KHITAN SMALL SCRIPT CHARACTER-18B00}\N{TOOTHBRUSH}"))
print(ascii(f"{1}\N{EM DASH}{2}"), ascii(r"\N{EM DASH}"))

