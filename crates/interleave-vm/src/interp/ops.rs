//! Operators: arithmetic on the numeric tower, sequence operators, comparisons, truth,
//! subscripts — with dunder-method dispatch for user classes.

use std::rc::Rc;

use interleave_compiler::{BinOp, CmpOp, UnaryOp};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::interp::Interp;
use crate::native::{Flow, PyResult};
use crate::object::Obj;
use crate::value::{ObjRef, Value};

/// A number, for arithmetic.
pub enum Num {
    Int(BigInt),
    Float(f64),
}

/// `a op b` for two small ints when the result needs no big-int or float handling.
#[inline]
pub fn int_fast(op: BinOp, a: i64, b: i64) -> Option<Value> {
    match op.base() {
        BinOp::Add => a.checked_add(b).map(Value::Int),
        BinOp::Subtract => a.checked_sub(b).map(Value::Int),
        BinOp::Multiply => a.checked_mul(b).map(Value::Int),
        BinOp::And => Some(Value::Int(a & b)),
        BinOp::Or => Some(Value::Int(a | b)),
        BinOp::Xor => Some(Value::Int(a ^ b)),
        BinOp::FloorDivide if b != 0 && !(a == i64::MIN && b == -1) => Some(Value::Int(Integer::div_floor(&a, &b))),
        BinOp::Remainder if b != 0 && !(a == i64::MIN && b == -1) => Some(Value::Int(a.mod_floor(&b))),
        _ => None,
    }
}

#[inline]
pub fn cmp_ints(op: CmpOp, a: i64, b: i64) -> bool {
    match op {
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
    }
}

pub(super) fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op.base() {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Subtract => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Multiply => ("__mul__", "__rmul__", "__imul__"),
        BinOp::TrueDivide => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDivide => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Remainder => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Power => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::And => ("__and__", "__rand__", "__iand__"),
        BinOp::Or => ("__or__", "__ror__", "__ior__"),
        BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        _ => ("__matmul__", "__rmatmul__", "__imatmul__"),
    }
}

impl Interp {
    pub fn to_num(&self, v: &Value) -> Option<Num> {
        match v {
            Value::Bool(b) => Some(Num::Int(BigInt::from(*b as i64))),
            Value::Int(i) => Some(Num::Int(BigInt::from(*i))),
            Value::BigInt(b) => Some(Num::Int((**b).clone())),
            Value::Float(f) => Some(Num::Float(*f)),
            _ => None,
        }
    }

    pub(super) fn is_user_instance(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.get(*r), Obj::Instance(_)))
    }

    /// `lst += it` (`a` is the list `x`): extends it in place with any iterable, in frames
    /// when iterating runs Python code.
    fn list_iadd(&mut self, x: ObjRef, a: &Value, b: &Value) -> PyResult<Value> {
        if self.iterates_in_python(b) {
            return self.python_iteration("iadd_", vec![a.clone(), b.clone()]);
        }
        let items = self.collect_iterable(b)?;
        if let Obj::List(p) = self.heap.get_mut(x) {
            p.extend(items);
        }
        Ok(a.clone())
    }

    /// `+` and `*` with a `bytearray` operand (in place for `+=` and `*=` on one).
    fn bytearray_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let in_place = op.is_inplace() && self.is_bytearray(a);
        let out = match op.base() {
            BinOp::Add => {
                let (Some(x), Some(y)) = (self.bytes_of(a), self.bytes_of(b)) else { return Ok(None) };
                let mut v = Vec::with_capacity(x.len() + y.len());
                v.extend_from_slice(x);
                v.extend_from_slice(y);
                v
            }
            BinOp::Multiply => {
                let (s, n) = if self.is_bytearray(a) { (a, b) } else { (b, a) };
                if !self.is_bytearray(s) {
                    return Ok(None);
                }
                if !matches!(n, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
                    return Ok(None);
                }
                let n = self.repeat_count(n)?;
                let len = self.bytes_of(s).map_or(0, <[u8]>::len);
                self.check_str_size(len.saturating_mul(n))?;
                self.charge(len.saturating_mul(n) as u64 / 64);
                self.bytes_of(s).map_or_else(Vec::new, |x| x.repeat(n))
            }
            _ => return Ok(None),
        };
        self.check_str_size(out.len())?;
        if in_place {
            if let Some(Obj::ByteArray(data)) = a.as_obj().map(|r| self.heap.get_mut(r)) {
                *data = out;
            }
            return Ok(Some(a.clone()));
        }
        let like = if op.base() == BinOp::Multiply && !self.is_bytearray(a) { b } else { a };
        Ok(Some(self.bytes_like_result(like, out)))
    }

    /// `a op b`.
    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        // Instances of list/dict/set subclasses act as their contents unless a Python method
        // of either operand takes part.
        let (name, rname, _) = dunder(op);
        let (da, db) = (self.delegate(a, name), self.delegate(b, rname));
        if (da.is_some() || db.is_some())
            && (da.is_some() || !self.is_user_instance(a))
            && (db.is_some() || !self.is_user_instance(b))
        {
            let a2 = da.unwrap_or_else(|| a.clone());
            let b2 = db.unwrap_or_else(|| b.clone());
            return self.binary_op(op, &a2, &b2);
        }
        if self.is_user_instance(a) || self.is_user_instance(b) {
            // `text % obj`: str's own `%` comes first and takes any object (a `__rmod__` of
            // the right operand only counts for a subclass of str).
            if op.base() == BinOp::Remainder
                && let Value::Str(fmt) = a
                && !self.isinstance(b, self.t.str)
            {
                let fmt = fmt.clone();
                return self.percent_format(&fmt, b);
            }
            let (name, rname, iname) = dunder(op);
            if op.is_inplace()
                && let Some(m) = self.lookup_user_method(a, iname) {
                    return Err(Flow::TailCall(Box::new((m, vec![a.clone(), b.clone()]))));
                }
            if let Some(m) = self.lookup_user_method(a, name) {
                let r = self.call_nested(m, vec![a.clone(), b.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            if let Some(m) = self.lookup_user_method(b, rname) {
                let r = self.call_nested(m, vec![b.clone(), a.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            // A sequence repeated by an object with `__index__` (`"ab" * n`).
            if op.base() == BinOp::Multiply {
                let (seq, n) = if self.is_user_instance(b) { (a, b) } else { (b, a) };
                if !self.is_user_instance(seq)
                    && let Some(i) = self.index_value(n)? {
                        return self.binary_op(op, seq, &i);
                    }
            }
            return Err(self.unsupported(op, a, b));
        }
        if let Some(v) = self.numeric_op(op.base(), a, b)? {
            return Ok(v);
        }
        if let Some(v) = self.complex_binary(op.base(), a, b)? {
            return Ok(v);
        }
        if let Some(v) = self.sequence_op(op, a, b)? {
            return Ok(v);
        }
        if let Some(v) = self.view_binop(op, a, b)? {
            return Ok(v);
        }
        Err(self.unsupported(op, a, b))
    }

    /// A method defined by a user class (not by the built-in base).
    pub(super) fn lookup_user_method(&self, v: &Value, name: &str) -> Option<Value> {
        if !self.is_user_instance(v) {
            return None;
        }
        let cls = self.type_of(v);
        self.class_lookup(cls, name)
    }

    pub(super) fn unsupported(&mut self, op: BinOp, a: &Value, b: &Value) -> Flow {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        if op.base() == BinOp::Add {
            if self.bytes_of(a).is_some() && !self.is_memoryview(a) {
                let msg = format!("can't concat {tb} to {ta}");
                return self.err(self.t.type_error, msg);
            }
            if let Value::Str(_) = a {
                let msg = format!("can only concatenate str (not \"{tb}\") to str");
                return self.err(self.t.type_error, msg);
            }
            if matches!(a.as_obj().map(|r| self.heap.get(r)), Some(Obj::List(_)))
                && matches!(b.as_obj().map(|r| self.heap.get(r)), Some(Obj::Tuple(_)) | None | Some(_))
                && !self.isinstance(b, self.t.list)
            {
                let msg = format!("can only concatenate list (not \"{tb}\") to list");
                return self.err(self.t.type_error, msg);
            }
            if matches!(a.as_obj().map(|r| self.heap.get(r)), Some(Obj::Tuple(_))) && !self.isinstance(b, self.t.tuple) {
                let msg = format!("can only concatenate tuple (not \"{tb}\") to tuple");
                return self.err(self.t.type_error, msg);
            }
        }
        let is_seq = |v: &Value| match v {
            Value::Str(_) | Value::Bytes(_) => true,
            Value::Obj(r) => matches!(self.heap.get(*r), Obj::List(_) | Obj::Tuple(_) | Obj::ByteArray(_)),
            _ => false,
        };
        if op.base() == BinOp::Multiply && (is_seq(a) || is_seq(b)) {
            // `'ab' * 1.5`, `[1] * 2j`: CPython's `sq_repeat` needs an `__index__`.
            let other = if is_seq(a) { tb.clone() } else { ta.clone() };
            let msg = format!("can't multiply sequence by non-int of type '{other}'");
            return self.err(self.t.type_error, msg);
        }
        if op.base() == BinOp::Power {
            let msg = format!("unsupported operand type(s) for ** or pow(): '{ta}' and '{tb}'");
            return self.err(self.t.type_error, msg);
        }
        let msg = format!("unsupported operand type(s) for {}: '{ta}' and '{tb}'", op.symbol());
        self.err(self.t.type_error, msg)
    }

    fn numeric_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let (Some(x), Some(y)) = (self.to_num(a), self.to_num(b)) else { return Ok(None) };
        if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
            match op {
                BinOp::And => return Ok(Some(Value::Bool(*p & *q))),
                BinOp::Or => return Ok(Some(Value::Bool(*p | *q))),
                BinOp::Xor => return Ok(Some(Value::Bool(*p ^ *q))),
                _ => {}
            }
        }
        match (x, y) {
            (Num::Int(x), Num::Int(y)) => self.int_op(op, x, y).map(Some),
            (x, y) => {
                let fx = self.num_to_f64(x)?;
                let fy = self.num_to_f64(y)?;
                self.float_op(op, fx, fy, a, b)
            }
        }
    }

    pub fn num_to_f64(&mut self, n: Num) -> PyResult<f64> {
        match n {
            Num::Float(f) => Ok(f),
            Num::Int(i) => match i.to_f64() {
                Some(f) if f.is_finite() => Ok(f),
                _ => Err(self.err(self.t.overflow_error, "int too large to convert to float")),
            },
        }
    }

    fn int_op(&mut self, op: BinOp, x: BigInt, y: BigInt) -> PyResult<Value> {
        let zero_div = |this: &mut Interp| this.err(this.t.zero_division_error, "integer division or modulo by zero");
        Ok(match op {
            BinOp::Add => Value::from_bigint(x + y),
            BinOp::Subtract => Value::from_bigint(x - y),
            BinOp::Multiply => {
                let bits = x.bits() + y.bits();
                if bits > self.limits.max_int_bits {
                    return Err(self.memory_error());
                }
                Value::from_bigint(x * y)
            }
            BinOp::FloorDivide => {
                if y.is_zero() {
                    return Err(zero_div(self));
                }
                Value::from_bigint(x.div_floor(&y))
            }
            BinOp::Remainder => {
                if y.is_zero() {
                    return Err(self.err(self.t.zero_division_error, "integer modulo by zero"));
                }
                Value::from_bigint(x.mod_floor(&y))
            }
            BinOp::TrueDivide => {
                if y.is_zero() {
                    return Err(self.err(self.t.zero_division_error, "division by zero"));
                }
                match (x.to_f64(), y.to_f64()) {
                    (Some(a), Some(b)) if a.abs() < 9007199254740992.0 && b.abs() < 9007199254740992.0 => Value::Float(a / b),
                    _ => Value::Float(crate::interp::ops::big_true_div(&x, &y)),
                }
            }
            BinOp::Power => {
                if y.is_negative() {
                    let a = self.num_to_f64(Num::Int(x))?;
                    let b = y.to_f64().unwrap_or(f64::NEG_INFINITY);
                    if a == 0.0 {
                        return Err(self.err(self.t.zero_division_error, "0.0 cannot be raised to a negative power"));
                    }
                    return Ok(Value::Float(a.powf(b)));
                }
                let e = y.to_u64().unwrap_or(u64::MAX);
                let est = x.bits().saturating_mul(e);
                if est > self.limits.max_int_bits && x.bits() > 1 {
                    return Err(self.memory_error());
                }
                Value::from_bigint(num_traits::pow::Pow::pow(&x, e))
            }
            BinOp::LShift => {
                if y.is_negative() {
                    return Err(self.err(self.t.value_error, "negative shift count"));
                }
                let s = y.to_u64().unwrap_or(u64::MAX);
                if s > self.limits.max_int_bits {
                    return Err(self.memory_error());
                }
                Value::from_bigint(x << s)
            }
            BinOp::RShift => {
                if y.is_negative() {
                    return Err(self.err(self.t.value_error, "negative shift count"));
                }
                let s = y.to_u64().unwrap_or(u64::MAX);
                if s > 1 << 40 {
                    Value::Int(if x.is_negative() { -1 } else { 0 })
                } else {
                    Value::from_bigint(x >> s)
                }
            }
            BinOp::And => Value::from_bigint(x & y),
            BinOp::Or => Value::from_bigint(x | y),
            BinOp::Xor => Value::from_bigint(x ^ y),
            _ => return Err(self.internal("bad int operator")),
        })
    }

    fn float_op(&mut self, op: BinOp, x: f64, y: f64, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        Ok(Some(match op {
            BinOp::Add => Value::Float(x + y),
            BinOp::Subtract => Value::Float(x - y),
            BinOp::Multiply => Value::Float(x * y),
            BinOp::TrueDivide => {
                if y == 0.0 {
                    return Err(self.err(self.t.zero_division_error, "float division by zero"));
                }
                Value::Float(x / y)
            }
            BinOp::FloorDivide => {
                if y == 0.0 {
                    return Err(self.err(self.t.zero_division_error, "float floor division by zero"));
                }
                Value::Float(interleave_algo::float_floordiv(x, y).unwrap_or(f64::NAN))
            }
            BinOp::Remainder => {
                if y == 0.0 {
                    return Err(self.err(self.t.zero_division_error, "float modulo"));
                }
                Value::Float(interleave_algo::float_mod(x, y).unwrap_or(f64::NAN))
            }
            BinOp::Power => {
                if x == 0.0 && y < 0.0 {
                    return Err(self.err(self.t.zero_division_error, "0.0 cannot be raised to a negative power"));
                }
                if x < 0.0 && y.fract() != 0.0 {
                    return self.complex_power((x, 0.0), (y, 0.0)).map(Some);
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(self.err(self.t.overflow_error, "(34, 'Numerical result out of range')"));
                }
                Value::Float(r)
            }
            _ => {
                let _ = (a, b);
                return Ok(None);
            }
        }))
    }

    fn sequence_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if !self.is_memoryview(a)
            && (self.is_bytearray(a) || self.is_bytearray(b) || self.is_memoryview(b))
            && let Some(v) = self.bytearray_op(op, a, b)? {
                return Ok(Some(v));
            }
        match (op.base(), a, b) {
            (BinOp::Add, Value::Str(x), Value::Str(y)) => {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                self.check_str_size(s.len())?;
                Ok(Some(Value::str(s)))
            }
            (BinOp::Add, Value::Bytes(x), Value::Bytes(y)) => {
                let mut v = x.to_vec();
                v.extend_from_slice(y);
                Ok(Some(Value::Bytes(Rc::from(v))))
            }
            (BinOp::Multiply, Value::Str(_) | Value::Bytes(_), Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
            | (BinOp::Multiply, Value::Int(_) | Value::Bool(_) | Value::BigInt(_), Value::Str(_) | Value::Bytes(_)) => {
                let (s, n) = if matches!(a, Value::Str(_) | Value::Bytes(_)) { (a, b) } else { (b, a) };
                let n = self.repeat_count(n)?;
                match s {
                    Value::Str(s) => {
                        self.check_str_size(s.as_str().len().saturating_mul(n))?;
                        self.charge(s.as_str().len().saturating_mul(n) as u64 / 64);
                        Ok(Some(Value::str(s.as_str().repeat(n))))
                    }
                    Value::Bytes(bs) => {
                        self.check_str_size(bs.len().saturating_mul(n))?;
                        Ok(Some(Value::Bytes(Rc::from(bs.repeat(n)))))
                    }
                    _ => Ok(None),
                }
            }
            (BinOp::Add, Value::Obj(x), Value::Obj(y)) => {
                let r = match (self.heap.get(*x), self.heap.get(*y)) {
                    (Obj::List(p), Obj::List(q)) => {
                        if op.is_inplace() {
                            let q = q.clone();
                            if let Obj::List(p) = self.heap.get_mut(*x) {
                                p.extend(q);
                            }
                            return Ok(Some(a.clone()));
                        }
                        let mut v = p.clone();
                        v.extend(q.iter().cloned());
                        Obj::List(v)
                    }
                    (Obj::Tuple(p), Obj::Tuple(q)) => {
                        let mut v = p.clone();
                        v.extend(q.iter().cloned());
                        Obj::Tuple(v)
                    }
                    (Obj::List(_), _) if op.is_inplace() => return self.list_iadd(*x, a, b).map(Some),
                    _ => return Ok(None),
                };
                Ok(Some(self.alloc(r)))
            }
            (BinOp::Add, Value::Obj(x), _) if op.is_inplace() => {
                if let Obj::List(_) = self.heap.get(*x) {
                    return self.list_iadd(*x, a, b).map(Some);
                }
                Ok(None)
            }
            (BinOp::Multiply, Value::Obj(x), n) | (BinOp::Multiply, n, Value::Obj(x))
                if matches!(n, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) =>
            {
                let count = self.repeat_count(n)?;
                let (items, is_list) = match self.heap.get(*x) {
                    Obj::List(v) => (v.clone(), true),
                    Obj::Tuple(v) => (v.clone(), false),
                    _ => return Ok(None),
                };
                let total = items.len().saturating_mul(count);
                if total > self.limits.max_container_len {
                    return Err(self.memory_error());
                }
                self.charge(total as u64 / 16);
                let mut out = Vec::with_capacity(total);
                for _ in 0..count {
                    out.extend(items.iter().cloned());
                }
                if is_list && op.is_inplace() {
                    if let Obj::List(p) = self.heap.get_mut(*x) {
                        *p = out;
                    }
                    return Ok(Some(Value::Obj(*x)));
                }
                Ok(Some(self.alloc(if is_list { Obj::List(out) } else { Obj::Tuple(out) })))
            }
            (BinOp::Or | BinOp::And | BinOp::Xor | BinOp::Subtract, Value::Obj(x), Value::Obj(y)) => {
                let is_set = |o: &Obj| matches!(o, Obj::Set { .. });
                let is_dict = |o: &Obj| matches!(o, Obj::Dict(_));
                if is_set(self.heap.get(*x)) && is_set(self.heap.get(*y)) {
                    return self.set_binop(op, *x, *y, op.is_inplace()).map(Some);
                }
                if op.base() == BinOp::Or && is_dict(self.heap.get(*x)) && is_dict(self.heap.get(*y)) {
                    let target = if op.is_inplace() { *x } else { self.dict_copy(*x) };
                    self.dict_update_from(target, &Value::Obj(*y))?;
                    return Ok(Some(Value::Obj(target)));
                }
                Ok(None)
            }
            (BinOp::Remainder, Value::Str(fmt), args) => {
                let fmt = fmt.clone();
                self.percent_format(&fmt, args).map(Some)
            }
            _ => Ok(None),
        }
    }

    fn repeat_count(&mut self, n: &Value) -> PyResult<usize> {
        match n {
            Value::Int(i) => Ok((*i).max(0) as usize),
            Value::Bool(b) => Ok(*b as usize),
            Value::BigInt(b) if b.is_negative() => Ok(0),
            _ => Err(self.err(self.t.overflow_error, "cannot fit 'int' into an index-sized integer")),
        }
    }

    pub fn check_str_size(&mut self, bytes: usize) -> PyResult<()> {
        if bytes > self.limits.max_str_bytes {
            return Err(self.memory_error());
        }
        Ok(())
    }

    /// Charges extra steps for work done inside one instruction (big copies).
    pub fn charge(&mut self, steps: u64) {
        self.steps += steps;
        self.cpu_ns += steps * crate::interp::cost::NS_PER_CHARGED_STEP;
    }

    /// Unary operators.
    pub fn unary_op(&mut self, op: UnaryOp, a: &Value) -> PyResult<Value> {
        if op == UnaryOp::Not {
            return Ok(Value::Bool(!self.truthy(a)?));
        }
        let name = match op {
            UnaryOp::Negative => "__neg__",
            UnaryOp::Positive => "__pos__",
            _ => "__invert__",
        };
        if let Some(m) = self.lookup_user_method(a, name) {
            return Err(Flow::TailCall(Box::new((m, vec![a.clone()]))));
        }
        if let Some(v) = self.complex_unary(op, a) {
            return Ok(v);
        }
        match (op, a) {
            (UnaryOp::Negative, Value::Int(i)) => Ok(i.checked_neg().map_or_else(|| Value::from_bigint(-BigInt::from(*i)), Value::Int)),
            (UnaryOp::Negative, Value::Bool(b)) => Ok(Value::Int(-(*b as i64))),
            (UnaryOp::Negative, Value::BigInt(b)) => Ok(Value::from_bigint(-(**b).clone())),
            (UnaryOp::Negative, Value::Float(f)) => Ok(Value::Float(-f)),
            (UnaryOp::Positive, Value::Int(_) | Value::BigInt(_) | Value::Float(_)) => Ok(a.clone()),
            (UnaryOp::Positive, Value::Bool(b)) => Ok(Value::Int(*b as i64)),
            (UnaryOp::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
            (UnaryOp::Invert, Value::Bool(b)) => Ok(Value::Int(!(*b as i64))),
            (UnaryOp::Invert, Value::BigInt(b)) => Ok(Value::from_bigint(-(**b).clone() - 1)),
            _ => {
                let sym = match op {
                    UnaryOp::Negative => "unary -",
                    UnaryOp::Positive => "unary +",
                    _ => "unary ~",
                };
                let msg = format!("bad operand type for {sym}: '{}'", self.type_name(a));
                Err(self.err(self.t.type_error, msg))
            }
        }
    }

    /// Truth value (`bool(v)`), calling `__bool__`/`__len__` of user classes.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        if let Some(inner) = self.delegate(v, "__len__")
            && self.delegate(v, "__bool__").is_some() {
                return self.truthy(&inner);
            }
        Ok(match v {
            Value::Null | Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(b) => !b.is_zero(),
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::NotImplemented | Value::Ellipsis => true,
            Value::Obj(r) => match self.heap.get(*r) {
                Obj::List(l) | Obj::Tuple(l) => !l.is_empty(),
                Obj::ByteArray(b) => !b.is_empty(),
                Obj::MemoryView { .. } => {
                    let r = *r;
                    self.memoryview_window(r)?.2 > 0
                }
                Obj::Dict(d) => !d.is_empty(),
                Obj::Set { items, .. } => !items.is_empty(),
                Obj::Range { start, stop, step } => range_len(*start, *stop, *step) > 0,
                Obj::Complex { re, im } => *re != 0.0 || *im != 0.0,
                Obj::Instance(inst) => {
                    let cls = inst.class;
                    if let Some(b) = self.class_lookup(cls, "__bool__") {
                        let r = self.call_nested(b, vec![v.clone()])?;
                        return match r {
                            Value::Bool(b) => Ok(b),
                            _ => {
                                let msg = format!("__bool__ should return bool, returned {}", self.type_name(&r));
                                Err(self.err(self.t.type_error, msg))
                            }
                        };
                    }
                    if let Some(l) = self.class_lookup(cls, "__len__") {
                        let r = self.call_nested(l, vec![v.clone()])?;
                        return Ok(!matches!(r, Value::Int(0)));
                    }
                    if let crate::object::Payload::Deque { items, .. } = &inst.payload {
                        return Ok(!items.is_empty());
                    }
                    true
                }
                _ => true,
            },
        })
    }

}

/// True division of big ints, correctly rounded enough for display purposes.
pub fn big_true_div(x: &BigInt, y: &BigInt) -> f64 {
    let (q, r) = x.div_rem(y);
    q.to_f64().unwrap_or(f64::INFINITY) + r.to_f64().unwrap_or(0.0) / y.to_f64().unwrap_or(f64::INFINITY)
}

/// Number of items in `range(start, stop, step)`.
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as i64
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as i64
    } else {
        0
    }
}
