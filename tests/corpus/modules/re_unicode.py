import re
print(re.findall(r"\w+", "héllo wörld 日本語 x_1"))
print(re.findall(r"\d+", "12 ٣٤ 56"))
print(re.sub(r"\s+", "|", "a\u00a0b\tc\u3000d"))
print(re.findall(r"(?i)straße", "STRASSE Straße STRAßE"))
print(re.findall(r"(?i)é", "É é"))
print(re.findall(r"\bcat\b", "cat concat écat cat"))
print(re.findall(r"[^\W\d]+", "abc123 ĳk"))
print(re.findall(r"(?a)\w+", "héllo"))
