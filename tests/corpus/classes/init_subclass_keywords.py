# __init_subclass__ runs when a subclass is created (by a class statement or type()), and
# object.__init_subclass__ rejects keyword arguments it does not expect.
class Registry:
    members = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Registry.members.append(cls.__qualname__)


class A(Registry):
    pass


B = type("B", (A,), {})
print(Registry.members, B.__doc__, vars(B)["__doc__"])
type("C", (Registry,), {}, flavour="mint")
