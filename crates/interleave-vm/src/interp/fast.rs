//! The fast path of the evaluation loop: simple, hot instructions that cannot fail or call
//! anything, executed in a tight inner loop without the general dispatch of `step`.

use interleave_compiler::Instr;

use crate::frame::{Block, BlockKind, Frame, ReturnAction};
use crate::interp::cache::{self, InlineCache};
use crate::interp::{Interp, Thread};
use crate::object::{Iter, Obj};
use crate::value::{ObjRef, Value};

impl Interp {
    /// Runs the top frame's instructions for as long as each is one of the simple, hot cases
    /// that cannot fail or call anything (local variable access, constants, jumps on bools,
    /// small-int arithmetic, range/list iteration, and name and attribute instructions whose
    /// inline cache hits), and the loop's checks are not due (`steps < next_check`). Each
    /// instruction run here is counted and costed exactly as `execute` does. Stops, having
    /// changed nothing for it, before the first instruction that needs the general path.
    ///
    /// It also makes the simplest calls and returns: a call of a Python function with exactly
    /// its positional parameters and no cells (`call_from_stack`'s fast path), and a return
    /// to a Python caller above `floor` (`finish_frame` with `ReturnAction::Push`).
    #[inline(always)]
    pub(super) fn run_fast(&mut self, floor: usize) {
        let plain_classes = !self.late_properties && !self.late_hooks;
        // A `PopTop` may drop a new coroutine, which `pop_top` warns about.
        let fresh_coroutine = self.fresh_coroutine.is_some();
        let late_hooks = self.late_hooks;
        let builtins = self.builtins;
        let next_check = self.next_check;
        let max_recursion = self.limits.max_recursion;
        let mut steps = self.steps;
        if steps >= next_check {
            return;
        }
        let mut cpu_ns = self.cpu_ns;
        let Interp {
            threads,
            heap,
            cur,
            t,
            lookup_cache,
            ..
        } = self;
        let Thread { frames, stack, .. } = &mut threads[*cur];
        'frames: loop {
            let depth = frames.len();
            let Some(frame) = frames.last_mut() else { break 'frames };
            let (base, globals, locals) = (frame.base, frame.globals, frame.locals);
            let code = &*frame.code;
            let values = &*frame.values;
            let instrs = &code.instrs[..];
            let mut ip = frame.ip;
            let mut transfer = None;
            while let Some(&instr) = instrs.get(ip) {
                let here = ip;
                ip += 1;
                // Leaves the loop before `instr` (at `here`), which the general path then runs.
                macro_rules! general {
                    () => {{
                        ip = here;
                        break;
                    }};
                }
                match instr {
                    Instr::LoadFast(i) => {
                        let v = &stack[base + i as usize];
                        if v.is_null() {
                            general!();
                        }
                        let v = v.clone();
                        stack.push(v);
                    }
                    Instr::StoreFast(i) => {
                        let Some(v) = stack.pop() else { general!() };
                        stack[base + i as usize] = v;
                    }
                    Instr::LoadConst(i) => stack.push(values.consts[i as usize].clone()),
                    Instr::PopTop => {
                        if fresh_coroutine {
                            general!();
                        }
                        stack.pop();
                    }
                    Instr::PushNull => stack.push(Value::Null),
                    Instr::Nop => {}
                    Instr::Copy(n) => {
                        let v = stack[stack.len() - n as usize].clone();
                        stack.push(v);
                    }
                    Instr::Swap(n) => {
                        let len = stack.len();
                        stack.swap(len - 1, len - n as usize);
                    }
                    Instr::IsOp(invert) => {
                        let n = stack.len();
                        let r = stack[n - 2].is(&stack[n - 1]) != invert;
                        stack.truncate(n - 2);
                        stack.push(Value::Bool(r));
                    }
                    Instr::PopJumpIfNone(t) | Instr::PopJumpIfNotNone(t) => {
                        let Some(v) = stack.pop() else { general!() };
                        if v.is_none() == matches!(instr, Instr::PopJumpIfNone(_)) {
                            ip = t as usize;
                        }
                    }
                    Instr::Call(argc) => {
                        let n = stack.len();
                        let p = n - argc as usize - 2;
                        let (func, args_start) = if stack[p].is_null() {
                            (&stack[p + 1], p + 2)
                        } else {
                            (&stack[p], p + 1)
                        };
                        let Value::Obj(func) = *func else { general!() };
                        let Obj::Function(f) = heap.get(func) else { general!() };
                        let c = &f.code;
                        if c.flags.varargs
                            || c.flags.varkeywords
                            || c.flags.generator
                            || c.flags.coroutine
                            || c.kwonlyargcount != 0
                            || c.argcount as usize != n - args_start
                            || !c.cellvars.is_empty()
                            || !f.closure.is_empty()
                            || depth >= max_recursion
                        {
                            general!();
                        }
                        steps += 1;
                        cpu_ns += u64::from(values.costs[here]);
                        transfer = Some(Transfer::Call {
                            func,
                            args_start,
                            ret_to: p,
                        });
                        break;
                    }
                    Instr::ReturnValue => {
                        if depth - 1 <= floor || !matches!(frame.on_return, ReturnAction::Push) {
                            general!();
                        }
                        let Some(v) = stack.pop() else { general!() };
                        steps += 1;
                        cpu_ns += u64::from(values.costs[here]);
                        transfer = Some(Transfer::Return(v, frame.ret_to));
                        break;
                    }
                    Instr::SetupFinally(handler) => {
                        let depth = stack.len();
                        frame.blocks.push(Block {
                            kind: BlockKind::Finally { handler },
                            depth,
                        });
                    }
                    Instr::PopBlock => {
                        frame.blocks.pop();
                    }
                    Instr::Jump(t) => ip = t as usize,
                    Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                        let Some(Value::Bool(b)) = stack.last() else { general!() };
                        if *b == matches!(instr, Instr::PopJumpIfTrue(_)) {
                            ip = t as usize;
                        }
                        stack.pop();
                    }
                    Instr::BinaryOp(op) => {
                        let n = stack.len();
                        let (Value::Int(a), Value::Int(b)) = (&stack[n - 2], &stack[n - 1]) else {
                            general!()
                        };
                        let Some(Value::Int(r)) = crate::interp::ops::int_fast(op, *a, *b) else {
                            general!()
                        };
                        // Two ints need no drop: overwrite in place.
                        stack.pop();
                        if let Value::Int(slot) = &mut stack[n - 2] {
                            *slot = r;
                        }
                    }
                    Instr::CompareOp(op) => {
                        let n = stack.len();
                        let (Value::Int(a), Value::Int(b)) = (&stack[n - 2], &stack[n - 1]) else {
                            general!()
                        };
                        let r = crate::interp::ops::cmp_ints(op, *a, *b);
                        stack.pop();
                        // An int needs no drop.
                        std::mem::forget(std::mem::replace(&mut stack[n - 2], Value::Bool(r)));
                    }
                    Instr::BinarySubscr => {
                        // A list or tuple indexed by an int in range.
                        let n = stack.len();
                        let (Value::Obj(r), Value::Int(i)) = (&stack[n - 2], &stack[n - 1]) else {
                            general!()
                        };
                        let (Obj::List(items) | Obj::Tuple(items)) = heap.get(*r) else {
                            general!()
                        };
                        let i = if *i < 0 { i.wrapping_add(items.len() as i64) } else { *i };
                        let Some(v) = usize::try_from(i).ok().and_then(|i| items.get(i)) else {
                            general!()
                        };
                        let v = v.clone();
                        stack.pop();
                        stack[n - 2] = v;
                    }
                    Instr::ForIter(target) => {
                        let Some(Value::Obj(r)) = stack.last() else { general!() };
                        let r = *r;
                        let next = match heap.get_mut(r) {
                            Obj::Iter(Iter::Range { next, stop, step }) => {
                                let n = *next;
                                if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                                    *next = n.saturating_add(*step);
                                    Some(Value::Int(n))
                                } else {
                                    None
                                }
                            }
                            Obj::Iter(Iter::Seq { seq, index }) => {
                                let (seq, i) = (*seq, *index);
                                let v = match heap.get(seq) {
                                    Obj::List(items) | Obj::Tuple(items) => items.get(i).cloned(),
                                    _ => general!(),
                                };
                                if v.is_some()
                                    && let Obj::Iter(Iter::Seq { index, .. }) = heap.get_mut(r)
                                {
                                    *index += 1;
                                }
                                v
                            }
                            _ => general!(),
                        };
                        match next {
                            Some(v) => stack.push(v),
                            None => {
                                stack.pop();
                                ip = target as usize;
                            }
                        }
                    }
                    Instr::LoadGlobal(_) | Instr::LoadName(_) => {
                        if matches!(instr, Instr::LoadName(_)) && locals.is_some_and(|l| l != globals) {
                            general!();
                        }
                        let c = values.caches[here].get();
                        let Some(v) = cache::load_global_hit(heap, globals, builtins, c) else {
                            general!()
                        };
                        stack.push(v.clone());
                    }
                    Instr::StoreGlobal(_) | Instr::StoreName(_) => {
                        let target = match instr {
                            Instr::StoreName(_) => locals.unwrap_or(globals),
                            _ => globals,
                        };
                        let c = values.caches[here].get();
                        let Some(d) = cache::store_global_hit(heap, target, c) else {
                            general!()
                        };
                        let Some(v) = stack.pop() else { general!() };
                        d.set_value_at(c.index as usize, v);
                    }
                    Instr::LoadAttr(n) => {
                        // An instance attribute of a class without data descriptors
                        // (`Interp::getattr`'s fast path).
                        let Some(Value::Obj(r)) = stack.last() else { general!() };
                        let Obj::Instance(inst) = heap.get(*r) else { general!() };
                        if !plain_classes || !cache::plain_getattr(heap, inst.class) {
                            general!();
                        }
                        let Value::Str(name) = &values.names[n as usize] else {
                            general!()
                        };
                        let cell = &values.caches[here];
                        let attrs = inst.attrs(heap);
                        let Some(i) = cache::find_attr(attrs, name, cell.get().index) else {
                            general!()
                        };
                        cell.set(InlineCache {
                            index: i as u32,
                            ..InlineCache::default()
                        });
                        let v = attrs.value_at(i).clone();
                        if let Some(top) = stack.last_mut() {
                            *top = v;
                        }
                    }
                    Instr::LoadMethod(n) => {
                        // `obj → method obj` for a method found in the class (`lookup_method`).
                        let Value::Str(name) = &values.names[n as usize] else {
                            general!()
                        };
                        let Some(obj) = stack.last() else { general!() };
                        if late_hooks {
                            general!();
                        }
                        let epoch = lookup_cache.borrow().epoch;
                        let Some(m) = cache::load_method_hit(heap, t, obj, name, epoch, values.caches[here].get())
                        else {
                            general!()
                        };
                        if let Some(top) = stack.last_mut() {
                            let obj = std::mem::replace(top, Value::Obj(m));
                            stack.push(obj);
                        }
                    }
                    Instr::StoreAttr(n) => {
                        // A plain instance (`Interp::setattr`'s fast path).
                        let n_st = stack.len();
                        if n_st < 2 {
                            general!();
                        }
                        let Value::Obj(r) = stack[n_st - 1] else { general!() };
                        let Obj::Instance(inst) = heap.get(r) else { general!() };
                        if !plain_classes || !cache::plain_setattr(heap, inst.class, &inst.payload) || inst.dict_obj.is_some() {
                            general!();
                        }
                        let Value::Str(name) = &values.names[n as usize] else {
                            general!()
                        };
                        let cell = &values.caches[here];
                        let found = cache::find_attr(&inst.dict, name, cell.get().index);
                        let Obj::Instance(inst) = heap.get_mut(r) else {
                            general!()
                        };
                        stack.pop();
                        let v = stack.pop().unwrap_or_default();
                        let i = match found {
                            Some(i) => {
                                inst.dict.set_value_at(i, v);
                                i
                            }
                            None => {
                                let hash = crate::hashing::str_hash(name);
                                inst.dict.insert_new(hash, Value::Str(name.clone()), v);
                                inst.dict.raw_len() - 1
                            }
                        };
                        cell.set(InlineCache {
                            index: i as u32,
                            ..InlineCache::default()
                        });
                    }
                    _ => general!(),
                }
                steps += 1;
                cpu_ns += u64::from(values.costs[here]);
                if steps >= next_check {
                    break;
                }
            }
            frame.ip = ip;
            match transfer {
                None => break 'frames,
                Some(Transfer::Call {
                    func,
                    args_start,
                    ret_to,
                }) => {
                    let Obj::Function(f) = heap.get(func) else {
                        break 'frames;
                    };
                    let nslots = args_start + f.code.varnames.len();
                    if stack.len() != nslots {
                        stack.resize(nslots, Value::Null);
                    }
                    frames.push(Frame {
                        code: f.code.clone(),
                        values: f.values.clone(),
                        ip: 0,
                        base: args_start,
                        ret_to,
                        blocks: Vec::new(),
                        globals: f.globals,
                        locals: None,
                        func: Some(func),
                        on_return: ReturnAction::Push,
                    });
                }
                Some(Transfer::Return(v, ret_to)) => {
                    frames.truncate(depth - 1);
                    stack.truncate(ret_to);
                    stack.push(v);
                }
            }
            if steps >= next_check {
                break 'frames;
            }
        }
        self.steps = steps;
        self.cpu_ns = cpu_ns;
    }
}

/// A call or return made by `run_fast`, done once the current frame is no longer borrowed.
enum Transfer {
    /// Push a frame for the function `func` whose arguments are the slots from `args_start`.
    Call {
        func: ObjRef,
        args_start: usize,
        ret_to: usize,
    },
    /// Pop the top frame and push the value on the caller's stack truncated to `ret_to`.
    Return(Value, usize),
}
