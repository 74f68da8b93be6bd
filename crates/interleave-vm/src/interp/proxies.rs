//! Operators on `multiprocessing` manager proxies, whose dunders wait for the manager process
//! and so must run in frames, not nested in a call made from Rust (see ARCHITECTURE.md,
//! "Where we simplify"). A proxy's class has the attribute `_interleave_print_` (the hook
//! `print()` uses). The instructions and built-ins that would call a proxy's Python dunder
//! nested hand it to a frame instead: the dunder itself, or a helper of `_interleave_iter`
//! that calls it (`binop_`, `contains_call_`, `bool_call_`, `format_call_`,
//! `percent_`).

use interleave_compiler::{BinOp, Conversion};

use super::Interp;
use crate::frame::ReturnAction;
use crate::native::{Args, Flow, PyResult};
use crate::object::Obj;
use crate::value::Value;

impl Interp {
    /// Whether `v` is a manager proxy.
    pub fn is_frame_proxy(&self, v: &Value) -> bool {
        if let Value::Obj(r) = v
            && let Obj::Instance(inst) = self.heap.get(*r)
        {
            return self.class_lookup(inst.class, "_interleave_print_").is_some();
        }
        false
    }

    /// The Python function `name` of `v`'s class, if `v` is a proxy and has one.
    fn proxy_method(&self, v: &Value, name: &str) -> Option<Value> {
        if !self.is_frame_proxy(v) {
            return None;
        }
        let m = self.class_lookup(self.type_of(v), name)?;
        match m.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::Function(_)) => Some(m),
            _ => None,
        }
    }

    fn call_helper(&mut self, helper: &str, args: Vec<Value>, action: ReturnAction) -> PyResult<bool> {
        self.call_iter_helper(helper, args, action)?;
        Ok(true)
    }

    /// `a op b` (not in place, or in place without an in-place dunder) when an operand is a
    /// proxy with the dunder: its result is pushed. False if this is not such a case.
    pub(crate) fn proxy_binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<bool> {
        if op.base() == BinOp::Remainder && matches!(a, Value::Str(_)) && self.has_proxy_argument(b) {
            return self.call_helper("percent_", vec![a.clone(), b.clone()], ReturnAction::Push);
        }
        // The common case, on every binary operation of non-numbers: no proxy, nothing to look up.
        if !self.is_frame_proxy(a) && !self.is_frame_proxy(b) {
            return Ok(false);
        }
        let (name, rname, iname) = super::ops::dunder(op);
        if op.is_inplace() && self.lookup_user_method(a, iname).is_some() {
            return Ok(false);
        }
        let f = self.proxy_method(a, name);
        let rf = if self.type_of(a) == self.type_of(b) { None } else { self.proxy_method(b, rname) };
        if f.is_none() && rf.is_none() {
            return Ok(false);
        }
        // Python methods of the other operand take part as usual.
        let f = f.or_else(|| self.lookup_user_method(a, name)).unwrap_or(Value::None);
        let rf = rf
            .or_else(|| if self.type_of(a) == self.type_of(b) { None } else { self.lookup_user_method(b, rname) })
            .unwrap_or(Value::None);
        let message = match self.unsupported(op, a, b) {
            Flow::Exc(e) => Value::str(self.exception_str(e)?),
            other => return Err(other),
        };
        let args = vec![f, a.clone(), b.clone(), rf, message];
        self.call_helper("binop_", args, ReturnAction::Push)
    }

    /// Whether the arguments of `text % args` are a proxy or a tuple holding one.
    fn has_proxy_argument(&self, b: &Value) -> bool {
        if let Some(Obj::Tuple(items)) = b.as_obj().map(|r| self.heap.get(r)) {
            return items.iter().any(|v| self.is_frame_proxy(v));
        }
        self.is_frame_proxy(b)
    }

    /// `item in container` (`not in` if `invert`) for a proxy with `__contains__`.
    pub(crate) fn proxy_contains(&mut self, container: &Value, item: &Value, invert: bool) -> PyResult<bool> {
        let Some(f) = self.proxy_method(container, "__contains__") else { return Ok(false) };
        let args = vec![f, container.clone(), item.clone(), Value::Bool(invert)];
        self.call_helper("contains_call_", args, ReturnAction::Push)
    }

    /// The truth of a proxy with `__bool__` or `__len__` (a jump's condition, `not`): the
    /// dunder runs in a frame and the instruction runs again on its result.
    pub(crate) fn proxy_truth(&mut self, v: &Value) -> PyResult<bool> {
        let Some(f) = self.proxy_method(v, "__bool__").or_else(|| self.proxy_method(v, "__len__")) else {
            return Ok(false);
        };
        if let Some(r) = self.call_value(f, Args::new(vec![v.clone()]), ReturnAction::RetryWith { depth: 0 })? {
            self.apply_action(ReturnAction::RetryWith { depth: 0 }, r)?;
        }
        Ok(true)
    }

    /// `bool(proxy)`, as a tail call; None if `v` is not such a proxy.
    pub(crate) fn proxy_bool(&mut self, v: &Value) -> Option<PyResult<Value>> {
        let f = self.proxy_method(v, "__bool__").or_else(|| self.proxy_method(v, "__len__"))?;
        Some(self.python_iteration("bool_call_", vec![f, v.clone()]))
    }

    /// The helper call that formats a proxy with its Python `__str__` (`f"{p}"`, `f"{p!s:>9}"`,
    /// `format(p)`), if this is such a case: `object.__format__` with an empty spec is
    /// `str()`; a non-empty spec without `!s` is the usual `TypeError`.
    fn proxy_format_args(&mut self, v: &Value, conversion: Conversion, spec: &Option<Value>) -> Option<Vec<Value>> {
        let f = self.proxy_method(v, "__str__")?;
        let empty = match spec {
            None => true,
            Some(Value::Str(s)) => s.as_str().is_empty(),
            Some(_) => false,
        };
        let plain = conversion == Conversion::None
            && empty
            && self.proxy_method(v, "__format__").is_none();
        if !(plain || conversion == Conversion::Str) {
            return None;
        }
        Some(vec![f, v.clone(), spec.clone().unwrap_or_else(|| Value::str(""))])
    }

    /// `FormatValue` of a proxy: the text is pushed. False if this is not such a case.
    pub(crate) fn proxy_format(&mut self, v: &Value, conversion: Conversion, spec: &Option<Value>) -> PyResult<bool> {
        let Some(args) = self.proxy_format_args(v, conversion, spec) else { return Ok(false) };
        self.call_helper("format_call_", args, ReturnAction::Push)
    }

    /// `format(proxy, spec)`, as a tail call; None if this is not such a case.
    pub(crate) fn proxy_format_builtin(&mut self, v: &Value, spec: &Value) -> Option<PyResult<Value>> {
        let args = self.proxy_format_args(v, Conversion::None, &Some(spec.clone()))?;
        Some(self.python_iteration("format_call_", args))
    }
}
