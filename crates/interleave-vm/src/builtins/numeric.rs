//! Built-ins that order, reduce or round values: `sorted`, `min`, `max`, `sum`, `pow`,
//! `round`, and the stable sort that `list.sort` shares.

use std::cmp::Ordering;

use interleave_compiler::CmpOp;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::args;
use super::functions::int_arg;
use crate::interp::Interp;
use crate::native::{Args, PyResult};
use crate::object::Obj;
use crate::value::Value;

/// `a < b` for sorting and min/max.
pub fn less_than(interp: &mut Interp, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        (Value::Str(x), Value::Str(y)) => Ok(x.as_str() < y.as_str()),
        _ => {
            let r = interp.compare(CmpOp::Lt, a, b)?;
            interp.truthy(&r)
        }
    }
}

pub(super) fn min_max(interp: &mut Interp, mut args: Args, name: &str, want: Ordering) -> PyResult<Value> {
    if args.pos.len() == 1 && interp.iterates_in_python(&args.pos[0]) {
        let kw = interp.new_dict();
        for (k, v) in std::mem::take(&mut args.kw) {
            let key = interp.intern(&k);
            interp.dict_set_str(kw, key, v);
        }
        let helper = if want == Ordering::Less { "min_" } else { "max_" };
        return interp.python_iteration(helper, vec![args.pos[0].clone(), Value::Obj(kw)]);
    }
    let key = args.take_kw("key").filter(|k| !k.is_none());
    let default = args.take_kw("default");
    if let Some((k, _)) = args.kw.first() {
        let msg = format!("{name}() got an unexpected keyword argument '{k}'");
        return Err(interp.err(interp.t.type_error, msg));
    }
    let items = match args.pos.len() {
        0 => {
            let msg = format!("{name} expected at least 1 argument, got 0");
            return Err(interp.err(interp.t.type_error, msg));
        }
        1 => interp.collect_iterable(&args.pos[0])?,
        _ => {
            if default.is_some() {
                let msg = format!("Cannot specify a default for {name}() with multiple positional arguments");
                return Err(interp.err(interp.t.type_error, msg));
            }
            args.pos
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => interp.call_nested(f.clone(), vec![item.clone()])?,
            None => item.clone(),
        };
        best = Some(match best {
            None => (k, item),
            Some((bk, bv)) => {
                let better = if want == Ordering::Less { less_than(interp, &k, &bk)? } else { less_than(interp, &bk, &k)? };
                if better { (k, item) } else { (bk, bv) }
            }
        });
    }
    match (best, default) {
        (Some((_, v)), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => {
            let msg = format!("{name}() arg is an empty sequence");
            Err(interp.err(interp.t.value_error, msg))
        }
    }
}

pub(super) fn max(interp: &mut Interp, args: Args) -> PyResult<Value> {
    min_max(interp, args, "max", Ordering::Greater)
}

pub(super) fn min(interp: &mut Interp, args: Args) -> PyResult<Value> {
    min_max(interp, args, "min", Ordering::Less)
}

pub(super) fn sum(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start");
    args::count(interp, "sum", &args, 1, 2)?;
    let mut acc = args.pos.get(1).cloned().or(start).unwrap_or(Value::Int(0));
    if interp.iterates_in_python(&args.pos[0]) && !matches!(acc, Value::Str(_) | Value::Bytes(_)) {
        return interp.python_iteration("sum_", vec![args.pos[0].clone(), acc]);
    }
    match &acc {
        Value::Str(_) => return Err(interp.err(interp.t.type_error, "sum() can't sum strings [use ''.join(seq) instead]")),
        Value::Bytes(_) => return Err(interp.err(interp.t.type_error, "sum() can't sum bytes [use b''.join(seq) instead]")),
        _ => {}
    }
    if let Some(Obj::Range { start, stop, step }) = args.pos[0].as_obj().map(|r| interp.heap.get(r)) {
        // Closed form, so `sum(range(10**12))` costs nothing.
        let (start, stop, step) = (*start, *stop, *step);
        let n = BigInt::from(crate::interp::ops_range_len(start, stop, step));
        let first = BigInt::from(start);
        let last = &first + (&n - 1) * step;
        let total: BigInt = if n == BigInt::from(0) { BigInt::from(0) } else { (&first + &last) * &n / 2 };
        let t = Value::from_bigint(total);
        let r = interp.binary_op(interleave_compiler::BinOp::Add, &acc, &t);
        return interp.nested(r);
    }
    let it = interp.get_iter(&args.pos[0]);
    let it = interp.nested(it)?;
    let mut count = 0u64;
    while let Some(x) = interp.next_nested(&it)? {
        acc = match (&acc, &x) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
            _ => {
                let r = interp.binary_op(interleave_compiler::BinOp::Add, &acc, &x);
                interp.nested(r)?
            }
        };
        count += 1;
        if count.is_multiple_of(256) {
            interp.charge(256);
        }
    }
    Ok(acc)
}

pub(super) fn pow(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::count(interp, "pow", &args, 2, 3)?;
    if let Some(m) = args.pos.get(2).filter(|m| !m.is_none()) {
        if [&args.pos[0], &args.pos[1], m].iter().any(|v| interp.as_complex(v).is_some()) {
            return Err(interp.err(interp.t.value_error, "complex modulo"));
        }
        let (b, e, m) = (int_arg(interp, &args.pos[0])?, int_arg(interp, &args.pos[1])?, int_arg(interp, m)?);
        return interp.int_pow_mod(&b, &e, &m).map(Value::from_bigint);
    }
    let r = interp.binary_op(interleave_compiler::BinOp::Power, &args.pos[0], &args.pos[1]);
    interp.nested(r)
}

pub(super) fn round(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let nd = args.take_kw("ndigits");
    args::count(interp, "round", &args, 1, 2)?;
    let ndigits = args.pos.get(1).cloned().or(nd).filter(|v| !v.is_none());
    match (&args.pos[0], ndigits) {
        (Value::Float(f), None) => {
            if f.is_nan() {
                return Err(interp.err(interp.t.value_error, "cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(interp.err(interp.t.overflow_error, "cannot convert float infinity to integer"));
            }
            let r = f.round_ties_even();
            Ok(match r.to_i64() {
                Some(i) if r.abs() < 9.2e18 => Value::Int(i),
                _ => Value::from_bigint(num_traits::FromPrimitive::from_f64(r).unwrap_or_default()),
            })
        }
        (Value::Float(f), Some(n)) => {
            let n = args::int(interp, &n)?;
            Ok(Value::Float(round_float(*f, n)))
        }
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), None) => Ok(match &args.pos[0] {
            Value::Bool(b) => Value::Int(*b as i64),
            v => v.clone(),
        }),
        (Value::Int(i), Some(n)) => {
            let n = args::int(interp, &n)?;
            if n >= 0 {
                return Ok(Value::Int(*i));
            }
            let p = 10i128.checked_pow((-n) as u32).unwrap_or(i128::MAX);
            let x = *i as i128;
            let q = x.div_euclid(p);
            let r = x.rem_euclid(p);
            let q = if r * 2 > p || (r * 2 == p && q % 2 != 0) { q + 1 } else { q };
            Ok(Value::from_bigint(BigInt::from(q * p)))
        }
        (v, _) => {
            let v = v.clone();
            if let Some(r) = interp.call_method_nested(&v, "__round__", args.pos[1..].to_vec())? {
                return Ok(r);
            }
            let msg = format!("type {} doesn't define __round__ method", interp.type_name(&v));
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

/// `round(x, n)` for floats: correctly rounded to `n` decimal places (half to even on the
/// exact binary value), as CPython.
pub fn round_float(x: f64, n: i64) -> f64 {
    if !x.is_finite() || n > 308 {
        return x;
    }
    if n < -308 {
        return 0.0 * x.signum();
    }
    if n >= 0 {
        let s = format!("{:.*}", n as usize, x);
        s.parse().unwrap_or(x)
    } else {
        let p = 10f64.powi((-n) as i32);
        let y = x / p;
        let r = y.round_ties_even() * p;
        if r.is_finite() { r } else { x }
    }
}

/// Sorts values (stable, using `<` only, as CPython's list.sort).
pub fn sort_values(interp: &mut Interp, items: Vec<Value>, key: Option<Value>, reverse: bool) -> PyResult<Vec<Value>> {
    let mut keyed: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    for v in items {
        let k = match &key {
            Some(f) => interp.call_nested(f.clone(), vec![v.clone()])?,
            None => v.clone(),
        };
        keyed.push((k, v));
    }
    if reverse {
        keyed.reverse();
    }
    interp.charge(keyed.len() as u64 * (usize::BITS - keyed.len().leading_zeros()) as u64 / 4);
    let sorted = merge_sort(interp, keyed)?;
    let mut out: Vec<Value> = sorted.into_iter().map(|(_, v)| v).collect();
    if reverse {
        out.reverse();
    }
    Ok(out)
}

pub(super) fn merge_sort(interp: &mut Interp, v: Vec<(Value, Value)>) -> PyResult<Vec<(Value, Value)>> {
    if v.len() <= 1 {
        return Ok(v);
    }
    // Fast path: all ints or all strs sort without calling back into Python.
    if v.iter().all(|(k, _)| matches!(k, Value::Int(_))) {
        let mut v = v;
        v.sort_by_key(|(k, _)| if let Value::Int(i) = k { *i } else { 0 });
        return Ok(v);
    }
    if v.iter().all(|(k, _)| matches!(k, Value::Str(_))) {
        let mut v = v;
        v.sort_by(|(a, _), (b, _)| match (a, b) {
            (Value::Str(x), Value::Str(y)) => x.as_str().cmp(y.as_str()),
            _ => Ordering::Equal,
        });
        return Ok(v);
    }
    let mut v = v;
    let right = v.split_off(v.len() / 2);
    let left = merge_sort(interp, v)?;
    let right = merge_sort(interp, right)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut li, mut ri) = (left.into_iter().peekable(), right.into_iter().peekable());
    loop {
        match (li.peek(), ri.peek()) {
            (Some(l), Some(r)) => {
                if less_than(interp, &r.0, &l.0)? {
                    out.push(ri.next().expect("peeked"));
                } else {
                    out.push(li.next().expect("peeked"));
                }
            }
            (Some(_), None) => out.extend(li.by_ref()),
            (None, Some(_)) => out.extend(ri.by_ref()),
            (None, None) => break,
        }
    }
    Ok(out)
}

pub(super) fn sorted(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let key = args.take_kw("key").filter(|k| !k.is_none());
    let reverse = match args.take_kw("reverse") {
        Some(r) => interp.truthy(&r)?,
        None => false,
    };
    if args.pos.len() != 1 {
        let msg = format!("sorted expected 1 argument, got {}", args.pos.len());
        return Err(interp.err(interp.t.type_error, msg));
    }
    if interp.iterates_in_python(&args.pos[0]) {
        let key = key.unwrap_or(Value::None);
        return interp.python_iteration("sorted_", vec![args.pos[0].clone(), key, Value::Bool(reverse)]);
    }
    let items = interp.collect_iterable(&args.pos[0])?;
    let out = sort_values(interp, items, key, reverse)?;
    Ok(interp.new_list(out))
}
