//! `_interleave_greenlet`: the native half of `greenlet` (see `py/greenlet.py`). A greenlet is
//! a second execution state of the same OS thread: switching saves the running greenlet's
//! frames, value stack and handled exception, and installs the target's, so the machine keeps
//! seeing one thread (one GIL holder, one lane) whichever greenlet runs on it.

use crate::frame::Frame;
use crate::interp::{Interp, Record};
use crate::native::{Args, Flow, PyResult};
use crate::object::{NativeFunction, Obj};
use crate::value::{ObjRef, Value};

/// The execution state of a greenlet that is not running.
#[derive(Clone, Default)]
pub struct Parked {
    pub frames: Vec<Frame>,
    pub stack: Vec<Value>,
    pub handled: Value,
    /// The greenlet has run (its state is meaningful); false until its first switch in.
    pub started: bool,
}

impl Parked {
    /// Every value this parked state keeps alive (collector roots).
    pub fn roots(&self, out: &mut Vec<Value>) {
        out.extend(self.stack.iter().cloned());
        out.push(self.handled.clone());
        for fr in &self.frames {
            let mut refs = Vec::new();
            fr.trace(&mut |v| out.push(v.clone()), &mut |r| refs.push(Value::Obj(r)));
            out.extend(refs);
        }
    }
}

pub fn init(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    interp.def_fn(d, "new_slot", new_slot);
    interp.def_fn(d, "switch", switch);
    interp.def_fn(d, "nested", nested);
    Ok(())
}

/// `new_slot()`: room for a new greenlet's parked state; returns its number.
fn new_slot(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    let slots = &mut interp.module_state.greenlets;
    slots.push(Some(Parked::default()));
    Ok(Value::Int(slots.len() as i64 - 1))
}

/// `nested()`: whether the running code is inside a call made from Rust, where no switch is
/// possible.
fn nested(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(interp.nested_depth > 0))
}

fn slot_arg(interp: &mut Interp, v: &Value) -> PyResult<usize> {
    match v {
        Value::Int(i) if *i >= 0 && (*i as usize) < interp.module_state.greenlets.len() => Ok(*i as usize),
        _ => Err(interp.internal("greenlet: bad slot")),
    }
}

fn name_arg(v: &Value) -> String {
    match v {
        Value::Str(s) => s.as_str().to_string(),
        _ => String::from("?"),
    }
}

/// `switch(from_slot, to_slot, message, start, discard, from_name, to_name)`: parks the running
/// greenlet in `from_slot` (or drops its state when `discard`: it is dead) and installs
/// `to_slot`'s. A started target's pending `switch` call returns `message`; a new one starts by
/// calling `start(message)` on an empty frame stack. Only possible from an instruction that is
/// not inside a call from Rust (the Rust caller's state cannot be parked).
fn switch(interp: &mut Interp, args: Args) -> PyResult<Value> {
    if interp.nested_depth > 0 {
        let msg = "greenlet.switch() from code that the interpreter itself called (a module being \
                   imported, a sort key, __repr__, __eq__, __hash__ or another hook run from \
                   Rust) is not supported by Interleave: switch from ordinary Python code";
        return Err(interp.err(interp.t.not_implemented_error, msg));
    }
    // The switch itself is a tail call, so that the call instruction has taken its operands
    // off the running greenlet's stack before the stacks are exchanged.
    let now = interp.alloc(Obj::Native(NativeFunction { name: "switch", func: switch_now, slf: Value::Null, owner: None }));
    Err(Flow::TailCall(Box::new((now, args.pos))))
}

fn switch_now(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let [from, to, message, start, discard, from_name, to_name]: [Value; 7] = match args.pos.try_into() {
        Ok(a) => a,
        Err(_) => return Err(interp.internal("greenlet: switch takes 7 arguments")),
    };
    let (from, to) = (slot_arg(interp, &from)?, slot_arg(interp, &to)?);
    let Some(target) = interp.module_state.greenlets[to].take() else {
        return Err(interp.internal("greenlet: switch to a dead slot"));
    };
    let cur = interp.cur;
    let th = &mut interp.threads[cur];
    let running = Parked {
        frames: std::mem::take(&mut th.frames),
        stack: std::mem::take(&mut th.stack),
        handled: std::mem::replace(&mut th.handled, Value::None),
        started: true,
    };
    let started = target.started;
    th.frames = target.frames;
    th.stack = target.stack;
    th.handled = target.handled;
    interp.module_state.greenlets[from] = if matches!(discard, Value::Bool(true)) { None } else { Some(running) };
    interp.module_state.greenlets[to] = Some(Parked { started: true, ..Parked::default() });
    if interp.slice.active {
        let t = interp.now_ns();
        interp.records.push(Record::GreenletSwitch { t, thread: cur, from: name_arg(&from_name), to: name_arg(&to_name) });
    }
    if started {
        Ok(message)
    } else {
        Err(Flow::TailCall(Box::new((start, vec![message]))))
    }
}
