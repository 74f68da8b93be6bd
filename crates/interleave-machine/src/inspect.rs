//! A read-only look at a process's shared state, for the playground's state views: the main
//! module's globals that are synchronisation objects (locks, conditions, semaphores, events,
//! barriers, queues) with their holder, waiters and items, and plain values (the counter that
//! came out wrong). Looking never runs Python code and never charges time, so it cannot
//! change the run: values of other types are named, not `repr`ed.

use interleave_vm::object::{Obj, Payload};
use interleave_vm::{Interp, ObjRef, Value};
use serde::{Deserialize, Serialize};

/// One global of the main module, as a state view shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectView {
    /// The global's name.
    pub name: String,
    /// `Lock`, `RLock`, `Condition`, `Semaphore`, `Event`, `Barrier`, `Queue`, … or the type of
    /// a plain value (`int`, `list`).
    pub kind: String,
    /// A short description: `locked`, `value=2`, `set`, `3 items`, or the value's repr.
    pub state: String,
    /// The thread holding it (a lock's owner).
    pub holder: Option<usize>,
    /// Threads blocked on it (waiting to acquire, or waiting in `wait()`).
    pub waiters: Vec<usize>,
    /// A queue's items (their reprs, oldest first), at most `MAX_ITEMS`.
    pub items: Vec<String>,
    /// The pid of the process whose global it is (several processes have their own copies).
    #[serde(default)]
    pub process: u32,
}

/// The most items of a queue a view lists.
pub const MAX_ITEMS: usize = 20;
/// The longest repr a view shows.
const MAX_REPR: usize = 80;

/// The views of the main module's globals, in definition order. `blocked_on(lock)` names the
/// threads blocked acquiring `lock`.
pub fn globals_view(interp: &Interp, blocked_on: &dyn Fn(ObjRef) -> Vec<usize>) -> Vec<ObjectView> {
    let Some(Value::Obj(main)) = interp.dict_get_str(interp.modules, "__main__") else { return Vec::new() };
    let Obj::Module(m) = interp.heap.get(main) else { return Vec::new() };
    let Obj::Dict(globals) = interp.heap.get(m.dict) else { return Vec::new() };
    let mut out = Vec::new();
    for (key, value) in globals.iter() {
        let Value::Str(name) = key else { continue };
        let name = name.as_str();
        if name.starts_with("__") || value.is_null() {
            continue;
        }
        if let Some(mut view) = view_of(interp, value, blocked_on) {
            view.name = name.to_string();
            out.push(view);
        }
    }
    out
}

fn view_of(interp: &Interp, value: &Value, blocked_on: &dyn Fn(ObjRef) -> Vec<usize>) -> Option<ObjectView> {
    let plain = |kind: &str, state: String| ObjectView {
        name: String::new(),
        kind: kind.to_string(),
        state,
        holder: None,
        waiters: Vec::new(),
        items: Vec::new(),
        process: 0,
    };
    let Value::Obj(r) = value else {
        return Some(plain(&interp.type_name(value), short_repr(interp, value, 2)?));
    };
    match interp.heap.get(*r) {
        Obj::List(_) | Obj::Tuple(_) | Obj::Dict(_) | Obj::Set { .. } | Obj::ByteArray(_) => {
            Some(plain(&interp.type_name(value), short_repr(interp, value, 2)?))
        }
        Obj::Instance(inst) => {
            let class = match interp.heap.get(inst.class) {
                Obj::Class(c) => c.name.to_string(),
                _ => return None,
            };
            if let Payload::Lock(s) = &inst.payload {
                let kind = if s.reentrant { "RLock" } else { "Lock" };
                let state = match (s.locked, s.reentrant) {
                    (false, _) => "unlocked".to_string(),
                    (true, true) => format!("locked (count {})", s.count),
                    (true, false) => "locked".to_string(),
                };
                let mut v = plain(kind, state);
                v.holder = if s.locked { s.owner } else { None };
                v.waiters = blocked_on(*r);
                return Some(v);
            }
            let attr = |name: &str| attr(interp, *r, name);
            let cond_waiters = |cond: Option<Value>| cond.map_or_else(Vec::new, |c| condition_waiters(interp, &c, blocked_on));
            match class.as_str() {
                "Condition" => {
                    let lock = attr("_lock");
                    let waiters = cond_waiters(Some(value.clone()));
                    let mut v = plain("Condition", format!("{} waiting", waiters.len()));
                    v.holder = lock.as_ref().and_then(|l| lock_holder(interp, l));
                    v.waiters = waiters;
                    Some(v)
                }
                "Semaphore" | "BoundedSemaphore" => {
                    let value = attr("_value").map_or(String::new(), |v| short_repr(interp, &v, 0).unwrap_or_default());
                    let mut v = plain(&class, format!("value={value}"));
                    v.waiters = cond_waiters(attr("_cond"));
                    Some(v)
                }
                "Event" => {
                    let set = matches!(attr("_flag"), Some(Value::Bool(true)));
                    let mut v = plain("Event", if set { "set" } else { "clear" }.to_string());
                    v.waiters = cond_waiters(attr("_cond"));
                    Some(v)
                }
                "Barrier" => {
                    let n = |name: &str| attr(name).and_then(|v| short_repr(interp, &v, 0)).unwrap_or_default();
                    let mut v = plain("Barrier", format!("{}/{} waiting", n("_count"), n("_parties")));
                    v.waiters = cond_waiters(attr("_cond"));
                    Some(v)
                }
                "Queue" | "LifoQueue" | "PriorityQueue" => {
                    let items = attr("queue").map(|q| items_of(interp, &q)).unwrap_or_default();
                    let total = attr("queue").map_or(0, |q| len_of(interp, &q));
                    let max = attr("maxsize").and_then(|v| short_repr(interp, &v, 0)).unwrap_or_default();
                    let unfinished = attr("unfinished_tasks").and_then(|v| short_repr(interp, &v, 0)).unwrap_or_default();
                    let bound = if max == "0" { String::new() } else { format!(" of {max}") };
                    let mut v = plain(&class, format!("{total} items{bound}, {unfinished} unfinished"));
                    v.items = items;
                    v.holder = attr("mutex").as_ref().and_then(|l| lock_holder(interp, l));
                    let mut w = cond_waiters(attr("not_empty"));
                    w.extend(cond_waiters(attr("not_full")));
                    w.extend(cond_waiters(attr("all_tasks_done")));
                    v.waiters = w;
                    Some(v)
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// An instance attribute, read from its `__dict__` (no descriptors, no code).
fn attr(interp: &Interp, obj: ObjRef, name: &str) -> Option<Value> {
    let Obj::Instance(inst) = interp.heap.get(obj) else { return None };
    let hash = interleave_vm::hashing::hash_name(name);
    let attrs = inst.attrs(&interp.heap);
    attrs.find_str(hash, name).map(|i| attrs.value_at(i).clone())
}

fn lock_holder(interp: &Interp, lock: &Value) -> Option<usize> {
    crate::machine::lock_owner(interp, lock.as_obj()?)
}

/// Threads waiting in a `Condition`'s `wait()`: each waits on its own waiter lock, kept in the
/// condition's `_waiters` deque.
fn condition_waiters(interp: &Interp, cond: &Value, blocked_on: &dyn Fn(ObjRef) -> Vec<usize>) -> Vec<usize> {
    let Value::Obj(c) = cond else { return Vec::new() };
    let Some(Value::Obj(waiters)) = attr(interp, *c, "_waiters") else { return Vec::new() };
    let locks: Vec<Value> = match interp.heap.get(waiters) {
        Obj::Instance(i) => match &i.payload {
            Payload::Deque { items, .. } => items.iter().cloned().collect(),
            _ => Vec::new(),
        },
        Obj::List(v) => v.clone(),
        _ => Vec::new(),
    };
    let mut out: Vec<usize> = locks
        .iter()
        .filter_map(|l| if let Value::Obj(r) = l { Some(blocked_on(*r)) } else { None })
        .flatten()
        .collect();
    // Threads waiting to re-acquire the condition's own lock count too.
    if let Some(Value::Obj(lock)) = attr(interp, *c, "_lock") {
        out.extend(blocked_on(lock));
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn elements(interp: &Interp, container: &Value) -> Option<Vec<Value>> {
    let Value::Obj(r) = container else { return None };
    match interp.heap.get(*r) {
        Obj::List(v) | Obj::Tuple(v) => Some(v.clone()),
        Obj::Instance(i) => match &i.payload {
            Payload::Deque { items, .. } => Some(items.iter().cloned().collect()),
            _ => None,
        },
        _ => None,
    }
}

fn len_of(interp: &Interp, container: &Value) -> usize {
    elements(interp, container).map_or(0, |v| v.len())
}

fn items_of(interp: &Interp, container: &Value) -> Vec<String> {
    elements(interp, container)
        .unwrap_or_default()
        .iter()
        .take(MAX_ITEMS)
        .map(|v| short_repr(interp, v, 1).unwrap_or_else(|| format!("<{} object>", interp.type_name(v))))
        .collect()
}

/// The repr of a plain value (None, bools, numbers, strings, bytes, and lists, tuples, dicts
/// and sets of them, `depth` levels deep), shortened; `None` for anything else, whose repr
/// could run Python code.
fn short_repr(interp: &Interp, v: &Value, depth: u32) -> Option<String> {
    let mut s = plain_repr(interp, v, depth)?;
    if s.chars().count() > MAX_REPR {
        s = s.chars().take(MAX_REPR - 1).collect::<String>() + "…";
    }
    Some(s)
}

fn plain_repr(interp: &Interp, v: &Value, depth: u32) -> Option<String> {
    Some(match v {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => b.to_string(),
        Value::Float(f) => interleave_algo::float_repr(*f),
        Value::Str(s) => interleave_algo::str_repr(s.as_str()),
        Value::Bytes(b) => interleave_algo::bytes_repr(b),
        Value::Obj(r) => {
            let inner = |items: &[Value], open: &str, close: &str| -> Option<String> {
                if depth == 0 {
                    return Some(format!("{open}…{close}"));
                }
                let mut parts = Vec::new();
                for item in items.iter().take(12) {
                    parts.push(plain_repr(interp, item, depth - 1)?);
                }
                if items.len() > 12 {
                    parts.push("…".into());
                }
                Some(format!("{open}{}{close}", parts.join(", ")))
            };
            match interp.heap.get(*r) {
                Obj::List(items) => inner(items, "[", "]")?,
                Obj::ByteArray(b) => format!("bytearray({})", interleave_algo::bytes_repr(b)),
                Obj::Tuple(items) if items.len() == 1 => inner(items, "(", ",)")?,
                Obj::Tuple(items) => inner(items, "(", ")")?,
                Obj::Set { items, .. } => {
                    let keys: Vec<Value> = items.keys().cloned().collect();
                    if keys.is_empty() { "set()".into() } else { inner(&keys, "{", "}")? }
                }
                Obj::Dict(d) => {
                    if depth == 0 {
                        return Some("{…}".into());
                    }
                    let mut parts = Vec::new();
                    for (k, val) in d.iter().take(12) {
                        parts.push(format!("{}: {}", plain_repr(interp, k, 0)?, plain_repr(interp, val, depth - 1)?));
                    }
                    if d.len() > 12 {
                        parts.push("…".into());
                    }
                    format!("{{{}}}", parts.join(", "))
                }
                _ => return None,
            }
        }
        _ => return None,
    })
}
