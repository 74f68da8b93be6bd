//! `try`/`except`/`else`/`finally` and `with`, on the VM's block stack.

use ruff_python_ast::{self as ast};
use ruff_text_size::Ranged;

use super::{CResult, Compiler, FBlock};
use crate::bytecode::Instr;

impl<'a> Compiler<'a> {
    pub(super) fn try_stmt(&mut self, t: &'a ast::StmtTry) -> CResult {
        if t.is_star {
            return Err(self.unsupported("'except*'", t.range));
        }
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        // try/finally, wrapping a try/except when there are handlers.
        let handler = self.new_label();
        let end = self.new_label();
        self.emit_jump(Instr::SetupFinally, handler);
        self.push_fblock(FBlock::FinallyTry { body: &t.finalbody }, t.range)?;
        if t.handlers.is_empty() {
            self.body(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.pop_fblock();
        self.emit(Instr::PopBlock);
        self.body(&t.finalbody)?;
        self.emit_jump(Instr::Jump, end);
        self.bind(handler);
        self.push_fblock(FBlock::FinallyEnd, t.range)?;
        self.body(&t.finalbody)?;
        self.pop_fblock();
        self.emit(Instr::Reraise);
        self.bind(end);
        Ok(())
    }

    /// `try: body except …: … else: …` (the finally part is handled by the caller).
    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let handler = self.new_label();
        let end = self.new_label();
        self.emit_jump(Instr::SetupFinally, handler);
        self.push_fblock(FBlock::TryExcept, t.range)?;
        self.body(&t.body)?;
        self.pop_fblock();
        self.emit(Instr::PopBlock);
        self.body(&t.orelse)?;
        self.emit_jump(Instr::Jump, end);
        self.bind(handler);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let saved = self.set_loc(h.range);
            let next = self.new_label();
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.emit(Instr::CheckExcMatch);
                    self.emit_jump(Instr::PopJumpIfFalse, next);
                }
                None if i + 1 < n => return Err(self.syntax_error("default 'except:' must be last", h.range)),
                None => {}
            }
            match &h.name {
                Some(name) => {
                    let name = name.id.as_str();
                    let cleanup = self.new_label();
                    self.emit(Instr::Copy(1));
                    self.name_op(name, ast::ExprContext::Store);
                    self.emit_jump(Instr::SetupFinally, cleanup);
                    self.push_fblock(FBlock::HandlerCleanup { name: Some(name) }, h.range)?;
                    self.body(&h.body)?;
                    self.pop_fblock();
                    self.emit(Instr::PopBlock);
                    self.emit(Instr::PopExcept);
                    self.clear_name(name);
                    self.emit_jump(Instr::Jump, end);
                    self.bind(cleanup);
                    self.clear_name(name);
                    self.emit(Instr::Reraise);
                }
                None => {
                    self.push_fblock(FBlock::HandlerCleanup { name: None }, h.range)?;
                    self.body(&h.body)?;
                    self.pop_fblock();
                    self.emit(Instr::PopExcept);
                    self.emit_jump(Instr::Jump, end);
                }
            }
            self.bind(next);
            self.restore_loc(saved);
        }
        if t.handlers.iter().all(|h| h.as_except_handler().is_some_and(|h| h.type_.is_some())) {
            self.emit(Instr::Reraise);
        }
        self.bind(end);
        Ok(())
    }

    /// `with a as x, b: body` — item `i` and the rest nested inside it.
    pub(super) fn with_stmt(&mut self, w: &'a ast::StmtWith, i: usize) -> CResult {
        let Some(item) = w.items.get(i) else {
            return self.body(&w.body);
        };
        let saved = self.set_loc(item.range());
        let handler = self.new_label();
        let exit_ok = self.new_label();
        let after = self.new_label();
        self.expr(&item.context_expr)?;
        // `__enter__` is looked up and called at the whole statement's location, as CPython's
        // `BEFORE_WITH`.
        let saved_item = self.set_loc(w.range);
        if w.is_async {
            self.emit(Instr::BeforeAsyncWith);
            self.emit(Instr::Call(0));
            self.emit_await(1);
        } else {
            self.emit(Instr::BeforeWith);
            self.emit(Instr::Call(0));
        }
        self.restore_loc(saved_item);
        // The `as` target is stored before the handler block is pushed, so that the handler
        // finds exactly `exit` below the exception (see `SetupFinally`).
        match &item.optional_vars {
            Some(target) => self.store(target)?,
            None => {
                self.emit(Instr::PopTop);
            }
        }
        self.emit_jump(Instr::SetupFinally, handler);
        self.push_fblock(if w.is_async { FBlock::AsyncWith } else { FBlock::With }, w.range)?;
        self.with_stmt(w, i + 1)?;
        self.pop_fblock();
        let saved_body = self.set_loc(w.range);
        self.emit(Instr::PopBlock);
        self.call_exit_with_nones(w.is_async);
        self.emit_jump(Instr::Jump, after);
        self.bind(handler);
        self.emit(Instr::WithExceptStart);
        self.emit(Instr::Call(3));
        if w.is_async {
            self.emit_await(2);
        }
        self.emit_jump(Instr::PopJumpIfTrue, exit_ok);
        self.emit(Instr::Reraise);
        self.bind(exit_ok);
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
        self.bind(after);
        self.restore_loc(saved_body);
        self.restore_loc(saved);
        Ok(())
    }
}
