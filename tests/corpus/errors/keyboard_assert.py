# An uncaught AssertionError with a message.
def check_balance(balance):
    assert balance >= 0, f"negative balance: {balance}"
    return balance

print(check_balance(5))
print(check_balance(-3))
