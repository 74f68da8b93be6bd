# Private name mangling: __x inside class C is stored as _C__x.
class Account:
    __count = 0
    def __init__(self, owner, *, __pin=1234):
        self.__balance = 0
        self.owner = owner
        Account.__count += 1
        self.__pin = __pin
    def deposit(self, amount):
        self.__balance += amount
        return self.__balance
    def __secret(self):
        return "secret"
    def reveal(self):
        __local = self.__secret()
        def inner():
            return __local + "!"
        return inner()
    @classmethod
    def count(cls):
        return cls.__count

a = Account("ann")
print(a.deposit(5), a.reveal(), Account.count())
print(sorted(k for k in vars(a)))
print(a._Account__balance, hasattr(a, "__balance"))
try:
    a.__balance
except AttributeError as e:
    print(e)
class _Hidden:
    def m(self):
        self.__x = 1
        return self.__dict__
print(_Hidden().m())
class __All__:
    def m(self):
        self.__y = 2
        return self.__dict__
print(__All__().m())
class Outer:
    class Inner:
        def f(self):
            self.__z = 3
            return self.__dict__
    def g(self):
        self.__w = 4
        return self.__dict__
print(Outer.Inner().f(), Outer().g())
print([k for k in Account.__dict__ if 'count' in k or 'secret' in k])
