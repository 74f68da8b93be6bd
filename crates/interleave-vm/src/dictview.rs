//! Dict views (`dict_keys`, `dict_values`, `dict_items`): live, re-iterable windows onto a
//! dict, as `dict.keys()`/`values()`/`items()` return in CPython.

use interleave_compiler::BinOp;

use crate::interp::Interp;
use crate::native::PyResult;
use crate::object::{DictIterKind, Iter, Obj};
use crate::types::Types;
use crate::value::{ObjRef, Value};

/// A view of `dict` (`keys()`, `values()` or `items()`, by `kind`).
#[derive(Clone, Copy, Debug)]
pub struct DictView {
    pub dict: ObjRef,
    pub kind: DictIterKind,
}

impl DictView {
    /// The view's class (`dict_keys`, `dict_values` or `dict_items`).
    pub fn class(&self, t: &Types) -> ObjRef {
        match self.kind {
            DictIterKind::Keys => t.dict_keys,
            DictIterKind::Values => t.dict_values,
            _ => t.dict_items,
        }
    }
}

impl Interp {
    /// `iter(view)`: a fresh dict iterator of the view's kind.
    pub fn view_iter(&mut self, v: DictView) -> Value {
        let len = self.view_len(v);
        self.alloc(Obj::Iter(Iter::Dict { dict: v.dict, index: 0, len, kind: v.kind }))
    }

    /// `len(view)`: the dict's current size.
    pub fn view_len(&self, v: DictView) -> usize {
        match self.heap.get(v.dict) {
            Obj::Dict(d) => d.len(),
            _ => 0,
        }
    }

    /// `repr(view)`: `dict_keys(['a', 'b'])`.
    pub fn view_repr(&mut self, v: DictView) -> PyResult<String> {
        let entries: Vec<(Value, Value)> = match self.heap.get(v.dict) {
            Obj::Dict(d) => d.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            _ => Vec::new(),
        };
        let mut parts = Vec::with_capacity(entries.len());
        for (k, val) in &entries {
            parts.push(match v.kind {
                DictIterKind::Keys => self.repr(k)?,
                DictIterKind::Values => self.repr(val)?,
                _ => format!("({}, {})", self.repr(k)?, self.repr(val)?),
            });
        }
        let name = self.class(v.class(&self.t)).name.clone();
        Ok(format!("{name}([{}])", parts.join(", ")))
    }

    /// `item in view`: a hash lookup for keys and items, a scan for values.
    pub fn view_contains(&mut self, v: DictView, item: &Value) -> PyResult<bool> {
        match v.kind {
            DictIterKind::Keys => Ok(self.dict_get(v.dict, item)?.is_some()),
            DictIterKind::Values => {
                let values: Vec<Value> = match self.heap.get(v.dict) {
                    Obj::Dict(d) => d.values().cloned().collect(),
                    _ => Vec::new(),
                };
                for x in &values {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                let pair = match item.as_obj().map(|r| self.heap.get(r)) {
                    Some(Obj::Tuple(t)) if t.len() == 2 => t.clone(),
                    _ => return Ok(false),
                };
                match self.dict_get(v.dict, &pair[0])? {
                    Some(x) => Ok(x.is(&pair[1]) || self.eq(&x, &pair[1])?),
                    None => Ok(false),
                }
            }
        }
    }
}

impl Interp {
    /// The keys or items view behind `v` (the views that act as sets; `values()` does not).
    fn set_like_view(&self, v: &Value) -> Option<DictView> {
        match v.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::DictView(view)) if view.kind != DictIterKind::Values => Some(*view),
            _ => None,
        }
    }

    /// `a & b`, `a | b`, `a - b`, `a ^ b` where either side is a keys or items view: a new
    /// `set`, built as CPython's `dictviews_*` slots build it (`None` when neither side is one).
    pub fn view_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if self.set_like_view(a).is_none() && self.set_like_view(b).is_none() {
            return Ok(None);
        }
        let result = match op.base() {
            BinOp::And => return self.view_intersect(a, b).map(Some),
            BinOp::Or => {
                let s = self.set_from(a, false)?;
                self.set_update(s, b)?;
                s
            }
            BinOp::Subtract => {
                let s = self.set_from(a, false)?;
                self.set_difference_update(s, b)?;
                s
            }
            BinOp::Xor => {
                let s = self.set_from(a, false)?;
                self.set_symmetric_difference_update(s, b)?;
                s
            }
            _ => return Ok(None),
        };
        Ok(Some(Value::Obj(result)))
    }

    /// `_PyDictView_Intersect`: a set's own intersection when the other side is a larger exact
    /// set, else the members of the smaller side that the view contains, in that side's order.
    fn view_intersect(&mut self, a: &Value, b: &Value) -> PyResult<Value> {
        let (mut view, mut other) = match self.set_like_view(a) {
            Some(v) => (v, b.clone()),
            None => (self.set_like_view(b).ok_or_else(|| self.internal("view operand"))?, a.clone()),
        };
        let len_self = self.view_len(view);
        if let Some(o) = other.as_obj().filter(|r| matches!(self.heap.get(*r), Obj::Set { frozen: false, .. }))
            && self.type_of(&other) == self.t.set
            && len_self <= self.set_items(o).len()
        {
            let view_value = self.alloc(Obj::DictView(view));
            return Ok(Value::Obj(self.set_intersection(o, &view_value, false)?));
        }
        if let Some(o) = self.set_like_view(&other)
            && self.view_len(o) > len_self
        {
            other = self.alloc(Obj::DictView(view));
            view = o;
        }
        let result = self.new_empty_set(false);
        for item in self.collect_iterable(&other)? {
            if self.view_contains(view, &item)? {
                self.set_add(result, item)?;
            }
        }
        Ok(Value::Obj(result))
    }
}
