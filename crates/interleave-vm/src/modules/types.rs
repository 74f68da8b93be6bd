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
    interp.run_embedded(d, "_interleave_types", include_str!("py/_interleave_types.py"))
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
    /// `Cls.__dict__`: a `mappingproxy` over the class namespace (read-only and live, as
    /// CPython's), created without running Python code.
    pub(crate) fn class_dict_proxy(&mut self, dict: ObjRef) -> PyResult<Value> {
        let module = self.load_module("_interleave_types")?;
        let Some(Obj::Module(m)) = module.as_obj().map(|r| self.heap.get(r)) else {
            return Err(self.internal("_interleave_types is not a module"));
        };
        let Some(Value::Obj(cls)) = self.dict_get_str(m.dict, "mappingproxy") else {
            return Err(self.internal("_interleave_types.mappingproxy is missing"));
        };
        let proxy = self.new_instance(cls);
        let key = self.intern("_interleave_mapping");
        self.generic_setattr(&proxy, &key, Value::Obj(dict))?;
        Ok(proxy)
    }
}
