# Interleave: built-in types that CPython writes in C and Interleave writes in Python.
# Their frames are left out of tracebacks (`is_c_accelerated` in interp/exc.rs).


class mappingproxy:
    """Read-only proxy of a mapping (CPython's `Objects/descrobject.c`): what `Cls.__dict__`
    returns, a live view of the class namespace."""

    __slots__ = ('_interleave_mapping',)

    def __new__(cls, mapping):
        if (not hasattr(type(mapping), '__getitem__') or not hasattr(type(mapping), 'keys')
                or isinstance(mapping, (list, tuple))):
            raise TypeError(f"mappingproxy() argument must be a mapping, not {type(mapping).__name__}")
        self = object.__new__(cls)
        object.__setattr__(self, '_interleave_mapping', mapping)
        return self

    def __getitem__(self, key):
        return self._interleave_mapping[key]

    def get(self, key, default=None, /):
        return self._interleave_mapping.get(key, default)

    def __contains__(self, key):
        return key in self._interleave_mapping

    def __iter__(self):
        return iter(self._interleave_mapping)

    def __len__(self):
        return len(self._interleave_mapping)

    def __reversed__(self):
        return reversed(self._interleave_mapping)

    def keys(self):
        return self._interleave_mapping.keys()

    def values(self):
        return self._interleave_mapping.values()

    def items(self):
        return self._interleave_mapping.items()

    def copy(self):
        return self._interleave_mapping.copy()

    def __eq__(self, other):
        return self._interleave_mapping == other

    def __ne__(self, other):
        return self._interleave_mapping != other

    __hash__ = None

    def __or__(self, other):
        if isinstance(other, mappingproxy):
            other = other._interleave_mapping
        return self._interleave_mapping | other

    def __ror__(self, other):
        return other | self._interleave_mapping

    def __ior__(self, other):
        raise TypeError("'|=' is not supported by mappingproxy; use '|' instead")

    def __repr__(self):
        return f'mappingproxy({self._interleave_mapping!r})'

    def __str__(self):
        return str(self._interleave_mapping)


mappingproxy.__module__ = 'builtins'


class SimpleNamespace:
    """A simple attribute-based namespace (CPython's `Objects/namespaceobject.c`)."""

    def __init__(self, /, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        if id(self) in _repr_running:
            return f'{name}(...)'
        _repr_running.add(id(self))
        try:
            items = (f'{k}={v!r}' for k, v in vars(self).items())
            return f"{name}({', '.join(items)})"
        finally:
            _repr_running.discard(id(self))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return vars(self) == vars(other)
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return (type(self), (), vars(self))


SimpleNamespace.__module__ = 'types'
_repr_running = set()
