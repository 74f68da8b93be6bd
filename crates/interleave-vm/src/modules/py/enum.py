# `enum`: enumerations — Enum, IntEnum, auto, unique.
#
# CPython builds members in its `EnumType` metaclass. Interleave has no metaclasses, so the
# class body runs as a plain class and `_convert` turns it into an enumeration afterwards:
# from `Enum.__init_subclass__`, from `unique`, or lazily on the first `Color(value)` call.
# Members are instances of the class with `_name_`/`_value_`; aliases point at the first
# member with an equal value. `Color['RED']` works through `__class_getitem__` (CPython:
# `EnumType.__getitem__`). What needs a metaclass is missing: iterating, `len()` and `in`
# on the class itself (use `Color.__members__`), the `<enum 'Color'>` repr of the class,
# `Flag`, and the "cannot reassign member" check.

__all__ = ['Enum', 'IntEnum', 'auto', 'unique', 'EnumMeta', 'EnumType']

_auto_null = object()
EnumMeta = EnumType = type


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_private(cls_name, name):
    pattern = '_%s__' % (cls_name.lstrip('_'),)
    return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith('__')


def _function_type():
    pass


_NOT_MEMBERS = (type(_function_type), property, classmethod, staticmethod)


def _is_member(cls, name, value):
    if _is_dunder(name) or _is_sunder(name) or _is_private(cls.__name__, name):
        return False
    if isinstance(value, _NOT_MEMBERS) or type(value).__name__ == 'builtin_function_or_method':
        return False
    return not (hasattr(type(value), '__get__') or hasattr(type(value), '__set__'))


def _noop_init(self, *args, **kwds):
    pass


def _convert(cls):
    """Turns the plain attributes of an Enum subclass's body into members."""
    if '_member_map_' in cls.__dict__:
        return cls
    cls._member_names_ = []
    cls._member_map_ = {}
    cls._value2member_map_ = {}
    candidates = [(k, v) for k, v in cls.__dict__.items() if _is_member(cls, k, v)]
    if not candidates:
        return cls
    for base in cls.__mro__[1:]:
        if base.__dict__.get('_member_names_'):
            raise TypeError('%s: cannot extend enumeration %r' % (cls.__name__, base.__name__))
    user_init = cls.__dict__.get('__init__')
    if user_init is not None:
        cls._member_init_ = user_init
        cls.__init__ = _noop_init
    member_init = getattr(cls, '_member_init_', None)
    last_values = []
    for name, value in candidates:
        if isinstance(value, auto):
            if value.value is _auto_null:
                value.value = cls._generate_next_value_(name, 1, len(cls._member_names_), last_values[:])
            value = value.value
        last_values.append(value)
        args = value if isinstance(value, tuple) else (value,)
        member_value = value
        if cls._member_type_ is int:
            member_value = int(*args)
        alias = None
        for existing in cls._member_map_.values():
            if existing._value_ == member_value:
                alias = existing
                break
        if alias is not None:
            cls._member_map_[name] = alias
            setattr(cls, name, alias)
            continue
        member = object.__new__(cls)
        member._name_ = name
        member._value_ = member_value
        member.__objclass__ = cls
        if member_init is not None:
            member_init(member, *args)
        cls._member_names_.append(name)
        cls._member_map_[name] = member
        try:
            cls._value2member_map_[member_value] = member
        except TypeError:
            pass
        setattr(cls, name, member)
    cls.__members__ = dict(cls._member_map_)
    return cls


def _enum_new(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
    if names is not None:
        return _create(cls, value, names, start)
    _convert(cls)
    if isinstance(value, cls):
        return value
    try:
        return cls._value2member_map_[value]
    except (KeyError, TypeError):
        pass
    for member in cls._member_map_.values():
        if member._value_ == value:
            return member
    result = cls._missing_(value)
    if isinstance(result, cls):
        return result
    if result is not None:
        raise TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                        % (cls.__name__, result))
    raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))


def _create(cls, class_name, names, start):
    if isinstance(names, str):
        names = names.replace(',', ' ').split()
    ns = {'__module__': '__main__'}
    if isinstance(names, dict):
        ns.update(names)
    else:
        names = list(names)
        last_values = []
        for count, item in enumerate(names):
            if isinstance(item, str):
                value = cls._generate_next_value_(item, start, count, last_values[:])
                ns[item] = value
            else:
                item, value = item
                ns[item] = value
            last_values.append(value)
    new_cls = type(class_name, (cls,), ns)
    return _convert(new_cls)


class Enum:
    """Create a collection of name/value pairs."""

    _member_type_ = object

    def __init_subclass__(cls, **kwds):
        _convert(cls)

    __new__ = _enum_new

    def __class_getitem__(cls, name):
        _convert(cls)
        return cls._member_map_[name]

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return '<%s.%s: %r>' % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


def _int_op(func, swap=False):

    def op(self, other):
        a = self._value_ if isinstance(self, Enum) else self
        b = other._value_ if isinstance(other, Enum) else other
        if not isinstance(b, (int, float)):
            return NotImplemented
        return func(b, a) if swap else func(a, b)
    return op


class IntEnum(Enum):
    """Enum where members are also (and must be) ints."""

    _member_type_ = int

    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    def __hash__(self):
        return hash(self._value_)

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __float__(self):
        return float(self._value_)

    def __bool__(self):
        return bool(self._value_)

    def __neg__(self):
        return -self._value_

    def __abs__(self):
        return abs(self._value_)

    __eq__ = _int_op(lambda a, b: a == b)
    __ne__ = _int_op(lambda a, b: a != b)
    __lt__ = _int_op(lambda a, b: a < b)
    __le__ = _int_op(lambda a, b: a <= b)
    __gt__ = _int_op(lambda a, b: a > b)
    __ge__ = _int_op(lambda a, b: a >= b)
    __add__ = _int_op(lambda a, b: a + b)
    __radd__ = _int_op(lambda a, b: a + b, True)
    __sub__ = _int_op(lambda a, b: a - b)
    __rsub__ = _int_op(lambda a, b: a - b, True)
    __mul__ = _int_op(lambda a, b: a * b)
    __rmul__ = _int_op(lambda a, b: a * b, True)
    __floordiv__ = _int_op(lambda a, b: a // b)
    __rfloordiv__ = _int_op(lambda a, b: a // b, True)
    __truediv__ = _int_op(lambda a, b: a / b)
    __rtruediv__ = _int_op(lambda a, b: a / b, True)
    __mod__ = _int_op(lambda a, b: a % b)
    __rmod__ = _int_op(lambda a, b: a % b, True)
    __pow__ = _int_op(lambda a, b: a ** b)
    __and__ = _int_op(lambda a, b: a & b)
    __rand__ = _int_op(lambda a, b: a & b, True)
    __or__ = _int_op(lambda a, b: a | b)
    __ror__ = _int_op(lambda a, b: a | b, True)
    __xor__ = _int_op(lambda a, b: a ^ b)
    __rxor__ = _int_op(lambda a, b: a ^ b, True)
    __lshift__ = _int_op(lambda a, b: a << b)
    __rshift__ = _int_op(lambda a, b: a >> b)


ReprEnum = Enum


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    _convert(enumeration)
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name) for alias, name in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration


def __getattr__(name):
    # Flag and IntFlag need EnumType's metaclass machinery (member combination, iteration).
    if name in ('Flag', 'IntFlag', 'StrEnum', 'ReprEnum', 'verify', 'FlagBoundary'):
        raise NotImplementedError(f'enum.{name} is not supported by Interleave yet')
    raise AttributeError(f"module 'enum' has no attribute '{name}'")
