//! `int(str, base)`, `float(str)`, `bin/oct/hex` against vectors produced by CPython 3.11.

mod common;
#[rustfmt::skip]
#[path = "vectors/number_parse.rs"]
mod vectors;

use common::check;
use interleave_algo::{
    int_bin, int_hex, int_oct, int_to_decimal, parse_float, parse_int, parse_int_bytes,
};
use num_bigint::BigInt;

fn big(hex: &str) -> BigInt {
    BigInt::parse_bytes(hex.as_bytes(), 16).expect("hex")
}

#[test]
fn int_parsing() {
    for (text, base, expected) in vectors::INTS {
        check(
            parse_int(text, *base),
            expected,
            |v| v.to_str_radix(16),
            &format!("int({text:?}, {base})"),
        );
    }
}

#[test]
fn float_parsing() {
    for (text, expected) in vectors::FLOATS {
        check(
            parse_float(text),
            expected,
            |v| format!("{:016x}", v.to_bits()),
            &format!("float({text:?})"),
        );
    }
}

#[test]
fn bases() {
    for (value, b, o, h) in vectors::BASES {
        let v = big(value);
        assert_eq!(
            (int_bin(&v), int_oct(&v), int_hex(&v)),
            (b.to_string(), o.to_string(), h.to_string())
        );
    }
}

#[test]
fn bytes_and_limits() {
    assert_eq!(parse_int_bytes(b" 42 ", 10).unwrap(), BigInt::from(42));
    let err = parse_int_bytes(b"4x", 10).unwrap_err();
    assert_eq!(err.message, "invalid literal for int() with base 10: b'4x'");
    assert_eq!(int_to_decimal(&BigInt::from(-12345)).unwrap(), "-12345");
    let ten = BigInt::from(10);
    assert!(int_to_decimal(&num_traits::pow(ten.clone(), 4299)).is_ok());
    let err = int_to_decimal(&num_traits::pow(ten, 4300)).unwrap_err();
    assert!(
        err.message.starts_with("Exceeds the limit (4300 digits)"),
        "{}",
        err.message
    );
}
