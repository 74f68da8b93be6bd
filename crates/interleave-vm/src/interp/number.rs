//! Conversions through the numeric special methods: `__index__` (CPython's
//! `PyNumber_Index`), which makes user objects usable as indices, slice bounds, `range()`
//! bounds and integer arguments, and the modular arithmetic of three-argument `pow`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use crate::interp::Interp;
use crate::native::PyResult;
use crate::object::Obj;
use crate::value::Value;

impl Interp {
    /// `operator.index(v)`: an int as it is (a bool as an int), or the result of the type's
    /// `__index__` (which must be an int). `None` when `v` has no `__index__`.
    pub fn index_value(&mut self, v: &Value) -> PyResult<Option<Value>> {
        match v {
            Value::Int(_) | Value::BigInt(_) => Ok(Some(v.clone())),
            Value::Bool(b) => Ok(Some(Value::Int(*b as i64))),
            Value::Obj(r) if matches!(self.heap.get(*r), Obj::Instance(_)) => {
                let Some(res) = self.call_method_nested(v, "__index__", vec![])? else { return Ok(None) };
                match res {
                    Value::Int(_) | Value::BigInt(_) => Ok(Some(res)),
                    Value::Bool(b) => Ok(Some(Value::Int(b as i64))),
                    _ => {
                        let msg = format!("__index__ returned non-int (type {})", self.type_name(&res));
                        Err(self.err(self.t.type_error, msg))
                    }
                }
            }
            _ => Ok(None),
        }
    }

    /// `pow(base, exp, modulus)` for ints, as CPython's `long_pow`: a negative exponent
    /// uses the modular inverse of the base, and the result takes the modulus's sign.
    pub fn int_pow_mod(&mut self, base: &BigInt, exp: &BigInt, modulus: &BigInt) -> PyResult<BigInt> {
        if modulus.is_zero() {
            return Err(self.err(self.t.value_error, "pow() 3rd argument cannot be 0"));
        }
        let m = modulus.abs();
        let mut b = base.mod_floor(&m);
        let mut e = exp.clone();
        if e.is_negative() {
            b = match mod_inverse(&b, &m) {
                Some(inv) => inv,
                None => return Err(self.err(self.t.value_error, "base is not invertible for the given modulus")),
            };
            e = -e;
        }
        let mut r = b.modpow(&e, &m);
        if modulus.is_negative() && !r.is_zero() {
            r -= &m;
        }
        Ok(r)
    }
}

/// The inverse of `a` modulo `m` (`m` > 0, `0 <= a < m`), if `gcd(a, m) == 1`.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (a.clone(), m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = old_r.div_floor(&r);
        let next_r = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, next_r);
        let next_s = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, next_s);
    }
    if !old_r.is_one() {
        return None;
    }
    Some(old_s.mod_floor(m))
}
