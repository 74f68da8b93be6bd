//! Hash values as CPython computes them (`Python/pyhash.c`, `Objects/longobject.c`,
//! `Objects/tupleobject.c`), so that set iteration order can match CPython's.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::value::{ObjRef, PyStr};

/// `_PyHASH_MODULUS` = 2**61 - 1.
const MODULUS: u64 = (1 << 61) - 1;
const HASH_INF: i64 = 314_159;
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
    let neg = i < 0;
    let m = (i.unsigned_abs() % MODULUS) as i64;
    let h = if neg { -m } else { m };
    if h == -1 { -2 } else { h }
}

pub fn bigint_hash(b: &BigInt) -> i64 {
    let m = (b.abs() % BigInt::from(MODULUS)).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -m } else { m };
    if h == -1 { -2 } else { h }
}

/// `_Py_HashDouble`.
pub fn float_hash(v: f64) -> i64 {
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if v == v.trunc() && v.abs() < 9.2e18 {
        return int_hash(v as i64);
    }
    let (mut m, mut e) = frexp(v.abs());
    let sign: i64 = if v < 0.0 { -1 } else { 1 };
    let mut x: u64 = 0;
    while !m.is_zero() {
        x = ((x << 28) & MODULUS) | (x >> (61 - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    x = ((x << e) & MODULUS) | (x >> (61 - e));
    let h = (x as i64) * sign;
    if h == -1 { -2 } else { h }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `tuplehash` (xxHash-based, CPython 3.8+).
pub fn tuple_hash(items: &[i64]) -> i64 {
    const P1: u64 = 11_400_714_785_074_694_791;
    const P2: u64 = 14_029_467_366_897_019_727;
    const P5: u64 = 2_870_177_450_012_600_261;
    let mut acc: u64 = P5;
    for &h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

/// `frozenset_hash`.
pub fn frozenset_hash(items: &[i64]) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
    }
    let mut hash: u64 = 0;
    for &h in items {
        hash ^= shuffle(h as u64);
    }
    hash ^= (items.len() as u64).wrapping_add(1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        hash = 590_923_713;
    }
    hash as i64
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
