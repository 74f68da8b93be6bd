//! The disassembler: CPython 3.11 `dis.dis` layout for Interleave code objects.

use std::fmt::Write;
use std::rc::Rc;

use crate::bytecode::{Code, Constant, Conversion, Instr, UnaryOp};
use crate::codegen::jump_target;

/// Disassembles `code` as `dis.dis` would; with `recursive`, nested code objects follow.
///
/// Offsets are twice the instruction index (CPython's byte offsets without caches); code
/// objects are shown at fake addresses numbered in order of appearance, so output is
/// deterministic.
pub fn disassemble(code: &Code, recursive: bool) -> String {
    let mut d = Dis { out: String::new(), seen: Vec::new() };
    d.code(code, recursive);
    d.out
}

struct Dis {
    out: String,
    /// Code objects already given an address (by identity).
    seen: Vec<*const Code>,
}

impl Dis {
    fn address(&mut self, code: &Rc<Code>) -> String {
        let ptr = Rc::as_ptr(code);
        let i = match self.seen.iter().position(|&p| p == ptr) {
            Some(i) => i,
            None => {
                self.seen.push(ptr);
                self.seen.len() - 1
            }
        };
        format!("0x{:012x}", 0x7f00_0000_0000u64 + 0x1000 * (i as u64 + 1))
    }

    fn code_repr(&mut self, code: &Rc<Code>) -> String {
        let addr = self.address(code);
        format!("<code object {} at {addr}, file \"{}\", line {}>", code.name, code.filename, code.first_line)
    }

    fn code(&mut self, code: &Code, recursive: bool) {
        let targets: Vec<u32> = code.instrs.iter().filter_map(jump_target).collect();
        let max_line = code.locations.iter().map(|l| l.line).max().unwrap_or(0);
        let line_width = if max_line >= 1000 { max_line.to_string().len() } else { 3 };
        let max_offset = code.instrs.len().saturating_sub(1) * 2;
        let offset_width = if max_offset >= 10000 { max_offset.to_string().len() } else { 4 };
        let mut last_line = None;
        for (i, instr) in code.instrs.iter().enumerate() {
            let line = code.locations.get(i).map_or(0, |l| l.line);
            let starts = last_line != Some(line);
            if starts && i > 0 {
                self.out.push('\n');
            }
            last_line = Some(line);
            let mut fields = Vec::new();
            fields.push(if starts { format!("{line:>line_width$}") } else { " ".repeat(line_width) });
            fields.push("   ".into());
            fields.push(if targets.contains(&(i as u32)) { ">>".into() } else { "  ".into() });
            fields.push(format!("{:>offset_width$}", i * 2));
            let (name, arg, argrepr) = self.describe(code, instr, i);
            fields.push(format!("{name:<20}"));
            if let Some(arg) = arg {
                fields.push(format!("{arg:>5}"));
                if !argrepr.is_empty() {
                    fields.push(format!("({argrepr})"));
                }
            }
            let _ = writeln!(self.out, "{}", fields.join(" ").trim_end());
        }
        if recursive {
            for c in &code.consts {
                if let Constant::Code(inner) = c {
                    let header = self.code_repr(inner);
                    let _ = write!(self.out, "\nDisassembly of {header}:\n");
                    self.code(inner, true);
                }
            }
        }
    }

    /// Opcode name, argument and argument description of one instruction.
    fn describe(&mut self, code: &Code, instr: &Instr, at: usize) -> (String, Option<i64>, String) {
        let name_of = |table: &[Rc<str>], i: u32| table.get(i as usize).map_or(String::new(), |s| s.to_string());
        let cell = |i: u32| if (i as usize) < code.ncells() { code.cell_name(i as usize).to_string() } else { String::new() };
        let jump = |t: u32| format!("to {}", t * 2);
        let forward = |t: u32| t as usize > at;
        let (name, arg, repr): (&str, Option<i64>, String) = match *instr {
            Instr::Nop => ("NOP", None, String::new()),
            Instr::PopTop => ("POP_TOP", None, String::new()),
            Instr::Copy(n) => ("COPY", Some(n.into()), String::new()),
            Instr::Swap(n) => ("SWAP", Some(n.into()), String::new()),
            Instr::PushNull => ("PUSH_NULL", None, String::new()),
            Instr::LoadConst(i) => {
                let r = match code.consts.get(i as usize) {
                    Some(c) => self.const_repr(c),
                    None => String::new(),
                };
                ("LOAD_CONST", Some(i.into()), r)
            }
            Instr::LoadFast(i) => ("LOAD_FAST", Some(i.into()), name_of(&code.varnames, i)),
            Instr::StoreFast(i) => ("STORE_FAST", Some(i.into()), name_of(&code.varnames, i)),
            Instr::DeleteFast(i) => ("DELETE_FAST", Some(i.into()), name_of(&code.varnames, i)),
            Instr::LoadDeref(i) => ("LOAD_DEREF", Some(i.into()), cell(i)),
            Instr::StoreDeref(i) => ("STORE_DEREF", Some(i.into()), cell(i)),
            Instr::DeleteDeref(i) => ("DELETE_DEREF", Some(i.into()), cell(i)),
            Instr::LoadClosure(i) => ("LOAD_CLOSURE", Some(i.into()), cell(i)),
            Instr::LoadClassDeref(i) => ("LOAD_CLASSDEREF", Some(i.into()), cell(i)),
            Instr::LoadGlobal(i) => ("LOAD_GLOBAL", Some(i.into()), name_of(&code.names, i)),
            Instr::StoreGlobal(i) => ("STORE_GLOBAL", Some(i.into()), name_of(&code.names, i)),
            Instr::DeleteGlobal(i) => ("DELETE_GLOBAL", Some(i.into()), name_of(&code.names, i)),
            Instr::LoadName(i) => ("LOAD_NAME", Some(i.into()), name_of(&code.names, i)),
            Instr::StoreName(i) => ("STORE_NAME", Some(i.into()), name_of(&code.names, i)),
            Instr::DeleteName(i) => ("DELETE_NAME", Some(i.into()), name_of(&code.names, i)),
            Instr::SetupAnnotations => ("SETUP_ANNOTATIONS", None, String::new()),
            Instr::LoadAttr(i) => ("LOAD_ATTR", Some(i.into()), name_of(&code.names, i)),
            Instr::StoreAttr(i) => ("STORE_ATTR", Some(i.into()), name_of(&code.names, i)),
            Instr::DeleteAttr(i) => ("DELETE_ATTR", Some(i.into()), name_of(&code.names, i)),
            Instr::LoadMethod(i) => ("LOAD_METHOD", Some(i.into()), name_of(&code.names, i)),
            Instr::BinarySubscr => ("BINARY_SUBSCR", None, String::new()),
            Instr::StoreSubscr => ("STORE_SUBSCR", None, String::new()),
            Instr::DeleteSubscr => ("DELETE_SUBSCR", None, String::new()),
            Instr::BuildSlice(n) => ("BUILD_SLICE", Some(n.into()), String::new()),
            Instr::UnaryOp(op) => (
                match op {
                    UnaryOp::Positive => "UNARY_POSITIVE",
                    UnaryOp::Negative => "UNARY_NEGATIVE",
                    UnaryOp::Not => "UNARY_NOT",
                    UnaryOp::Invert => "UNARY_INVERT",
                },
                None,
                String::new(),
            ),
            Instr::BinaryOp(op) => ("BINARY_OP", Some(op as i64), op.symbol().to_string()),
            Instr::CompareOp(op) => ("COMPARE_OP", Some(op as i64), op.symbol().to_string()),
            Instr::IsOp(inv) => ("IS_OP", Some(inv.into()), String::new()),
            Instr::ContainsOp(inv) => ("CONTAINS_OP", Some(inv.into()), String::new()),
            Instr::Jump(t) => (if forward(t) { "JUMP_FORWARD" } else { "JUMP_BACKWARD" }, Some(t.into()), jump(t)),
            Instr::PopJumpIfFalse(t) => (
                if forward(t) { "POP_JUMP_FORWARD_IF_FALSE" } else { "POP_JUMP_BACKWARD_IF_FALSE" },
                Some(t.into()),
                jump(t),
            ),
            Instr::PopJumpIfTrue(t) => (
                if forward(t) { "POP_JUMP_FORWARD_IF_TRUE" } else { "POP_JUMP_BACKWARD_IF_TRUE" },
                Some(t.into()),
                jump(t),
            ),
            Instr::PopJumpIfNone(t) => (
                if forward(t) { "POP_JUMP_FORWARD_IF_NONE" } else { "POP_JUMP_BACKWARD_IF_NONE" },
                Some(t.into()),
                jump(t),
            ),
            Instr::PopJumpIfNotNone(t) => (
                if forward(t) { "POP_JUMP_FORWARD_IF_NOT_NONE" } else { "POP_JUMP_BACKWARD_IF_NOT_NONE" },
                Some(t.into()),
                jump(t),
            ),
            Instr::JumpIfFalseOrPop(t) => ("JUMP_IF_FALSE_OR_POP", Some(t.into()), jump(t)),
            Instr::JumpIfTrueOrPop(t) => ("JUMP_IF_TRUE_OR_POP", Some(t.into()), jump(t)),
            Instr::GetIter => ("GET_ITER", None, String::new()),
            Instr::ForIter(t) => ("FOR_ITER", Some(t.into()), jump(t)),
            Instr::BuildTuple(n) => ("BUILD_TUPLE", Some(n.into()), String::new()),
            Instr::BuildList(n) => ("BUILD_LIST", Some(n.into()), String::new()),
            Instr::BuildSet(n) => ("BUILD_SET", Some(n.into()), String::new()),
            Instr::BuildMap(n) => ("BUILD_MAP", Some(n.into()), String::new()),
            Instr::BuildString(n) => ("BUILD_STRING", Some(n.into()), String::new()),
            Instr::ListAppend(n) => ("LIST_APPEND", Some(n.into()), String::new()),
            Instr::SetAdd(n) => ("SET_ADD", Some(n.into()), String::new()),
            Instr::MapAdd(n) => ("MAP_ADD", Some(n.into()), String::new()),
            Instr::ListExtend(n) => ("LIST_EXTEND", Some(n.into()), String::new()),
            Instr::SetUpdate(n) => ("SET_UPDATE", Some(n.into()), String::new()),
            Instr::DictUpdate(n) => ("DICT_UPDATE", Some(n.into()), String::new()),
            Instr::DictMerge(n) => ("DICT_MERGE", Some(n.into()), String::new()),
            Instr::ListToTuple => ("LIST_TO_TUPLE", None, String::new()),
            Instr::UnpackSequence(n) => ("UNPACK_SEQUENCE", Some(n.into()), String::new()),
            Instr::UnpackEx { before, after } => ("UNPACK_EX", Some(i64::from(before) | i64::from(after) << 8), String::new()),
            Instr::FormatValue { conversion, spec } => {
                let (code, conv) = match conversion {
                    Conversion::None => (0, ""),
                    Conversion::Str => (1, "str"),
                    Conversion::Repr => (2, "repr"),
                    Conversion::Ascii => (3, "ascii"),
                };
                let repr = match (conv.is_empty(), spec) {
                    (_, false) => conv.to_string(),
                    (true, true) => "with format".to_string(),
                    (false, true) => format!("{conv}, with format"),
                };
                ("FORMAT_VALUE", Some(code | if spec { 4 } else { 0 }), repr)
            }
            Instr::MakeFunction(f) => {
                let mut parts = Vec::new();
                let mut bits = 0;
                if f.defaults {
                    parts.push("defaults");
                    bits |= 1;
                }
                if f.kwdefaults {
                    parts.push("kwdefaults");
                    bits |= 2;
                }
                if f.closure {
                    parts.push("closure");
                    bits |= 8;
                }
                ("MAKE_FUNCTION", Some(bits), parts.join(", "))
            }
            Instr::Call(n) => ("CALL", Some(n.into()), String::new()),
            Instr::CallKw { argc, kwnames } => {
                let r = code.consts.get(kwnames as usize).map_or(String::new(), const_repr_plain);
                ("CALL_KW", Some(argc.into()), r)
            }
            Instr::CallEx { kwargs } => ("CALL_FUNCTION_EX", Some(kwargs.into()), String::new()),
            Instr::ReturnValue => ("RETURN_VALUE", None, String::new()),
            Instr::YieldValue => ("YIELD_VALUE", None, String::new()),
            Instr::GetYieldFromIter => ("GET_YIELD_FROM_ITER", None, String::new()),
            Instr::YieldFrom => ("YIELD_FROM", None, String::new()),
            Instr::GetAwaitable(n) => ("GET_AWAITABLE", Some(n.into()), String::new()),
            Instr::BeforeAsyncWith => ("BEFORE_ASYNC_WITH", None, String::new()),
            Instr::GetAIter => ("GET_AITER", None, String::new()),
            Instr::GetANext => ("GET_ANEXT", None, String::new()),
            Instr::EndAsyncFor => ("END_ASYNC_FOR", None, String::new()),
            Instr::BuildClass { nbases } => ("BUILD_CLASS", Some(nbases.into()), String::new()),
            Instr::SetupFinally(t) => ("SETUP_FINALLY", Some(t.into()), jump(t)),
            Instr::PopBlock => ("POP_BLOCK", None, String::new()),
            Instr::PopExcept => ("POP_EXCEPT", None, String::new()),
            Instr::CheckExcMatch => ("CHECK_EXC_MATCH", None, String::new()),
            Instr::Reraise => ("RERAISE", None, String::new()),
            Instr::Raise(n) => ("RAISE_VARARGS", Some(n.into()), String::new()),
            Instr::LoadAssertionError => ("LOAD_ASSERTION_ERROR", None, String::new()),
            Instr::BeforeWith => ("BEFORE_WITH", None, String::new()),
            Instr::WithExceptStart => ("WITH_EXCEPT_START", None, String::new()),
            Instr::ImportName(i) => ("IMPORT_NAME", Some(i.into()), name_of(&code.names, i)),
            Instr::ImportFrom(i) => ("IMPORT_FROM", Some(i.into()), name_of(&code.names, i)),
            Instr::GetLen => ("GET_LEN", None, String::new()),
            Instr::MatchSequence => ("MATCH_SEQUENCE", None, String::new()),
            Instr::MatchMapping => ("MATCH_MAPPING", None, String::new()),
            Instr::MatchKeys => ("MATCH_KEYS", None, String::new()),
            Instr::MatchClass(n) => ("MATCH_CLASS", Some(n.into()), String::new()),
            Instr::ImportStar => ("IMPORT_STAR", None, String::new()),
        };
        (name.to_string(), arg, repr)
    }

    fn const_repr(&mut self, c: &Constant) -> String {
        match c {
            Constant::Code(code) => self.code_repr(code),
            other => const_repr_plain(other),
        }
    }
}

/// Python's `repr` of a constant (code objects are shown without an address).
pub fn const_repr_plain(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(s) => s.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex(f) => {
            let r = float_repr(*f);
            format!("{}j", r.strip_suffix(".0").unwrap_or(&r))
        }
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr_plain).collect();
            if parts.len() == 1 { format!("({},)", parts[0]) } else { format!("({})", parts.join(", ")) }
        }
        Constant::FrozenSet(items) => {
            // Source order without duplicates: CPython shows its slot order, which needs the
            // hashes (the VM's business).
            let mut seen: Vec<&Constant> = Vec::new();
            for c in items.iter() {
                if !seen.iter().any(|s| const_same_for_set(s, c)) {
                    seen.push(c);
                }
            }
            let parts: Vec<String> = seen.into_iter().map(const_repr_plain).collect();
            format!("frozenset({{{}}})", parts.join(", "))
        }
        Constant::Code(code) => format!("<code object {}>", code.name),
    }
}

/// Python's `repr(float)`.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-4..16).contains(&exp) {
        let s = format!("{f}");
        if s.contains('.') { s } else { format!("{s}.0") }
    } else {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exp.abs())
    }
}

/// Python's `repr(str)`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::new();
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote);
    out
}

/// Whether two constants are equal as members of a set (`1 == 1.0 == True`).
fn const_same_for_set(a: &Constant, b: &Constant) -> bool {
    let num = |c: &Constant| match c {
        Constant::Bool(b) => Some(*b as i64 as f64),
        Constant::Int(i) => Some(*i as f64),
        Constant::Float(f) => Some(*f),
        _ => None,
    };
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}
