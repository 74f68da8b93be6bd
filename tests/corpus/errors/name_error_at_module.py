# NameError for a misspelled name, with CPython 3.11's "Did you mean" suggestion.
counter = 10
print(counter)
print(countr + 1)
