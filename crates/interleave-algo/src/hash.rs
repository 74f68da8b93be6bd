//! CPython 3.11's `hash()` as it behaves under `PYTHONHASHSEED=0` (deterministic): SipHash-1-3
//! with an all-zero key over a string's internal representation (Latin-1, UCS-2 or UCS-4 bytes
//! by its widest character), bytes, ints modulo 2**61 - 1, `_Py_HashDouble`, and the
//! xxHash-based tuple hash. `-1` is never returned (CPython maps it to `-2`).
//!
//! Not covered because CPython 3.11 hashes them by identity: `None`, NaN (see [`hash_float`]),
//! and objects without `__hash__` overrides.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// `_PyHASH_BITS`.
const HASH_BITS: u32 = 61;
/// `_PyHASH_MODULUS` = 2**61 - 1.
const MODULUS: u64 = (1 << HASH_BITS) - 1;
/// `_PyHASH_INF`.
const HASH_INF: i64 = 314_159;

/// SipHash-1-3 with `k0 = k1 = 0`, as `pyhash.c` computes it.
fn siphash13(data: &[u8]) -> u64 {
    let (k0, k1) = (0u64, 0u64);
    let mut v0 = k0 ^ 0x736f_6d65_7073_6575;
    let mut v1 = k1 ^ 0x646f_7261_6e64_6f6d;
    let mut v2 = k0 ^ 0x6c79_6765_6e65_7261;
    let mut v3 = k1 ^ 0x7465_6462_7974_6573;
    let round = |v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64| {
        *v0 = v0.wrapping_add(*v1);
        *v2 = v2.wrapping_add(*v3);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v1);
        *v0 = v0.wrapping_add(*v3);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.rotate_left(32);
    };
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let mi = u64::from_le_bytes(word);
        v3 ^= mi;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= mi;
    }
    let mut tail = [0u8; 8];
    let rest = chunks.remainder();
    tail[..rest.len()].copy_from_slice(rest);
    let b = ((data.len() as u64) << 56) | u64::from_le_bytes(tail);
    v3 ^= b;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= b;
    v2 ^= 0xff;
    for _ in 0..3 {
        round(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    (v0 ^ v1) ^ (v2 ^ v3)
}

/// Maps the reserved `-1` to `-2`.
fn fix(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

/// `_Py_HashBytes`: `hash(b"...")` (and the core of `hash(str)`); 0 for empty input.
pub fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    fix(siphash13(data) as i64)
}

/// `hash(s)` for a `str`: SipHash over the PEP 393 representation (1, 2 or 4 bytes per char).
pub fn hash_str(s: &str) -> i64 {
    if s.is_ascii() {
        // One byte per character: the UTF-8 bytes are CPython's 1-byte-kind buffer.
        return hash_bytes(s.as_bytes());
    }
    let widest = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut bytes = Vec::with_capacity(s.len() * 2);
    for c in s.chars() {
        let cp = c as u32;
        if widest < 0x100 {
            bytes.push(cp as u8);
        } else if widest < 0x10000 {
            bytes.extend_from_slice(&(cp as u16).to_le_bytes());
        } else {
            bytes.extend_from_slice(&cp.to_le_bytes());
        }
    }
    hash_bytes(&bytes)
}

/// `hash(n)` for an int of any size: `n mod (2**61 - 1)` carrying the sign.
pub fn hash_int(n: &BigInt) -> i64 {
    let m = (n.magnitude() % MODULUS).to_u64().unwrap_or(0) as i64;
    fix(if n.is_negative() { -m } else { m })
}

/// `hash(n)` for a machine-sized int.
pub fn hash_i64(n: i64) -> i64 {
    let m = (n.unsigned_abs() % MODULUS) as i64;
    fix(if n < 0 { -m } else { m })
}

/// `hash(b)` for a bool.
pub fn hash_bool(b: bool) -> i64 {
    i64::from(b)
}

/// `frexp(v)` for finite non-zero `v`: `(m, e)` with `0.5 <= |m| < 1` and `v = m * 2**e`.
fn frexp(v: f64) -> (f64, i32) {
    let mut bits = v.to_bits();
    let mut exp_adjust = 0;
    if (bits >> 52) & 0x7ff == 0 {
        // Subnormal: scale into the normal range first.
        bits = (v * f64::from_bits(0x4350_0000_0000_0000)).to_bits(); // 2**54
        exp_adjust = -54;
    }
    let exp = ((bits >> 52) & 0x7ff) as i32 - 1022 + exp_adjust;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp)
}

/// `_Py_HashDouble`: `hash(x)` for a float, equal to the hash of an equal int or fraction.
/// `None` for NaN, which CPython 3.11 hashes by object identity (the VM decides).
pub fn hash_float(v: f64) -> Option<i64> {
    if v.is_nan() {
        return None;
    }
    if v.is_infinite() {
        return Some(if v > 0.0 { HASH_INF } else { -HASH_INF });
    }
    if v == 0.0 {
        return Some(0);
    }
    let (mut m, mut e) = frexp(v);
    let negative = m < 0.0;
    if negative {
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    x = ((x << e) & MODULUS) | (x >> (HASH_BITS - e));
    let h = if negative { x.wrapping_neg() } else { x } as i64;
    Some(fix(h))
}

/// `hash(t)` for a tuple whose elements hash to `items` (CPython 3.8+'s xxHash-based scheme).
pub fn hash_tuple(items: &[i64]) -> i64 {
    const P1: u64 = 11_400_714_785_074_694_791;
    const P2: u64 = 14_029_467_366_897_019_727;
    const P5: u64 = 2_870_177_450_012_600_261;
    let mut acc = P5;
    for &h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3_527_539));
    if acc == u64::MAX {
        1_546_275_796
    } else {
        acc as i64
    }
}

/// `hash(frozenset)` for members hashing to `items` (order does not matter).
pub fn hash_frozenset(items: &[i64]) -> i64 {
    let shuffle = |h: u64| ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167);
    let mut hash: u64 = items.iter().fold(0, |acc, &h| acc ^ shuffle(h as u64));
    hash ^= (items.len() as u64 + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        590_923_713
    } else {
        hash as i64
    }
}
