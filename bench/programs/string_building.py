# Building strings with str.join and with += in a loop, plus formatting each piece.
def build():
    parts = []
    for i in range(200_000):
        parts.append(f"item{i}")
    joined = ",".join(parts)
    text = ""
    for i in range(200_000):
        text += str(i % 10)
    return joined, text


joined, text = build()
print(len(joined), joined[-20:], len(text), text[:20], text.count("7"))
