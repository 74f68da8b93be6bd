//! `str.format` and `str.format_map`: resolving replacement fields (positional, keyword,
//! auto-numbered, `.attr`, `[key]`), conversions and nested specs, as CPython's
//! `unicode_format.h` does on top of `interleave_algo`'s template parser.

use interleave_algo::{self as algo, AutoNumber, FieldAccessor, FieldFirst, TemplateItem};

use super::{check_self, one_arg, self_str, type_error};
use crate::interp::Interp;
use crate::native::{Args, PyResult};
use crate::value::Value;

/// Where fields look their values up.
struct Source<'a> {
    pos: &'a [Value],
    /// The keyword mapping (`None` for `format_map`'s positional check).
    map: Value,
    /// `format_map`: positional fields are an error.
    map_only: bool,
}

pub fn format(interp: &mut Interp, args: Args) -> PyResult<Value> {
    check_self(interp, &args, "str", "format", |_, v| matches!(v, Value::Str(_)))?;
    if args.pos[1..].iter().chain(args.kw.iter().map(|(_, v)| v)).any(|v| interp.is_frame_proxy(v)) {
        // A manager proxy's text needs a round trip to its manager: formatted in frames.
        let d = interp.new_dict();
        for (k, v) in &args.kw {
            let key = interp.intern(k);
            interp.dict_setitem(d, key, v.clone())?;
        }
        let pos = interp.new_tuple(args.pos[1..].to_vec());
        return interp.python_iteration("str_format_", vec![args.pos[0].clone(), pos, Value::Obj(d)]);
    }
    let s = self_str(&args);
    let d = interp.new_dict();
    for (k, v) in &args.kw {
        let key = interp.intern(k);
        interp.dict_setitem(d, key, v.clone())?;
    }
    let src = Source { pos: &args.pos[1..], map: Value::Obj(d), map_only: false };
    let mut auto = AutoNumber::default();
    let out = render(interp, s.as_str(), &src, &mut auto, 2)?;
    Ok(Value::str(out))
}

pub fn format_map(interp: &mut Interp, args: Args) -> PyResult<Value> {
    check_self(interp, &args, "str", "format_map", |_, v| matches!(v, Value::Str(_)))?;
    let s = self_str(&args);
    let map = one_arg(interp, &args, "str.format_map")?;
    let src = Source { pos: &[], map, map_only: true };
    let mut auto = AutoNumber::default();
    let out = render(interp, s.as_str(), &src, &mut auto, 2)?;
    Ok(Value::str(out))
}

fn render(interp: &mut Interp, template: &str, src: &Source, auto: &mut AutoNumber, depth: i32) -> PyResult<String> {
    if depth <= 0 {
        return Err(interp.err(interp.t.value_error, "Max string recursion exceeded"));
    }
    let (items, error) = algo::parse_template(template);
    let mut out = String::new();
    for item in items {
        match item {
            TemplateItem::Literal(s) => out.push_str(&s),
            TemplateItem::Field(f) => {
                let mut v = lookup(interp, &f.field_name, src, auto)?;
                if let Some(c) = f.conversion {
                    algo::check_conversion(c).map_err(|e| interp.algo_err(e))?;
                    v = match c {
                        'r' => Value::str(interp.repr(&v)?),
                        's' => interp.to_str_value(&v)?,
                        _ => {
                            let r = interp.repr(&v)?;
                            Value::str(crate::builtins::functions::ascii_escape(&r))
                        }
                    };
                }
                let spec = if f.spec_needs_expanding {
                    render(interp, &f.format_spec, src, auto, depth - 1)?
                } else {
                    f.format_spec.clone()
                };
                let text = interp.format_with_spec(&v, &spec)?;
                out.push_str(&text);
                interp.check_str_size(out.len())?;
            }
        }
    }
    if let Some(e) = error {
        return Err(interp.algo_err(e));
    }
    Ok(out)
}

/// Resolves a field name to its value.
fn lookup(interp: &mut Interp, name: &str, src: &Source, auto: &mut AutoNumber) -> PyResult<Value> {
    let field = algo::parse_field_name(name, auto).map_err(|e| interp.algo_err(e))?;
    let mut v = match &field.first {
        FieldFirst::Index(i) => {
            if src.map_only {
                return Err(interp.err(interp.t.value_error, "Format string contains positional fields"));
            }
            match src.pos.get(*i) {
                Some(v) => v.clone(),
                None => {
                    let msg = format!("Replacement index {i} out of range for positional args tuple");
                    return Err(interp.err(interp.t.index_error, msg));
                }
            }
        }
        FieldFirst::Name(n) => {
            let key = Value::str(n.as_str());
            let r = interp.getitem(&src.map, &key);
            interp.nested(r)?
        }
    };
    for acc in &field.rest {
        v = match acc {
            FieldAccessor::Attr(a) => interp.getattr_nested(&v, a)?,
            FieldAccessor::Index(i) => {
                let r = interp.getitem(&v, &Value::Int(*i as i64));
                interp.nested(r)?
            }
            FieldAccessor::Key(k) => {
                let r = interp.getitem(&v, &Value::str(k.as_str()));
                interp.nested(r)?
            }
        };
    }
    if let Some(e) = field.error {
        return Err(interp.algo_err(e));
    }
    if matches!(v, Value::Null) {
        return Err(type_error(interp, "unresolvable format field".into()));
    }
    Ok(v)
}

