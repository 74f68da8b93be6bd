//! `bytearray`: the mutable bytes object (`Obj::ByteArray`). Its reading side shares the
//! `bytes` code through `Interp::bytes_of` (any bytes-like value as a slice); this file has
//! what only a mutable buffer does: item and slice assignment, deletion, and the conversions
//! of values to bytes with CPython's error texts.

use std::rc::Rc;

use super::iter::slice_positions;
use super::Interp;
use crate::native::PyResult;
use crate::object::Obj;
use crate::value::{ObjRef, Value};

/// CPython's error for a slice assignment from something that is not bytes-like nor an
/// iterable of ints.
const CAN_ASSIGN_ONLY: &str = "can assign only bytes, buffers, or iterables of ints in range(0, 256)";

impl Interp {
    /// The contents of a bytes-like value (`bytes`, `bytearray` or a live `memoryview`), else `None`.
    pub fn bytes_of<'a>(&'a self, v: &'a Value) -> Option<&'a [u8]> {
        match v {
            Value::Bytes(b) => Some(b),
            Value::Obj(r) => match self.heap.get(*r) {
                Obj::ByteArray(b) => Some(b),
                Obj::MemoryView { obj, start, len, released: false } => Some(self.memoryview_bytes(obj, *start, *len)),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether `v` is a `bytearray`.
    pub fn is_bytearray(&self, v: &Value) -> bool {
        matches!(v.as_obj().map(|r| self.heap.get(r)), Some(Obj::ByteArray(_)))
    }

    /// A new `bytearray` holding `data`.
    pub fn new_bytearray(&mut self, data: Vec<u8>) -> Value {
        self.alloc(Obj::ByteArray(data))
    }

    /// `data` as a value of the same kind as `like`: a `bytearray` if `like` is one, else `bytes`.
    pub fn bytes_like_result(&mut self, like: &Value, data: Vec<u8>) -> Value {
        if self.is_bytearray(like) { self.new_bytearray(data) } else { Value::Bytes(Rc::from(data)) }
    }

    /// One byte from an integer-like value (`ba[0] = v`, `ba.append(v)`), with CPython's errors.
    pub fn byte_value(&mut self, v: &Value) -> PyResult<u8> {
        let i = match v {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => -1,
            _ => match self.index_value(v)? {
                Some(Value::Int(i)) => i,
                Some(Value::Bool(b)) => b as i64,
                Some(_) => -1,
                None => {
                    let msg = format!("'{}' object cannot be interpreted as an integer", self.type_name(v));
                    return Err(self.err(self.t.type_error, msg));
                }
            },
        };
        u8::try_from(i).map_err(|_| self.err(self.t.value_error, "byte must be in range(0, 256)"))
    }

    /// The bytes of an iterable of integers (`bytearray([1, 2])`, `ba.extend(range(3))`).
    pub fn bytes_from_ints(&mut self, v: &Value) -> PyResult<Vec<u8>> {
        let items = self.collect_iterable(v)?;
        let mut out = Vec::with_capacity(items.len());
        for it in &items {
            out.push(self.byte_value(it)?);
        }
        Ok(out)
    }

    /// The new contents of a slice assignment `ba[i:j] = v`.
    fn slice_source(&mut self, v: &Value) -> PyResult<Vec<u8>> {
        if let Some(b) = self.bytes_of(v) {
            return Ok(b.to_vec());
        }
        // CPython's `PyNumber_Check` or a str.
        let number = matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) | Value::Str(_))
            || matches!(v.as_obj().map(|r| self.heap.get(r)), Some(Obj::Complex { .. }));
        if number {
            return Err(self.err(self.t.type_error, CAN_ASSIGN_ONLY));
        }
        if !self.is_iterable(v) {
            let msg = format!("cannot convert '{}' object to bytearray", self.type_name(v));
            return Err(self.err(self.t.type_error, msg));
        }
        self.bytes_from_ints(v)
    }

    fn bytearray_data(&mut self, r: ObjRef) -> &mut Vec<u8> {
        match self.heap.get_mut(r) {
            Obj::ByteArray(b) => b,
            _ => unreachable!("not a bytearray"),
        }
    }

    fn slice_key(&self, key: &Value) -> Option<ObjRef> {
        match key {
            Value::Obj(k) if matches!(self.heap.get(*k), Obj::Slice { .. }) => Some(*k),
            _ => None,
        }
    }

    /// `ba[key]`: an int for an index, a new bytearray for a slice.
    pub(super) fn bytearray_getitem(&mut self, r: ObjRef, key: &Value) -> PyResult<Value> {
        let len = self.bytearray_data(r).len();
        if let Some(s) = self.slice_key(key) {
            let (start, stop, step) = self.slice_indices(s, len)?;
            let out = super::iter::slice_pick(self.bytearray_data(r), start, stop, step);
            return Ok(self.new_bytearray(out));
        }
        let i = self.norm_index(key, len, "bytearray")?;
        Ok(Value::Int(self.bytearray_data(r)[i] as i64))
    }

    /// `ba[key] = v`.
    pub(super) fn bytearray_setitem(&mut self, r: ObjRef, key: &Value, v: &Value) -> PyResult<()> {
        let len = self.bytearray_data(r).len();
        let Some(s) = self.slice_key(key) else {
            let i = self.norm_index(key, len, "bytearray")?;
            let b = self.byte_value(v)?;
            self.bytearray_data(r)[i] = b;
            return Ok(());
        };
        let (start, stop, step) = self.slice_indices(s, len)?;
        let new = self.slice_source(v)?;
        if step == 1 {
            self.check_str_size(len + new.len())?;
            let stop = stop.max(start);
            self.bytearray_data(r).splice(start as usize..stop as usize, new);
            return Ok(());
        }
        let idx: Vec<usize> = slice_positions(start, stop, step).collect();
        if idx.len() != new.len() {
            let msg = format!("attempt to assign bytes of size {} to extended slice of size {}", new.len(), idx.len());
            return Err(self.err(self.t.value_error, msg));
        }
        let data = self.bytearray_data(r);
        for (i, b) in idx.into_iter().zip(new) {
            data[i] = b;
        }
        Ok(())
    }

    /// `del ba[key]`.
    pub(super) fn bytearray_delitem(&mut self, r: ObjRef, key: &Value) -> PyResult<()> {
        let len = self.bytearray_data(r).len();
        let Some(s) = self.slice_key(key) else {
            let i = self.norm_index(key, len, "bytearray")?;
            self.bytearray_data(r).remove(i);
            return Ok(());
        };
        let (start, stop, step) = self.slice_indices(s, len)?;
        let mut drop = vec![false; len];
        for i in slice_positions(start, stop, step) {
            drop[i] = true;
        }
        let data = self.bytearray_data(r);
        let mut i = 0;
        data.retain(|_| {
            i += 1;
            !drop[i - 1]
        });
        Ok(())
    }
}
