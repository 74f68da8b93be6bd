import itertools as it

print(list(it.islice(it.count(10, 5), 4)), list(it.islice(it.cycle('ab'), 5)), list(it.repeat('x', 3)))
print(list(it.chain([1, 2], (3,), 'ab')), list(it.chain.from_iterable([[1], [2, 3]])))
print(list(it.islice(range(10), 2, 8, 3)), list(it.islice('abcdef', 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b)),
      list(it.accumulate([1, 2], initial=100)))
print(list(it.product('ab', [1, 2])), len(list(it.product(range(3), repeat=3))))
print(list(it.permutations('abc')), list(it.combinations(range(4), 2)))
print(list(it.combinations_with_replacement('ab', 2)))
print([(k, list(g)) for k, g in it.groupby('aaabbcaa')])
print([(k, list(g)) for k, g in it.groupby([1, 3, 2, 4, 5], key=lambda n: n % 2)])
print(list(it.zip_longest('abc', [1], fillvalue='-')), list(it.starmap(pow, [(2, 3), (3, 2)])))
print(list(it.takewhile(lambda n: n < 3, [1, 2, 5, 1])), list(it.dropwhile(lambda n: n < 3, [1, 2, 5, 1])))
a, b = it.tee([1, 2, 3])
print(list(a), list(b), list(it.compress('abcd', [1, 0, 1, 0])), list(it.pairwise('abcd')))
print(list(it.filterfalse(None, [0, 1, '', 'x'])))
try:
    it.islice([], -1)
except ValueError as exc:
    print('ValueError', exc)
