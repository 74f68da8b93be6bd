//! The fast path of the evaluation loop: simple, hot instructions that cannot fail or call
//! anything, executed without the general dispatch of `step`.

use interleave_compiler::Instr;

use crate::interp::cache::{self, FastCtx, InlineCache};
use crate::object::Obj;
use crate::value::Value;

/// Executes `instr` if it is one of the simple, hot cases that cannot fail or call anything
/// (local variable access, constants, jumps on bools, small-int arithmetic, range/list
/// iteration, and name and attribute instructions whose inline cache hits). Returns false,
/// having changed nothing, for everything else.
#[inline(always)]
pub(super) fn fast_step(th: &mut crate::interp::Thread, heap: &mut crate::heap::Heap, instr: Instr, ctx: FastCtx) -> bool {
    use crate::object::Iter;
    let crate::interp::Thread { frames, stack, .. } = th;
    let Some(frame) = frames.last_mut() else { return false };
    match instr {
        Instr::LoadGlobal(_) | Instr::LoadName(_) => {
            if matches!(instr, Instr::LoadName(_)) && frame.locals.is_some_and(|l| l != frame.globals) {
                return false;
            }
            let c = frame.values.caches[frame.ip - 1].get();
            let Some(v) = cache::load_global_hit(heap, frame.globals, ctx.builtins, c) else { return false };
            stack.push(v.clone());
        }
        Instr::StoreGlobal(_) | Instr::StoreName(_) => {
            let target = match instr {
                Instr::StoreName(_) => frame.locals.unwrap_or(frame.globals),
                _ => frame.globals,
            };
            let c = frame.values.caches[frame.ip - 1].get();
            let Some(d) = cache::store_global_hit(heap, target, c) else { return false };
            let Some(v) = stack.pop() else { return false };
            d.set_value_at(c.index as usize, v);
        }
        Instr::LoadAttr(n) => {
            // An instance attribute of a class without data descriptors (`Interp::getattr`'s
            // fast path).
            let Some(Value::Obj(r)) = stack.last() else { return false };
            let Obj::Instance(inst) = heap.get(*r) else { return false };
            if !ctx.plain_classes || !cache::plain_getattr(heap, inst.class) {
                return false;
            }
            let Value::Str(name) = &frame.values.names[n as usize] else { return false };
            let cell = &frame.values.caches[frame.ip - 1];
            let Some(i) = cache::find_attr(&inst.dict, name, cell.get().index) else { return false };
            cell.set(InlineCache { index: i as u32, ..InlineCache::default() });
            let v = inst.dict.value_at(i).clone();
            if let Some(top) = stack.last_mut() {
                *top = v;
            }
        }
        Instr::StoreAttr(n) => {
            // A plain instance (`Interp::setattr`'s fast path).
            let n_st = stack.len();
            if n_st < 2 {
                return false;
            }
            let Value::Obj(r) = stack[n_st - 1] else { return false };
            let Obj::Instance(inst) = heap.get(r) else { return false };
            if !ctx.plain_classes || !cache::plain_setattr(heap, inst.class, &inst.payload) {
                return false;
            }
            let Value::Str(name) = &frame.values.names[n as usize] else { return false };
            let cell = &frame.values.caches[frame.ip - 1];
            let found = cache::find_attr(&inst.dict, name, cell.get().index);
            stack.pop();
            let Some(v) = stack.pop() else { return false };
            let Obj::Instance(inst) = heap.get_mut(r) else { return false };
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
            cell.set(InlineCache { index: i as u32, ..InlineCache::default() });
        }
        Instr::LoadFast(i) => {
            let v = &stack[frame.base + i as usize];
            if v.is_null() {
                return false;
            }
            let v = v.clone();
            stack.push(v);
        }
        Instr::StoreFast(i) => {
            let Some(v) = stack.pop() else { return false };
            stack[frame.base + i as usize] = v;
        }
        Instr::LoadConst(i) => stack.push(frame.values.consts[i as usize].clone()),
        Instr::PopTop => {
            stack.pop();
        }
        Instr::Jump(t) => frame.ip = t as usize,
        Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
            let Some(Value::Bool(b)) = stack.last() else { return false };
            if *b == matches!(instr, Instr::PopJumpIfTrue(_)) {
                frame.ip = t as usize;
            }
            stack.pop();
        }
        Instr::BinaryOp(op) => {
            let n = stack.len();
            let (Value::Int(a), Value::Int(b)) = (&stack[n - 2], &stack[n - 1]) else { return false };
            let Some(v) = crate::interp::ops::int_fast(op, *a, *b) else { return false };
            // Two ints need no drop: overwrite in place.
            stack.pop();
            stack[n - 2] = v;
        }
        Instr::CompareOp(op) => {
            let n = stack.len();
            let (Value::Int(a), Value::Int(b)) = (&stack[n - 2], &stack[n - 1]) else { return false };
            let r = crate::interp::ops::cmp_ints(op, *a, *b);
            stack.pop();
            stack[n - 2] = Value::Bool(r);
        }
        Instr::ForIter(target) => {
            let Some(Value::Obj(r)) = stack.last() else { return false };
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
                        _ => return false,
                    };
                    if v.is_some()
                        && let Obj::Iter(Iter::Seq { index, .. }) = heap.get_mut(r) {
                            *index += 1;
                        }
                    v
                }
                _ => return false,
            };
            match next {
                Some(v) => stack.push(v),
                None => {
                    stack.pop();
                    frame.ip = target as usize;
                }
            }
        }
        _ => return false,
    }
    true
}
