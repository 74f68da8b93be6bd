# Regular expressions over a text of ~100 KB: tokenising, counting, substitution with a
# template and a function, splitting, case-insensitive search, and a backtracking pattern.
import re

words = ['alpha', 'Beta', 'gamma', 'delta', 'Epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa']
lines = []
for i in range(2000):
    w = words[i % 10]
    lines.append(f'{i:05d} {w} {w.upper()}, value={i * 7 % 1000}; mail {w}{i}@example.org')
text = '\n'.join(lines)

tokens = re.findall(r'[A-Za-z]+', text)
numbers = [int(n) for n in re.findall(r'value=(\d+)', text)]
mails = re.findall(r'[\w.]+@[\w.]+\.org', text)
print(len(tokens), sum(numbers), len(mails))
print(len(re.findall(r'(?i)epsilon', text)), len(re.findall(r'^\d+ (?:alpha|zeta)\b', text, re.M)))
swapped = re.sub(r'(\w+) (\w+),', r'\2 \1,', text)
doubled = re.sub(r'\d+', lambda m: str(int(m.group()) * 2), text[:20000])
print(len(swapped), len(doubled), len(re.split(r'[;,\n]\s*', text)))
pattern = re.compile(r'(\w+)=(\d+);\s+mail\s+(\w+)@')
total = 0
for line in lines:
    m = pattern.search(line)
    if m:
        total += int(m.group(2)) + len(m.group(3))
print(total)
print(re.match(r'(a|aa)+b', 'a' * 18 + 'c'), len(re.findall(r'\b\w{5}\b', text)))
