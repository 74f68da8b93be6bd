//! `_interleave_types`: built-in types that CPython writes in C and Interleave in Python
//! (`py/_interleave_types.py`: `mappingproxy`, `SimpleNamespace`), and the native helper
//! `types.coroutine` needs. `types` (`py/types.py`) and `inspect` (`py/inspect.py`) sit on it.

use std::rc::Rc;

use crate::interp::Interp;
use crate::native::{Args, PyResult};
use crate::object::Obj;
use crate::value::{ObjRef, Value};

pub fn init(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    interp.def_fn(d, "_set_iterable_coroutine", set_iterable_coroutine);
    interp.run_embedded(d, "_interleave_types", py!("_interleave_types.py"))
}

/// `_set_iterable_coroutine(func)`: sets `CO_ITERABLE_COROUTINE` on a copy of a generator
/// function's code and gives the function that copy (what `types.coroutine` does with
/// `func.__code__ = co.replace(co_flags=co.co_flags | 0x100)`).
fn set_iterable_coroutine(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let Some(r) = args.pos.first().and_then(Value::as_obj) else {
        return Err(interp.internal("_set_iterable_coroutine expects a function"));
    };
    let Obj::Function(f) = interp.heap.get_mut(r) else {
        return Err(interp.internal("_set_iterable_coroutine expects a function"));
    };
    let mut code = (*f.code).clone();
    code.flags.iterable_coroutine = true;
    f.code = Rc::new(code);
    Ok(Value::None)
}

impl Interp {
    /// A new instance of class `class` of `_interleave_types` with one attribute set, made
    /// without running Python code.
    fn new_types_instance(&mut self, class: &str, attr: &str, v: Value) -> PyResult<Value> {
        let module = self.load_module("_interleave_types")?;
        let Some(Obj::Module(m)) = module.as_obj().map(|r| self.heap.get(r)) else {
            return Err(self.internal("_interleave_types is not a module"));
        };
        let Some(Value::Obj(cls)) = self.dict_get_str(m.dict, class) else {
            return Err(self.internal(format!("_interleave_types.{class} is missing")));
        };
        let inst = self.new_instance(cls);
        let key = self.intern(attr);
        self.generic_setattr(&inst, &key, v)?;
        Ok(inst)
    }

    /// `Cls.__dict__`: a `mappingproxy` over the class namespace (read-only and live, as
    /// CPython's).
    pub(crate) fn class_dict_proxy(&mut self, dict: ObjRef) -> PyResult<Value> {
        self.new_types_instance("mappingproxy", "_interleave_mapping", Value::Obj(dict))
    }

    /// Calling an async generator function: the `async_generator` object around the
    /// generator `frame_gen` that runs its body.
    pub(crate) fn new_async_generator(&mut self, frame_gen: Value) -> PyResult<Value> {
        self.new_types_instance("async_generator", "_interleave_gen", frame_gen)
    }

    /// The value an async generator's `yield` hands out (CPython's
    /// `_PyAsyncGenWrappedValue`), told apart from what an `await` inside passes through.
    pub(crate) fn async_gen_wrap(&mut self, v: Value) -> PyResult<Value> {
        self.new_types_instance("_AsyncGenWrappedValue", "value", v)
    }
}
