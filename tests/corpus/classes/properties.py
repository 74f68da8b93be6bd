# Properties with setters and deleters, validation, computed attributes, __slots__-free classes.
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"below absolute zero: {value}")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, value):
        self.celsius = (value - 32) * 5 / 9

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.fahrenheit = 212
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    Temperature(0).kelvin = 1
    print("plain attributes can be added")
except AttributeError as e:
    print("AttributeError:", e)

class Circle:
    def __init__(self, r):
        self.r = r
    @property
    def area(self):
        return round(3.14159 * self.r ** 2, 2)

c = Circle(2)
print(c.area)
try:
    c.area = 10
except AttributeError as e:
    print("AttributeError:", e)

class Account:
    interest = 0.02
    def __init__(self, owner):
        self.owner = owner
        self._log = []
    @property
    def log(self):
        return tuple(self._log)
    @log.deleter
    def log(self):
        self._log.clear()
        print("log cleared")
    def deposit(self, amount):
        self._log.append(("deposit", amount))

acct = Account("Mei")
acct.deposit(5)
acct.deposit(7)
print(acct.log)
del acct.log
print(acct.log, acct.interest)
acct.interest = 0.05
print(acct.interest, Account.interest)
