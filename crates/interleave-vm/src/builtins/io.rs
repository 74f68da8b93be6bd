//! File objects: `open()` on the run's in-memory file system, and the standard streams.

use std::rc::Rc;

use crate::files::{FileTarget, OpenFile};
use crate::interp::{Interp, Stream};
use crate::native::{Args, NativeFn, PyResult};
use crate::object::{Instance, Obj, Payload};
use crate::value::{ObjRef, Value};

/// Installs the file methods on the `TextIOWrapper` class.
pub fn install(interp: &mut Interp) {
    let cls = interp.t.text_io;
    let methods: &[(&'static str, NativeFn)] = &[
        ("write", write),
        ("read", read),
        ("readline", readline),
        ("readlines", readlines),
        ("close", close),
        ("flush", flush),
        ("__enter__", enter),
        ("__exit__", exit),
        ("__iter__", enter),
        ("__next__", next),
        ("writelines", writelines),
        ("fileno", fileno),
        ("isatty", isatty),
        ("__repr__", repr),
    ];
    for &(name, f) in methods {
        interp.def_method(cls, name, "_io.TextIOWrapper", f);
    }
    let d = interp.class(cls).dict;
    interp.set_item_str(d, "__module__", Value::str("_io"));
}

fn new_file(interp: &mut Interp, f: OpenFile) -> Value {
    let cls = interp.t.text_io;
    let mut inst = Instance { class: cls, dict: Default::default(), payload: Payload::File(Box::new(f)), dict_obj: None };
    let _ = &mut inst;
    interp.alloc(Obj::Instance(Box::new(inst)))
}

pub fn new_stream(interp: &mut Interp, target: FileTarget) -> Value {
    let f = OpenFile::stream(target);
    let (name, mode) = (f.name(), f.mode.clone());
    let v = new_file(interp, f);
    for (attr, value) in [("name", name), ("mode", mode), ("encoding", "utf-8".to_string())] {
        let key = interp.intern(attr);
        let _ = interp.generic_setattr(&v, &key, Value::str(value));
    }
    v
}

/// As CPython's: `<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>`, and for a file
/// opened in binary mode the buffered object's `<_io.BufferedReader name='data.bin'>`.
fn repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = args.pos[0].clone();
    let (binary, mode) = file_mut(interp, &v).map_or((false, String::new()), |f| (f.binary, f.mode.clone()));
    let attr = |interp: &mut Interp, name: &str| -> PyResult<String> {
        match interp.getattr_opt(&v, name)? {
            Some(x) => interp.repr(&x),
            None => Ok(String::new()),
        }
    };
    let name = attr(interp, "name")?;
    let text = if binary {
        let kind = if mode.contains('+') {
            "BufferedRandom"
        } else if mode.contains('r') {
            "BufferedReader"
        } else {
            "BufferedWriter"
        };
        format!("<_io.{kind} name={name}>")
    } else {
        let (mode, encoding) = (attr(interp, "mode")?, attr(interp, "encoding")?);
        format!("<_io.TextIOWrapper name={name} mode={mode} encoding={encoding}>")
    };
    Ok(Value::str(text))
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

fn file_ref(interp: &mut Interp, v: &Value) -> PyResult<ObjRef> {
    if file_mut(interp, v).is_none() {
        return Err(interp.err(interp.t.type_error, "expected a file object"));
    }
    Ok(v.as_obj().expect("file"))
}

fn check_open(interp: &mut Interp, v: &Value, reading: bool) -> PyResult<()> {
    let (closed, ok) = match file_mut(interp, v) {
        Some(f) => (f.closed, if reading { f.readable } else { f.writable }),
        None => return Err(interp.err(interp.t.type_error, "expected a file object")),
    };
    if closed {
        let msg = "I/O operation on closed file.";
        return Err(interp.err(interp.t.value_error, msg));
    }
    if !ok {
        let e = interp.new_exception_msg(interp.t.os_error, if reading { "not readable" } else { "not writable" });
        return Err(crate::native::Flow::Exc(e));
    }
    Ok(())
}

/// `open(file, mode='r', encoding=None, …)`.
pub fn open(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let mode_kw = args.take_kw("mode");
    let encoding = args.take_kw("encoding");
    let _ = args.take_kw("newline");
    let _ = args.take_kw("errors");
    let _ = args.take_kw("buffering");
    let path = match args.pos.first() {
        Some(Value::Str(s)) => s.as_str().to_owned(),
        Some(other) => {
            let msg = format!("expected str, bytes or os.PathLike object, not {}", interp.type_name(other));
            return Err(interp.err(interp.t.type_error, msg));
        }
        None => return Err(interp.err(interp.t.type_error, "open() missing required argument 'file' (pos 1)")),
    };
    let mode = match args.pos.get(1).cloned().or(mode_kw) {
        Some(Value::Str(m)) => m.as_str().to_owned(),
        _ => "r".to_owned(),
    };
    let binary = mode.contains('b');
    let plus = mode.contains('+');
    let kind = mode.chars().find(|c| "rwax".contains(*c)).unwrap_or('r');
    if mode.chars().any(|c| !"rwaxbt+".contains(c)) {
        let msg = format!("invalid mode: '{mode}'");
        return Err(interp.err(interp.t.value_error, msg));
    }
    let exists = interp.fs.files.contains_key(&path);
    let (buffer, pos) = match kind {
        'r' => {
            if !exists {
                return Err(os_error(interp, interp.t.file_not_found_error, 2, "No such file or directory", &path));
            }
            (interp.fs.files[&path].clone(), 0)
        }
        'w' => {
            interp.fs.files.insert(path.clone(), Vec::new());
            (Vec::new(), 0)
        }
        'x' => {
            if exists {
                return Err(os_error(interp, interp.t.file_exists_error, 17, "File exists", &path));
            }
            interp.fs.files.insert(path.clone(), Vec::new());
            (Vec::new(), 0)
        }
        _ => {
            let b = interp.fs.files.entry(path.clone()).or_default().clone();
            let n = b.len();
            (b, n)
        }
    };
    let f = OpenFile {
        target: FileTarget::Path(path.clone()),
        mode: mode.clone(),
        binary,
        readable: kind == 'r' || plus,
        writable: kind != 'r' || plus,
        buffer,
        pos,
        closed: false,
    };
    let v = new_file(interp, f);
    let key = interp.intern("name");
    interp.generic_setattr(&v, &key, Value::str(path))?;
    let key = interp.intern("mode");
    interp.generic_setattr(&v, &key, Value::str(mode))?;
    if !binary {
        // CPython's in UTF-8 mode (as the corpus runs it, and as it runs in a C locale),
        // unless one was given.
        let encoding = encoding.filter(|e| !e.is_none()).unwrap_or_else(|| Value::str("utf-8"));
        let key = interp.intern("encoding");
        interp.generic_setattr(&v, &key, encoding)?;
    }
    Ok(v)
}

fn os_error(interp: &mut Interp, cls: ObjRef, errno: i64, text: &str, path: &str) -> crate::native::Flow {
    let e = interp.new_exception(cls, vec![Value::Int(errno), Value::str(text)]);
    let msg = format!("[Errno {errno}] {text}: {}", interleave_algo::str_repr(path));
    // `str(e)` of an OSError with a filename shows it; keep the message as args[0]-free text.
    interp.set_exc_attr(e, "errno", Value::Int(errno));
    interp.set_exc_attr(e, "strerror", Value::str(text));
    interp.set_exc_attr(e, "filename", Value::str(path));
    if let Obj::Instance(i) = interp.heap.get_mut(e)
        && let Payload::Exception(d) = &mut i.payload {
            d.str_override = Some(Rc::from(msg.as_str()));
        }
    crate::native::Flow::Exc(e)
}

/// Writes a file's buffer back to the file system.
fn sync(interp: &mut Interp, r: ObjRef) {
    if let Obj::Instance(i) = interp.heap.get(r)
        && let Payload::File(f) = &i.payload
            && let FileTarget::Path(p) = &f.target
                && f.writable {
                    let (p, b) = (p.clone(), f.buffer.clone());
                    interp.fs.files.insert(p, b);
                }
}

fn write(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = args.pos[0].clone();
    check_open(interp, &v, false)?;
    let mut data = args.pos.get(1).cloned().unwrap_or(Value::None);
    if interp.is_bytearray(&data) {
        data = Value::Bytes(Rc::from(interp.bytes_of(&data).unwrap_or_default()));
    }
    let (bytes, count) = match &data {
        Value::Str(s) => (s.as_str().as_bytes().to_vec(), s.len()),
        Value::Bytes(b) => (b.to_vec(), b.len()),
        other => {
            let msg = format!("write() argument must be str, not {}", interp.type_name(other));
            return Err(interp.err(interp.t.type_error, msg));
        }
    };
    let target = file_mut(interp, &v).map(|f| f.target.clone());
    match target {
        Some(FileTarget::Stdout) => interp.write(Stream::Stdout, &String::from_utf8_lossy(&bytes)),
        Some(FileTarget::Stderr) => interp.write(Stream::Stderr, &String::from_utf8_lossy(&bytes)),
        _ => {
            let r = file_ref(interp, &v)?;
            if let Some(f) = file_mut(interp, &v) {
                if f.mode.contains('a') {
                    f.pos = f.buffer.len();
                }
                let end = f.pos + bytes.len();
                if f.buffer.len() < end {
                    f.buffer.resize(end, 0);
                }
                f.buffer[f.pos..end].copy_from_slice(&bytes);
                f.pos = end;
            }
            sync(interp, r);
        }
    }
    Ok(Value::Int(count as i64))
}

fn writelines(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = args.pos[0].clone();
    let lines = interp.collect_iterable(args.pos.get(1).unwrap_or(&Value::None))?;
    for l in lines {
        write(interp, Args::new(vec![v.clone(), l]))?;
    }
    Ok(Value::None)
}

fn decode(interp: &mut Interp, binary: bool, bytes: Vec<u8>) -> PyResult<Value> {
    if binary {
        return Ok(Value::Bytes(Rc::from(bytes)));
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(Value::str(s)),
        Err(_) => Err(interp.err(interp.t.unicode_decode_error, "'utf-8' codec can't decode bytes")),
    }
}

fn read(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = args.pos[0].clone();
    let n = match args.pos.get(1) {
        Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
        _ => None,
    };
    if file_mut(interp, &v).is_some_and(|f| f.target == FileTarget::Stdin) {
        let need = match n {
            Some(0) => return Ok(Value::str("")),
            Some(n) => crate::interp::StdinNeed::Chars(n),
            None => crate::interp::StdinNeed::All,
        };
        return Ok(Value::str(interp.read_stdin(need)?));
    }
    check_open(interp, &v, true)?;
    let (binary, out) = {
        let f = file_mut(interp, &v).expect("checked");
        let rest = &f.buffer[f.pos.min(f.buffer.len())..];
        let take = if f.binary {
            n.unwrap_or(rest.len()).min(rest.len())
        } else {
            match n {
                None => rest.len(),
                Some(k) => {
                    let s = String::from_utf8_lossy(rest);
                    s.char_indices().nth(k).map_or(rest.len(), |(b, _)| b)
                }
            }
        };
        let out = rest[..take].to_vec();
        f.pos += take;
        (f.binary, out)
    };
    decode(interp, binary, out)
}

fn take_line(interp: &mut Interp, v: &Value) -> PyResult<Option<Value>> {
    if file_mut(interp, v).is_some_and(|f| f.target == FileTarget::Stdin) {
        let line = interp.read_stdin(crate::interp::StdinNeed::Line)?;
        return Ok((!line.is_empty()).then(|| Value::str(line)));
    }
    check_open(interp, v, true)?;
    let (binary, line) = {
        let f = file_mut(interp, v).expect("checked");
        let rest = &f.buffer[f.pos.min(f.buffer.len())..];
        if rest.is_empty() {
            return Ok(None);
        }
        let n = rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |i| i + 1);
        let line = rest[..n].to_vec();
        f.pos += n;
        (f.binary, line)
    };
    decode(interp, binary, line).map(Some)
}

fn readline(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = args.pos[0].clone();
    let binary = file_mut(interp, &v).is_some_and(|f| f.binary);
    Ok(take_line(interp, &v)?.unwrap_or(if binary { Value::Bytes(Rc::from(Vec::new())) } else { Value::str("") }))
}

fn readlines(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = args.pos[0].clone();
    if file_mut(interp, &v).is_some_and(|f| f.target == FileTarget::Stdin) {
        // One read to end of file (a read of stdin may run again: see `interp/stdin.rs`).
        let all = interp.read_stdin(crate::interp::StdinNeed::All)?;
        let lines = all.split_inclusive('\n').map(Value::str).collect();
        return Ok(interp.new_list(lines));
    }
    let mut out = Vec::new();
    while let Some(l) = take_line(interp, &v)? {
        out.push(l);
    }
    Ok(interp.new_list(out))
}

fn next(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = args.pos[0].clone();
    match take_line(interp, &v)? {
        Some(l) => Ok(l),
        None => Err(crate::native::Flow::Exc(interp.new_exception(interp.t.stop_iteration, vec![]))),
    }
}

fn close(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = args.pos[0].clone();
    let r = file_ref(interp, &v)?;
    sync(interp, r);
    if let Some(f) = file_mut(interp, &v)
        && matches!(f.target, FileTarget::Path(_)) {
            f.closed = true;
        }
    Ok(Value::None)
}

fn flush(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = args.pos[0].clone();
    let r = file_ref(interp, &v)?;
    sync(interp, r);
    Ok(Value::None)
}

fn enter(_interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(args.pos[0].clone())
}

fn exit(interp: &mut Interp, args: Args) -> PyResult<Value> {
    close(interp, Args::new(vec![args.pos[0].clone()]))?;
    Ok(Value::None)
}

fn fileno(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = args.pos[0].clone();
    Ok(Value::Int(match file_mut(interp, &v).map(|f| f.target.clone()) {
        Some(FileTarget::Stdin) => 0,
        Some(FileTarget::Stdout) => 1,
        Some(FileTarget::Stderr) => 2,
        _ => 3,
    }))
}

fn isatty(_interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}
