//! `io`: `StringIO` and `BytesIO`, in-memory files (`FileTarget::Memory`) that share the file
//! methods of `open()`'s objects and add `getvalue`, `seek` and `tell`.

use crate::files::{FileTarget, OpenFile};
use crate::interp::Interp;
use crate::native::{Args, NativeFn, PyResult};
use crate::object::{Instance, Obj, Payload};
use crate::value::{ObjRef, Value};

pub fn init(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    let text_io = interp.t.text_io;
    interp.set_item_str(d, "TextIOWrapper", Value::Obj(text_io));
    if let Some(open) = interp.dict_get_str(interp.builtins, "open") {
        interp.set_item_str(d, "open", open);
    }
    for (name, new) in [("StringIO", string_io as NativeFn), ("BytesIO", bytes_io as NativeFn)] {
        let ns = interp.new_dict();
        interp.set_item_str(ns, "__module__", Value::str("_io"));
        let cls = interp.new_class(name.into(), name.into(), vec![text_io], ns)?;
        let owner: &'static str = if name == "StringIO" { "_io.StringIO" } else { "_io.BytesIO" };
        let methods: &[(&'static str, NativeFn)] =
            &[("__new__", new), ("getvalue", getvalue), ("seek", seek), ("tell", tell), ("truncate", truncate)];
        for &(m, f) in methods {
            interp.def_method(cls, m, owner, f);
        }
        interp.set_item_str(d, name, Value::Obj(cls));
    }
    Ok(())
}

fn memory_file(interp: &mut Interp, a: &Args, binary: bool) -> PyResult<Value> {
    let cls = a.pos.first().and_then(|c| c.as_obj()).ok_or_else(|| interp.internal("__new__ without class"))?;
    let buffer = match a.pos.get(1).or_else(|| a.kw.iter().find(|(k, _)| &**k == "initial_value" || &**k == "initial_bytes").map(|(_, v)| v)) {
        None | Some(Value::None) => Vec::new(),
        Some(Value::Str(s)) if !binary => s.as_str().as_bytes().to_vec(),
        Some(v) if binary && interp.bytes_of(v).is_some() => interp.bytes_of(v).unwrap_or_default().to_vec(),
        Some(other) => {
            let msg = if binary {
                format!("a bytes-like object is required, not '{}'", interp.type_name(other))
            } else {
                format!("initial_value must be str or None, not {}", interp.type_name(other))
            };
            return Err(interp.err(interp.t.type_error, msg));
        }
    };
    let f = OpenFile {
        target: FileTarget::Memory,
        mode: "w+".into(),
        binary,
        readable: true,
        writable: true,
        buffer,
        pos: 0,
        closed: false,
    };
    let inst = Instance { class: cls, dict: Default::default(), payload: Payload::File(Box::new(f)), dict_obj: None };
    Ok(interp.alloc(Obj::Instance(Box::new(inst))))
}

fn string_io(interp: &mut Interp, a: Args) -> PyResult<Value> {
    memory_file(interp, &a, false)
}

fn bytes_io(interp: &mut Interp, a: Args) -> PyResult<Value> {
    memory_file(interp, &a, true)
}

fn file_mut<'a>(interp: &'a mut Interp, v: &Value) -> Option<&'a mut OpenFile> {
    match v.as_obj().map(|r| interp.heap.get_mut(r)) {
        Some(Obj::Instance(i)) => match &mut i.payload {
            Payload::File(f) => Some(f),
            _ => None,
        },
        _ => None,
    }
}

fn with_file<T>(interp: &mut Interp, a: &Args, f: impl FnOnce(&mut OpenFile) -> T) -> PyResult<T> {
    let slf = a.pos.first().cloned().unwrap_or(Value::None);
    match file_mut(interp, &slf) {
        Some(file) => Ok(f(file)),
        None => Err(interp.err(interp.t.type_error, "descriptor requires an in-memory file object")),
    }
}

fn getvalue(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let (binary, buf) = with_file(interp, &a, |f| (f.binary, f.buffer.clone()))?;
    Ok(if binary { Value::Bytes(buf.into()) } else { Value::str(String::from_utf8_lossy(&buf).into_owned()) })
}

/// Character position → byte offset in a text buffer (bytes for binary files).
fn byte_pos(f: &OpenFile, chars: usize) -> usize {
    if f.binary {
        return chars;
    }
    let s = String::from_utf8_lossy(&f.buffer);
    s.char_indices().nth(chars).map_or(f.buffer.len() + chars.saturating_sub(s.chars().count()), |(b, _)| b)
}

fn char_pos(f: &OpenFile) -> usize {
    if f.binary {
        return f.pos;
    }
    let end = f.pos.min(f.buffer.len());
    String::from_utf8_lossy(&f.buffer[..end]).chars().count() + (f.pos - end)
}

fn seek(interp: &mut Interp, a: Args) -> PyResult<Value> {
    crate::builtins::args::method_count(interp, "seek", &a, 1, 2)?;
    let target = crate::builtins::args::int(interp, &a.pos[1])?;
    let whence = match a.pos.get(2) {
        Some(v) => crate::builtins::args::int(interp, v)?,
        None => 0,
    };
    if whence == 0 && target < 0 {
        return Err(interp.err(interp.t.value_error, format!("Negative seek position {target}")));
    }
    if !(0..=2).contains(&whence) {
        return Err(interp.err(interp.t.value_error, format!("Invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if whence != 0 && target != 0 {
        return Err(interp.err(interp.t.os_error, "Can't do nonzero cur-relative seeks"));
    }
    let pos = with_file(interp, &a, |f| {
        let chars = match whence {
            0 => target as usize,
            1 => char_pos(f),
            _ => byte_to_chars(f, f.buffer.len()),
        };
        f.pos = byte_pos(f, chars);
        chars
    })?;
    Ok(Value::Int(pos as i64))
}

fn byte_to_chars(f: &OpenFile, b: usize) -> usize {
    if f.binary { b } else { String::from_utf8_lossy(&f.buffer[..b.min(f.buffer.len())]).chars().count() }
}

fn tell(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let p = with_file(interp, &a, |f| char_pos(f))?;
    Ok(Value::Int(p as i64))
}

fn truncate(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let size = match a.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(crate::builtins::args::int(interp, v)?.max(0) as usize),
    };
    let n = with_file(interp, &a, |f| {
        let chars = size.unwrap_or_else(|| char_pos(f));
        let b = byte_pos(f, chars).min(f.buffer.len());
        f.buffer.truncate(b);
        chars
    })?;
    Ok(Value::Int(n as i64))
}
