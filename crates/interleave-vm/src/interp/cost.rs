//! The cost model: how much virtual time each instruction takes.
//!
//! Roughly calibrated to CPython 3.11 on a current x86-64 core (measured with its specialising
//! interpreter): `fib(27)` (≈11 M instructions) takes ≈50 ms and a module-level counter loop
//! ≈14 ns per instruction. Simple stack and local-variable instructions are cheapest; name
//! lookups in dicts, attribute access, calls and container building cost more. Built-ins that
//! do bulk work charge extra time through `Interp::charge`. These numbers decide what
//! `time.perf_counter()` shows and how many instructions fit in a GIL switch interval; they are
//! a model, not a measurement of this machine.

use interleave_compiler::Instr;

/// The most any single instruction costs (lets the loop bound how many instructions fit in
/// a time budget).
pub const MAX_COST_NS: u64 = 40;

/// Virtual time of one unit of bulk work charged by a built-in (`Interp::charge`).
pub const NS_PER_CHARGED_STEP: u64 = 4;

/// Virtual nanoseconds that executing `instr` takes.
pub fn cost_ns(instr: &Instr) -> u16 {
    use Instr::*;
    match instr {
        Nop | PopTop | Copy(_) | Swap(_) | PushNull | LoadConst(_) | LoadFast(_) | StoreFast(_) => 2,
        Jump(_) | PopJumpIfFalse(_) | PopJumpIfTrue(_) | PopJumpIfNone(_) | PopJumpIfNotNone(_) => 2,
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) | DeleteFast(_) => 3,
        LoadDeref(_) | StoreDeref(_) | LoadClosure(_) | DeleteDeref(_) => 4,
        UnaryOp(_) | BinaryOp(_) | CompareOp(_) | IsOp(_) => 6,
        ForIter(_) => 6,
        LoadGlobal(_) => 6,
        ContainsOp(_) => 10,
        LoadName(_) | StoreName(_) | DeleteName(_) | LoadClassDeref(_) | StoreGlobal(_) | DeleteGlobal(_) => 18,
        LoadAttr(_) | LoadMethod(_) => 10,
        StoreAttr(_) | DeleteAttr(_) => 14,
        BinarySubscr | StoreSubscr | DeleteSubscr | BuildSlice(_) => 10,
        GetIter | ReturnValue | YieldValue | GetYieldFromIter | YieldFrom => 8,
        Call(_) | CallKw { .. } | CallEx { .. } => 30,
        BuildTuple(_) | BuildList(_) | BuildSet(_) | BuildMap(_) | BuildString(_) | ListToTuple => 15,
        ListAppend(_) | SetAdd(_) | MapAdd(_) => 8,
        ListExtend(_) | SetUpdate(_) | DictUpdate(_) | DictMerge(_) => 20,
        UnpackSequence(_) | UnpackEx { .. } | FormatValue { .. } => 12,
        MakeFunction(_) => 30,
        BuildClass { .. } => 40,
        SetupFinally(_) | PopBlock | PopExcept => 2,
        CheckExcMatch | Reraise | Raise(_) | LoadAssertionError => 20,
        BeforeWith | WithExceptStart => 20,
        ImportName(_) | ImportFrom(_) | ImportStar => 40,
        _ => 10,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_instruction_costs_more_than_the_bound() {
        let samples = [
            Instr::Nop,
            Instr::LoadName(0),
            Instr::Call(0),
            Instr::BuildClass { nbases: 0 },
            Instr::ImportName(0),
            Instr::MakeFunction(Default::default()),
        ];
        for i in samples {
            assert!(u64::from(cost_ns(&i)) <= MAX_COST_NS, "{i:?}");
            assert!(cost_ns(&i) > 0);
        }
    }
}
