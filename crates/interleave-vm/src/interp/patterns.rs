//! Structural pattern matching (`match`, PEP 634): the work behind the `GetLen`,
//! `MatchSequence`, `MatchMapping`, `MatchKeys` and `MatchClass` instructions, after CPython
//! 3.11's `match_keys` and `match_class` (Python/ceval.c).

use crate::interp::Interp;
use crate::native::PyResult;
use crate::object::{Obj, Payload};
use crate::value::{ObjRef, Value};

impl Interp {
    /// `len(v)` for `GetLen`.
    pub(crate) fn match_len(&mut self, v: &Value) -> PyResult<Value> {
        let n = crate::builtins::functions::length(self, v)?;
        Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
    }

    /// May `v` match a sequence pattern? (CPython's `Py_TPFLAGS_SEQUENCE`: list, tuple, range,
    /// `collections.deque` and their subclasses; never str, bytes or bytearray.)
    pub(crate) fn match_is_sequence(&self, v: &Value) -> bool {
        if let Value::Obj(r) = v {
            match self.heap.get(*r) {
                Obj::List(_) | Obj::Tuple(_) | Obj::Range { .. } => return true,
                Obj::Instance(inst) if matches!(inst.payload, Payload::Deque { .. }) => return true,
                _ => {}
            }
        }
        let cls = self.type_of(v);
        self.is_subclass(cls, self.t.list) || self.is_subclass(cls, self.t.tuple)
    }

    /// May `v` match a mapping pattern? (CPython's `Py_TPFLAGS_MAPPING`: dict and subclasses.)
    pub(crate) fn match_is_mapping(&self, v: &Value) -> bool {
        let cls = self.type_of(v);
        self.is_subclass(cls, self.t.dict)
    }

    /// `MatchKeys`: the tuple of `subject`'s values for the tuple `keys`, or `None` when one is
    /// missing. Looks keys up as `subject.get(key, sentinel)`: directly in a dict (no
    /// `__missing__`), through a user-defined `get` otherwise.
    pub(crate) fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let keys = match keys.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::Tuple(items)) => items.clone(),
            _ => return Err(self.internal("MatchKeys without a tuple of keys")),
        };
        if keys.is_empty() {
            return Ok(self.new_tuple(Vec::new()));
        }
        let cls = self.type_of(subject);
        let user_get = self.class_lookup(cls, "get").filter(|g| !matches!(g.as_obj().map(|r| self.heap.get(r)), Some(Obj::Native(_))));
        let dict = if user_get.is_none() { self.base_obj(subject).filter(|&d| matches!(self.heap.get(d), Obj::Dict(_))) } else { None };
        let sentinel = self.new_instance(self.t.object);
        let mut values = Vec::with_capacity(keys.len());
        for (i, key) in keys.iter().enumerate() {
            for earlier in &keys[..i] {
                if self.eq(earlier, key)? {
                    let msg = format!("mapping pattern checks duplicate key ({})", self.repr(key)?);
                    return Err(self.err(self.t.value_error, msg));
                }
            }
            let value = match (dict, &user_get) {
                (Some(d), _) => self.dict_get(d, key)?,
                (None, Some(get)) => {
                    let v = self.call_nested(get.clone(), vec![subject.clone(), key.clone(), sentinel.clone()])?;
                    (!v.is(&sentinel)).then_some(v)
                }
                (None, None) => {
                    let v = self.call_method_nested(subject, "get", vec![key.clone(), sentinel.clone()])?;
                    v.filter(|v| !v.is(&sentinel))
                }
            };
            match value {
                Some(v) => values.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(values))
    }

    /// `MatchClass(nargs)`: the attributes a class pattern `cls(p1, …, pn, k1=…, …)` matches
    /// against, as a tuple, or `None` when `subject` is not an instance of `cls` or lacks one
    /// of the attributes.
    pub(crate) fn match_class(&mut self, subject: &Value, cls: &Value, nargs: usize, names: &Value) -> PyResult<Value> {
        let Some(cls_ref) = cls.as_obj().filter(|&r| matches!(self.heap.get(r), Obj::Class(_))) else {
            return Err(self.err(self.t.type_error, "called match pattern must be a type"));
        };
        if !self.isinstance(subject, cls_ref) {
            return Ok(Value::None);
        }
        let type_name = self.class(cls_ref).name.clone();
        let mut seen: Vec<Value> = Vec::new();
        let mut attrs = Vec::new();
        if nargs > 0 {
            let (match_args, match_self) = match self.getattr_opt(cls, "__match_args__")? {
                Some(m) => match m.as_obj().map(|r| self.heap.get(r)) {
                    Some(Obj::Tuple(items)) => (items.clone(), false),
                    _ => {
                        let msg = format!("{type_name}.__match_args__ must be a tuple (got {})", self.type_name(&m));
                        return Err(self.err(self.t.type_error, msg));
                    }
                },
                None => (Vec::new(), self.matches_self(cls_ref)),
            };
            let allowed = if match_self { 1 } else { match_args.len() };
            if allowed < nargs {
                let plural = if allowed == 1 { "" } else { "s" };
                let msg = format!("{type_name}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)");
                return Err(self.err(self.t.type_error, msg));
            }
            if match_self {
                attrs.push(subject.clone());
            } else {
                for name in &match_args[..nargs] {
                    if !matches!(name, Value::Str(_)) {
                        let msg = format!("__match_args__ elements must be strings (got {})", self.type_name(name));
                        return Err(self.err(self.t.type_error, msg));
                    }
                    match self.match_class_attr(subject, &type_name, name, &mut seen)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        let names = match names.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::Tuple(items)) => items.clone(),
            _ => Vec::new(),
        };
        for name in &names {
            match self.match_class_attr(subject, &type_name, name, &mut seen)? {
                Some(v) => attrs.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(attrs))
    }

    /// One attribute of a class pattern: `None` when missing; `TypeError` when requested twice.
    fn match_class_attr(&mut self, subject: &Value, type_name: &str, name: &Value, seen: &mut Vec<Value>) -> PyResult<Option<Value>> {
        let Value::Str(s) = name else { return Err(self.internal("class pattern attribute is not a str")) };
        if seen.iter().any(|n| matches!(n, Value::Str(o) if o.as_str() == s.as_str())) {
            let msg = format!("{type_name}() got multiple sub-patterns for attribute {}", self.repr(name)?);
            return Err(self.err(self.t.type_error, msg));
        }
        seen.push(name.clone());
        let s = s.clone();
        self.getattr_opt(subject, s.as_str())
    }

    /// Do instances of `cls` match a single positional sub-pattern themselves (`int(x)`)?
    /// True for bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple and
    /// their subclasses (CPython's `_Py_TPFLAGS_MATCH_SELF`, which subclasses inherit).
    fn matches_self(&self, cls: ObjRef) -> bool {
        let t = &self.t;
        [t.bool_, t.bytearray, t.bytes, t.dict, t.float, t.frozenset, t.int, t.list, t.set, t.str, t.tuple]
            .iter()
            .any(|&b| self.is_subclass(cls, b))
    }
}
