//! `os` and `os.path` on the simulated machine: process facts derived from the run seed, a
//! small fixed environment, and file operations on the run's in-memory file system
//! ([`crate::files::FileSystem`]), with POSIX path rules.

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::builtins::args;
use crate::interp::Interp;
use crate::native::{Args, Flow, NativeFn, PyResult};
use crate::object::{Obj, Payload};
use crate::value::{ObjRef, Value};

/// The working directory of every simulated process.
pub const CWD: &str = "/home/user";


/// The environment of every run, in `os.environ` order.
const ENVIRON: &[(&str, &str)] = &[
    ("HOME", "/home/user"),
    ("LANG", "C.UTF-8"),
    ("PATH", "/usr/local/bin:/usr/bin:/bin"),
    ("PWD", CWD),
    ("SHELL", "/bin/sh"),
    ("USER", "user"),
];

pub fn init(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    for (name, v) in [("sep", "/"), ("linesep", "\n"), ("name", "posix"), ("curdir", "."), ("pardir", ".."), ("extsep", ".")] {
        interp.set_item_str(d, name, Value::str(v));
    }
    interp.set_item_str(d, "pathsep", Value::str(":"));
    interp.set_item_str(d, "devnull", Value::str("/dev/null"));
    let env = interp.new_dict();
    for &(k, v) in ENVIRON {
        let key = interp.intern(k);
        interp.dict_set_str(env, key, Value::str(v));
    }
    interp.set_item_str(d, "environ", Value::Obj(env));
    let fns: &[(&'static str, NativeFn)] = &[
        ("cpu_count", cpu_count),
        ("getcwd", getcwd),
        ("getenv", getenv),
        ("listdir", listdir),
        ("remove", remove),
        ("unlink", remove),
        ("rename", rename),
        ("replace", rename),
        ("urandom", urandom),
    ];
    for &(name, f) in fns {
        interp.def_fn(d, name, f);
    }
    super::process::install(interp, d);
    let path = interp.load_module("os.path")?;
    interp.set_item_str(d, "path", path);
    Ok(())
}

pub fn init_path(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    interp.set_item_str(d, "sep", Value::str("/"));
    let fns: &[(&'static str, NativeFn)] = &[
        ("join", join),
        ("exists", exists),
        ("isfile", isfile),
        ("isdir", isdir),
        ("isabs", isabs),
        ("basename", basename),
        ("dirname", dirname),
        ("split", split),
        ("splitext", splitext),
        ("abspath", abspath),
        ("normpath", normpath),
        ("getsize", getsize),
    ];
    for &(name, f) in fns {
        interp.def_fn(d, name, f);
    }
    Ok(())
}

fn cpu_count(interp: &mut Interp, a: Args) -> PyResult<Value> {
    super::no_args(interp, "cpu_count", &a)?;
    Ok(Value::Int(interp.cpu_count as i64))
}

fn getcwd(interp: &mut Interp, a: Args) -> PyResult<Value> {
    super::no_args(interp, "getcwd", &a)?;
    Ok(Value::str(CWD))
}

fn getenv(interp: &mut Interp, mut a: Args) -> PyResult<Value> {
    let default = a.take_kw("default");
    let key = a.pos.first().cloned().unwrap_or(Value::None);
    let key = args::str(interp, &key, "str expected, not")?.as_str().to_owned();
    let default = a.pos.get(1).cloned().or(default).unwrap_or(Value::None);
    let env = match interp.dict_get_str(interp.modules, "os") {
        Some(m) => interp.getattr_nested(&m, "environ")?,
        None => return Ok(default),
    };
    let Some(env) = env.as_obj() else { return Ok(default) };
    Ok(interp.dict_get_str(env, &key).unwrap_or(default))
}

fn urandom(interp: &mut Interp, a: Args) -> PyResult<Value> {
    args::count(interp, "urandom", &a, 1, 1)?;
    let n = args::int(interp, &a.pos[0])?;
    if n < 0 {
        return Err(interp.err(interp.t.value_error, "negative argument not allowed"));
    }
    let n = usize::try_from(n).unwrap_or(usize::MAX).min(1 << 24);
    interp.charge(n as u64 / 16);
    let bytes = super::random::urandom_bytes(interp, n)?;
    Ok(Value::Bytes(bytes.into()))
}

// ---- paths ----

/// A path argument (`TypeError: expected str, bytes or os.PathLike object, not int`).
fn path_arg(interp: &mut Interp, v: Option<&Value>, fname: &str) -> PyResult<String> {
    match v {
        Some(Value::Str(s)) => Ok(s.as_str().to_owned()),
        Some(Value::Bytes(b)) => Ok(String::from_utf8_lossy(b).into_owned()),
        Some(other) => {
            let msg = format!("expected str, bytes or os.PathLike object, not {}", interp.type_name(other));
            Err(interp.err(interp.t.type_error, msg))
        }
        None => {
            let msg = format!("{fname}() missing required argument 'path' (pos 1)");
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

/// `posixpath.normpath`.
pub fn normalize(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let initial = if path.starts_with("//") && !path.starts_with("///") {
        "//"
    } else if path.starts_with('/') {
        "/"
    } else {
        ""
    };
    let mut parts: Vec<&str> = Vec::new();
    for comp in path.split('/') {
        if comp.is_empty() || comp == "." {
            continue;
        }
        if comp != ".." || (initial.is_empty() && parts.is_empty()) || parts.last() == Some(&"..") {
            parts.push(comp);
        } else if !parts.is_empty() {
            parts.pop();
        }
    }
    let joined = format!("{initial}{}", parts.join("/"));
    if joined.is_empty() { ".".into() } else { joined }
}

/// `abspath`: joined to the working directory, then normalised.
pub fn absolute(path: &str) -> String {
    if path.starts_with('/') { normalize(path) } else { normalize(&format!("{CWD}/{path}")) }
}

/// The file-system key that `path` names, if the file exists.
fn find_file(interp: &Interp, path: &str) -> Option<String> {
    if interp.fs.files.contains_key(path) {
        return Some(path.to_owned());
    }
    let want = absolute(path);
    interp.fs.files.keys().find(|k| absolute(k) == want).cloned()
}

/// Is `path` a directory: the root, the working directory's ancestors, or a prefix of a file.
fn is_dir(interp: &Interp, path: &str) -> bool {
    let want = absolute(path);
    if want == "/" || format!("{CWD}/").starts_with(&format!("{want}/")) {
        return true;
    }
    let prefix = format!("{want}/");
    interp.fs.files.keys().any(|k| absolute(k).starts_with(&prefix))
}

fn os_error(interp: &mut Interp, cls: ObjRef, errno: i64, text: &str, shown: &str, path: &str) -> Flow {
    let e = interp.new_exception(cls, vec![Value::Int(errno), Value::str(text)]);
    interp.set_exc_attr(e, "errno", Value::Int(errno));
    interp.set_exc_attr(e, "strerror", Value::str(text));
    interp.set_exc_attr(e, "filename", Value::str(path));
    if let Obj::Instance(i) = interp.heap.get_mut(e)
        && let Payload::Exception(d) = &mut i.payload
    {
        d.str_override = Some(Rc::from(format!("[Errno {errno}] {text}: {shown}").as_str()));
    }
    Flow::Exc(e)
}

fn not_found(interp: &mut Interp, path: &str) -> Flow {
    let shown = interleave_algo::str_repr(path);
    os_error(interp, interp.t.file_not_found_error, 2, "No such file or directory", &shown, path)
}

fn listdir(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let path = match a.pos.first() {
        None | Some(Value::None) => ".".to_string(),
        v => path_arg(interp, v, "listdir")?,
    };
    if find_file(interp, &path).is_some() {
        let shown = interleave_algo::str_repr(&path);
        return Err(os_error(interp, interp.t.not_a_directory_error, 20, "Not a directory", &shown, &path));
    }
    if !is_dir(interp, &path) {
        return Err(not_found(interp, &path));
    }
    let dir = absolute(&path);
    let prefix = if dir == "/" { "/".to_string() } else { format!("{dir}/") };
    let mut names = BTreeSet::new();
    for k in interp.fs.files.keys() {
        if let Some(rest) = absolute(k).strip_prefix(&prefix) {
            names.insert(rest.split('/').next().unwrap_or(rest).to_owned());
        }
    }
    let cwd_slash = format!("{CWD}/");
    if let Some(child) = cwd_slash.strip_prefix(&prefix).and_then(|rest| rest.split('/').next())
        && !child.is_empty()
    {
        names.insert(child.to_owned());
    }
    let items = names.into_iter().map(Value::str).collect();
    Ok(interp.new_list(items))
}

fn remove(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let path = path_arg(interp, a.pos.first(), "remove")?;
    match find_file(interp, &path) {
        Some(k) => {
            interp.fs.files.remove(&k);
            Ok(Value::None)
        }
        None if is_dir(interp, &path) => {
            let shown = interleave_algo::str_repr(&path);
            Err(os_error(interp, interp.t.is_a_directory_error, 21, "Is a directory", &shown, &path))
        }
        None => Err(not_found(interp, &path)),
    }
}

fn rename(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let src = path_arg(interp, a.pos.first(), "rename")?;
    let dst = path_arg(interp, a.pos.get(1), "rename")?;
    let Some(k) = find_file(interp, &src) else {
        let shown = format!("{} -> {}", interleave_algo::str_repr(&src), interleave_algo::str_repr(&dst));
        return Err(os_error(interp, interp.t.file_not_found_error, 2, "No such file or directory", &shown, &src));
    };
    let data = interp.fs.files.remove(&k).unwrap_or_default();
    if let Some(old) = find_file(interp, &dst) {
        interp.fs.files.remove(&old);
    }
    interp.fs.files.insert(dst, data);
    Ok(Value::None)
}

fn str_result(s: impl Into<String>) -> PyResult<Value> {
    Ok(Value::str(s.into()))
}

fn join(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let mut out = path_arg(interp, a.pos.first(), "join")?;
    for v in a.pos.iter().skip(1) {
        let p = path_arg(interp, Some(v), "join")?;
        if p.starts_with('/') {
            out = p;
        } else if out.is_empty() || out.ends_with('/') {
            out.push_str(&p);
        } else {
            out.push('/');
            out.push_str(&p);
        }
    }
    str_result(out)
}

fn exists(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let p = path_arg(interp, a.pos.first(), "exists")?;
    Ok(Value::Bool(find_file(interp, &p).is_some() || is_dir(interp, &p)))
}

fn isfile(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let p = path_arg(interp, a.pos.first(), "isfile")?;
    Ok(Value::Bool(find_file(interp, &p).is_some()))
}

fn isdir(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let p = path_arg(interp, a.pos.first(), "isdir")?;
    Ok(Value::Bool(find_file(interp, &p).is_none() && is_dir(interp, &p)))
}

fn isabs(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let p = path_arg(interp, a.pos.first(), "isabs")?;
    Ok(Value::Bool(p.starts_with('/')))
}

/// `posixpath.split`: (head, tail) with trailing slashes of head removed unless it is all slashes.
pub fn split_path(p: &str) -> (String, String) {
    let i = p.rfind('/').map_or(0, |i| i + 1);
    let (head, tail) = p.split_at(i);
    let trimmed = head.trim_end_matches('/');
    let head = if trimmed.is_empty() { head } else { trimmed };
    (head.to_owned(), tail.to_owned())
}

fn basename(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let p = path_arg(interp, a.pos.first(), "basename")?;
    str_result(split_path(&p).1)
}

fn dirname(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let p = path_arg(interp, a.pos.first(), "dirname")?;
    str_result(split_path(&p).0)
}

fn split(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let p = path_arg(interp, a.pos.first(), "split")?;
    let (h, t) = split_path(&p);
    Ok(interp.new_tuple(vec![Value::str(h), Value::str(t)]))
}

/// `posixpath.splitext`: leading dots of the base name do not start an extension.
pub fn split_ext(p: &str) -> (String, String) {
    let base_start = p.rfind('/').map_or(0, |i| i + 1);
    let base = &p[base_start..];
    if let Some(dot) = base.rfind('.')
        && base[..dot].chars().any(|c| c != '.')
    {
        let i = base_start + dot;
        return (p[..i].to_owned(), p[i..].to_owned());
    }
    (p.to_owned(), String::new())
}

fn splitext(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let p = path_arg(interp, a.pos.first(), "splitext")?;
    let (root, ext) = split_ext(&p);
    Ok(interp.new_tuple(vec![Value::str(root), Value::str(ext)]))
}

fn abspath(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let p = path_arg(interp, a.pos.first(), "abspath")?;
    str_result(absolute(&p))
}

fn normpath(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let p = path_arg(interp, a.pos.first(), "normpath")?;
    str_result(normalize(&p))
}

fn getsize(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let p = path_arg(interp, a.pos.first(), "getsize")?;
    match find_file(interp, &p) {
        Some(k) => Ok(Value::Int(interp.fs.files.get(&k).map_or(0, Vec::len) as i64)),
        None if is_dir(interp, &p) => Ok(Value::Int(4096)),
        None => Err(not_found(interp, &p)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_path_rules() {
        assert_eq!(normalize("a/./b/../c//d/"), "a/c/d");
        assert_eq!(normalize("/../x"), "/x");
        assert_eq!(normalize("../x/.."), "..");
        assert_eq!(normalize(""), ".");
        assert_eq!(split_path("/a/b/c.txt"), ("/a/b".into(), "c.txt".into()));
        assert_eq!(split_path("/c.txt"), ("/".into(), "c.txt".into()));
        assert_eq!(split_path("c.txt"), ("".into(), "c.txt".into()));
        assert_eq!(split_ext("a/b.tar.gz"), ("a/b.tar".into(), ".gz".into()));
        assert_eq!(split_ext(".bashrc"), (".bashrc".into(), "".into()));
        assert_eq!(split_ext("a.b/c"), ("a.b/c".into(), "".into()));
        assert_eq!(absolute("x/../y.txt"), "/home/user/y.txt");
    }
}
