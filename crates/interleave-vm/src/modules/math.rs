//! `math`: the float functions of C's libm with CPython's error rules ("math domain error",
//! "math range error"), exact integer functions (`factorial`, `gcd`, `isqrt`, `comb`…) and
//! Shewchuk's exact `fsum`.

use interleave_compiler::BinOp;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::interp::Interp;
use crate::native::{Args, NativeFn, PyResult};
use crate::value::{ObjRef, Value};

pub fn init(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    for (name, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        interp.set_item_str(d, name, Value::Float(v));
    }
    let fns: &[(&'static str, NativeFn)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("expm1", expm1),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("log1p", log1p),
        ("pow", pow),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("fabs", fabs),
        ("fmod", fmod),
        ("factorial", factorial),
        ("gcd", gcd),
        ("lcm", lcm),
        ("isqrt", isqrt),
        ("comb", comb),
        ("perm", perm),
        ("hypot", hypot),
        ("dist", dist),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("atan2", atan2),
        ("degrees", degrees),
        ("radians", radians),
        ("isclose", isclose),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("fsum", fsum),
        ("prod", prod),
        ("copysign", copysign),
        ("modf", modf),
        ("frexp", frexp),
        ("ldexp", ldexp),
    ];
    for &(name, f) in fns {
        interp.def_fn(d, name, f);
    }
    Ok(())
}

fn domain_error(interp: &mut Interp) -> crate::native::Flow {
    interp.err(interp.t.value_error, "math domain error")
}

fn range_error(interp: &mut Interp) -> crate::native::Flow {
    interp.err(interp.t.overflow_error, "math range error")
}

/// A float argument (`TypeError: must be real number, not str`).
fn float_arg(interp: &mut Interp, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(f64::from(u8::from(*b))),
        Value::BigInt(b) => b
            .to_f64()
            .filter(|f| f.is_finite())
            .ok_or_else(|| interp.err(interp.t.overflow_error, "int too large to convert to float")),
        _ => {
            let msg = format!("must be real number, not {}", interp.type_name(v));
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

/// An integer argument as a big integer (`'float' object cannot be interpreted as an integer`).
fn int_arg(interp: &mut Interp, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(u8::from(*b))),
        Value::BigInt(b) => Ok((**b).clone()),
        _ => {
            let msg = format!("'{}' object cannot be interpreted as an integer", interp.type_name(v));
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

/// Checks a call has exactly `n` positional arguments (`sqrt() takes exactly one argument`).
fn exact(interp: &mut Interp, name: &str, args: &Args, n: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(interp.err(interp.t.type_error, format!("math.{name}() takes no keyword arguments")));
    }
    if args.pos.len() == n {
        return Ok(());
    }
    let msg = if n == 1 {
        format!("math.{name}() takes exactly one argument ({} given)", args.pos.len())
    } else {
        format!("{name} expected {n} arguments, got {}", args.pos.len())
    };
    Err(interp.err(interp.t.type_error, msg))
}

/// CPython's `math_1`: applies `f` and turns NaN/infinite results of finite inputs into errors.
fn math1(interp: &mut Interp, name: &str, args: &Args, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    exact(interp, name, args, 1)?;
    let x = float_arg(interp, &args.pos[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(interp));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error(interp) } else { domain_error(interp) });
    }
    Ok(Value::Float(r))
}

macro_rules! unary {
    ($($name:ident => $f:expr, $overflow:expr;)*) => {
        $(fn $name(interp: &mut Interp, args: Args) -> PyResult<Value> {
            math1(interp, stringify!($name), &args, $f, $overflow)
        })*
    };
}

unary! {
    sqrt => f64::sqrt, false;
    exp => f64::exp, true;
    expm1 => f64::exp_m1, true;
    sin => f64::sin, false;
    cos => f64::cos, false;
    tan => f64::tan, false;
    asin => f64::asin, false;
    acos => f64::acos, false;
    atan => f64::atan, false;
    sinh => f64::sinh, true;
    cosh => f64::cosh, true;
    tanh => f64::tanh, false;
    fabs => f64::abs, false;
    degrees => f64::to_degrees, true;
    radians => f64::to_radians, false;
}

/// The natural log of an argument, exact for ints too large for a float (as CPython's
/// `loghelper`); `None` for a domain error.
fn ln_arg(interp: &mut Interp, v: &Value, f: fn(f64) -> f64) -> PyResult<Option<f64>> {
    if let Value::BigInt(b) = v {
        if !b.is_positive() {
            return Ok(None);
        }
        if b.to_f64().is_none_or(|x| !x.is_finite()) {
            let bits = b.bits();
            let shift = bits.saturating_sub(60);
            let top = (&**b >> shift).to_f64().unwrap_or(1.0);
            return Ok(Some(f(top) + shift as f64 * f(2.0)));
        }
    }
    let x = float_arg(interp, v)?;
    if x.is_nan() {
        return Ok(Some(x));
    }
    if x <= 0.0 {
        return Ok(None);
    }
    Ok(Some(f(x)))
}

fn log_with(interp: &mut Interp, name: &str, args: Args, f: fn(f64) -> f64) -> PyResult<Value> {
    exact(interp, name, &args, 1)?;
    match ln_arg(interp, &args.pos[0], f)? {
        Some(r) => Ok(Value::Float(r)),
        None => Err(domain_error(interp)),
    }
}

fn log(interp: &mut Interp, args: Args) -> PyResult<Value> {
    if args.pos.is_empty() || args.pos.len() > 2 || !args.kw.is_empty() {
        let msg = if args.pos.is_empty() {
            "log expected at least 1 argument, got 0".to_string()
        } else {
            format!("log expected at most 2 arguments, got {}", args.pos.len())
        };
        return Err(interp.err(interp.t.type_error, msg));
    }
    let Some(num) = ln_arg(interp, &args.pos[0], f64::ln)? else { return Err(domain_error(interp)) };
    let Some(base) = args.pos.get(1).cloned() else { return Ok(Value::Float(num)) };
    let Some(den) = ln_arg(interp, &base, f64::ln)? else { return Err(domain_error(interp)) };
    if den == 0.0 {
        return Err(interp.err(interp.t.zero_division_error, "float division by zero"));
    }
    Ok(Value::Float(num / den))
}

fn log2(interp: &mut Interp, args: Args) -> PyResult<Value> {
    log_with(interp, "log2", args, f64::log2)
}

fn log10(interp: &mut Interp, args: Args) -> PyResult<Value> {
    log_with(interp, "log10", args, f64::log10)
}

fn log1p(interp: &mut Interp, args: Args) -> PyResult<Value> {
    exact(interp, "log1p", &args, 1)?;
    let x = float_arg(interp, &args.pos[0])?;
    if x <= -1.0 {
        return Err(domain_error(interp));
    }
    Ok(Value::Float(x.ln_1p()))
}

fn two_floats(interp: &mut Interp, name: &str, args: &Args) -> PyResult<(f64, f64)> {
    exact(interp, name, args, 2)?;
    let a = float_arg(interp, &args.pos[0])?;
    let b = float_arg(interp, &args.pos[1])?;
    Ok((a, b))
}

fn pow(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats(interp, "pow", &args)?;
    // C99 Annex F special cases CPython relies on.
    if x == 1.0 || y == 0.0 {
        return Ok(Value::Float(1.0));
    }
    if x.is_nan() || y.is_nan() {
        return Ok(Value::Float(f64::NAN));
    }
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(domain_error(interp));
    }
    if x.is_finite() && x < 0.0 && y.is_finite() && y.fract() != 0.0 {
        return Err(domain_error(interp));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(interp));
    }
    Ok(Value::Float(r))
}

fn fmod(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats(interp, "fmod", &args)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    if (y == 0.0 || x.is_infinite()) && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(interp));
    }
    Ok(Value::Float(x % y))
}

fn atan2(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (y, x) = two_floats(interp, "atan2", &args)?;
    Ok(Value::Float(y.atan2(x)))
}

fn copysign(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats(interp, "copysign", &args)?;
    Ok(Value::Float(x.copysign(y)))
}

/// `floor`/`ceil`/`trunc`: ints are returned unchanged, floats rounded to an int.
fn round_with(interp: &mut Interp, name: &str, args: Args, f: fn(f64) -> f64) -> PyResult<Value> {
    exact(interp, name, &args, 1)?;
    let v = args.pos[0].clone();
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v),
        Value::Bool(b) => Ok(Value::Int(i64::from(b))),
        Value::Float(x) => interleave_algo::float_to_int(f(x)).map(Value::from_bigint).map_err(|e| interp.algo_err(e)),
        _ => {
            let dunder = format!("__{name}__");
            if let Some(r) = interp.call_method_nested(&v, &dunder, vec![])? {
                return Ok(r);
            }
            let msg = format!("must be real number, not {}", interp.type_name(&v));
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

fn floor(interp: &mut Interp, args: Args) -> PyResult<Value> {
    round_with(interp, "floor", args, f64::floor)
}

fn ceil(interp: &mut Interp, args: Args) -> PyResult<Value> {
    round_with(interp, "ceil", args, f64::ceil)
}

fn trunc(interp: &mut Interp, args: Args) -> PyResult<Value> {
    exact(interp, "trunc", &args, 1)?;
    match &args.pos[0] {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_) => round_with(interp, "trunc", args, f64::trunc),
        other => {
            let other = other.clone();
            if let Some(r) = interp.call_method_nested(&other, "__trunc__", vec![])? {
                return Ok(r);
            }
            let msg = format!("type {} doesn't define __trunc__ method", interp.type_name(&other));
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

/// Rejects floats where CPython's integer functions do (`factorial(5.0)`).
fn strict_int(interp: &mut Interp, v: &Value) -> PyResult<BigInt> {
    int_arg(interp, v)
}

fn factorial(interp: &mut Interp, args: Args) -> PyResult<Value> {
    exact(interp, "factorial", &args, 1)?;
    let n = strict_int(interp, &args.pos[0])?;
    if n.is_negative() {
        return Err(interp.err(interp.t.value_error, "factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|&n| n <= 1_000_000) else {
        return Err(interp.err(interp.t.overflow_error, "factorial() argument should not exceed 1000000"));
    };
    interp.charge(n / 8);
    let mut acc = BigInt::one();
    for k in 2..=n {
        acc *= k;
    }
    Ok(Value::from_bigint(acc))
}

fn int_args(interp: &mut Interp, name: &str, args: &Args) -> PyResult<Vec<BigInt>> {
    if !args.kw.is_empty() {
        return Err(interp.err(interp.t.type_error, format!("{name}() takes no keyword arguments")));
    }
    args.pos.iter().map(|v| strict_int(interp, v)).collect()
}

fn gcd(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let ns = int_args(interp, "gcd", &args)?;
    let g = ns.iter().fold(BigInt::zero(), |a, b| a.gcd(b));
    Ok(Value::from_bigint(g))
}

fn lcm(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let ns = int_args(interp, "lcm", &args)?;
    let l = ns.iter().fold(BigInt::one(), |a, b| if a.is_zero() || b.is_zero() { BigInt::zero() } else { a.lcm(b) });
    Ok(Value::from_bigint(l))
}

fn isqrt(interp: &mut Interp, args: Args) -> PyResult<Value> {
    exact(interp, "isqrt", &args, 1)?;
    let n = strict_int(interp, &args.pos[0])?;
    if n.is_negative() {
        return Err(interp.err(interp.t.value_error, "isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

/// `n` and `k` of `comb`/`perm`, checked non-negative.
fn n_k(interp: &mut Interp, name: &str, args: &Args, k_optional: bool) -> PyResult<(BigInt, Option<BigInt>)> {
    if !args.kw.is_empty() {
        return Err(interp.err(interp.t.type_error, format!("{name}() takes no keyword arguments")));
    }
    let (min, max) = (if k_optional { 1 } else { 2 }, 2);
    let got = args.pos.len();
    if got < min || got > max {
        let msg = if k_optional {
            if got == 0 {
                "perm expected at least 1 argument, got 0".to_string()
            } else {
                format!("perm expected at most 2 arguments, got {got}")
            }
        } else {
            format!("{name} expected 2 arguments, got {got}")
        };
        return Err(interp.err(interp.t.type_error, msg));
    }
    let n = strict_int(interp, &args.pos[0])?;
    let k = match args.pos.get(1) {
        Some(Value::None) | None => None,
        Some(v) => Some(strict_int(interp, v)?),
    };
    if n.is_negative() {
        return Err(interp.err(interp.t.value_error, "n must be a non-negative integer"));
    }
    if k.as_ref().is_some_and(|k| k.is_negative()) {
        return Err(interp.err(interp.t.value_error, "k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// `n * (n-1) * … * (n-k+1)`, charged by its length.
fn falling(interp: &mut Interp, n: &BigInt, k: &BigInt) -> PyResult<BigInt> {
    let Some(k) = k.to_u64().filter(|&k| k <= 1_000_000) else {
        return Err(interp.err(interp.t.overflow_error, "k must not exceed 1000000"));
    };
    interp.charge(k / 8);
    let mut acc = BigInt::one();
    let mut f = n.clone();
    for _ in 0..k {
        acc *= &f;
        f -= 1;
    }
    Ok(acc)
}

fn comb(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (n, k) = n_k(interp, "comb", &args, false)?;
    let k = k.unwrap_or_default();
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.clone().min(&n - &k);
    let num = falling(interp, &n, &k)?;
    let den = falling(interp, &k, &k)?;
    Ok(Value::from_bigint(num / den))
}

fn perm(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (n, k) = n_k(interp, "perm", &args, true)?;
    let k = k.unwrap_or_else(|| n.clone());
    if k > n {
        return Ok(Value::Int(0));
    }
    Ok(Value::from_bigint(falling(interp, &n, &k)?))
}

/// Euclidean norm with CPython's scaling (so large and tiny inputs do not overflow/underflow).
fn vector_norm(xs: &[f64]) -> f64 {
    if xs.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    if xs.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    let max = xs.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if max == 0.0 || xs.len() <= 1 {
        return max;
    }
    let sum: f64 = xs.iter().map(|x| (x / max) * (x / max)).sum();
    max * sum.sqrt()
}

fn hypot(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let mut xs = Vec::with_capacity(args.pos.len());
    for v in &args.pos {
        xs.push(float_arg(interp, v)?);
    }
    if xs.len() == 2 {
        return Ok(Value::Float(xs[0].hypot(xs[1])));
    }
    Ok(Value::Float(vector_norm(&xs)))
}

fn dist(interp: &mut Interp, args: Args) -> PyResult<Value> {
    exact(interp, "dist", &args, 2)?;
    let p = interp.collect_iterable(&args.pos[0])?;
    let q = interp.collect_iterable(&args.pos[1])?;
    if p.len() != q.len() {
        return Err(interp.err(interp.t.value_error, "both points must have the same number of dimensions"));
    }
    let mut xs = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(&q) {
        xs.push(float_arg(interp, a)? - float_arg(interp, b)?);
    }
    if xs.len() == 2 {
        return Ok(Value::Float(xs[0].hypot(xs[1])));
    }
    Ok(Value::Float(vector_norm(&xs)))
}

fn isclose(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let rel = args.take_kw("rel_tol");
    let abs = args.take_kw("abs_tol");
    let a = args.take_kw("a");
    let b = args.take_kw("b");
    if let Some((k, _)) = args.kw.first() {
        let msg = format!("isclose() got an unexpected keyword argument '{k}'");
        return Err(interp.err(interp.t.type_error, msg));
    }
    let mut pos = args.pos.into_iter();
    let (Some(a), Some(b)) = (pos.next().or(a), pos.next().or(b)) else {
        return Err(interp.err(interp.t.type_error, "isclose() missing required argument 'b' (pos 2)"));
    };
    if pos.next().is_some() {
        return Err(interp.err(interp.t.type_error, "isclose() takes exactly 2 positional arguments"));
    }
    let a = float_arg(interp, &a)?;
    let b = float_arg(interp, &b)?;
    let rel = match rel {
        Some(v) => float_arg(interp, &v)?,
        None => 1e-9,
    };
    let abs = match abs {
        Some(v) => float_arg(interp, &v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(interp.err(interp.t.value_error, "tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs))
}

fn predicate(interp: &mut Interp, name: &str, args: Args, f: fn(f64) -> bool) -> PyResult<Value> {
    exact(interp, name, &args, 1)?;
    let x = float_arg(interp, &args.pos[0])?;
    Ok(Value::Bool(f(x)))
}

fn isfinite(interp: &mut Interp, args: Args) -> PyResult<Value> {
    predicate(interp, "isfinite", args, f64::is_finite)
}

fn isinf(interp: &mut Interp, args: Args) -> PyResult<Value> {
    predicate(interp, "isinf", args, f64::is_infinite)
}

fn isnan(interp: &mut Interp, args: Args) -> PyResult<Value> {
    predicate(interp, "isnan", args, f64::is_nan)
}

/// `fsum`: Shewchuk's exactly rounded sum, as CPython's `math_fsum`.
pub fn exact_sum(xs: &[f64]) -> Result<f64, &'static str> {
    let mut partials: Vec<f64> = Vec::new();
    let (mut special, mut inf_sum) = (0.0f64, 0.0f64);
    for &x0 in xs {
        let mut x = x0;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err("intermediate overflow in fsum");
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special != 0.0 {
        return Ok(if inf_sum.is_nan() { f64::NAN } else { special });
    }
    let mut hi = 0.0;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

fn fsum(interp: &mut Interp, args: Args) -> PyResult<Value> {
    exact(interp, "fsum", &args, 1)?;
    let items = interp.collect_iterable(&args.pos[0])?;
    let mut xs = Vec::with_capacity(items.len());
    for v in &items {
        xs.push(float_arg(interp, v)?);
    }
    match exact_sum(&xs) {
        Ok(s) => Ok(Value::Float(s)),
        Err(msg) => Err(interp.err(interp.t.overflow_error, msg)),
    }
}

fn prod(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start").unwrap_or(Value::Int(1));
    if let Some((k, _)) = args.kw.first() {
        let msg = format!("prod() got an unexpected keyword argument '{k}'");
        return Err(interp.err(interp.t.type_error, msg));
    }
    if args.pos.len() != 1 {
        let msg = format!("prod() takes exactly 1 positional argument ({} given)", args.pos.len());
        return Err(interp.err(interp.t.type_error, msg));
    }
    let items = interp.collect_iterable(&args.pos[0])?;
    let mut acc = start;
    for v in &items {
        let r = interp.binary_op(BinOp::Multiply, &acc, v);
        acc = interp.nested(r)?;
    }
    Ok(acc)
}

fn modf(interp: &mut Interp, args: Args) -> PyResult<Value> {
    exact(interp, "modf", &args, 1)?;
    let x = float_arg(interp, &args.pos[0])?;
    let (frac, int) = if x.is_infinite() { (0.0f64.copysign(x), x) } else { (x.fract(), x.trunc()) };
    Ok(interp.new_tuple(vec![Value::Float(frac), Value::Float(int)]))
}

/// `frexp(x)`: `(m, e)` with `x == m * 2**e` and `0.5 <= abs(m) < 1`.
pub fn frexp_f64(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp_f64(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

fn frexp(interp: &mut Interp, args: Args) -> PyResult<Value> {
    exact(interp, "frexp", &args, 1)?;
    let x = float_arg(interp, &args.pos[0])?;
    let (m, e) = frexp_f64(x);
    Ok(interp.new_tuple(vec![Value::Float(m), Value::Int(e)]))
}

fn ldexp(interp: &mut Interp, args: Args) -> PyResult<Value> {
    exact(interp, "ldexp", &args, 2)?;
    let x = float_arg(interp, &args.pos[0])?;
    let e = strict_int(interp, &args.pos[1])?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let e = e.to_i64().unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX }).clamp(-2200, 2200) as i32;
    // Two steps keep intermediate powers of two representable.
    let half = e / 2;
    let r = x * 2f64.powi(half) * 2f64.powi(e - half);
    if r.is_infinite() {
        return Err(range_error(interp));
    }
    Ok(Value::Float(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fsum_is_exact() {
        assert_eq!(exact_sum(&[0.1; 10]), Ok(1.0));
        assert_eq!(exact_sum(&[1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), Ok(1e-100));
        assert_eq!(exact_sum(&[]), Ok(0.0));
        assert!(exact_sum(&[f64::INFINITY, f64::NEG_INFINITY]).is_ok_and(f64::is_nan));
        assert_eq!(exact_sum(&[f64::MAX, f64::MAX]), Err("intermediate overflow in fsum"));
    }

    #[test]
    fn frexp_matches_c() {
        assert_eq!(frexp_f64(8.0), (0.5, 4));
        assert_eq!(frexp_f64(-3.0), (-0.75, 2));
        assert_eq!(frexp_f64(5e-324), (0.5, -1073));
        assert_eq!(frexp_f64(0.0), (0.0, 0));
    }
}
