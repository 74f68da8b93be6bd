//! The fast path of the evaluation loop: simple, hot instructions that cannot fail or call
//! anything, executed without the general dispatch of `step`.

use interleave_compiler::Instr;

use crate::object::Obj;
use crate::value::Value;

/// Executes `instr` if it is one of the simple, hot cases that cannot fail or call anything
/// (local variable access, constants, jumps on bools, small-int arithmetic, range/list
/// iteration). Returns false, having changed nothing, for everything else.
#[inline(always)]
pub(super) fn fast_step(th: &mut crate::interp::Thread, heap: &mut crate::heap::Heap, instr: Instr) -> bool {
    use crate::object::Iter;
    let crate::interp::Thread { frames, stack, .. } = th;
    let Some(frame) = frames.last_mut() else { return false };
    match instr {
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
