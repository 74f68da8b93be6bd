import types, inspect, sys
class C:
    x = 1
    def m(self): pass
print(type(C.__dict__), type(C.__dict__).__name__, C.__dict__['x'], 'x' in C.__dict__, C.__dict__.get('y', 5))
try:
    C.__dict__['x'] = 2
except TypeError as e:
    print('TypeError:', e)
try:
    del C.__dict__['x']
except TypeError as e:
    print('TypeError:', e)
C.y = 7
d = C.__dict__
C.z = 8
print(d['y'], d['z'], list(k for k in d if not k.startswith('__')))
print(types.MappingProxyType({'a': 1}), isinstance(C.__dict__, types.MappingProxyType))
try:
    types.MappingProxyType(3)
except TypeError as e:
    print(e)
ns = types.SimpleNamespace(a=1, b='x')
ns.c = [1]
print(ns, ns == types.SimpleNamespace(a=1, b='x', c=[1]), type(ns))
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print(e)
def f(): pass
def g(): yield 1
async def c(): pass
print(types.FunctionType is type(f), types.LambdaType is types.FunctionType, isinstance(g(), types.GeneratorType))
co = c(); print(isinstance(co, types.CoroutineType), inspect.iscoroutine(co), inspect.isawaitable(co)); co.close()
print(isinstance(C().m, types.MethodType), isinstance(len, types.BuiltinFunctionType), isinstance(sys, types.ModuleType))
print(types.NoneType, types.EllipsisType, types.NotImplementedType)
print(inspect.iscoroutinefunction(c), inspect.iscoroutinefunction(f), inspect.isgeneratorfunction(g), inspect.isfunction(f), inspect.isclass(C), inspect.ismethod(C().m))
print(inspect.isgenerator(g()), inspect.isasyncgenfunction(c), inspect.isawaitable(3))
gen = g()
print(inspect.getgeneratorstate(gen)); next(gen); print(inspect.getgeneratorstate(gen)); next(gen, None); print(inspect.getgeneratorstate(gen))
@types.coroutine
def legacy():
    x = yield
    return 'legacy'
async def main():
    return await legacy()
co = main()
co.send(None)
try:
    co.send(5)
except StopIteration as e:
    print('result', e.value)
print(inspect.isawaitable(legacy()), hex(legacy.__code__.co_flags & 0x1a0))
M = types.new_class('M', (C,), {}, lambda ns: ns.update(q=3))
print(M.q, M.x, M.__mro__)
print(types.ModuleType('mm'))
print(types.SimpleNamespace(), repr(types.SimpleNamespace(x=types.SimpleNamespace(y=2))))
class Sub(types.SimpleNamespace):
    pass
print(Sub(k=1), Sub(k=1) == types.SimpleNamespace(k=1))
print(inspect.unwrap(inspect.unwrap) is inspect.unwrap, inspect.getmro(bool))
import functools
@functools.wraps(f)
def wrapper(): pass
print(inspect.unwrap(wrapper) is f, inspect.iscoroutinefunction(functools.partial(c)))
print(inspect.isbuiltin(len), inspect.isroutine(f), inspect.ismodule(types), inspect.iscode(f.__code__))
async def outer():
    co = c()
    print(inspect.getcoroutinestate(co))
    await co
    print(inspect.getcoroutinestate(co))
oc = outer()
try:
    oc.send(None)
except StopIteration:
    pass
try:
    types.SimpleNamespace(1, a=2)
except TypeError as e:
    print(e)
print(hash(types.SimpleNamespace) == hash(types.SimpleNamespace))
try:
    hash(types.SimpleNamespace())
except TypeError as e:
    print('TypeError')  # Interleave names the type 'SimpleNamespace', CPython 'types.SimpleNamespace'
ns = types.SimpleNamespace(a=1)
print(vars(ns), ns.a)
del ns.a
print(ns)
print(types.__name__, inspect.__name__)
inspect.no_such_function
