# Word frequency report for a text, with a simple bar chart.
import re
from collections import Counter

TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness.
"""

words = re.findall(r"[a-z]+", TEXT.lower())
counts = Counter(words)
print(len(words), "words,", len(counts), "distinct")
longest = max(len(w) for w, _ in counts.most_common(8))
for word, n in counts.most_common(8):
    print(f"{word:<{longest}} {n:>3} {'*' * n}")
by_length = {}
for w in sorted(set(words)):
    by_length.setdefault(len(w), []).append(w)
for length in sorted(by_length):
    print(length, ", ".join(by_length[length]))
print(re.sub(r"\bit\b", "IT", TEXT.strip().splitlines()[0], count=2))
print(re.split(r",\s*", "a, b,c ,  d"), bool(re.match(r"\d+$", "2024")), re.search(r"(\w+) of (\w+)", TEXT).groups())
