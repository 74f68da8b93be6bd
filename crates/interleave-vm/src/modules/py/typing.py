# `typing`: the names type hints use, as harmless objects with CPython's reprs.
#
# Subscripting works (`List[int]`, `Optional[str]`, `Callable[[int], str]`) and gives an alias
# whose repr matches CPython's; aliases of concrete types can be called (`List()` is `[]`).
# Nothing is checked. `Generic` and `Protocol` are real classes (so `class S(Generic[T])`
# works); the special forms are not, so `isinstance(x, List)` and `class C(List[int])` are
# not supported. `NamedTuple` supports the functional and the class form (`__mro_entries__`).

import collections as _collections

__all__ = ['Any', 'Callable', 'ClassVar', 'Final', 'Generic', 'Literal', 'Optional', 'Protocol',
           'Tuple', 'Type', 'TypeVar', 'Union', 'List', 'Dict', 'Set', 'FrozenSet', 'DefaultDict',
           'Deque', 'Counter', 'OrderedDict', 'Iterable', 'Iterator', 'Generator', 'Sequence',
           'Mapping', 'MutableMapping', 'MutableSequence', 'AbstractSet', 'MutableSet', 'Hashable',
           'Sized', 'Collection', 'Container', 'Reversible', 'Awaitable', 'Coroutine',
           'AsyncIterator', 'AsyncIterable', 'NamedTuple', 'TypedDict', 'NoReturn', 'Never',
           'Self', 'AnyStr', 'Text', 'cast', 'overload', 'final', 'no_type_check',
           'get_type_hints', 'get_origin', 'get_args', 'TYPE_CHECKING', 'NewType', 'SupportsInt',
           'SupportsFloat', 'SupportsIndex', 'SupportsAbs', 'SupportsRound', 'IO', 'TextIO',
           'BinaryIO', 'Pattern', 'Match', 'ParamSpec', 'Concatenate', 'TypeAlias', 'Annotated',
           'reveal_type', 'assert_never', 'runtime_checkable', 'LiteralString']

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        module = getattr(obj, '__module__', 'builtins')
        if module == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (module, obj.__qualname__)
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'NoneType'
    if isinstance(obj, list):
        return '[%s]' % ', '.join(_type_repr(a) for a in obj)
    return repr(obj)


class _Alias:
    """`typing.X` or `typing.X[args]`."""

    def __init__(self, name, origin=None, args=None, nparams=-1):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args
        self._nparams = nparams

    def __getitem__(self, params):
        if self.__args__ is not None:
            raise TypeError('%r is not a generic class' % (self,))
        if not isinstance(params, tuple):
            params = (params,)
        return _Alias(self._name, self.__origin__, tuple(None if p is None else p for p in params))

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError('Cannot instantiate %r' % (self,))
        if getattr(self.__origin__, '__module__', 'builtins') == 'builtins':
            raise TypeError('Type %s cannot be instantiated; use %s() instead'
                            % (self._name, self.__origin__.__name__))
        return self.__origin__(*args, **kwargs)

    def __repr__(self):
        if self.__args__ is None:
            return 'typing.' + self._name
        if self._name == 'Literal':
            return 'typing.Literal[%s]' % ', '.join(repr(a) for a in self.__args__)
        if self._name == 'Callable' and len(self.__args__) == 2:
            return 'typing.Callable[%s, %s]' % (_type_repr(self.__args__[0]), _type_repr(self.__args__[1]))
        if self._name == 'Union' and len(self.__args__) == 2 and type(None) in self.__args__:
            other = self.__args__[0] if self.__args__[1] is type(None) else self.__args__[1]
            return 'typing.Optional[%s]' % _type_repr(other)
        if self._name == 'Tuple' and self.__args__ == ():
            return 'typing.Tuple[()]'
        return 'typing.%s[%s]' % (self._name, ', '.join(_type_repr(a) for a in self.__args__))

    def __eq__(self, other):
        if not isinstance(other, _Alias):
            return NotImplemented
        return self._name == other._name and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _UnionForm(_Alias):

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        flat = []
        for p in params:
            p = type(None) if p is None else p
            if isinstance(p, _Alias) and p._name in ('Union', 'Optional') and p.__args__ is not None:
                items = p.__args__
            else:
                items = (p,)
            for item in items:
                if item not in flat:
                    flat.append(item)
        if len(flat) == 1:
            return flat[0]
        return _Alias('Union', None, tuple(flat))


class _OptionalForm(_UnionForm):

    def __getitem__(self, param):
        return Union[param, None]


Any = _Alias('Any')
NoReturn = _Alias('NoReturn')
Never = _Alias('Never')
Self = _Alias('Self')
LiteralString = _Alias('LiteralString')
TypeAlias = _Alias('TypeAlias')
ClassVar = _Alias('ClassVar')
Final = _Alias('Final')
Literal = _Alias('Literal')
Annotated = _Alias('Annotated')
Concatenate = _Alias('Concatenate')
Union = _UnionForm('Union')
Optional = _OptionalForm('Optional')
Callable = _Alias('Callable')
Tuple = _Alias('Tuple', tuple)
List = _Alias('List', list)
Dict = _Alias('Dict', dict)
Set = _Alias('Set', set)
FrozenSet = _Alias('FrozenSet', frozenset)
Type = _Alias('Type', type)
DefaultDict = _Alias('DefaultDict', _collections.defaultdict)
Deque = _Alias('Deque', _collections.deque)
Counter = _Alias('Counter', _collections.Counter)
OrderedDict = _Alias('OrderedDict', _collections.OrderedDict)
ChainMap = _Alias('ChainMap')
Text = str
for _name in ('Iterable', 'Iterator', 'Generator', 'Sequence', 'Mapping', 'MutableMapping',
              'MutableSequence', 'AbstractSet', 'MutableSet', 'Hashable', 'Sized', 'Collection',
              'Container', 'Reversible', 'Awaitable', 'Coroutine', 'AsyncIterator',
              'AsyncIterable', 'AsyncGenerator', 'ItemsView', 'KeysView', 'ValuesView',
              'ContextManager', 'SupportsInt', 'SupportsFloat', 'SupportsIndex', 'SupportsAbs',
              'SupportsRound', 'IO', 'TextIO', 'BinaryIO', 'Pattern', 'Match'):
    globals()[_name] = _Alias(_name)
del _name


class TypeVar:
    """Type variable: `T = TypeVar('T')`."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]


class ParamSpec(TypeVar):
    args = kwargs = None


AnyStr = TypeVar('AnyStr', bytes, str)


class Generic:
    """Base class of generic classes (`class Stack(Generic[T])`)."""
    __slots__ = ()

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    """Base class of protocol classes (structural typing is not checked)."""
    __slots__ = ()


def NewType(name, tp):

    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type


def NamedTuple(typename, fields=None, **kwargs):
    if fields is None:
        fields = kwargs.items()
    names = [n for n, _ in fields]
    cls = _collections.namedtuple(typename, names)
    cls.__annotations__ = dict(fields)
    return cls


class _NamedTupleBase(_collections._NamedTupleBase):
    # `class P(NamedTuple)` subclasses this (through `NamedTuple.__mro_entries__`): once the
    # body has run, the namedtuple built from its annotations lends the class its fields,
    # `__new__` and `_make` (the other methods come from collections' shared base). CPython's
    # NamedTupleMeta builds the class itself; Interleave has no metaclasses.

    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        annotations = cls.__dict__.get('__annotations__', {})
        names = list(annotations)
        defaults = []
        for name in names:
            if name in cls.__dict__:
                defaults.append(cls.__dict__[name])
            elif defaults:
                raise TypeError(f"Non-default namedtuple field {name} cannot follow "
                                f"default field{'s' if len(defaults) > 1 else ''} "
                                f"{', '.join(names[names.index(name) - len(defaults):names.index(name)])}")
        nt = _collections.namedtuple(cls.__name__, names, defaults=defaults, module=cls.__module__)
        for key, value in nt.__dict__.items():
            if key in ('__module__', '__doc__', '__dict__', '__weakref__', '__qualname__'):
                continue
            if key in names or key not in cls.__dict__:
                setattr(cls, key, value)


NamedTuple.__mro_entries__ = lambda bases: (_NamedTupleBase,)


def TypedDict(typename, fields=None, total=True, **kwargs):
    return dict


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def reveal_type(obj):
    return obj


def assert_never(arg):
    raise AssertionError('Expected code to be unreachable, but got: %r' % (arg,))


def get_origin(tp):
    return tp.__origin__ if isinstance(tp, _Alias) else None


def get_args(tp):
    if isinstance(tp, _Alias) and tp.__args__ is not None:
        return tp.__args__
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    classes = reversed(obj.__mro__) if isinstance(obj, type) else (obj,)
    for klass in classes:
        try:
            hints.update(klass.__dict__.get('__annotations__', {}) if isinstance(obj, type)
                         else getattr(klass, '__annotations__', {}))
        except AttributeError:
            pass
    return hints
