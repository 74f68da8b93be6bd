//! Statements: assignment, control flow, loops, imports, and the unwinding of blocks.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::expr::binop;
use super::{CResult, Compiler, FBlock};
use crate::bytecode::{Constant, Instr};
use crate::symtable::ScopeKind;

impl<'a> Compiler<'a> {
    pub(super) fn stmt(&mut self, s: &'a Stmt) -> CResult {
        let saved = self.set_loc(s.range());
        let result = self.stmt_inner(s);
        self.restore_loc(saved);
        result
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match s {
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Return(r) => self.return_stmt(r)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
            }
            Stmt::TypeAlias(t) => return Err(self.syntax_error("invalid syntax", t.name.range())),
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Instr::Copy(1));
                    }
                    self.store(t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => self.ann_assign(a)?,
            Stmt::For(f) => self.for_stmt(f)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::With(w) => {
                if w.is_async && !self.cur().code.flags.coroutine {
                    return Err(self.syntax_error("'async with' outside async function", w.range));
                }
                self.with_stmt(w, 0)?;
            }
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Instr::Raise(n));
            }
            Stmt::Try(t) => self.try_stmt(t)?,
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, true, end)?;
                // CPython's `compiler_jump_if` leaves the location of the last comparison it
                // compiled in effect, so the raise points at `x >= 0` but not at a bare `x`.
                if let Some(range) = last_compare(&a.test) {
                    self.set_loc(range);
                }
                self.emit(Instr::LoadAssertionError);
                if let Some(msg) = &a.msg {
                    self.expr(msg)?;
                    self.emit(Instr::Call(0));
                }
                self.emit(Instr::Raise(1));
                self.bind(end);
            }
            Stmt::Import(i) => self.import(i)?,
            Stmt::ImportFrom(i) => self.import_from(i)?,
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => {}
            Stmt::Expr(e) => {
                if self.constant(&e.value).is_none() {
                    self.expr(&e.value)?;
                    self.emit(Instr::PopTop);
                }
            }
            Stmt::Break(b) => self.break_continue(b.range, true)?,
            Stmt::Continue(c) => self.break_continue(c.range, false)?,
            Stmt::IpyEscapeCommand(c) => return Err(self.syntax_error("invalid syntax", c.range)),
        }
        Ok(())
    }

    /// `target: annotation [= value]` (CPython's `compiler_annassign`): the value is stored
    /// first; in a module or class body a simple name's annotation is then evaluated and stored
    /// in `__annotations__`, other targets' annotations are evaluated and dropped. Inside a
    /// function annotations are never evaluated.
    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store(&a.target)?;
        }
        let evaluates = !self.scope_kind().is_function();
        match a.target.as_ref() {
            Expr::Name(n) if a.simple => {
                if evaluates {
                    self.expr(&a.annotation)?;
                    let ann = self.add_name("__annotations__");
                    self.emit(Instr::LoadName(ann));
                    let mangled = self.mangle(n.id.as_str()).into_owned();
                    self.load_const(Constant::Str(mangled.as_str().into()));
                    self.emit(Instr::StoreSubscr);
                }
                return Ok(());
            }
            Expr::Attribute(at) if a.value.is_none() => self.check_ann_expr(&at.value)?,
            Expr::Subscript(sub) if a.value.is_none() => {
                self.check_ann_expr(&sub.value)?;
                self.check_ann_subscr(&sub.slice)?;
            }
            _ => {}
        }
        if evaluates {
            self.check_ann_expr(&a.annotation)?;
        }
        Ok(())
    }

    /// Evaluates `e` for its side effects only.
    fn check_ann_expr(&mut self, e: &'a Expr) -> CResult {
        self.expr(e)?;
        self.emit(Instr::PopTop);
        Ok(())
    }

    /// The subscript of an annotated `a[i]: T` target, evaluated part by part as CPython does.
    fn check_ann_subscr(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::Slice(sl) => {
                for part in [&sl.lower, &sl.upper, &sl.step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            Expr::Tuple(t) => t.elts.iter().try_for_each(|e| self.check_ann_subscr(e)),
            _ => self.check_ann_expr(e),
        }
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult {
        let op = binop(a.op).inplace();
        match a.target.as_ref() {
            Expr::Name(n) => {
                self.name_op(n.id.as_str(), ExprContext::Load);
                self.expr(&a.value)?;
                self.emit(Instr::BinaryOp(op));
                self.name_op(n.id.as_str(), ExprContext::Store);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Instr::Copy(1));
                let i = self.attr_name(at.attr.id.as_str());
                let saved = self.set_loc(at.range);
                self.emit(Instr::LoadAttr(i));
                self.restore_loc(saved);
                self.expr(&a.value)?;
                self.emit(Instr::BinaryOp(op));
                self.emit(Instr::Swap(2));
                let saved = self.set_loc(at.range);
                self.emit(Instr::StoreAttr(i));
                self.restore_loc(saved);
            }
            Expr::Subscript(sub) => {
                self.expr(&sub.value)?;
                if let Expr::Slice(sl) = sub.slice.as_ref() {
                    let n = self.slice_parts(sl)?;
                    self.emit(Instr::BuildSlice(n));
                } else {
                    self.expr(&sub.slice)?;
                }
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                let saved = self.set_loc(sub.range);
                self.emit(Instr::BinarySubscr);
                self.restore_loc(saved);
                self.expr(&a.value)?;
                self.emit(Instr::BinaryOp(op));
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                let saved = self.set_loc(sub.range);
                self.emit(Instr::StoreSubscr);
                self.restore_loc(saved);
            }
            t => {
                return Err(self.syntax_error("'expression' is an illegal expression for augmented assignment", t.range()));
            }
        }
        Ok(())
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> CResult {
        let end = self.new_label();
        let mut next = self.new_label();
        self.jump_if(&i.test, false, next)?;
        self.body(&i.body)?;
        for clause in &i.elif_else_clauses {
            self.emit_jump(Instr::Jump, end);
            self.bind(next);
            next = self.new_label();
            if let Some(test) = &clause.test {
                let saved = self.set_loc(clause.range);
                self.jump_if(test, false, next)?;
                self.restore_loc(saved);
            }
            self.body(&clause.body)?;
        }
        self.bind(next);
        self.bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult {
        let start = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        self.bind(start);
        if !is_true_constant(&w.test) {
            self.jump_if(&w.test, false, orelse)?;
        }
        self.push_fblock(FBlock::WhileLoop { start, end }, w.range)?;
        self.body(&w.body)?;
        self.pop_fblock();
        self.emit_jump(Instr::Jump, start);
        self.bind(orelse);
        self.body(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult {
        if f.is_async {
            return self.async_for_stmt(f);
        }
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        self.emit(Instr::GetIter);
        self.bind(start);
        self.emit_jump(Instr::ForIter, cleanup);
        self.push_fblock(FBlock::ForLoop { start, end }, f.range)?;
        self.store(&f.target)?;
        self.body(&f.body)?;
        self.pop_fblock();
        self.emit_jump(Instr::Jump, start);
        self.bind(cleanup);
        self.body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `async for` (CPython's `compiler_async_for`): each step awaits `__anext__()` inside a
    /// handler that ends the loop on `StopAsyncIteration`.
    fn async_for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult {
        if !self.cur().code.flags.coroutine {
            return Err(self.syntax_error("'async for' outside async function", f.range));
        }
        let start = self.new_label();
        let handler = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        self.emit(Instr::GetAIter);
        self.bind(start);
        self.emit_jump(Instr::SetupFinally, handler);
        self.emit(Instr::GetANext);
        self.emit_await(0);
        self.emit(Instr::PopBlock);
        self.push_fblock(FBlock::ForLoop { start, end }, f.range)?;
        self.store(&f.target)?;
        self.body(&f.body)?;
        self.pop_fblock();
        self.emit_jump(Instr::Jump, start);
        self.bind(handler);
        let saved = self.set_loc(f.iter.range());
        self.emit(Instr::EndAsyncFor);
        self.restore_loc(saved);
        self.body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> CResult {
        if !self.scope_kind().is_function() {
            return Err(self.syntax_error("'return' outside function", r.range));
        }
        if r.value.is_some() && self.cur().code.flags.async_generator {
            return Err(self.syntax_error("'return' with value in async generator", r.range));
        }
        match &r.value {
            Some(v) => self.expr(v)?,
            None => self.load_const(Constant::None),
        }
        self.unwind_all(true)?;
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    fn break_continue(&mut self, range: TextRange, is_break: bool) -> CResult {
        let Some(pos) = self.unit().fblocks.iter().rposition(|f| matches!(f, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }))
        else {
            let msg = if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
            return Err(self.syntax_error(msg, range));
        };
        let saved_blocks = self.unit().fblocks.clone();
        while self.unit().fblocks.len() > pos + 1 {
            let Some(fb) = self.cur().fblocks.pop() else { break };
            self.unwind_fblock(&fb, false)?;
        }
        let (start, end) = match &saved_blocks[pos] {
            FBlock::WhileLoop { start, end } => (*start, *end),
            FBlock::ForLoop { start, end } => {
                if is_break {
                    self.emit(Instr::PopTop);
                }
                (*start, *end)
            }
            _ => return Err(self.internal("loop block", range)),
        };
        self.emit_jump(Instr::Jump, if is_break { end } else { start });
        self.cur().fblocks = saved_blocks;
        Ok(())
    }

    /// Unwinds every block of the current unit (for `return`), keeping TOS if `preserve_tos`.
    pub(super) fn unwind_all(&mut self, preserve_tos: bool) -> CResult {
        let saved_blocks = self.unit().fblocks.clone();
        while let Some(fb) = self.cur().fblocks.pop() {
            self.unwind_fblock(&fb, preserve_tos)?;
        }
        self.cur().fblocks = saved_blocks;
        Ok(())
    }

    /// Emits the code that leaves block `fb` early (CPython's `compiler_unwind_fblock`).
    fn unwind_fblock(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match fb {
            FBlock::WhileLoop { .. } => {}
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            }
            FBlock::TryExcept => {
                self.emit(Instr::PopBlock);
            }
            FBlock::FinallyTry { body } => {
                self.emit(Instr::PopBlock);
                self.body(body)?;
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopExcept);
            }
            FBlock::With | FBlock::AsyncWith => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.call_exit_with_nones(matches!(fb, FBlock::AsyncWith));
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.emit(Instr::PopBlock);
                }
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopExcept);
                if let Some(name) = name {
                    self.clear_name(name);
                }
            }
        }
        Ok(())
    }

    /// `name = None; del name` (the implicit cleanup of `except … as name`).
    pub(super) fn clear_name(&mut self, name: &str) {
        self.load_const(Constant::None);
        self.name_op(name, ExprContext::Store);
        self.name_op(name, ExprContext::Del);
    }

    /// `exit → `: calls `exit(None, None, None)` (awaiting its result for `async with`) and
    /// drops the result.
    pub(super) fn call_exit_with_nones(&mut self, is_async: bool) {
        self.emit(Instr::PushNull);
        self.emit(Instr::Swap(2));
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Instr::Call(3));
        if is_async {
            self.emit_await(2);
        }
        self.emit(Instr::PopTop);
    }

    /// `obj → result`: awaits `obj` (`GET_AWAITABLE where; LOAD_CONST None; YIELD_FROM`).
    pub(super) fn emit_await(&mut self, where_: u32) {
        self.emit(Instr::GetAwaitable(where_));
        self.load_const(Constant::None);
        self.emit(Instr::YieldFrom);
    }

    fn import(&mut self, i: &'a ast::StmtImport) -> CResult {
        // Every instruction of an import carries the statement's location, as in CPython.
        for alias in &i.names {
            let full = alias.name.id.as_str();
            self.load_const(Constant::Int(0));
            self.load_const(Constant::None);
            let n = self.add_name(full);
            self.emit(Instr::ImportName(n));
            match &alias.asname {
                Some(asname) => {
                    let mut parts = full.split('.');
                    parts.next();
                    let rest: Vec<&str> = parts.collect();
                    for (k, attr) in rest.iter().enumerate() {
                        let a = self.add_name(attr);
                        self.emit(Instr::ImportFrom(a));
                        if k + 1 < rest.len() {
                            self.emit(Instr::Swap(2));
                            self.emit(Instr::PopTop);
                        }
                    }
                    if !rest.is_empty() {
                        self.emit(Instr::Swap(2));
                        self.emit(Instr::PopTop);
                    }
                    self.name_op(asname.id.as_str(), ExprContext::Store);
                }
                None => {
                    let top = full.split('.').next().unwrap_or(full);
                    self.name_op(top, ExprContext::Store);
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> CResult {
        self.load_const(Constant::Int(i64::from(i.level)));
        let names: Vec<Constant> = i.names.iter().map(|a| Constant::Str(a.name.id.as_str().into())).collect();
        self.load_const(Constant::Tuple(Rc::from(names)));
        let module = i.module.as_ref().map_or("", |m| m.id.as_str());
        let n = self.add_name(module);
        self.emit(Instr::ImportName(n));
        if i.names.len() == 1 && i.names[0].name.id.as_str() == "*" {
            if self.scope_kind() != ScopeKind::Module {
                return Err(self.syntax_error("import * only allowed at module level", i.range));
            }
            self.emit(Instr::ImportStar);
            return Ok(());
        }
        for alias in &i.names {
            let a = self.add_name(alias.name.id.as_str());
            self.emit(Instr::ImportFrom(a));
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.name_op(store.id.as_str(), ExprContext::Store);
        }
        self.emit(Instr::PopTop);
        Ok(())
    }
}

/// `while True:` and `while 1:` skip the test, as CPython does.
fn is_true_constant(e: &Expr) -> bool {
    match e {
        Expr::BooleanLiteral(b) => b.value,
        Expr::NumberLiteral(n) => matches!(&n.value, ast::Number::Int(i) if i.as_u64() != Some(0)),
        _ => false,
    }
}

/// The range of the comparison whose location CPython's `compiler_jump_if` leaves in effect
/// after compiling the test `e` (the last `Compare` reached through `not`, `and`/`or` and
/// conditional expressions), or `None` when the statement's own location stays in effect.
fn last_compare(e: &Expr) -> Option<TextRange> {
    match e {
        Expr::Compare(c) => Some(c.range),
        Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => last_compare(&u.operand),
        Expr::BoolOp(b) => b.values.iter().rev().find_map(last_compare),
        Expr::If(i) => [&i.orelse, &i.body, &i.test].into_iter().find_map(|e| last_compare(e)),
        _ => None,
    }
}
