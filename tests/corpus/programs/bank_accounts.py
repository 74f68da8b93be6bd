# A small bank: accounts, transfers with validation, a ledger and a report.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot pay {amount}")
        self.account = account
        self.amount = amount

class Account:
    next_id = 1

    def __init__(self, owner, balance=0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance

    def __repr__(self):
        return f"Account(#{self.id}, {self.owner!r}, {self.balance})"

class Bank:
    def __init__(self):
        self.accounts = {}
        self.ledger = []

    def open(self, owner, deposit=0):
        account = Account(owner, deposit)
        self.accounts[owner] = account
        self.ledger.append(("open", owner, deposit))
        return account

    def transfer(self, src, dst, amount):
        a, b = self.accounts[src], self.accounts[dst]
        if amount <= 0:
            raise ValueError("amount must be positive")
        if a.balance < amount:
            raise InsufficientFunds(a, amount)
        a.balance -= amount
        b.balance += amount
        self.ledger.append(("transfer", f"{src}->{dst}", amount))

    def total(self):
        return sum(acc.balance for acc in self.accounts.values())

bank = Bank()
for name, amount in [("ana", 100), ("ben", 50), ("chloé", 0)]:
    bank.open(name, amount)
requests = [("ana", "ben", 30), ("ben", "chloé", 100), ("chloé", "ana", -5), ("ben", "chloé", 80), ("dan", "ana", 1)]
for src, dst, amount in requests:
    try:
        bank.transfer(src, dst, amount)
        print(f"ok   {src:>6} -> {dst:<6} {amount:>5}")
    except InsufficientFunds as e:
        print(f"fail {e} (has {e.account.balance})")
    except ValueError as e:
        print("fail", e)
    except KeyError as e:
        print("fail unknown account", e)
print(sorted(bank.accounts.values(), key=lambda acc: -acc.balance))
print("total:", bank.total())
for entry in bank.ledger:
    print(*entry, sep="\t")
