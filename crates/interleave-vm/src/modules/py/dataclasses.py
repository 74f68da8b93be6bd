# `dataclasses`: `@dataclass` and `field`, after CPython 3.11's Lib/dataclasses.py.
#
# CPython generates `__init__`, `__repr__`, `__eq__`… from source text with `exec`; Interleave
# builds them as closures over the field list, with the same behaviour and error messages.
# Fields come from the class's `__annotations__` (in source order), so classes need the
# compiler to record class-body annotations. A frozen class is re-created with its
# `__setattr__`/`__delattr__` in the namespace (the VM fixes custom attribute setting at class
# creation), so zero-argument `super()` in a frozen dataclass's own methods is not supported.

import copy as _copy

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY', 'MISSING',
           'fields', 'asdict', 'astuple', 'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class InitVar:
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        name = getattr(self.type, '__name__', None) or repr(self.type)
        return f'dataclasses.InitVar[{name}]'


class _FieldType:

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FieldType('_FIELD')
_FIELD_CLASSVAR = _FieldType('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FieldType('_FIELD_INITVAR')


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init', 'compare',
                 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field(' f'name={self.name!r},' f'type={self.type!r},' f'default={self.default!r},'
                f'default_factory={self.default_factory!r},' f'init={self.init!r},'
                f'repr={self.repr!r},' f'hash={self.hash!r},' f'compare={self.compare!r},'
                f'metadata={self.metadata!r},' f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}' ')')


class _DataclassParams:

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(a_type):
    if isinstance(a_type, str):
        return a_type.startswith(('ClassVar', 'typing.ClassVar'))
    name = getattr(a_type, '_name', None)
    return name == 'ClassVar' and type(a_type).__name__ == '_Alias'


def _get_field(cls, a_name, a_type, default_kw_only):
    default = cls.__dict__.get(a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if _is_classvar(a_type):
        f._field_type = _FIELD_CLASSVAR
    elif isinstance(a_type, InitVar) or a_type is InitVar:
        f._field_type = _FIELD_INITVAR
    if f._field_type is not _FIELD:
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')
        f.kw_only = False
    elif f.kw_only is MISSING:
        f.kw_only = default_kw_only
    if f._field_type is _FIELD and isinstance(f.default, (list, dict, set)):
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


def _set_qualname(cls, fn):
    fn.__qualname__ = f'{cls.__qualname__}.{fn.__name__}'
    return fn


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    _set_qualname(cls, value)
    setattr(cls, name, value)
    return False


def _bind_args(qualname, params, args, kwargs):
    """Binds a call's arguments to `params` [(name, has_default, kw_only)] like CPython."""
    positional = [p for p in params if not p[2]]
    values = {}
    if len(args) > len(positional):
        lo = sum(1 for p in positional if not p[1]) + 1
        hi = len(positional) + 1
        if lo == hi:
            takes = f'{hi} positional argument{"s" if hi != 1 else ""}'
        else:
            takes = f'from {lo} to {hi} positional arguments'
        given = len(args) + 1
        raise TypeError(f'{qualname}() takes {takes} but {given} {"were" if given != 1 else "was"} given')
    for p, a in zip(positional, args):
        values[p[0]] = a
    names = [p[0] for p in params]
    for k, v in kwargs.items():
        if k not in names:
            raise TypeError(f"{qualname}() got an unexpected keyword argument '{k}'")
        if k in values:
            raise TypeError(f"{qualname}() got multiple values for argument '{k}'")
        values[k] = v
    for kind, group in (('positional', positional), ('keyword-only', [p for p in params if p[2]])):
        missing = [p[0] for p in group if not p[1] and p[0] not in values]
        if missing:
            quoted = [f"'{m}'" for m in missing]
            if len(quoted) == 1:
                listed = quoted[0]
            elif len(quoted) == 2:
                listed = f'{quoted[0]} and {quoted[1]}'
            else:
                listed = ', '.join(quoted[:-1]) + ', and ' + quoted[-1]
            s = 's' if len(missing) > 1 else ''
            raise TypeError(f'{qualname}() missing {len(missing)} required {kind} argument{s}: {listed}')
    return values


def _make_init(cls, fields, std_init_fields, kw_only_fields, frozen, has_post_init):
    seen_default = False
    for f in std_init_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')
    params = [(f.name, f.default is not MISSING or f.default_factory is not MISSING, False)
              for f in std_init_fields]
    params += [(f.name, f.default is not MISSING or f.default_factory is not MISSING, True)
               for f in kw_only_fields]
    qualname = f'{cls.__qualname__}.__init__'
    setter = object.__setattr__

    def __init__(self, *args, **kwargs):
        values = _bind_args(qualname, params, args, kwargs)
        initvars = []
        for f in fields:
            if f._field_type is _FIELD_INITVAR:
                initvars.append(values.get(f.name, f.default))
                continue
            if f._field_type is not _FIELD:
                continue
            if f.init and f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                if f.init:
                    value = f.default
                else:
                    continue
            else:
                continue
            if frozen:
                setter(self, f.name, value)
            else:
                setattr(self, f.name, value)
        if has_post_init:
            self.__post_init__(*initvars)
    return __init__


def _make_repr(fields):
    shown = [f.name for f in fields if f.repr]
    active = set()

    def __repr__(self):
        key = (id(self),)
        if key in active:
            return '...'
        active.add(key)
        try:
            body = ', '.join(f'{name}={getattr(self, name)!r}' for name in shown)
        finally:
            active.discard(key)
        return f'{type(self).__qualname__}({body})'
    return __repr__


def _make_cmp(name, op, names):

    def cmp(self, other):
        if type(other) is type(self):
            return op(tuple(getattr(self, n) for n in names), tuple(getattr(other, n) for n in names))
        return NotImplemented
    cmp.__name__ = name
    return cmp


def _make_hash(names):

    def __hash__(self):
        return hash(tuple(getattr(self, n) for n in names))
    return __hash__


def _frozen_methods(owner, fields):
    """`__setattr__`/`__delattr__` of a frozen class; `owner[0]` is the class once it exists."""
    names = tuple(f.name for f in fields)

    def __setattr__(self, name, value):
        cls = owner[0]
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        cls = owner[0]
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        super(cls, self).__delattr__(name)
    return __setattr__, __delattr__


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    fields = {}
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get(_FIELDS)
        if base_fields is not None:
            for f in base_fields.values():
                fields[f.name] = f
    cls_annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    default_kw_only = kw_only
    for name, type_ in cls_annotations.items():
        if type_ is KW_ONLY or (isinstance(type_, str) and type_ in ('KW_ONLY', 'dataclasses.KW_ONLY')):
            default_kw_only = True
            continue
        cls_fields.append(_get_field(cls, name, type_, default_kw_only))
    for f in cls_fields:
        fields[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    setattr(cls, _FIELDS, fields)
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and '__eq__' in cls.__dict__))
    all_fields = list(fields.values())
    field_list = [f for f in all_fields if f._field_type is _FIELD]
    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        std = [f for f in all_fields if f._field_type in (_FIELD, _FIELD_INITVAR) and f.init and not f.kw_only]
        kwo = [f for f in all_fields if f._field_type in (_FIELD, _FIELD_INITVAR) and f.init and f.kw_only]
        _set_new_attribute(cls, '__init__', _make_init(cls, all_fields, std, kwo, frozen, has_post_init))
    if repr:
        _set_new_attribute(cls, '__repr__', _make_repr(field_list))
    compare_names = tuple(f.name for f in field_list if f.compare)
    if eq:
        _set_new_attribute(cls, '__eq__', _make_cmp('__eq__', lambda a, b: a == b, compare_names))
    if order:
        for name, op in (('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
                         ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)):
            if _set_new_attribute(cls, name, _make_cmp(name, op, compare_names)):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                f'Consider using functools.total_ordering')
    hash_names = tuple(f.name for f in field_list if (f.compare if f.hash is None else f.hash))
    if not has_explicit_hash:
        if unsafe_hash or (eq and frozen):
            cls.__hash__ = _set_qualname(cls, _make_hash(hash_names))
        elif eq:
            cls.__hash__ = None
    elif unsafe_hash:
        raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
    if match_args:
        _set_new_attribute_plain(cls, '__match_args__', tuple(f.name for f in _std_fields(all_fields)))
    if frozen:
        for name in ('__setattr__', '__delattr__'):
            if name in cls.__dict__:
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')
        ns = dict(cls.__dict__)
        ns.pop('__dict__', None)
        ns.pop('__weakref__', None)
        owner = [cls]
        ns['__setattr__'], ns['__delattr__'] = _frozen_methods(owner, field_list)
        _set_qualname(cls, ns['__setattr__'])
        _set_qualname(cls, ns['__delattr__'])
        new_cls = type(cls.__name__, cls.__bases__, ns)
        new_cls.__qualname__ = cls.__qualname__
        owner[0] = new_cls
        cls = new_cls
    return cls


def _std_fields(all_fields):
    return [f for f in all_fields if f._field_type in (_FIELD, _FIELD_INITVAR) and f.init and not f.kw_only]


def _set_new_attribute_plain(cls, name, value):
    if name not in cls.__dict__:
        setattr(cls, name, value)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):

    def wrap(cls):
        cls = _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only)
        if slots:
            cls = _add_slots(cls, weakref_slot)
        elif weakref_slot:
            raise TypeError('weakref_slot is True but slots is False')
        return cls
    if cls is None:
        return wrap
    return wrap(cls)


def _add_slots(cls, weakref_slot):
    # CPython's: the class again, made by its type, with `__slots__` naming the fields that no
    # base already has a slot for, and without the fields' class-level defaults.
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    cls_dict = dict(cls.__dict__)
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(base.__dict__.get('__slots__', ()))
    field_names = tuple(f.name for f in fields(cls))
    cls_dict['__slots__'] = tuple(n for n in field_names if n not in inherited) + (
        ('__weakref__',) if weakref_slot else ())
    for field_name in field_names:
        cls_dict.pop(field_name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    return cls


def fields(class_or_instance):
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    ns = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        else:
            name, tp, spec = item
            ns[name] = spec
        annotations[name] = tp
    ns['__annotations__'] = annotations
    cls = type(cls_name, bases, ns)
    return dataclass(cls, **kwargs)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be specified with replace()')
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)
