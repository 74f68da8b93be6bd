//! Formatting values: f-string fields and `format()` (the format-spec mini-language), and
//! printf-style `%` formatting — the Python-object side of `interleave_algo`'s algorithms.

use interleave_algo::{ArgSlot, PercentArgs, PercentItem, percent_format as pf};
use interleave_compiler::Conversion;
use num_bigint::BigInt;

use crate::interp::Interp;
use crate::native::PyResult;
use crate::object::Obj;
use crate::value::{PyStr, Value};

impl Interp {
    /// `format(conv(v), spec)` for an f-string field.
    pub(crate) fn format_value(&mut self, v: Value, conversion: Conversion, spec: Option<Value>) -> PyResult<Value> {
        let v = match conversion {
            Conversion::None => v,
            Conversion::Str => self.to_str_value(&v)?,
            Conversion::Repr => Value::str(self.repr(&v)?),
            Conversion::Ascii => {
                let r = self.repr(&v)?;
                Value::str(crate::builtins::functions::ascii_escape(&r))
            }
        };
        let spec_s = match &spec {
            Some(Value::Str(s)) => s.as_str().to_owned(),
            Some(other) => self.to_str(other)?,
            None => String::new(),
        };
        if spec_s.is_empty() {
            match v {
                Value::Str(_) => return Ok(v),
                // `format(i, '')` of a small int is its decimal text.
                Value::Int(i) => return Ok(Value::str(i.to_string())),
                _ => {}
            }
        }
        let s = self.format_with_spec(&v, &spec_s)?;
        Ok(Value::str(s))
    }

    /// `format(v, spec)`.
    pub fn format_with_spec(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        let tn = self.type_name(v);
        let r = match v {
            Value::Str(s) => interleave_algo::format_str(s.as_str(), spec, &tn),
            Value::Int(i) => interleave_algo::format_int(&BigInt::from(*i), spec, &tn),
            Value::BigInt(b) => interleave_algo::format_int(b, spec, &tn),
            Value::Bool(b) if spec.is_empty() => Ok(if *b { "True" } else { "False" }.to_owned()),
            Value::Bool(b) => interleave_algo::format_int(&BigInt::from(*b as i64), spec, &tn),
            Value::Float(f) => interleave_algo::format_float(*f, spec, &tn),
            _ if self.as_complex(v).is_some() => {
                let z = self.as_complex(v).unwrap_or_default();
                return self.format_complex(z, spec);
            }
            _ => {
                if let Some(Obj::Instance(inst)) = v.as_obj().map(|r| self.heap.get(r)) {
                    let cls = inst.class;
                    if let Some(m) = self.class_lookup(cls, "__format__")
                        && matches!(m.as_obj().map(|r| self.heap.get(r)), Some(Obj::Function(_))) {
                            let res = self.call_nested(m, vec![v.clone(), Value::str(spec)])?;
                            return match res {
                                Value::Str(s) => Ok(s.as_str().to_owned()),
                                other => {
                                    let msg = format!("__format__ must return a str, not {}", self.type_name(&other));
                                    Err(self.err(self.t.type_error, msg))
                                }
                            };
                        }
                }
                if spec.is_empty() {
                    return self.to_str(v);
                }
                let msg = format!("unsupported format string passed to {}.__format__", tn);
                return Err(self.err(self.t.type_error, msg));
            }
        };
        r.map_err(|e| self.algo_err(e))
    }

    /// `template % args` for a `str` template.
    pub(crate) fn percent_format(&mut self, template: &PyStr, args: &Value) -> PyResult<Value> {
        let tuple: Option<Vec<Value>> = match args.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::Tuple(items)) => Some(items.clone()),
            _ => None,
        };
        let is_mapping = tuple.is_none()
            && !matches!(args, Value::Str(_))
            && match args.as_obj().map(|r| self.heap.get(r)) {
                Some(Obj::Dict(_)) => true,
                Some(Obj::Instance(i)) => {
                    let c = i.class;
                    self.class_lookup(c, "__getitem__").is_some()
                }
                _ => false,
            };
        let mut state = match &tuple {
            Some(items) => PercentArgs::tuple(items.len()),
            None => PercentArgs::single(is_mapping),
        };
        let (items, error) = interleave_algo::parse_percent(template.as_str());
        let mut out = String::new();
        let mut current = args.clone();
        for item in items {
            match item {
                PercentItem::Literal(s) => out.push_str(&s),
                PercentItem::Spec(mut spec) => {
                    if let Some(key) = &spec.key {
                        state.use_key().map_err(|e| self.algo_err(e))?;
                        let r = self.getitem(args, &Value::str(key.as_str()));
                        current = self.nested(r)?;
                    }
                    let fetch = |this: &mut Interp, state: &mut PercentArgs| -> PyResult<Value> {
                        match state.next_arg().map_err(|e| this.algo_err(e))? {
                            ArgSlot::Index(i) => Ok(tuple.as_ref().map_or(Value::None, |t| t[i].clone())),
                            ArgSlot::Current => Ok(current.clone()),
                        }
                    };
                    if spec.width == Some(interleave_algo::PercentCount::Star) {
                        let w = fetch(self, &mut state)?;
                        let w = self.int_of(&w, "* wants int")?;
                        spec.set_star_width(&w).map_err(|e| self.algo_err(e))?;
                    }
                    if spec.precision == Some(interleave_algo::PercentCount::Star) {
                        let p = fetch(self, &mut state)?;
                        let p = self.int_of(&p, "* wants int")?;
                        spec.set_star_precision(&p).map_err(|e| self.algo_err(e))?;
                    }
                    let v = fetch(self, &mut state)?;
                    if let Some(e) = spec.unsupported_error() {
                        return Err(self.algo_err(e));
                    }
                    let text = match spec.conversion {
                        's' => {
                            let s = self.to_str(&v)?;
                            pf::format_text(&spec, &s)
                        }
                        'r' => {
                            let s = self.repr(&v)?;
                            pf::format_text(&spec, &s)
                        }
                        'a' => {
                            let s = self.repr(&v)?;
                            pf::format_text(&spec, &crate::builtins::functions::ascii_escape(&s))
                        }
                        'c' => match &v {
                            Value::Str(s) if s.len() == 1 => pf::format_text(&spec, s.as_str()),
                            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                                let n = self.int_of(&v, "%c requires int or char")?;
                                pf::format_char(&spec, &n)
                            }
                            _ => return Err(self.err(self.t.type_error, "%c requires int or char")),
                        },
                        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                            let n = match &v {
                                Value::Float(f) if matches!(spec.conversion, 'd' | 'i' | 'u') => {
                                    if f.is_nan() {
                                        return Err(self.err(self.t.value_error, "cannot convert float NaN to integer"));
                                    }
                                    if f.is_infinite() {
                                        return Err(self.err(self.t.overflow_error, "cannot convert float infinity to integer"));
                                    }
                                    num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default()
                                }
                                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => self.int_of(&v, "")?,
                                // An object with `__index__` (or, for %d, `__int__`), as CPython's
                                // `formatlong` takes.
                                Value::Obj(_) if self.is_user_instance(&v) && self.percent_int_method(&v, spec.conversion).is_some() => {
                                    let m = self.percent_int_method(&v, spec.conversion).expect("checked");
                                    let n = self.call_nested(m, vec![v.clone()])?;
                                    self.int_of(&n, "")?
                                }
                                _ => {
                                    let msg = if matches!(spec.conversion, 'd' | 'i' | 'u') {
                                        format!("%{} format: a real number is required, not {}", spec.conversion, self.type_name(&v))
                                    } else {
                                        format!("%{} format: an integer is required, not {}", spec.conversion, self.type_name(&v))
                                    };
                                    return Err(self.err(self.t.type_error, msg));
                                }
                            };
                            pf::format_int(&spec, &n)
                        }
                        _ => {
                            let f = match &v {
                                Value::Float(f) => *f,
                                Value::Int(i) => *i as f64,
                                Value::Bool(b) => *b as i64 as f64,
                                Value::BigInt(b) => num_traits::ToPrimitive::to_f64(&**b).unwrap_or(f64::INFINITY),
                                _ => {
                                    let msg = format!("must be real number, not {}", self.type_name(&v));
                                    return Err(self.err(self.t.type_error, msg));
                                }
                            };
                            pf::format_float(&spec, f)
                        }
                    };
                    out.push_str(&text.map_err(|e| self.algo_err(e))?);
                    state.end_spec().map_err(|e| self.algo_err(e))?;
                }
            }
        }
        if let Some(e) = error {
            if e.requires_mapping {
                state.use_key().map_err(|e| self.algo_err(e))?;
            }
            return Err(self.algo_err(e.error));
        }
        state.finish().map_err(|e| self.algo_err(e))?;
        self.check_str_size(out.len())?;
        Ok(Value::str(out))
    }

    fn int_of(&mut self, v: &Value, msg: &str) -> PyResult<BigInt> {
        match v {
            Value::Int(i) => Ok(BigInt::from(*i)),
            Value::Bool(b) => Ok(BigInt::from(*b as i64)),
            Value::BigInt(b) => Ok((**b).clone()),
            _ => Err(self.err(self.t.type_error, msg.to_owned())),
        }
    }

    /// The method that makes `v` an int for `%d`-style conversions: `__index__`, or `__int__`
    /// for `%d`, `%i` and `%u`.
    fn percent_int_method(&self, v: &Value, conversion: char) -> Option<Value> {
        let cls = self.type_of(v);
        self.class_lookup(cls, "__index__").or_else(|| {
            if matches!(conversion, 'd' | 'i' | 'u') { self.class_lookup(cls, "__int__") } else { None }
        })
    }
}
