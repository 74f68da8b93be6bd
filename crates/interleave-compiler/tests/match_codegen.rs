//! Code generation of the `match` statement: the instruction shapes CPython 3.11's
//! `compiler_pattern*` produce.

use interleave_compiler::{CmpOp, Code, Constant, Instr, compile_module};

fn compile(src: &str) -> std::rc::Rc<Code> {
    compile_module(src, "t.py").unwrap_or_else(|e| panic!("{}", e.render("t.py")))
}

/// Does `instrs` contain `seq` as a contiguous run?
fn contains(instrs: &[Instr], seq: &[Instr]) -> bool {
    instrs.windows(seq.len()).any(|w| w == seq)
}

#[test]
fn literal_compares_with_eq_and_singletons_with_is() {
    let code = compile("match v:\n    case 1:\n        pass\n    case None:\n        pass\n");
    assert!(code.instrs.contains(&Instr::CompareOp(CmpOp::Eq)));
    assert!(code.instrs.contains(&Instr::IsOp(false)));
}

#[test]
fn sequence_checks_type_and_length_then_unpacks() {
    let code = compile("match v:\n    case [a, b]:\n        pass\n");
    assert!(contains(&code.instrs, &[Instr::MatchSequence]));
    assert!(code.instrs.contains(&Instr::GetLen));
    assert!(code.instrs.contains(&Instr::UnpackSequence(2)));
}

#[test]
fn star_wildcard_indexes_instead_of_unpacking() {
    let code = compile("match v:\n    case [first, *_, last]:\n        pass\n");
    assert!(!code.instrs.iter().any(|i| matches!(i, Instr::UnpackEx { .. } | Instr::UnpackSequence(_))));
    assert_eq!(code.instrs.iter().filter(|i| **i == Instr::BinarySubscr).count(), 2);
    assert!(code.instrs.contains(&Instr::CompareOp(CmpOp::Ge)));
}

#[test]
fn named_star_unpacks_with_unpack_ex() {
    let code = compile("match v:\n    case [a, *rest, b]:\n        pass\n");
    assert!(code.instrs.contains(&Instr::UnpackEx { before: 1, after: 1 }));
}

#[test]
fn mapping_uses_match_keys_and_builds_rest() {
    let code = compile("match v:\n    case {'k': x, **rest}:\n        pass\n");
    assert!(contains(&code.instrs, &[Instr::BuildTuple(1), Instr::MatchKeys]));
    assert!(contains(&code.instrs, &[Instr::BuildMap(0), Instr::Swap(3), Instr::DictUpdate(2)]));
    assert!(code.instrs.contains(&Instr::DeleteSubscr));
}

#[test]
fn class_pattern_passes_positional_count_and_keyword_names() {
    let code = compile("match v:\n    case C(a, b, x=1):\n        pass\n");
    let names = Constant::Tuple(vec![Constant::Str("x".into())].into());
    let i = code.consts.iter().position(|c| *c == names).expect("names tuple") as u32;
    assert!(contains(&code.instrs, &[Instr::LoadConst(i), Instr::MatchClass(2)]));
    assert!(code.instrs.contains(&Instr::UnpackSequence(3)));
}

#[test]
fn trailing_wildcard_needs_no_subject_copy() {
    let code = compile("match v:\n    case 1:\n        pass\n    case _:\n        pass\n");
    assert!(!code.instrs.contains(&Instr::Copy(1)));
    assert!(code.instrs.contains(&Instr::Nop));
}

#[test]
fn captures_are_stored_after_the_whole_pattern_matched() {
    let code = compile("match v:\n    case [a, b]:\n        pass\n");
    let stores: Vec<usize> =
        code.instrs.iter().enumerate().filter(|(_, i)| matches!(i, Instr::StoreName(_))).map(|(n, _)| n).collect();
    let last_jump = code.instrs.iter().rposition(|i| matches!(i, Instr::PopJumpIfFalse(_))).expect("jump");
    assert!(stores.len() >= 2 && stores[0] > last_jump);
}
