//! `memoryview` (`Obj::MemoryView`): a read-only window on a bytes or bytearray object. It
//! reads through to its object (`Interp::bytes_of` gives the window), so a view of a bytearray
//! sees later changes to it, as in CPython. Writing through a view, views with a step and
//! formats other than `'B'` are not simulated.

use super::Interp;
use crate::native::PyResult;
use crate::object::Obj;
use crate::value::{ObjRef, Value};

/// CPython's error for any use of a released view.
pub const RELEASED: &str = "operation forbidden on released memoryview object";

impl Interp {
    /// Whether `v` is a `memoryview`.
    pub fn is_memoryview(&self, v: &Value) -> bool {
        matches!(v.as_obj().map(|r| self.heap.get(r)), Some(Obj::MemoryView { .. }))
    }

    /// `memoryview(obj)`: a view of a bytes-like object (of its object, for a view).
    pub fn new_memoryview(&mut self, obj: &Value) -> PyResult<Value> {
        let view = match obj.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::MemoryView { released: true, .. }) => return Err(self.err(self.t.value_error, RELEASED)),
            Some(Obj::MemoryView { obj, start, len, .. }) => Obj::MemoryView { obj: obj.clone(), start: *start, len: *len, released: false },
            _ => match self.bytes_of(obj) {
                Some(b) => Obj::MemoryView { obj: obj.clone(), start: 0, len: b.len(), released: false },
                None => {
                    let msg = format!("memoryview: a bytes-like object is required, not '{}'", self.type_name(obj));
                    return Err(self.err(self.t.type_error, msg));
                }
            },
        };
        Ok(self.alloc(view))
    }

    /// The window `(obj, start, len)` of the view `r`, or the released-view error.
    pub(crate) fn memoryview_window(&mut self, r: ObjRef) -> PyResult<(Value, usize, usize)> {
        match self.heap.get(r) {
            Obj::MemoryView { obj, start, len, released: false } => Ok((obj.clone(), *start, *len)),
            _ => Err(self.err(self.t.value_error, RELEASED)),
        }
    }

    /// The bytes a live view shows now (its window, cut short if a bytearray under it shrank).
    pub(super) fn memoryview_bytes<'a>(&'a self, obj: &'a Value, start: usize, len: usize) -> &'a [u8] {
        let all = self.bytes_of(obj).unwrap_or_default();
        let s = start.min(all.len());
        &all[s..(start + len).min(all.len())]
    }

    /// `mv[key]`: an int for an index, a view for a slice of step 1.
    pub(super) fn memoryview_getitem(&mut self, r: ObjRef, key: &Value) -> PyResult<Value> {
        let (obj, start, len) = self.memoryview_window(r)?;
        if let Value::Obj(k) = key
            && matches!(self.heap.get(*k), Obj::Slice { .. })
        {
            let (s, e, step) = self.slice_indices(*k, len)?;
            if step != 1 {
                return Err(self.err(self.t.not_implemented_error, "memoryview slices with a step are not supported by Interleave yet"));
            }
            let n = (e - s).max(0) as usize;
            return Ok(self.alloc(Obj::MemoryView { obj, start: start + s as usize, len: n, released: false }));
        }
        let i = match key {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            _ => match self.index_value(key)? {
                Some(Value::Int(i)) => i,
                _ => return Err(self.err(self.t.type_error, "memoryview: invalid slice key")),
            },
        };
        let j = if i < 0 { i + len as i64 } else { i };
        let b = usize::try_from(j).ok().filter(|&j| j < len).and_then(|j| self.memoryview_bytes(&obj, start, len).get(j).copied());
        b.map(|b| Value::Int(b as i64)).ok_or_else(|| self.err(self.t.index_error, "index out of bounds on dimension 1"))
    }

    /// `mv[key] = v` and `del mv[key]`: views are read-only here.
    pub(super) fn memoryview_store(&mut self, r: ObjRef, delete: bool) -> PyResult<()> {
        let (obj, ..) = self.memoryview_window(r)?;
        if !self.is_bytearray(&obj) {
            return Err(self.err(self.t.type_error, "cannot modify read-only memory"));
        }
        if delete {
            return Err(self.err(self.t.type_error, "cannot delete memory"));
        }
        Err(self.err(self.t.not_implemented_error, "writing through a memoryview is not supported by Interleave yet"))
    }
}
