# A failing assert points at the last comparison of its test (CPython's jump-if location).
def withdraw(balance, amount):
    assert amount and not balance - amount < 0, "overdrawn"
    return balance - amount

print(withdraw(10, 3))
print(withdraw(10, 30))
