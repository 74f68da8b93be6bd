# An unclosed bracket is reported where it was opened.
values = [1, 2, 3
print(values)
