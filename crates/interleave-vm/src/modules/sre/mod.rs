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
        ("findall", findall),
        ("split", split),
        ("subx", subx),
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

/// The first two arguments of the matching functions: the packed code and the subject.
fn code_and_subject(interp: &mut Interp, a: &Args) -> PyResult<(Vec<u32>, Subject)> {
    let code = code_arg(interp, a.pos.first())?;
    let subj = subject(interp, a.pos.get(1).unwrap_or(&Value::None))?;
    Ok((code, subj))
}

/// Positions clamped as `state_init` clamps `pos` and `endpos`.
fn bounds(len: usize, pos: i64, endpos: i64) -> (usize, usize) {
    let clamp = |v: i64| v.clamp(0, len as i64) as usize;
    (clamp(pos), clamp(endpos))
}

/// The span of group `g` of a successful match (0: the whole match), if it took part.
fn span<S: Copy + Into<u32>>(st: &engine::State<S>, g: usize) -> Option<(usize, usize)> {
    if g == 0 {
        return Some((st.start, st.ptr));
    }
    let j = (g - 1) * 2;
    if (j + 1) as isize > st.lastmark {
        return None;
    }
    match (st.marks.get(j).copied().flatten(), st.marks.get(j + 1).copied().flatten()) {
        (Some(a), Some(b)) => Some((a, b)),
        _ => None,
    }
}

/// The answer tuple of a successful match: `(lastindex, start, end, g1start, g1end, …)`.
fn answer<S: Copy + Into<u32>>(interp: &mut Interp, st: &engine::State<S>, groups: usize) -> Value {
    let mut out = Vec::with_capacity(3 + groups * 2);
    out.push(Value::Int(st.lastindex as i64));
    for g in 0..=groups {
        let (a, b) = span(st, g).map_or((-1, -1), |(a, b)| (a as i64, b as i64));
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

/// The code units of a subject, and how to slice it back into a Python value (`getslice` in
/// `sre.c`: a `str`, or `bytes` for any bytes-like subject).
trait Units: Copy + Into<u32> {
    fn slice(interp: &mut Interp, text: &[Self], start: usize, end: usize) -> Value;
    /// Appends `text[start..end]` to an output being built (`String` or `Vec<u8>`).
    fn push(out: &mut Output, text: &[Self], start: usize, end: usize);
}

/// What `subx` builds: text for `str` subjects, bytes for bytes-like ones.
enum Output {
    Text(String),
    Bytes(Vec<u8>),
}

impl Units for u8 {
    fn slice(interp: &mut Interp, text: &[u8], start: usize, end: usize) -> Value {
        let _ = interp;
        Value::Bytes(Rc::from(&text[start..end]))
    }
    fn push(out: &mut Output, text: &[u8], start: usize, end: usize) {
        match out {
            Output::Bytes(b) => b.extend_from_slice(&text[start..end]),
            // ASCII text matched by byte.
            Output::Text(s) => s.extend(text[start..end].iter().map(|&b| b as char)),
        }
    }
}

impl Units for char {
    fn slice(interp: &mut Interp, text: &[char], start: usize, end: usize) -> Value {
        let _ = interp;
        Value::str(text[start..end].iter().collect::<String>())
    }
    fn push(out: &mut Output, text: &[char], start: usize, end: usize) {
        if let Output::Text(s) = out {
            s.extend(&text[start..end]);
        }
    }
}

/// A subject's units, with whether an ASCII `str` is being matched by byte (its slices are
/// `str`s, not `bytes`).
struct Text<'a, S> {
    units: &'a [S],
    ascii_str: bool,
}

impl<S: Units> Text<'_, S> {
    fn slice(&self, interp: &mut Interp, start: usize, end: usize) -> Value {
        if self.ascii_str {
            let bytes: Vec<u8> = self.units[start..end].iter().map(|&u| Into::<u32>::into(u) as u8).collect();
            return Value::str(String::from_utf8(bytes).unwrap_or_default());
        }
        S::slice(interp, self.units, start, end)
    }
}

/// Runs `f` with the subject's code units.
macro_rules! with_units {
    ($subj:expr, |$t:ident| $body:expr) => {
        match $subj {
            Subject::Ascii(s) => {
                let $t = Text { units: s.as_str().as_bytes(), ascii_str: true };
                $body
            }
            Subject::Chars(c) => {
                let $t = Text { units: &c[..], ascii_str: false };
                $body
            }
            Subject::Bytes(b) => {
                let $t = Text { units: &b[..], ascii_str: false };
                $body
            }
        }
    };
}

/// `search(code, string, pos, endpos, mode, must_advance, groups)`: mode 0 matches at `pos`
/// (`Pattern.match`), 1 matches all of `string[pos:endpos]` (`fullmatch`), 2 searches.
fn search(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let (code, subj) = code_and_subject(interp, &a)?;
    let pos = int_arg(interp, a.pos.get(2))?;
    let endpos = int_arg(interp, a.pos.get(3))?;
    let mode = int_arg(interp, a.pos.get(4))?;
    let must_advance = int_arg(interp, a.pos.get(5))? != 0;
    let groups = int_arg(interp, a.pos.get(6))? as usize;
    let budget = budget(interp);
    with_units!(&subj, |t| {
        let (start, end) = bounds(t.units.len(), pos, endpos);
        let mut st = engine::State::new(&code, t.units, start, end, budget);
        st.must_advance = must_advance;
        st.match_all = mode == 1;
        let r = if mode == 2 { st.search() } else { st.matches() };
        let found = settle(interp, st.steps, r)?;
        Ok(if found { answer(interp, &st, groups) } else { Value::None })
    })
}

/// Calls `visit` with each of the successive matches of `code` in `units[pos..endpos]`, each
/// search starting where the last match ended (an empty match may not follow an empty match
/// at the same place): the loop of `findall`, `sub` and `split` in `sre.c`. At most
/// `maxcount` matches if it is positive; none if it is negative.
fn each_match<S: Units>(
    interp: &mut Interp,
    code: &[u32],
    units: &[S],
    (pos, endpos): (i64, i64),
    maxcount: i64,
    mut visit: impl FnMut(&mut Interp, &engine::State<S>) -> PyResult<()>,
) -> PyResult<()> {
    if maxcount < 0 {
        return Ok(());
    }
    let (start, end) = bounds(units.len(), pos, endpos);
    let mut st = engine::State::new(code, units, start, end, budget(interp));
    let mut n = 0;
    // Steps already charged: `st.steps` counts on across searches, so that the budget (what
    // the run had left when the loop began) bounds the whole loop.
    let mut charged = 0;
    while st.start <= st.end && (maxcount == 0 || n < maxcount) {
        st.reset();
        st.ptr = st.start;
        let r = st.search();
        let steps = st.steps - charged;
        charged = st.steps;
        if !settle(interp, steps, r)? {
            break;
        }
        visit(interp, &st)?;
        n += 1;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    Ok(())
}

/// `scan(code, string, pos, endpos, groups, maxcount)`: the answers of the successive matches
/// (see [`each_match`]).
fn scan(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let (code, subj) = code_and_subject(interp, &a)?;
    let pos = int_arg(interp, a.pos.get(2))?;
    let endpos = int_arg(interp, a.pos.get(3))?;
    let groups = int_arg(interp, a.pos.get(4))? as usize;
    let maxcount = int_arg(interp, a.pos.get(5))?;
    let mut out = Vec::new();
    with_units!(&subj, |t| {
        each_match(interp, &code, t.units, (pos, endpos), maxcount, |interp, st| {
            out.push(answer(interp, st, groups));
            Ok(())
        })
    })?;
    Ok(interp.new_list(out))
}

/// `findall(code, string, pos, endpos, groups)`: `Pattern.findall`'s list (the whole matches,
/// the one group, or tuples of the groups, with empty strings for groups that did not match).
fn findall(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let (code, subj) = code_and_subject(interp, &a)?;
    let pos = int_arg(interp, a.pos.get(2))?;
    let endpos = int_arg(interp, a.pos.get(3))?;
    let groups = int_arg(interp, a.pos.get(4))? as usize;
    let mut out = Vec::new();
    with_units!(&subj, |t| {
        each_match(interp, &code, t.units, (pos, endpos), 0, |interp, st| {
            let item = |interp: &mut Interp, g: usize| {
                let (a, b) = span(st, g).unwrap_or((0, 0));
                t.slice(interp, a, b)
            };
            let v = match groups {
                0 => item(interp, 0),
                1 => item(interp, 1),
                _ => {
                    let items = (1..=groups).map(|g| item(interp, g)).collect();
                    interp.new_tuple(items)
                }
            };
            out.push(v);
            Ok(())
        })
    })?;
    Ok(interp.new_list(out))
}

/// `split(code, string, maxsplit, groups)`: `Pattern.split`'s list (None for groups that did
/// not match).
fn split(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let (code, subj) = code_and_subject(interp, &a)?;
    let maxsplit = int_arg(interp, a.pos.get(2))?;
    let groups = int_arg(interp, a.pos.get(3))? as usize;
    let mut out = Vec::new();
    with_units!(&subj, |t| {
        let mut last = 0;
        each_match(interp, &code, t.units, (0, i64::MAX), maxsplit, |interp, st| {
            out.push(t.slice(interp, last, st.start));
            for g in 1..=groups {
                let v = match span(st, g) {
                    Some((a, b)) => t.slice(interp, a, b),
                    None => Value::None,
                };
                out.push(v);
            }
            last = st.ptr;
            Ok(())
        })?;
        out.push(t.slice(interp, last, t.units.len()));
        Ok::<(), Flow>(())
    })?;
    Ok(interp.new_list(out))
}

/// `subx(code, string, count, parts)`: `sub` with a template already parsed by `re` (or a
/// literal replacement): `parts` is a tuple of literals (`str` for a `str` subject, `bytes`
/// otherwise) and group numbers, each match being replaced by the literals and the groups'
/// text (empty for groups that did not match). Returns `(result, number of matches)`.
fn subx(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let (code, subj) = code_and_subject(interp, &a)?;
    let count = int_arg(interp, a.pos.get(2))?;
    let parts = interp.collect_iterable(a.pos.get(3).unwrap_or(&Value::None))?;
    let is_text = !matches!(subj, Subject::Bytes(_));
    let mut out = if is_text { Output::Text(String::new()) } else { Output::Bytes(Vec::new()) };
    let mut n = 0;
    with_units!(&subj, |t| {
        let mut last = 0;
        each_match(interp, &code, t.units, (0, i64::MAX), count, |interp, st| {
            push_units(&mut out, &t, last, st.start);
            for part in &parts {
                match part {
                    Value::Int(g) => {
                        if let Some((a, b)) = span(st, *g as usize) {
                            push_units(&mut out, &t, a, b);
                        }
                    }
                    Value::Str(s) => {
                        if let Output::Text(o) = &mut out {
                            o.push_str(s.as_str());
                        }
                    }
                    Value::Bytes(b) => {
                        if let Output::Bytes(o) = &mut out {
                            o.extend_from_slice(b);
                        }
                    }
                    _ => return Err(interp.internal("_interleave_sre.subx: bad template part")),
                }
            }
            last = st.ptr;
            n += 1;
            Ok(())
        })?;
        push_units(&mut out, &t, last, t.units.len());
        Ok::<(), Flow>(())
    })?;
    let result = match out {
        Output::Text(s) => {
            interp.check_str_size(s.len())?;
            Value::str(s)
        }
        Output::Bytes(b) => {
            interp.check_str_size(b.len())?;
            Value::Bytes(Rc::from(b))
        }
    };
    Ok(interp.new_tuple(vec![result, Value::Int(n)]))
}

/// Appends `t[start..end]` to `out`.
fn push_units<S: Units>(out: &mut Output, t: &Text<S>, start: usize, end: usize) {
    S::push(out, t.units, start, end);
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
        // Only in the browser, which downloads the table on first use: not the name's fault,
        // so not the KeyError that `re` would turn into "undefined character name".
        None if let Some(why) = unicode_names2::table_error() => {
            let msg = format!("Interleave could not load its table of Unicode character names: {why}");
            Err(interp.err(interp.t.runtime_error, msg))
        }
        None => {
            let key = Value::str(format!("undefined character name '{}'", name.as_str()));
            let e = interp.new_exception(interp.t.key_error, vec![key]);
            Err(Flow::Exc(e))
        }
    }
}
