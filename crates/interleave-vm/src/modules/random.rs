//! `_random`: the native half of `random` (see `py/random.py`). Generators are CPython's
//! MT19937 ([`interleave_algo::PyRandom`]), kept per process in [`super::ModuleState`] and
//! named by an integer id held by each `random.Random` instance. A generator created without a
//! seed is seeded from the run seed, so a program that never calls `random.seed` still gives
//! the same numbers on every run with the same seed.

use interleave_algo::PyRandom;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::interp::Interp;
use crate::native::{Args, NativeFn, PyResult};
use crate::value::{ObjRef, Value};

/// The most generators one process may create (each holds 2.5 KB of state).
pub const MAX_GENERATORS: usize = 100_000;

pub fn init(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[
        ("new", new),
        ("seed", seed),
        ("random", random),
        ("getrandbits", getrandbits),
        ("randbelow", randbelow),
        ("randrange", randrange),
        ("sample", sample),
        ("choices", choices),
        ("choices_cum", choices_cum),
        ("uniform", uniform),
        ("gauss", gauss),
        ("normalvariate", normalvariate),
        ("getstate", getstate),
        ("setstate", setstate),
    ];
    for &(name, f) in fns {
        interp.def_fn(d, name, f);
    }
    Ok(())
}

/// A generator seeded from the run seed and how many generators exist (`Random()`, `seed()`).
fn run_seeded(interp: &Interp, salt: usize) -> PyRandom {
    let mut r = PyRandom::from_int_seed(&BigInt::from(0));
    r.seed_bytes(format!("interleave:{}:{salt}", interp.seed).as_bytes());
    r
}

/// Seeds `r` as `Random.seed(a)` does.
fn seed_with(interp: &mut Interp, r: &mut PyRandom, a: &Value, salt: usize) -> PyResult<()> {
    match a {
        Value::None => *r = run_seeded(interp, salt),
        Value::Int(i) => r.seed_int(&BigInt::from(*i)),
        Value::Bool(b) => r.seed_int(&BigInt::from(u8::from(*b))),
        Value::BigInt(b) => r.seed_int(b),
        Value::Str(s) => r.seed_bytes(s.as_str().as_bytes()),
        Value::Bytes(b) => r.seed_bytes(b),
        other => {
            let h = interp.hash(other)?;
            r.seed_hash(h);
        }
    }
    Ok(())
}

fn new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let n = interp.module_state.random.len();
    if n >= MAX_GENERATORS {
        return Err(interp.memory_error());
    }
    let mut r = run_seeded(interp, n);
    if let Some(a) = args.pos.first() {
        seed_with(interp, &mut r, a, n)?;
    }
    interp.module_state.random.push(r);
    Ok(Value::Int(n as i64))
}

/// The generator named by the first argument.
fn gen_id(interp: &mut Interp, args: &Args) -> PyResult<usize> {
    match args.pos.first() {
        Some(Value::Int(i)) if (*i as usize) < interp.module_state.random.len() && *i >= 0 => Ok(*i as usize),
        _ => Err(interp.err(interp.t.value_error, "invalid random generator")),
    }
}

fn with_gen<T>(interp: &mut Interp, args: &Args, f: impl FnOnce(&mut PyRandom) -> T) -> PyResult<T> {
    let id = gen_id(interp, args)?;
    Ok(f(&mut interp.module_state.random[id]))
}

fn seed(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let id = gen_id(interp, &args)?;
    let a = args.pos.get(1).cloned().unwrap_or(Value::None);
    let mut r = interp.module_state.random[id].clone();
    let salt = interp.module_state.random.len() + id;
    seed_with(interp, &mut r, &a, salt)?;
    interp.module_state.random[id] = r;
    Ok(Value::None)
}

fn random(interp: &mut Interp, args: Args) -> PyResult<Value> {
    with_gen(interp, &args, |r| Value::Float(r.random()))
}

fn int_at(interp: &mut Interp, args: &Args, i: usize) -> PyResult<BigInt> {
    let v = args.pos.get(i).cloned().unwrap_or(Value::None);
    int_value(interp, &v)
}

fn int_value(interp: &mut Interp, v: &Value) -> PyResult<BigInt> {
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

fn getrandbits(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let k = int_at(interp, &args, 1)?;
    let Some(k) = k.to_i64().filter(|&k| k <= 1 << 24) else {
        return Err(interp.err(interp.t.overflow_error, "getrandbits() argument too large"));
    };
    let r = with_gen(interp, &args, |r| r.getrandbits(k))?;
    r.map(Value::from_bigint).map_err(|e| interp.algo_err(e))
}

fn randbelow(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let n = int_at(interp, &args, 1)?;
    with_gen(interp, &args, |r| Value::from_bigint(r.randbelow(&n)))
}

/// An argument of `randrange`: ints, or floats equal to an int (as 3.11 still accepts).
fn range_arg(interp: &mut Interp, v: &Value, what: &str) -> PyResult<BigInt> {
    match v {
        Value::Float(f) if f.fract() == 0.0 && f.is_finite() => {
            Ok(interleave_algo::float_to_int(*f).unwrap_or_default())
        }
        Value::Float(_) => {
            let msg = format!("non-integer {what} for randrange()");
            Err(interp.err(interp.t.value_error, msg))
        }
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(u8::from(*b))),
        Value::BigInt(b) => Ok((**b).clone()),
        other => {
            let msg = format!("'{}' object cannot be interpreted as an integer", interp.type_name(other));
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

/// `randrange(id, start, stop, step)` (`stop` None for the one-argument form).
fn randrange(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let get = |i: usize| args.pos.get(i).cloned().unwrap_or(Value::None);
    let start = range_arg(interp, &get(1), "arg 1")?;
    let stop = match get(2) {
        Value::None => None,
        v => Some(range_arg(interp, &v, "stop")?),
    };
    let step = match get(3) {
        Value::None => BigInt::from(1),
        v => range_arg(interp, &v, "step")?,
    };
    let r = with_gen(interp, &args, |r| r.randrange(&start, stop.as_ref(), &step))?;
    r.map(Value::from_bigint).map_err(|e| interp.algo_err(e))
}

fn usize_at(interp: &mut Interp, args: &Args, i: usize) -> PyResult<usize> {
    let n = int_at(interp, args, i)?;
    Ok(n.to_usize().unwrap_or(0))
}

fn index_list(interp: &mut Interp, idx: Vec<usize>) -> Value {
    let items = idx.into_iter().map(|i| Value::Int(i as i64)).collect();
    interp.new_list(items)
}

/// `sample(id, n, k)`: the chosen indices.
fn sample(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let n = usize_at(interp, &args, 1)?;
    let k = int_at(interp, &args, 2)?.to_i64().unwrap_or(i64::MAX);
    interp.charge(k.clamp(0, n as i64) as u64);
    let r = with_gen(interp, &args, |r| r.sample(n, k))?;
    let idx = r.map_err(|e| interp.algo_err(e))?;
    Ok(index_list(interp, idx))
}

/// `choices(id, n, k)`: indices chosen with replacement.
fn choices(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let n = usize_at(interp, &args, 1)?;
    let k = usize_at(interp, &args, 2)?.min(100_000_000);
    interp.charge(k as u64);
    let idx = with_gen(interp, &args, |r| r.choices(n, k))?;
    Ok(index_list(interp, idx))
}

/// `choices_cum(id, cum_weights, k)`: indices chosen by cumulative weights.
fn choices_cum(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let cum_v = interp.collect_iterable(args.pos.get(1).unwrap_or(&Value::None))?;
    let mut cum = Vec::with_capacity(cum_v.len());
    for v in &cum_v {
        cum.push(crate::builtins::args::float(interp, v, "weight")?);
    }
    let k = usize_at(interp, &args, 2)?.min(100_000_000);
    interp.charge(k as u64);
    let r = with_gen(interp, &args, |r| r.choices_cumulative(&cum, k))?;
    let idx = r.map_err(|e| interp.algo_err(e))?;
    Ok(index_list(interp, idx))
}

fn two_floats(interp: &mut Interp, args: &Args) -> PyResult<(f64, f64)> {
    let a = crate::builtins::args::float(interp, args.pos.get(1).unwrap_or(&Value::None), "a")?;
    let b = crate::builtins::args::float(interp, args.pos.get(2).unwrap_or(&Value::None), "b")?;
    Ok((a, b))
}

fn uniform(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (a, b) = two_floats(interp, &args)?;
    with_gen(interp, &args, |r| Value::Float(r.uniform(a, b)))
}

fn gauss(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (a, b) = two_floats(interp, &args)?;
    with_gen(interp, &args, |r| Value::Float(r.gauss(a, b)))
}

fn normalvariate(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (a, b) = two_floats(interp, &args)?;
    with_gen(interp, &args, |r| Value::Float(r.normalvariate(a, b)))
}

/// `getstate(id)`: `(words, gauss_next)`, where `words` is CPython's 625-int core state (the
/// 624 state words, then the index) and `gauss_next` the cached `gauss` value or None.
fn getstate(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (words, index, gauss_next) = with_gen(interp, &args, |r| r.state())?;
    let mut items: Vec<Value> = words.into_iter().map(|w| Value::Int(i64::from(w))).collect();
    items.push(Value::Int(index as i64));
    let core = interp.new_tuple(items);
    let cached = gauss_next.map_or(Value::None, Value::Float);
    Ok(interp.new_tuple(vec![core, cached]))
}

/// `setstate(id, words, gauss_next)`: restores what `getstate` returned.
fn setstate(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let id = gen_id(interp, &args)?;
    let core = args.pos.get(1).cloned().unwrap_or(Value::None);
    let items = match core.as_obj().map(|r| interp.heap.get(r)) {
        Some(crate::object::Obj::Tuple(t)) => t.clone(),
        _ => return Err(interp.err(interp.t.type_error, "state vector must be a tuple")),
    };
    let mut words = Vec::with_capacity(items.len());
    for v in &items {
        let w = int_value(interp, v)?.to_u32().ok_or_else(|| interp.err(interp.t.overflow_error, "Python int too large to convert to C unsigned long"))?;
        words.push(w);
    }
    let Some(index) = words.pop() else {
        return Err(interp.err(interp.t.value_error, "state vector is the wrong size"));
    };
    let gauss_next = match args.pos.get(2) {
        None | Some(Value::None) => None,
        Some(v) => Some(crate::builtins::args::float(interp, v, "gauss_next")?),
    };
    let r = interp.module_state.random[id].set_state(&words, index as usize, gauss_next);
    r.map_err(|e| interp.algo_err(e))?;
    Ok(Value::None)
}

/// `n` deterministic bytes for `os.urandom`, from a generator of its own seeded by the run seed.
pub fn urandom_bytes(interp: &mut Interp, n: usize) -> PyResult<Vec<u8>> {
    let id = match interp.module_state.urandom {
        Some(id) => id,
        None => {
            let n = interp.module_state.random.len();
            if n >= MAX_GENERATORS {
                return Err(interp.memory_error());
            }
            let r = run_seeded(interp, usize::MAX);
            interp.module_state.random.push(r);
            interp.module_state.urandom = Some(n);
            n
        }
    };
    let r = &mut interp.module_state.random[id];
    Ok((0..n).map(|_| (r.next_u32() >> 24) as u8).collect())
}

/// In a forked child: CPython's `random` reseeds its module-level generator after fork
/// (`os.register_at_fork(after_in_child=_inst.seed)`), and `os.urandom` reads fresh entropy, so
/// children do not repeat their parent's numbers. Here both are reseeded from the run seed and
/// the child's pid (deterministic per seed).
pub fn after_fork_child(interp: &mut Interp) {
    let pid = interp.pid;
    let fresh = |interp: &Interp, what: &str| {
        let mut r = PyRandom::from_int_seed(&BigInt::from(0));
        r.seed_bytes(format!("interleave:{}:fork:{pid}:{what}", interp.seed).as_bytes());
        r
    };
    if let Some(id) = interp.module_state.urandom {
        interp.module_state.random[id] = fresh(interp, "urandom");
    }
    let inst = interp
        .dict_get_str(interp.modules, "random")
        .and_then(|m| interp.getattr_opt(&m, "_inst").ok().flatten())
        .and_then(|inst| interp.getattr_opt(&inst, "_id").ok().flatten());
    if let Some(Value::Int(id)) = inst
        && let Ok(id) = usize::try_from(id)
        && id < interp.module_state.random.len()
    {
        interp.module_state.random[id] = fresh(interp, "random");
    }
}
