//! Comparisons: `==`, ordering for `<` and sorting, `in` — exact across ints and floats as
//! CPython, with dunder dispatch for user classes and inclusion order for sets.

use std::cmp::Ordering;
use std::rc::Rc;

use interleave_compiler::CmpOp;
use num_bigint::BigInt;

use crate::interp::Interp;
use crate::interp::ops::{Num, range_len};
use crate::native::{Flow, PyResult};
use crate::object::Obj;
use crate::value::Value;

impl Interp {
    /// Rich comparison `a op b`.
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        let name = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][op as usize];
        if let Some(inner) = self.delegate(a, name) {
            return self.compare(op, &inner, b);
        }
        if let Some(inner) = self.delegate(b, name) {
            return self.compare(op, a, &inner);
        }
        if self.is_user_instance(a) || self.is_user_instance(b) {
            let (name, reflected) = match op {
                CmpOp::Lt => ("__lt__", "__gt__"),
                CmpOp::Le => ("__le__", "__ge__"),
                CmpOp::Eq => ("__eq__", "__eq__"),
                CmpOp::Ne => ("__ne__", "__ne__"),
                CmpOp::Gt => ("__gt__", "__lt__"),
                CmpOp::Ge => ("__ge__", "__le__"),
            };
            if let Some(m) = self.lookup_user_method(a, name) {
                let r = self.call_nested_with(m, crate::native::Args::new(vec![a.clone(), b.clone()]), super::IN_COMPARISON)?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            if let Some(m) = self.lookup_user_method(b, reflected) {
                let r = self.call_nested_with(m, crate::native::Args::new(vec![b.clone(), a.clone()]), super::IN_COMPARISON)?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            if op == CmpOp::Ne
                && let Some(m) = self.lookup_user_method(a, "__eq__") {
                    let r = self.call_nested_with(m, crate::native::Args::new(vec![a.clone(), b.clone()]), super::IN_COMPARISON)?;
                    if !matches!(r, Value::NotImplemented) {
                        let t = self.truthy(&r)?;
                        return Ok(Value::Bool(!t));
                    }
                }
            return match op {
                CmpOp::Eq => Ok(Value::Bool(a.is(b))),
                CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
                _ => Err(self.cmp_error(op, a, b)),
            };
        }
        if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
            let is_set = |o: &Obj| matches!(o, Obj::Set { .. });
            if !matches!(op, CmpOp::Eq | CmpOp::Ne) && is_set(self.heap.get(*x)) && is_set(self.heap.get(*y)) {
                // Sets are ordered by inclusion; incomparable sets compare false.
                let o = self.set_order(*x, *y)?;
                return Ok(Value::Bool(matches!(
                    (op, o),
                    (CmpOp::Lt, Some(Ordering::Less))
                        | (CmpOp::Le, Some(Ordering::Less | Ordering::Equal))
                        | (CmpOp::Gt, Some(Ordering::Greater))
                        | (CmpOp::Ge, Some(Ordering::Greater | Ordering::Equal))
                )));
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(self.eq(a, b)?)),
            CmpOp::Ne => Ok(Value::Bool(!self.eq(a, b)?)),
            _ => match self.order(a, b)? {
                Some(ord) => Ok(Value::Bool(match op {
                    CmpOp::Lt => ord == Ordering::Less,
                    CmpOp::Le => ord != Ordering::Greater,
                    CmpOp::Gt => ord == Ordering::Greater,
                    _ => ord != Ordering::Less,
                })),
                None => {
                    // NaN comparisons are all false.
                    if matches!((self.to_num(a), self.to_num(b)), (Some(_), Some(_))) {
                        return Ok(Value::Bool(false));
                    }
                    Err(self.cmp_error(op, a, b))
                }
            },
        }
    }

    pub fn cmp_error(&mut self, op: CmpOp, a: &Value, b: &Value) -> Flow {
        let msg = format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            self.type_name(a),
            self.type_name(b)
        );
        self.err(self.t.type_error, msg)
    }

    /// `a == b` for any values.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(inner) = self.delegate(a, "__eq__") {
            return self.eq(&inner, b);
        }
        if let Some(inner) = self.delegate(b, "__eq__") {
            return self.eq(a, &inner);
        }
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x == y);
        }
        if let (Value::Str(x), Value::Str(y)) = (a, b) {
            return Ok(Rc::ptr_eq(x, y) || x.as_str() == y.as_str());
        }
        if self.is_user_instance(a) || self.is_user_instance(b) {
            let r = self.compare(CmpOp::Eq, a, b)?;
            return self.truthy(&r);
        }
        if let (Some(x), Some(y)) = (self.to_num(a), self.to_num(b)) {
            return Ok(num_cmp(&x, &y) == Some(Ordering::Equal));
        }
        if let Some(r) = self.complex_eq(a, b) {
            return Ok(r);
        }
        if let (Some(x), Some(y)) = (self.bytes_of(a), self.bytes_of(b)) {
            return Ok(x == y);
        }
        match (a, b) {
            (Value::Obj(x), Value::Obj(y)) => {
                if x == y {
                    return Ok(true);
                }
                let pair = match (self.heap.get(*x), self.heap.get(*y)) {
                    (Obj::List(p), Obj::List(q)) | (Obj::Tuple(p), Obj::Tuple(q)) => {
                        if p.len() != q.len() {
                            return Ok(false);
                        }
                        Some((p.clone(), q.clone()))
                    }
                    (Obj::Dict(p), Obj::Dict(q)) => {
                        if p.len() != q.len() {
                            return Ok(false);
                        }
                        let entries: Vec<(Value, Value)> = p.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                        for (k, v) in entries {
                            match self.dict_get(*y, &k)? {
                                Some(w) => {
                                    if !self.eq(&v, &w)? {
                                        return Ok(false);
                                    }
                                }
                                None => return Ok(false),
                            }
                        }
                        return Ok(true);
                    }
                    (Obj::Set { items: p, .. }, Obj::Set { items: q, .. }) => {
                        if p.len() != q.len() {
                            return Ok(false);
                        }
                        let keys: Vec<Value> = p.keys().cloned().collect();
                        for k in keys {
                            if !self.set_contains(*y, &k)? {
                                return Ok(false);
                            }
                        }
                        return Ok(true);
                    }
                    (Obj::Range { start: a1, stop: b1, step: c1 }, Obj::Range { start: a2, stop: b2, step: c2 }) => {
                        let (l1, l2) = (range_len(*a1, *b1, *c1), range_len(*a2, *b2, *c2));
                        return Ok(l1 == l2 && (l1 == 0 || (a1 == a2 && (l1 == 1 || c1 == c2))));
                    }
                    _ => None,
                };
                match pair {
                    Some((p, q)) => {
                        for (u, v) in p.iter().zip(q.iter()) {
                            if !u.is(v) && !self.eq(u, v)? {
                                return Ok(false);
                            }
                        }
                        Ok(true)
                    }
                    None => Ok(false),
                }
            }
            _ => Ok(a.is(b)),
        }
    }

    /// Ordering of two values for `<` etc. and sorting; `None` when not orderable.
    pub fn order(&mut self, a: &Value, b: &Value) -> PyResult<Option<Ordering>> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(Some(x.cmp(y)));
        }
        if let (Some(x), Some(y)) = (self.to_num(a), self.to_num(b)) {
            return Ok(num_cmp(&x, &y));
        }
        if let (Some(x), Some(y)) = (self.bytes_of(a), self.bytes_of(b))
            && !self.is_memoryview(a)
            && !self.is_memoryview(b)
        {
            return Ok(Some(x.cmp(y)));
        }
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => Ok(Some(x.as_str().cmp(y.as_str()))),
            (Value::Obj(x), Value::Obj(y)) => {
                let (p, q) = match (self.heap.get(*x), self.heap.get(*y)) {
                    (Obj::List(p), Obj::List(q)) | (Obj::Tuple(p), Obj::Tuple(q)) => (p.clone(), q.clone()),
                    (Obj::Set { .. }, Obj::Set { .. }) => return self.set_order(*x, *y),
                    _ => {
                        if self.is_user_instance(a) || self.is_user_instance(b) {
                            let lt = self.compare(CmpOp::Lt, a, b)?;
                            if self.truthy(&lt)? {
                                return Ok(Some(Ordering::Less));
                            }
                            let gt = self.compare(CmpOp::Lt, b, a)?;
                            return Ok(Some(if self.truthy(&gt)? { Ordering::Greater } else { Ordering::Equal }));
                        }
                        return Ok(None);
                    }
                };
                for (u, v) in p.iter().zip(q.iter()) {
                    if !self.eq(u, v)? {
                        return match self.order(u, v)? {
                            Some(o) => Ok(Some(o)),
                            None => Err(self.cmp_error(CmpOp::Lt, u, v)),
                        };
                    }
                }
                Ok(Some(p.len().cmp(&q.len())))
            }
            _ => {
                if self.is_user_instance(a) || self.is_user_instance(b) {
                    let lt = self.compare(CmpOp::Lt, a, b)?;
                    if self.truthy(&lt)? {
                        return Ok(Some(Ordering::Less));
                    }
                    let gt = self.compare(CmpOp::Lt, b, a)?;
                    return Ok(Some(if self.truthy(&gt)? { Ordering::Greater } else { Ordering::Equal }));
                }
                Ok(None)
            }
        }
    }

    /// `item in b` for a bytes-like `b`: a byte value or a bytes-like substring.
    fn bytes_contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let needle = match self.bytes_of(item) {
            Some(sub) => sub.to_vec(),
            None if matches!(item, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => vec![self.byte_value(item)?],
            None => {
                let msg = format!("a bytes-like object is required, not '{}'", self.type_name(item));
                return Err(self.err(self.t.type_error, msg));
            }
        };
        let hay = self.bytes_of(container).unwrap_or_default();
        Ok(needle.is_empty() || hay.windows(needle.len()).any(|w| w == &needle[..]))
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Some(inner) = self.delegate(container, "__contains__") {
            return self.contains(&inner, item);
        }
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => {
                    let msg = format!("'in <string>' requires string as left operand, not {}", self.type_name(item));
                    Err(self.err(self.t.type_error, msg))
                }
            },
            _ if self.bytes_of(container).is_some() && !self.is_memoryview(container) => self.bytes_contains(container, item),
            Value::Obj(r) => {
                let r = *r;
                match self.heap.get(r) {
                    Obj::List(items) | Obj::Tuple(items) => {
                        let items = items.clone();
                        for v in &items {
                            if v.is(item) || self.eq(v, item)? {
                                return Ok(true);
                            }
                        }
                        Ok(false)
                    }
                    Obj::Dict(_) => Ok(self.dict_get(r, item)?.is_some()),
                    Obj::Set { .. } => self.set_contains(r, item),
                    Obj::DictView(dv) => {
                        let dv = *dv;
                        self.view_contains(dv, item)
                    }
                    Obj::Range { start, stop, step } => {
                        let (start, stop, step) = (*start, *stop, *step);
                        let Value::Int(i) = item else {
                            return Ok(false);
                        };
                        let i = *i;
                        let inside = if step > 0 { i >= start && i < stop } else { i <= start && i > stop };
                        Ok(inside && (i - start) % step == 0)
                    }
                    Obj::Instance(inst) => {
                        let cls = inst.class;
                        if let Some(m) = self.class_lookup(cls, "__contains__") {
                            let r = self.call_nested(m, vec![container.clone(), item.clone()])?;
                            return self.truthy(&r);
                        }
                        if self.class_lookup(cls, "__iter__").is_none() && self.class_lookup(cls, "__getitem__").is_none() {
                            let msg = format!("argument of type '{}' is not iterable", self.type_name(container));
                            return Err(self.err(self.t.type_error, msg));
                        }
                        self.contains_by_iteration(container, item)
                    }
                    _ => self.contains_by_iteration(container, item),
                }
            }
            _ => {
                let msg = format!("argument of type '{}' is not iterable", self.type_name(container));
                Err(self.err(self.t.type_error, msg))
            }
        }
    }

    fn contains_by_iteration(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let items = self.collect_iterable(container)?;
        for v in &items {
            if v.is(item) || self.eq(v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// Compares two numbers exactly (ints and floats mixed, as CPython).
pub fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
        (Num::Int(x), Num::Float(y)) => int_float_cmp(x, *y),
        (Num::Float(x), Num::Int(y)) => int_float_cmp(y, *x).map(Ordering::reverse),
    }
}

fn int_float_cmp(i: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let fl = f.floor();
    let fi = num_bigint::BigInt::from(fl as i128);
    let fi = if fl.abs() < 1e38 {
        fi
    } else {
        num_traits::FromPrimitive::from_f64(fl).unwrap_or_default()
    };
    match i.cmp(&fi) {
        Ordering::Equal => {
            if f > fl {
                Some(Ordering::Less)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}
