# itertools basics and functools.partial / reduce.
import itertools
import functools
import operator

print(list(itertools.islice(itertools.count(5, 2), 4)), next(itertools.count()))
print(list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.repeat("x", 3)))
print(list(itertools.chain([1, 2], "ab", (3,))), list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3, 4], operator.mul)))
print(list(itertools.product("ab", repeat=2)), list(itertools.product([1, 2], "xy")))
print(list(itertools.permutations([1, 2, 3], 2)), list(itertools.combinations("abcd", 2)))
print(list(itertools.combinations_with_replacement("ab", 2)))
for key, group in itertools.groupby("aaabccdd"):
    print(key, list(group))
print(list(itertools.zip_longest("abc", [1], fillvalue="-")), list(itertools.pairwise([1, 2, 3, 4])))
print(list(itertools.takewhile(lambda n: n < 3, [1, 2, 3, 1])), list(itertools.dropwhile(lambda n: n < 3, [1, 2, 3, 1])))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.compress("abcd", [1, 0, 1, 0])))
print(list(itertools.filterfalse(lambda n: n % 2, range(7))), [list(t) for t in itertools.tee([1, 2], 2)])

def power(base, exponent):
    return base ** exponent

square = functools.partial(power, exponent=2)
two_to = functools.partial(power, 2)
print(square(7), two_to(10), square.func.__name__, square.keywords, two_to.args)
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, range(1, 6), 1))
print(sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda a, b: len(b) - len(a))))
print(operator.itemgetter(1)("abc"), operator.attrgetter("real")(3), sorted([(1, "b"), (0, "c")], key=operator.itemgetter(1)))
