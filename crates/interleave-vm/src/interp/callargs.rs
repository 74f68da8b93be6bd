//! The `*args`/`**kwargs` of a call (`CallEx`, and the `ListExtend`/`DictMerge` that build
//! them), with CPython 3.11's error messages, which name the function as
//! `_PyObject_FunctionStr` does (`__main__.f()`, `print()`).

use crate::interp::Interp;
use crate::native::PyResult;
use crate::object::{Obj, Payload};
use crate::value::Value;

impl Interp {
    /// Can `v` be iterated (it has `__iter__`, or is a sequence)? Decides the messages of
    /// `f(*x)` and `[*x]` before anything is run, as CPython checks `tp_iter`.
    pub(crate) fn is_iterable(&self, v: &Value) -> bool {
        match v {
            Value::Str(_) | Value::Bytes(_) => true,
            Value::Obj(r) => match self.heap.get(*r) {
                Obj::List(_)
                | Obj::Tuple(_)
                | Obj::ByteArray(_)
                | Obj::MemoryView { .. }
                | Obj::Dict(_)
                | Obj::Set { .. }
                | Obj::Range { .. }
                | Obj::DictView(_)
                | Obj::Iter(_)
                | Obj::Generator(_) => true,
                Obj::Instance(i) => {
                    matches!(i.payload, Payload::Deque { .. } | Payload::Builtin(_))
                        || self.class_lookup(i.class, "__iter__").is_some()
                        || self.class_lookup(i.class, "__getitem__").is_some()
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// How CPython names a callable in call errors: `module.qualname()`, or `qualname()` for
    /// built-ins, or `type object` for objects without a `__qualname__`.
    pub(crate) fn function_str(&mut self, f: &Value) -> PyResult<String> {
        let qualname = match self.getattr_opt(f, "__qualname__")? {
            Some(q) => self.to_str(&q)?,
            None => return Ok(format!("{} object", self.type_name(f))),
        };
        let module = match self.getattr_opt(f, "__module__")? {
            Some(Value::Str(m)) if m.as_str() != "builtins" => Some(m.as_str().to_owned()),
            _ => None,
        };
        Ok(match module {
            Some(m) => format!("{m}.{qualname}()"),
            None => format!("{qualname}()"),
        })
    }

    /// The positional arguments of `CallEx`: a tuple or list as it is, else the items of an
    /// iterable.
    pub(crate) fn star_args(&mut self, func: &Value, args: &Value) -> PyResult<Vec<Value>> {
        match args.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::Tuple(items) | Obj::List(items)) => Ok(items.clone()),
            _ if self.is_iterable(args) => self.collect_iterable(args),
            _ => {
                let msg = format!(
                    "{} argument after * must be an iterable, not {}",
                    self.function_str(func)?,
                    self.type_name(args)
                );
                Err(self.err(self.t.type_error, msg))
            }
        }
    }

    /// `ListExtend` of a non-iterable: CPython's text for `[*x]` and `f(a, *x)`.
    pub(crate) fn check_star_iterable(&mut self, v: &Value) -> PyResult<()> {
        if self.is_iterable(v) {
            return Ok(());
        }
        let msg = format!("Value after * must be an iterable, not {}", self.type_name(v));
        Err(self.err(self.t.type_error, msg))
    }

    /// `DictMerge(i)`: merges mapping `v` into the keyword dict `target` of a call, whose
    /// callable sits two slots below the dict (`NULL callable args dict`, see `CallEx`).
    pub(crate) fn dict_merge(&mut self, i: u32, target: &Value, v: Value) -> PyResult<()> {
        let Value::Obj(t) = target else { return Err(self.internal("DictMerge on a non-dict")) };
        let t = *t;
        let func = {
            let st = &self.threads[self.cur].stack;
            st.len().checked_sub(i as usize + 2).and_then(|p| st.get(p)).cloned().unwrap_or(Value::None)
        };
        let src = match v.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::Dict(_)) => v.clone(),
            _ if self.class_lookup(self.type_of(&v), "keys").is_some() => {
                // Any mapping: its items through `keys()` and `__getitem__`.
                let d = self.new_dict();
                self.dict_update_from(d, &v)?;
                Value::Obj(d)
            }
            _ => {
                let msg = format!(
                    "{} argument after ** must be a mapping, not {}",
                    self.function_str(&func)?,
                    self.type_name(&v)
                );
                return Err(self.err(self.t.type_error, msg));
            }
        };
        let entries: Vec<(Value, Value)> = match src.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::Dict(d)) => d.iter().map(|(k, x)| (k.clone(), x.clone())).collect(),
            _ => Vec::new(),
        };
        for (k, x) in entries {
            if let Value::Str(s) = &k
                && self.dict_get(t, &k)?.is_some() {
                    let msg = format!(
                        "{} got multiple values for keyword argument '{}'",
                        self.function_str(&func)?,
                        s.as_str()
                    );
                    return Err(self.err(self.t.type_error, msg));
                }
            self.dict_setitem(t, k, x)?;
        }
        Ok(())
    }
}
