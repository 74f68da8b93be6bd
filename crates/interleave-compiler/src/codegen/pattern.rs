//! The `match` statement (PEP 634), after CPython 3.11's `compiler_match` and
//! `compiler_pattern*` (Python/compile.c).
//!
//! A pattern consumes its subject from the top of the stack. Captured values are not stored as
//! soon as they are found: they wait on the stack (beneath the items a pattern still needs, the
//! "on top" items) until the whole pattern has matched, and are then stored in capture order.
//! On failure a pattern jumps to `fail_pop[n]`, a chain of `PopTop`s that removes the `n` items
//! it left behind.

use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::{Ranged, TextRange};

use super::{CResult, Compiler, Label};
use crate::bytecode::{BinOp, CmpOp, Constant, Instr};
use crate::dis::{const_repr_plain, str_repr};

/// CPython's `pattern_context`.
struct PatternContext {
    /// Names captured so far, in capture order; their values wait on the stack.
    stores: Vec<String>,
    /// Whether an irrefutable pattern is allowed here (false for an unguarded `case` that is
    /// not the last one: "makes remaining patterns unreachable").
    allow_irrefutable: bool,
    /// `fail_pop[i]` pops i items and falls through to `fail_pop[i - 1]`.
    fail_pop: Vec<Label>,
    /// Items on top of the stack that must stay there (captures go beneath them).
    on_top: usize,
    /// The pattern whose location is in effect (CPython never restores it inside a pattern);
    /// compile errors point at it.
    loc: TextRange,
}

/// `_`: a capture pattern without a name.
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

/// `*_`
fn is_wildcard_star(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    /// `match subject: case …` (CPython's `compiler_match_inner`).
    pub(super) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult {
        self.expr(&m.subject)?;
        let end = self.new_label();
        let cases = m.cases.len();
        let has_default = cases > 1 && m.cases.last().is_some_and(|c| is_wildcard(&c.pattern));
        let last = cases - usize::from(has_default);
        for (i, case) in m.cases[..last].iter().enumerate() {
            self.set_loc(case.pattern.range());
            // Only copy the subject if this is not the last case to try.
            if i + 1 != last {
                self.emit(Instr::Copy(1));
            }
            let mut pc = PatternContext {
                stores: Vec::new(),
                // Irrefutable cases must be guarded, last, or both.
                allow_irrefutable: case.guard.is_some() || i + 1 == cases,
                fail_pop: Vec::new(),
                on_top: 0,
                loc: case.pattern.range(),
            };
            self.pattern(&case.pattern, &mut pc)?;
            // A match: store the captured names (their values are on the stack, first on top).
            for name in &pc.stores {
                self.name_op(name, ast::ExprContext::Store);
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(guard, false, target)?;
            }
            if i + 1 != last {
                self.emit(Instr::PopTop);
            }
            self.body(&case.body)?;
            self.emit_jump(Instr::Jump, end);
            // The cleanup of a failed pattern belongs to the pattern's line, not the body's.
            self.set_loc(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default && let Some(case) = m.cases.last() {
            // A trailing `case _:` needs no copy of the subject (the last case tried consumed it).
            self.set_loc(case.pattern.range());
            self.emit(Instr::Nop);
            if let Some(guard) = &case.guard {
                self.jump_if(guard, false, end)?;
            }
            self.body(&case.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        self.set_loc(p.range());
        pc.loc = p.range();
        match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.emit(Instr::CompareOp(CmpOp::Eq));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
                Ok(())
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                });
                self.emit(Instr::IsOp(false));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
                Ok(())
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, pc),
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc),
            Pattern::MatchClass(c) => self.pattern_class(c, pc),
            Pattern::MatchStar(s) => self.store_capture(s.name.as_ref().map(|n| n.id.as_str()), pc),
            Pattern::MatchAs(a) => self.pattern_as(a, pc),
            Pattern::MatchOr(o) => self.pattern_or(o, pc),
        }
    }

    /// Like [`Self::pattern`], but irrefutable sub-patterns are always allowed.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    // ---- failure paths ----

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() <= n {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    /// Emits `make` (a conditional or plain jump) to the block that pops everything this
    /// pattern has left on the stack: the on-top items and the pending captures.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, make: fn(u32) -> Instr) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(make, pc.fail_pop[pops]);
    }

    /// Emits the `fail_pop` chain (`PopTop`s from the deepest down) and forgets it.
    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        let labels = std::mem::take(&mut pc.fail_pop);
        for (i, &l) in labels.iter().enumerate().rev() {
            self.bind(l);
            if i > 0 {
                self.emit(Instr::PopTop);
            }
        }
    }

    /// Moves TOS `count - 1` places down (3.10's `ROT_N` as a series of `Swap`s).
    fn rotate(&mut self, count: usize) {
        for n in (2..=count).rev() {
            self.emit(Instr::Swap(n as u32));
        }
    }

    // ---- captures ----

    /// Records a capture of TOS as `name` (or drops TOS for a wildcard), moving the value
    /// beneath the on-top items and the earlier captures.
    fn store_capture(&mut self, name: Option<&str>, pc: &mut PatternContext) -> CResult {
        let Some(name) = name else {
            self.emit(Instr::PopTop);
            return Ok(());
        };
        if pc.stores.iter().any(|s| s == name) {
            return Err(self.duplicate_store(name, pc.loc));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.to_string());
        Ok(())
    }

    fn duplicate_store(&self, name: &str, range: TextRange) -> crate::error::CompileError {
        self.syntax_error(format!("multiple assignments to name {} in pattern", str_repr(name)), range)
    }

    fn pattern_as(&mut self, a: &'a ast::PatternMatchAs, pc: &mut PatternContext) -> CResult {
        let name = a.name.as_ref().map(|n| n.id.as_str());
        let Some(inner) = &a.pattern else {
            if !pc.allow_irrefutable {
                let msg = match name {
                    Some(n) => format!("name capture {} makes remaining patterns unreachable", str_repr(n)),
                    None => "wildcard makes remaining patterns unreachable".to_string(),
                };
                return Err(self.syntax_error(msg, a.range));
            }
            return self.store_capture(name, pc);
        };
        // Keep a copy to store if the inner pattern matches.
        pc.on_top += 1;
        self.emit(Instr::Copy(1));
        self.pattern(inner, pc)?;
        pc.on_top -= 1;
        self.store_capture(name, pc)
    }

    // ---- sequences ----

    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> CResult {
        let size = patterns.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(self.syntax_error("multiple starred names in sequence pattern", pc.loc));
                }
                star_wildcard = is_wildcard_star(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        // The subject stays on top during the type and length checks.
        pc.on_top += 1;
        self.emit(Instr::MatchSequence);
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        match star {
            None => self.length_check(size, CmpOp::Eq, pc),
            Some(_) if size > 1 => self.length_check(size - 1, CmpOp::Ge, pc),
            Some(_) => {}
        }
        pc.on_top -= 1;
        match star {
            _ if only_wildcard => {
                self.emit(Instr::PopTop);
                Ok(())
            }
            Some(star) if star_wildcard => self.sequence_subscr(patterns, star, pc),
            _ => self.sequence_unpack(patterns, star, pc),
        }
    }

    /// `len(subject) <op> n`, failing otherwise.
    fn length_check(&mut self, n: usize, op: CmpOp, pc: &mut PatternContext) {
        self.emit(Instr::GetLen);
        self.load_const(Constant::Int(n as i64));
        self.emit(Instr::CompareOp(op));
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
    }

    /// Unpacks the subject (`UnpackSequence`/`UnpackEx`) and matches each item.
    fn sequence_unpack(&mut self, patterns: &'a [Pattern], star: Option<usize>, pc: &mut PatternContext) -> CResult {
        let size = patterns.len();
        match star {
            Some(i) => {
                if i >= 1 << 8 {
                    return Err(self.syntax_error("too many expressions in star-unpacking sequence pattern", pc.loc));
                }
                self.emit(Instr::UnpackEx { before: i as u32, after: (size - i - 1) as u32 });
            }
            None => {
                self.emit(Instr::UnpackSequence(size as u32));
            }
        }
        pc.on_top += size;
        for p in patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    /// `[first, *_, last]`: indexes the subject instead of unpacking it.
    fn sequence_subscr(&mut self, patterns: &'a [Pattern], star: usize, pc: &mut PatternContext) -> CResult {
        let size = patterns.len();
        pc.on_top += 1;
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            self.emit(Instr::Copy(1));
            if i < star {
                self.load_const(Constant::Int(i as i64));
            } else {
                // The subject may not support negative indexes: index from len(subject).
                self.emit(Instr::GetLen);
                self.load_const(Constant::Int((size - i) as i64));
                self.emit(Instr::BinaryOp(BinOp::Subtract));
            }
            self.emit(Instr::BinarySubscr);
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Instr::PopTop);
        Ok(())
    }

    // ---- mappings ----

    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatternContext) -> CResult {
        let size = m.keys.len();
        let rest = m.rest.as_ref().map(|r| r.id.as_str());
        pc.on_top += 1;
        self.emit(Instr::MatchMapping);
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        if size == 0 && rest.is_none() {
            // `{}` matches any mapping.
            pc.on_top -= 1;
            self.emit(Instr::PopTop);
            return Ok(());
        }
        if size > 0 {
            self.length_check(size, CmpOp::Ge, pc);
        }
        let mut seen: Vec<Constant> = Vec::new();
        for key in &m.keys {
            match self.constant(key) {
                Some(c) => {
                    if seen.iter().any(|s| same_key(s, &c)) {
                        let msg = format!("mapping pattern checks duplicate key ({})", const_repr_plain(&c));
                        return Err(self.syntax_error(msg, pc.loc));
                    }
                    seen.push(c);
                }
                None if matches!(key, Expr::Attribute(_) | Expr::BinOp(_)) => {}
                None => {
                    let msg = "mapping pattern keys may only match literals and attribute lookups";
                    return Err(self.syntax_error(msg, pc.loc));
                }
            }
            self.expr(key)?;
        }
        self.emit(Instr::BuildTuple(size as u32));
        self.emit(Instr::MatchKeys);
        // A tuple of keys and a tuple of values (or None) now sit on the subject.
        pc.on_top += 2;
        self.fail_if_none(pc);
        self.emit(Instr::UnpackSequence(size as u32));
        pc.on_top += size;
        pc.on_top -= 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        // A match: what follows consumes the keys and the subject.
        pc.on_top -= 2;
        match rest {
            Some(rest) => {
                // rest = dict(subject); del rest[k] for each key.
                self.emit(Instr::BuildMap(0));
                self.emit(Instr::Swap(3));
                self.emit(Instr::DictUpdate(2));
                self.emit(Instr::UnpackSequence(size as u32));
                for n in (1..=size).rev() {
                    self.emit(Instr::Copy((1 + n) as u32));
                    self.emit(Instr::Swap(2));
                    self.emit(Instr::DeleteSubscr);
                }
                self.store_capture(Some(rest), pc)
            }
            None => {
                self.emit(Instr::PopTop);
                self.emit(Instr::PopTop);
                Ok(())
            }
        }
    }

    /// `x → x`, failing (with x counted as an on-top item) when `x is None`.
    fn fail_if_none(&mut self, pc: &mut PatternContext) {
        self.emit(Instr::Copy(1));
        self.load_const(Constant::None);
        self.emit(Instr::IsOp(true));
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
    }

    // ---- classes ----

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternContext) -> CResult {
        let args = &c.arguments;
        let nargs = args.patterns.len();
        let nattrs = args.keywords.len();
        for (i, kw) in args.keywords.iter().enumerate() {
            let attr = kw.attr.id.as_str();
            if let Some(dup) = args.keywords[i + 1..].iter().find(|k| k.attr.id.as_str() == attr) {
                self.set_loc(dup.pattern.range());
                let msg = format!("attribute name repeated in class pattern: {attr}");
                return Err(self.syntax_error(msg, dup.pattern.range()));
            }
        }
        self.expr(&c.cls)?;
        let names: Vec<Constant> = args.keywords.iter().map(|k| Constant::Str(k.attr.id.as_str().into())).collect();
        self.load_const(Constant::Tuple(names.into()));
        self.emit(Instr::MatchClass(nargs as u32));
        // TOS is now a tuple of nargs + nattrs attributes (or None).
        pc.on_top += 1;
        self.fail_if_none(pc);
        self.emit(Instr::UnpackSequence((nargs + nattrs) as u32));
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        let subpatterns = args.patterns.iter().chain(args.keywords.iter().map(|k| &k.pattern));
        for p in subpatterns {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Instr::PopTop);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    // ---- alternatives ----

    /// `p1 | p2 | …`: every alternative must capture the same names; captures are reordered on
    /// the stack to the first alternative's order.
    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternContext) -> CResult {
        let end = self.new_label();
        let size = o.patterns.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let (old_on_top, old_allow) = (pc.on_top, pc.allow_irrefutable);
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            self.set_loc(alt.range());
            pc.loc = alt.range();
            pc.stores = Vec::new();
            // An irrefutable alternative must be the last one, if allowed at all.
            pc.allow_irrefutable = i + 1 == size && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Instr::Copy(1));
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) => {
                    if ctrl.len() != pc.stores.len() {
                        return Err(self.syntax_error("alternative patterns bind different names", pc.loc));
                    }
                    for icontrol in (0..ctrl.len()).rev() {
                        let Some(istores) = pc.stores.iter().position(|n| *n == ctrl[icontrol]) else {
                            return Err(self.syntax_error("alternative patterns bind different names", pc.loc));
                        };
                        if icontrol != istores {
                            // Move the first `istores + 1` captures up to sit before position
                            // `icontrol`, on the stack as in the list of names.
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            pc.stores.splice(at..at, rotated);
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.emit_jump(Instr::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        // No alternative matched: drop the subject and fail.
        self.emit(Instr::PopTop);
        self.jump_to_fail_pop(pc, Instr::Jump);
        self.bind(end);
        let control = control.unwrap_or_default();
        // Move each capture beneath the subject copy, the on-top items and earlier captures.
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.duplicate_store(&name, pc.loc));
            }
            pc.stores.push(name);
        }
        // Drop the copy of the subject.
        self.emit(Instr::PopTop);
        Ok(())
    }
}

/// Would two constant mapping-pattern keys be the same dict key (`1`, `1.0` and `True` are)?
fn same_key(a: &Constant, b: &Constant) -> bool {
    fn num(c: &Constant) -> Option<f64> {
        match c {
            Constant::Bool(b) => Some(f64::from(u8::from(*b))),
            Constant::Int(i) => Some(*i as f64),
            Constant::Float(f) => Some(*f),
            _ => None,
        }
    }
    match (a, b) {
        (Constant::Int(x), Constant::Int(y)) => x == y,
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => x == y,
            _ => a == b,
        },
    }
}
