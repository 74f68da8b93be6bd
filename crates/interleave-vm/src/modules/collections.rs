//! `_collections`: the native `deque` (a `Payload::Deque` instance), re-exported by
//! `collections` (see `py/collections.py`), with CPython's methods, errors and reprs.

use std::collections::VecDeque;
use std::rc::Rc;

use crate::builtins::args;
use crate::interp::Interp;
use crate::native::{Args, Flow, NativeFn, PyResult};
use crate::object::{Instance, Iter, Obj, Payload};
use crate::value::{ObjRef, Value};

pub fn init(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    let ns = interp.new_dict();
    interp.set_item_str(ns, "__module__", Value::str("collections"));
    let cls = interp.new_class("deque".into(), "deque".into(), vec![], ns)?;
    let methods: &[(&'static str, NativeFn)] = &[
        ("__new__", new),
        ("append", append),
        ("appendleft", appendleft),
        ("pop", pop),
        ("popleft", popleft),
        ("extend", extend),
        ("extendleft", extendleft),
        ("rotate", rotate),
        ("clear", clear),
        ("copy", copy),
        ("count", count),
        ("index", index),
        ("remove", remove),
        ("reverse", reverse),
        ("insert", insert),
        ("__contains__", contains),
        ("__eq__", eq),
        ("__reversed__", reversed),
        ("__iadd__", iadd),
        ("__copy__", copy),
    ];
    for &(name, f) in methods {
        interp.def_method(cls, name, "collections.deque", f);
    }
    let getter = interp.alloc(Obj::Native(crate::object::NativeFunction {
        name: "maxlen",
        func: maxlen,
        slf: Value::Null,
        owner: None,
    }));
    let prop = interp.alloc(Obj::Property { fget: getter, fset: Value::None, fdel: Value::None, doc: Value::None });
    interp.set_item_str(ns, "maxlen", prop);
    interp.set_item_str(ns, "__hash__", Value::None);
    interp.set_item_str(d, "deque", Value::Obj(cls));
    Ok(())
}

/// `repr(deque)`: `deque([1, 2])` or `deque([1, 2], maxlen=3)`; `None` if `r` is no deque.
pub fn repr_deque(interp: &mut Interp, r: ObjRef) -> PyResult<Option<String>> {
    let (cls, items, maxlen) = match interp.heap.get(r) {
        Obj::Instance(i) => match &i.payload {
            Payload::Deque { items, maxlen } => (i.class, items.iter().cloned().collect::<Vec<_>>(), *maxlen),
            _ => return Ok(None),
        },
        _ => return Ok(None),
    };
    let mut parts = Vec::with_capacity(items.len());
    for it in &items {
        parts.push(interp.repr(it)?);
    }
    let name = interp.class(cls).name.clone();
    Ok(Some(match maxlen {
        Some(m) => format!("{name}([{}], maxlen={m})", parts.join(", ")),
        None => format!("{name}([{}])", parts.join(", ")),
    }))
}

fn not_deque(interp: &mut Interp) -> Flow {
    interp.err(interp.t.type_error, "descriptor requires a 'collections.deque' object")
}

/// The items and maxlen of the deque `v` (mutable).
fn deque_mut<'a>(interp: &'a mut Interp, v: &Value) -> Option<(&'a mut VecDeque<Value>, Option<usize>)> {
    match v.as_obj().map(|r| interp.heap.get_mut(r)) {
        Some(Obj::Instance(i)) => match &mut i.payload {
            Payload::Deque { items, maxlen } => Some((items, *maxlen)),
            _ => None,
        },
        _ => None,
    }
}

/// A copy of the items of the deque `self` (`args.pos[0]`).
fn items_of(interp: &mut Interp, v: &Value) -> PyResult<Vec<Value>> {
    match deque_mut(interp, v) {
        Some((items, _)) => Ok(items.iter().cloned().collect()),
        None => Err(not_deque(interp)),
    }
}

fn with_deque<T>(interp: &mut Interp, a: &Args, f: impl FnOnce(&mut VecDeque<Value>, Option<usize>) -> T) -> PyResult<T> {
    let slf = a.pos.first().cloned().unwrap_or(Value::None);
    match deque_mut(interp, &slf) {
        Some((items, maxlen)) => Ok(f(items, maxlen)),
        None => Err(not_deque(interp)),
    }
}

fn arg(interp: &mut Interp, a: &Args, name: &str) -> PyResult<Value> {
    match a.pos.get(1) {
        Some(v) if a.pos.len() == 2 => Ok(v.clone()),
        _ => {
            let msg = format!("deque.{name}() takes exactly one argument ({} given)", a.pos.len().saturating_sub(1));
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

fn new(interp: &mut Interp, mut a: Args) -> PyResult<Value> {
    let maxlen_kw = a.take_kw("maxlen");
    let iterable_kw = a.take_kw("iterable");
    if let Some((k, _)) = a.kw.first() {
        let msg = format!("deque() got an unexpected keyword argument '{k}'");
        return Err(interp.err(interp.t.type_error, msg));
    }
    if a.pos.len() > 3 {
        let msg = format!("deque() takes at most 2 arguments ({} given)", a.pos.len() - 1);
        return Err(interp.err(interp.t.type_error, msg));
    }
    let cls = a.pos.first().and_then(|c| c.as_obj()).ok_or_else(|| interp.internal("deque.__new__ without class"))?;
    let maxlen = match a.pos.get(2).cloned().or(maxlen_kw) {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = args::int(interp, &v).map_err(|_| interp.err(interp.t.type_error, "an integer is required"))?;
            if n < 0 {
                return Err(interp.err(interp.t.value_error, "maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    let initial = match a.pos.get(1).cloned().or(iterable_kw) {
        Some(it) => interp.collect_iterable(&it)?,
        None => Vec::new(),
    };
    let mut items: VecDeque<Value> = initial.into();
    if let Some(m) = maxlen {
        while items.len() > m {
            items.pop_front();
        }
    }
    let inst = Instance { class: cls, dict: Default::default(), payload: Payload::Deque { items, maxlen }, dict_obj: None };
    Ok(interp.alloc(Obj::Instance(Box::new(inst))))
}

fn push(items: &mut VecDeque<Value>, maxlen: Option<usize>, v: Value, left: bool) {
    if maxlen == Some(0) {
        return;
    }
    if left {
        items.push_front(v);
        if maxlen.is_some_and(|m| items.len() > m) {
            items.pop_back();
        }
    } else {
        items.push_back(v);
        if maxlen.is_some_and(|m| items.len() > m) {
            items.pop_front();
        }
    }
}

fn append(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let v = arg(interp, &a, "append")?;
    with_deque(interp, &a, |d, m| push(d, m, v, false))?;
    Ok(Value::None)
}

fn appendleft(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let v = arg(interp, &a, "appendleft")?;
    with_deque(interp, &a, |d, m| push(d, m, v, true))?;
    Ok(Value::None)
}

fn pop_side(interp: &mut Interp, a: Args, left: bool) -> PyResult<Value> {
    args::method_count(interp, if left { "popleft" } else { "pop" }, &a, 0, 0)?;
    let v = with_deque(interp, &a, |d, _| if left { d.pop_front() } else { d.pop_back() })?;
    v.ok_or_else(|| interp.err(interp.t.index_error, "pop from an empty deque"))
}

fn pop(interp: &mut Interp, a: Args) -> PyResult<Value> {
    pop_side(interp, a, false)
}

fn popleft(interp: &mut Interp, a: Args) -> PyResult<Value> {
    pop_side(interp, a, true)
}

fn extend_side(interp: &mut Interp, a: Args, left: bool) -> PyResult<Value> {
    let it = arg(interp, &a, if left { "extendleft" } else { "extend" })?;
    let vals = interp.collect_iterable(&it)?;
    interp.charge(vals.len() as u64 / 4);
    with_deque(interp, &a, |d, m| {
        for v in vals {
            push(d, m, v, left);
        }
    })?;
    Ok(Value::None)
}

fn extend(interp: &mut Interp, a: Args) -> PyResult<Value> {
    extend_side(interp, a, false)
}

fn extendleft(interp: &mut Interp, a: Args) -> PyResult<Value> {
    extend_side(interp, a, true)
}

fn iadd(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let slf = a.pos[0].clone();
    extend_side(interp, a, false)?;
    Ok(slf)
}

fn rotate(interp: &mut Interp, a: Args) -> PyResult<Value> {
    args::method_count(interp, "rotate", &a, 0, 1)?;
    let n = match a.pos.get(1) {
        Some(v) => args::int(interp, v)?,
        None => 1,
    };
    with_deque(interp, &a, |d, _| {
        let len = d.len() as i64;
        if len > 1 {
            let k = n.rem_euclid(len) as usize;
            d.rotate_right(k);
        }
    })?;
    Ok(Value::None)
}

fn clear(interp: &mut Interp, a: Args) -> PyResult<Value> {
    with_deque(interp, &a, |d, _| d.clear())?;
    Ok(Value::None)
}

fn reverse(interp: &mut Interp, a: Args) -> PyResult<Value> {
    with_deque(interp, &a, |d, _| d.make_contiguous().reverse())?;
    Ok(Value::None)
}

fn copy(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let slf = a.pos.first().cloned().unwrap_or(Value::None);
    let (items, maxlen) = match deque_mut(interp, &slf) {
        Some((items, maxlen)) => (items.clone(), maxlen),
        None => return Err(not_deque(interp)),
    };
    let cls = interp.type_of(&slf);
    let inst = Instance { class: cls, dict: Default::default(), payload: Payload::Deque { items, maxlen }, dict_obj: None };
    Ok(interp.alloc(Obj::Instance(Box::new(inst))))
}

fn maxlen(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let m = with_deque(interp, &a, |_, m| m)?;
    Ok(m.map_or(Value::None, |m| Value::Int(m as i64)))
}

fn count(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let x = arg(interp, &a, "count")?;
    let items = items_of(interp, &a.pos[0])?;
    let mut n = 0;
    for v in &items {
        if v.is(&x) || interp.eq(v, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn position(interp: &mut Interp, items: &[Value], x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    for (i, v) in items.iter().enumerate().take(stop).skip(start) {
        if v.is(x) || interp.eq(v, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn index(interp: &mut Interp, a: Args) -> PyResult<Value> {
    args::method_count(interp, "index", &a, 1, 3)?;
    let items = items_of(interp, &a.pos[0])?;
    let len = items.len() as i64;
    let bound = |interp: &mut Interp, v: Option<&Value>, dflt: i64| -> PyResult<usize> {
        let i = match v {
            Some(v) => args::int(interp, v)?,
            None => dflt,
        };
        Ok((if i < 0 { (i + len).max(0) } else { i.min(len) }) as usize)
    };
    let start = bound(interp, a.pos.get(2), 0)?;
    let stop = bound(interp, a.pos.get(3), len)?;
    match position(interp, &items, &a.pos[1], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = interp.repr(&a.pos[1])?;
            Err(interp.err(interp.t.value_error, format!("{r} is not in deque")))
        }
    }
}

fn remove(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let x = arg(interp, &a, "remove")?;
    let items = items_of(interp, &a.pos[0])?;
    match position(interp, &items, &x, 0, items.len())? {
        Some(i) => {
            with_deque(interp, &a, |d, _| d.remove(i))?;
            Ok(Value::None)
        }
        None => Err(interp.err(interp.t.value_error, "deque.remove(x): x not in deque")),
    }
}

fn insert(interp: &mut Interp, a: Args) -> PyResult<Value> {
    if a.pos.len() != 3 {
        let msg = format!("insert expected 2 arguments, got {}", a.pos.len().saturating_sub(1));
        return Err(interp.err(interp.t.type_error, msg));
    }
    let i = args::int(interp, &a.pos[1])?;
    let v = a.pos[2].clone();
    let full = with_deque(interp, &a, |d, m| m.is_some_and(|m| d.len() >= m))?;
    if full {
        return Err(interp.err(interp.t.index_error, "deque already at its maximum size"));
    }
    with_deque(interp, &a, |d, _| {
        let len = d.len() as i64;
        let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
        d.insert(at as usize, v);
    })?;
    Ok(Value::None)
}

fn contains(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let x = arg(interp, &a, "__contains__")?;
    let items = items_of(interp, &a.pos[0])?;
    Ok(Value::Bool(position(interp, &items, &x, 0, items.len())?.is_some()))
}

fn eq(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let other = arg(interp, &a, "__eq__")?;
    if deque_mut(interp, &other).is_none() {
        return Ok(Value::NotImplemented);
    }
    let (x, y) = (items_of(interp, &a.pos[0])?, items_of(interp, &other)?);
    if x.len() != y.len() {
        return Ok(Value::Bool(false));
    }
    for (p, q) in x.iter().zip(&y) {
        if !(p.is(q) || interp.eq(p, q)?) {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn reversed(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let mut items = items_of(interp, &a.pos[0])?;
    items.reverse();
    let items: Rc<[Value]> = items.into();
    Ok(interp.alloc(Obj::Iter(Iter::Values { items, index: 0 })))
}
