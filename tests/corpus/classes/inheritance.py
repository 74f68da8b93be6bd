# Classes, inheritance, super(), class attributes, MRO, isinstance/issubclass.
class Animal:
    kingdom = "animalia"
    count = 0

    def __init__(self, name):
        self.name = name
        Animal.count += 1

    def speak(self):
        return f"{self.name} makes a sound"

    def describe(self):
        return f"{type(self).__name__}({self.name}): {self.speak()}"

class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def speak(self):
        return f"{self.name} barks"

class Puppy(Dog):
    def speak(self):
        return super().speak() + " softly"

class Cat(Animal):
    kingdom = "felines rule"

animals = [Animal("generic"), Dog("Rex", "lab"), Puppy("Bit", "pug"), Cat("Tom")]
for a in animals:
    print(a.describe())
print(Animal.count, Dog.count, animals[1].breed, Cat.kingdom, Dog.kingdom)
print(isinstance(animals[2], Dog), isinstance(animals[3], Dog), issubclass(Puppy, Animal))
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__[0].__name__, type(animals[0]) is Animal)

class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B" + super().who()
class C(A):
    def who(self):
        return "C" + super().who()
class D(B, C):
    def who(self):
        return "D" + super().who()
print(D().who(), [k.__name__ for k in D.mro()])

class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement area")
class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
print(Square(3).area())
try:
    Shape().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)

class Config:
    defaults = {"debug": False}
    @classmethod
    def create(cls, **kw):
        obj = cls()
        obj.settings = {**cls.defaults, **kw}
        return obj
    @staticmethod
    def version():
        return "1.0"
print(Config.create(debug=True).settings, Config.version(), Config().version())
print(vars(Square(2)), hasattr(Square, "area"), getattr(Square(5), "side"))
