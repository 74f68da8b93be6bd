//! `round`, `%`, `//`, `divmod`, `**` on floats against vectors produced by CPython 3.11.

mod common;
#[rustfmt::skip]
#[path = "vectors/float_ops.rs"]
mod vectors;

use common::check;
use interleave_algo::{
    FloatPow, float_divmod, float_floordiv, float_is_integer, float_mod, float_pow, round_ndigits,
    round_to_int,
};

fn hex(x: f64) -> String {
    format!("{:016x}", x.to_bits())
}

#[test]
fn rounding() {
    for &(bits, ref expected) in vectors::ROUND {
        check(
            round_to_int(f64::from_bits(bits)),
            expected,
            |v| v.to_str_radix(16),
            &format!("round({})", f64::from_bits(bits)),
        );
    }
    for &(bits, n, ref expected) in vectors::ROUND_N {
        let x = f64::from_bits(bits);
        check(
            round_ndigits(x, n),
            expected,
            |v| if v.is_nan() { hex(f64::NAN) } else { hex(v) },
            &format!("round({x}, {n})"),
        );
    }
}

#[test]
fn arithmetic() {
    for &(a, b, ref m, ref fd, ref dm, ref pw) in vectors::PAIRS {
        let (x, y) = (f64::from_bits(a), f64::from_bits(b));
        let ctx = format!("{x} op {y}");
        check(float_mod(x, y), m, hex, &ctx);
        check(float_floordiv(x, y), fd, hex, &ctx);
        check(
            float_divmod(x, y),
            dm,
            |(q, r)| format!("{},{}", hex(q), hex(r)),
            &ctx,
        );
        let show = |p: FloatPow| match p {
            FloatPow::Float(v) => hex(v),
            FloatPow::Complex => "complex".to_string(),
        };
        check(float_pow(x, y), pw, show, &ctx);
    }
    assert!(float_is_integer(3.0) && !float_is_integer(3.5) && !float_is_integer(f64::INFINITY));
}
