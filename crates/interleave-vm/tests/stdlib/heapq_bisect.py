# heapq and bisect: heap layouts, merge, nlargest/nsmallest, bisection and insort.
import heapq
import bisect

data = [5, 3, 8, 1, 9, 2, 7, 4, 6, 0, 11, 10]
h = []
for x in data:
    heapq.heappush(h, x)
    print(h)
print([heapq.heappop(h) for _ in range(4)], h)
d2 = data[:]
heapq.heapify(d2)
print(d2)
print(heapq.heapreplace(d2, 42), d2)
print(heapq.heappushpop(d2, -1), heapq.heappushpop(d2, 3), d2)
tasks = []
for prio, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee"), (5, "ship")]:
    heapq.heappush(tasks, (prio, name))
while tasks:
    print(heapq.heappop(tasks))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge(["a", "ccc"], ["bb", "dddd"], key=len)))
print(list(heapq.merge([9, 5, 1], [8, 2], reverse=True)))
words = "the quick brown fox jumps over the lazy dog again and again".split()
print(heapq.nlargest(3, data), heapq.nsmallest(3, data))
print(heapq.nlargest(4, words, key=len), heapq.nsmallest(4, words, key=len))
print(heapq.nlargest(1, data), heapq.nsmallest(1, words, key=len), heapq.nlargest(0, data), heapq.nsmallest(20, [3, 1, 2]))
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError", e)

a = [1, 2, 4, 4, 4, 7, 9]
for x in [0, 1, 4, 5, 9, 10]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 4, 4), bisect.bisect_right(a, 4, 0, 3))
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 4)
print(b)
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("x", 4), key=lambda r: r[1])
print(recs)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError", e)
