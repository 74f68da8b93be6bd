//! `hash()` against CPython 3.11 run with `PYTHONHASHSEED=0`.

#[rustfmt::skip]
#[path = "vectors/hash.rs"]
mod vectors;

use interleave_algo::{
    hash_bytes, hash_float, hash_frozenset, hash_i64, hash_int, hash_str, hash_tuple,
};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

#[test]
fn strings() {
    for &(s, h) in vectors::STRS {
        assert_eq!(hash_str(s), h, "hash({s:?})");
    }
}

#[test]
fn ints() {
    for &(hex, h) in vectors::INTS {
        let n = BigInt::parse_bytes(hex.as_bytes(), 16).unwrap();
        assert_eq!(hash_int(&n), h, "hash(0x{hex})");
        if let Some(small) = n.to_i64() {
            assert_eq!(hash_i64(small), h, "hash_i64({small})");
        }
    }
}

#[test]
fn floats() {
    for &(bits, h) in vectors::FLOATS {
        assert_eq!(
            hash_float(f64::from_bits(bits)),
            Some(h),
            "hash({})",
            f64::from_bits(bits)
        );
    }
    assert_eq!(hash_float(f64::NAN), None);
}

#[test]
fn bytes_tuples_frozensets() {
    for &(b, h) in vectors::BYTES {
        assert_eq!(hash_bytes(b), h);
    }
    for &(items, h) in vectors::TUPLES {
        assert_eq!(hash_tuple(items), h, "{items:?}");
    }
    for &(items, h) in vectors::FROZENSETS {
        assert_eq!(hash_frozenset(items), h, "{items:?}");
    }
}
