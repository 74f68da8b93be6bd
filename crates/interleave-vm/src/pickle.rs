//! Copies of plain data between process heaps: what crosses a pipe.
//!
//! `multiprocessing` pickles in embedded Python (`py/mp_reduction.py`): objects become a tree of
//! tuples, lists and immutable leaves (ints, floats, strings, bytes, None, bools), classes and
//! functions are named by module and qualified name, exactly what CPython's pickle stores. This
//! module copies such a tree out of one heap into a [`Pickled`] value the kernel holds, and back
//! into another heap, and measures its pickled size (for the virtual time a transfer costs).

use crate::interp::Interp;
use crate::native::PyResult;
use crate::object::Obj;
use crate::value::Value;

/// A tree of plain data outside any heap.
#[derive(Clone, Debug)]
pub enum Pickled {
    /// An immutable value that lives outside the heap (never `Value::Obj`).
    Leaf(Value),
    Tuple(Vec<Pickled>),
    List(Vec<Pickled>),
}

/// The deepest tree copied (CPython's pickler would hit the recursion limit first).
const MAX_DEPTH: usize = 1000;

/// Copies `v` (tuples, lists and immutable leaves only) out of the heap. Returns the copy and
/// its size in bytes, roughly as pickle protocol 4 encodes it.
pub fn copy_out(interp: &mut Interp, v: &Value) -> PyResult<(Pickled, usize)> {
    let mut size = 0;
    let p = out(interp, v, &mut size, 0)?;
    Ok((p, size))
}

fn out(interp: &mut Interp, v: &Value, size: &mut usize, depth: usize) -> PyResult<Pickled> {
    if depth > MAX_DEPTH {
        return Err(interp.err(
            interp.t.recursion_error,
            "maximum recursion depth exceeded while pickling an object",
        ));
    }
    match v {
        Value::None | Value::Bool(_) => {
            *size += 1;
            Ok(Pickled::Leaf(v.clone()))
        }
        Value::Int(i) => {
            *size += if (0..256).contains(i) {
                2
            } else if i32::try_from(*i).is_ok() {
                5
            } else {
                10
            };
            Ok(Pickled::Leaf(v.clone()))
        }
        Value::BigInt(b) => {
            *size += 2 + (b.bits() as usize).div_ceil(8);
            Ok(Pickled::Leaf(v.clone()))
        }
        Value::Float(_) => {
            *size += 9;
            Ok(Pickled::Leaf(v.clone()))
        }
        Value::Str(s) => {
            *size += 5 + s.as_str().len();
            Ok(Pickled::Leaf(v.clone()))
        }
        Value::Bytes(b) => {
            *size += 5 + b.len();
            Ok(Pickled::Leaf(v.clone()))
        }
        Value::Obj(r) => {
            let (items, is_tuple) = match interp.heap.get(*r) {
                Obj::Tuple(items) => (items.clone(), true),
                Obj::List(items) => (items.clone(), false),
                _ => return Err(interp.internal("pickling: not plain data")),
            };
            *size += 2;
            let mut copied = Vec::with_capacity(items.len());
            for item in &items {
                copied.push(out(interp, item, size, depth + 1)?);
            }
            Ok(if is_tuple {
                Pickled::Tuple(copied)
            } else {
                Pickled::List(copied)
            })
        }
        _ => Err(interp.internal("pickling: not plain data")),
    }
}

/// Copies a tree into `interp`'s heap.
pub fn copy_in(interp: &mut Interp, p: &Pickled) -> Value {
    match p {
        Pickled::Leaf(v) => v.clone(),
        Pickled::Tuple(items) => {
            let items = items.iter().map(|i| copy_in(interp, i)).collect();
            interp.new_tuple(items)
        }
        Pickled::List(items) => {
            let items = items.iter().map(|i| copy_in(interp, i)).collect();
            interp.new_list(items)
        }
    }
}
