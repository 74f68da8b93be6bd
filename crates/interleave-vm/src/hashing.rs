//! Hash values as CPython computes them (`Python/pyhash.c`, `Objects/longobject.c`,
//! `Objects/tupleobject.c`), so that set iteration order can match CPython's.

use num_bigint::BigInt;

use crate::value::{ObjRef, PyStr};

/// `hash(None)` in CPython 3.11 is derived from its address; any constant is allowed.
pub const NONE_HASH: i64 = 0x2F1E_7C4B;

/// Hash of a `str`, cached in the string.
pub fn str_hash(s: &PyStr) -> i64 {
    if let Some(h) = s.cached_hash() {
        return h;
    }
    let h = hash_str(s.as_str());
    s.set_cached_hash(h);
    h
}

/// Hash of text (as `hash(str)` with `PYTHONHASHSEED=0`).
pub fn hash_str(s: &str) -> i64 {
    interleave_algo::hash_str(s)
}

thread_local! {
    /// Hashes of names the VM looks up from Rust (`"__init__"`, `"__name__"`…), which would
    /// otherwise be re-hashed with SipHash on every lookup.
    static NAME_HASHES: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, i64>> = Default::default();
}

/// `hash_str` for short identifiers looked up again and again (memoised; at most a few
/// thousand distinct names are kept).
pub fn hash_name(s: &str) -> i64 {
    if s.len() > 64 {
        return hash_str(s);
    }
    NAME_HASHES.with(|m| {
        if let Some(&h) = m.borrow().get(s) {
            return h;
        }
        let h = hash_str(s);
        let mut m = m.borrow_mut();
        if m.len() < 4096 {
            m.insert(Box::from(s), h);
        }
        h
    })
}

pub fn bytes_hash(b: &[u8]) -> i64 {
    interleave_algo::hash_bytes(b)
}

pub fn int_hash(i: i64) -> i64 {
    interleave_algo::hash_i64(i)
}

pub fn bigint_hash(b: &BigInt) -> i64 {
    interleave_algo::hash_int(b)
}

/// `_Py_HashDouble`. CPython 3.11 hashes a NaN by the object's identity; every NaN here gets 0.
pub fn float_hash(v: f64) -> i64 {
    interleave_algo::hash_float(v).unwrap_or(0)
}

/// `tuplehash` (xxHash-based, CPython 3.8+) of the items' hashes.
pub fn tuple_hash(items: &[i64]) -> i64 {
    interleave_algo::hash_tuple(items)
}

/// `frozenset_hash` of the items' hashes.
pub fn frozenset_hash(items: &[i64]) -> i64 {
    interleave_algo::hash_frozenset(items)
}

/// A deterministic stand-in for an object's address, used by `id()`, default reprs and the
/// identity hash: stable for the object's lifetime, never a real pointer.
pub fn fake_address(r: ObjRef) -> String {
    format!("0x{:012x}", fake_id(r))
}

pub fn fake_id(r: ObjRef) -> u64 {
    0x7f00_0000_0000 + (r.0 as u64) * 48
}

/// `object.__hash__`: derived from the (fake) address as CPython does (`id >> 4`).
pub fn identity_hash(r: ObjRef) -> i64 {
    (fake_id(r) >> 4) as i64
}
