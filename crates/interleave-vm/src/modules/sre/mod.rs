//! `_interleave_sre`: the native half of `_sre` (see `py/_sre.py`, which ports the object
//! layer of CPython's `Modules/_sre/sre.c`: `Pattern`, `Match`, the scanner, `sub`, `split`).
//! It runs the matcher of [`engine`] over a subject (a `str`, or any bytes-like object) and
//! answers with the marks of the match, in characters (or bytes), and holds the case and
//! category helpers `re._compiler` asks `_sre` for.
//!
//! A match's answer is the tuple `(lastindex, start, end, g1start, g1end, …)` with `-1` for
//! groups that did not take part, or None. Matching work is charged as virtual time, one
//! step per instruction the matcher runs or character it counts; a match that would run past
//! the run's step limit stops the run, as an endless Python loop would.

mod engine;

use std::cell::RefCell;
use std::rc::Rc;

use crate::interp::Interp;
use crate::native::{Args, Flow, NativeFn, PyResult, RunStop};
use crate::value::{ObjRef, PyStr, Value};

pub fn init(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[
        ("pack", pack),
        ("search", search),
        ("scan", scan),
        ("ascii_iscased", ascii_iscased),
        ("unicode_iscased", unicode_iscased),
        ("ascii_tolower", ascii_tolower),
        ("unicode_tolower", unicode_tolower),
        ("lookup", lookup),
    ];
    for &(name, f) in fns {
        interp.def_fn(d, name, f);
    }
    interp.set_item_str(d, "MAXREPEAT", Value::Int(i64::from(engine::MAXREPEAT)));
    Ok(())
}

/// The characters of the last non-ASCII `str` searched, kept so that a scanner or a loop of
/// searches over one string converts it once. The `Rc` keeps the string alive, so comparing
/// pointers is sound.
struct LastSubject {
    text: Rc<PyStr>,
    chars: Rc<[char]>,
}

thread_local! {
    static LAST: RefCell<Option<LastSubject>> = const { RefCell::new(None) };
}

/// What a match runs over.
enum Subject {
    /// A `str` of ASCII characters, matched by byte.
    Ascii(Rc<PyStr>),
    Chars(Rc<[char]>),
    Bytes(Rc<[u8]>),
}

fn subject(interp: &mut Interp, v: &Value) -> PyResult<Subject> {
    match v {
        Value::Str(s) if s.is_ascii() => Ok(Subject::Ascii(s.clone())),
        Value::Str(s) => {
            let cached = LAST.with(|l| {
                l.borrow().as_ref().filter(|last| Rc::ptr_eq(&last.text, s)).map(|last| last.chars.clone())
            });
            let chars = match cached {
                Some(c) => c,
                None => {
                    let chars: Rc<[char]> = s.as_str().chars().collect();
                    interp.charge(chars.len() as u64 / 4);
                    LAST.with(|l| *l.borrow_mut() = Some(LastSubject { text: s.clone(), chars: chars.clone() }));
                    chars
                }
            };
            Ok(Subject::Chars(chars))
        }
        Value::Bytes(b) => Ok(Subject::Bytes(b.clone())),
        _ => match interp.bytes_of(v) {
            Some(b) => {
                let b: Rc<[u8]> = Rc::from(b);
                interp.charge(b.len() as u64 / 8);
                Ok(Subject::Bytes(b))
            }
            None => {
                let msg = format!("expected string or bytes-like object, got '{}'", interp.type_name(v));
                Err(interp.err(interp.t.type_error, msg))
            }
        },
    }
}

fn int_arg(interp: &mut Interp, v: Option<&Value>) -> PyResult<i64> {
    match v {
        Some(Value::Int(i)) => Ok(*i),
        Some(Value::Bool(b)) => Ok(i64::from(*b)),
        _ => Err(interp.internal("_interleave_sre: expected an int")),
    }
}

/// The code of a pattern, packed by [`pack`].
fn code_arg(interp: &mut Interp, v: Option<&Value>) -> PyResult<Vec<u32>> {
    match v {
        Some(Value::Bytes(b)) => {
            Ok(b.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
        }
        _ => Err(interp.internal("_interleave_sre: expected packed code")),
    }
}

/// `pack(code)`: the list of ints `re._compiler` made, as bytes (4 per code, little-endian),
/// the form `search` and `scan` take. Raises `RuntimeError` for a code out of range, as C's
/// `_sre.compile` does ("regular expression code size limit exceeded" is `OverflowError`).
fn pack(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let list = a.pos.first().cloned().unwrap_or(Value::None);
    let items = interp.collect_iterable(&list)?;
    let mut out = Vec::with_capacity(items.len() * 4);
    for item in &items {
        let n = match item {
            Value::Int(i) if (0..=i64::from(u32::MAX)).contains(i) => *i as u32,
            Value::Int(_) | Value::BigInt(_) => {
                return Err(interp.err(interp.t.overflow_error, "regular expression code size limit exceeded"));
            }
            _ => return Err(interp.err(interp.t.type_error, "an integer is required")),
        };
        out.extend_from_slice(&n.to_le_bytes());
    }
    interp.charge(items.len() as u64);
    Ok(Value::Bytes(Rc::from(out)))
}

/// Positions clamped as `state_init` clamps `pos` and `endpos`.
fn bounds(len: usize, pos: i64, endpos: i64) -> (usize, usize) {
    let clamp = |v: i64| v.clamp(0, len as i64) as usize;
    (clamp(pos), clamp(endpos))
}

/// The answer tuple of a successful match: `(lastindex, start, end, g1start, g1end, …)`.
fn answer<S: Copy + Into<u32>>(interp: &mut Interp, st: &engine::State<S>, groups: usize) -> Value {
    let mut out = Vec::with_capacity(3 + groups * 2);
    out.push(Value::Int(st.lastindex as i64));
    out.push(Value::Int(st.start as i64));
    out.push(Value::Int(st.ptr as i64));
    for g in 0..groups {
        let j = g * 2;
        let span = if (j + 1) as isize <= st.lastmark {
            match (st.marks.get(j).copied().flatten(), st.marks.get(j + 1).copied().flatten()) {
                (Some(a), Some(b)) => Some((a, b)),
                _ => None,
            }
        } else {
            None
        };
        let (a, b) = span.map_or((-1, -1), |(a, b)| (a as i64, b as i64));
        out.push(Value::Int(a));
        out.push(Value::Int(b));
    }
    interp.new_tuple(out)
}

/// Turns the matcher's outcome into the native function's: steps charged, errors raised.
fn settle<T>(interp: &mut Interp, steps: u64, r: Result<T, engine::Error>) -> PyResult<T> {
    interp.charge(steps);
    match r {
        Ok(v) => Ok(v),
        Err(engine::Error::Budget) => Err(Flow::Stop(Rc::new(RunStop::StepLimit(interp.limits.max_steps)))),
        Err(engine::Error::Internal) => {
            Err(interp.err(interp.t.runtime_error, "internal error in regular expression engine"))
        }
    }
}

/// The step budget left in this run.
fn budget(interp: &Interp) -> u64 {
    interp.limits.max_steps.saturating_sub(interp.steps)
}

/// `search(code, string, pos, endpos, mode, must_advance, groups)`: mode 0 matches at `pos`
/// (`Pattern.match`), 1 matches all of `string[pos:endpos]` (`fullmatch`), 2 searches.
fn search(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let code = code_arg(interp, a.pos.first())?;
    let subj = subject(interp, a.pos.get(1).unwrap_or(&Value::None))?;
    let pos = int_arg(interp, a.pos.get(2))?;
    let endpos = int_arg(interp, a.pos.get(3))?;
    let mode = int_arg(interp, a.pos.get(4))?;
    let must_advance = int_arg(interp, a.pos.get(5))? != 0;
    let groups = int_arg(interp, a.pos.get(6))? as usize;
    let budget = budget(interp);
    fn go<S: Copy + Into<u32>>(
        interp: &mut Interp,
        code: &[u32],
        text: &[S],
        pos: i64,
        endpos: i64,
        mode: i64,
        must_advance: bool,
        groups: usize,
        budget: u64,
    ) -> PyResult<Value> {
        let (start, end) = bounds(text.len(), pos, endpos);
        let mut st = engine::State::new(code, text, start, end, budget);
        st.must_advance = must_advance;
        st.match_all = mode == 1;
        let r = if mode == 2 { st.search() } else { st.matches() };
        let found = settle(interp, st.steps, r)?;
        Ok(if found { answer(interp, &st, groups) } else { Value::None })
    }
    match &subj {
        Subject::Ascii(s) => go(interp, &code, s.as_str().as_bytes(), pos, endpos, mode, must_advance, groups, budget),
        Subject::Chars(c) => go(interp, &code, c, pos, endpos, mode, must_advance, groups, budget),
        Subject::Bytes(b) => go(interp, &code, b, pos, endpos, mode, must_advance, groups, budget),
    }
}

/// `scan(code, string, pos, endpos, groups, maxcount)`: the answers of successive searches,
/// each starting where the last match ended (an empty match may not follow an empty match at
/// the same place): the loop of `findall`, `sub` and `split` in `sre.c`. `maxcount` 0 means
/// no limit.
fn scan(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let code = code_arg(interp, a.pos.first())?;
    let subj = subject(interp, a.pos.get(1).unwrap_or(&Value::None))?;
    let pos = int_arg(interp, a.pos.get(2))?;
    let endpos = int_arg(interp, a.pos.get(3))?;
    let groups = int_arg(interp, a.pos.get(4))? as usize;
    let maxcount = int_arg(interp, a.pos.get(5))?;
    let budget = budget(interp);
    fn go<S: Copy + Into<u32>>(
        interp: &mut Interp,
        code: &[u32],
        text: &[S],
        pos: i64,
        endpos: i64,
        groups: usize,
        maxcount: i64,
        budget: u64,
    ) -> PyResult<Value> {
        let (start, end) = bounds(text.len(), pos, endpos);
        let mut st = engine::State::new(code, text, start, end, budget);
        let mut out = Vec::new();
        while st.start <= st.end && (maxcount <= 0 || (out.len() as i64) < maxcount) {
            st.reset();
            st.ptr = st.start;
            let r = st.search();
            let steps = std::mem::take(&mut st.steps);
            if !settle(interp, steps, r)? {
                break;
            }
            out.push(answer(interp, &st, groups));
            st.must_advance = st.ptr == st.start;
            st.start = st.ptr;
        }
        Ok(interp.new_list(out))
    }
    match &subj {
        Subject::Ascii(s) => go(interp, &code, s.as_str().as_bytes(), pos, endpos, groups, maxcount, budget),
        Subject::Chars(c) => go(interp, &code, c, pos, endpos, groups, maxcount, budget),
        Subject::Bytes(b) => go(interp, &code, b, pos, endpos, groups, maxcount, budget),
    }
}

fn char_arg(interp: &mut Interp, a: &Args) -> PyResult<u32> {
    let n = int_arg(interp, a.pos.first())?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// `_sre.ascii_iscased(ch)`.
fn ascii_iscased(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let ch = char_arg(interp, &a)?;
    Ok(Value::Bool(ch < 128 && (ch as u8).is_ascii_alphabetic()))
}

/// `_sre.unicode_iscased(ch)`: does the character change under the simple case mappings?
fn unicode_iscased(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let ch = char_arg(interp, &a)?;
    Ok(Value::Bool(ch != engine::lower_unicode(ch) || ch != engine::upper_unicode(ch)))
}

/// `_sre.ascii_tolower(ch)`.
fn ascii_tolower(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let ch = char_arg(interp, &a)?;
    Ok(Value::Int(i64::from(engine::lower_ascii(ch))))
}

/// `_sre.unicode_tolower(ch)`: the simple lowercase mapping.
fn unicode_tolower(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let ch = char_arg(interp, &a)?;
    Ok(Value::Int(i64::from(engine::lower_unicode(ch))))
}

/// `unicodedata.lookup(name)` (see `py/unicodedata.py`): the character CPython 3.11's
/// `\N{name}` stands for, or `KeyError`. CPython's named sequences are not in the table.
fn lookup(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let name = match a.pos.first() {
        Some(Value::Str(s)) => s.clone(),
        Some(v) => {
            let msg = format!("lookup() argument must be str, not {}", interp.type_name(v));
            return Err(interp.err(interp.t.type_error, msg));
        }
        None => return Err(interp.err(interp.t.type_error, "lookup() takes exactly one argument (0 given)")),
    };
    interp.charge(5_000);
    match unicode_names2::character(name.as_str()) {
        Some(c) => Ok(Value::str(c.to_string())),
        None => {
            let key = Value::str(format!("undefined character name '{}'", name.as_str()));
            let e = interp.new_exception(interp.t.key_error, vec![key]);
            Err(Flow::Exc(e))
        }
    }
}
