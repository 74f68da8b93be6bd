//! Comprehensions and generator expressions, as nested functions taking the iterator `.0`.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use super::{CResult, Compiler};
use crate::bytecode::{Constant, Instr, MakeFunctionFlags};

impl<'a> Compiler<'a> {
    /// Compiles a list/set/dict comprehension or generator expression `e`.
    pub(super) fn comprehension(&mut self, e: &'a Expr, generators: &'a [ast::Comprehension]) -> CResult {
        let range = e.range();
        let Some(first) = generators.first() else {
            return Err(self.internal("empty comprehension", range));
        };
        let name = match e {
            Expr::ListComp(_) => "<listcomp>",
            Expr::SetComp(_) => "<setcomp>",
            Expr::DictComp(_) => "<dictcomp>",
            _ => "<genexpr>",
        };
        let Some(scope) = self.table.scope_for(range) else {
            return Err(self.internal("comprehension scope", range));
        };
        let is_coroutine = self.table.scopes[scope].is_coroutine;
        // An asynchronous generator expression is an async generator: calling it does not await.
        let is_async_genexpr = is_coroutine && name == "<genexpr>";
        if is_coroutine && !is_async_genexpr && !self.cur().code.flags.coroutine {
            return Err(self.syntax_error("asynchronous comprehension outside of an asynchronous function", range));
        }
        let qualname = self.qualname_for(name);
        let line = self.line_of(range);
        self.push_unit(scope, name, &qualname, line);
        self.cur().code.argcount = 1;
        match e {
            Expr::ListComp(_) => {
                self.emit(Instr::BuildList(0));
            }
            Expr::SetComp(_) => {
                self.emit(Instr::BuildSet(0));
            }
            Expr::DictComp(_) => {
                self.emit(Instr::BuildMap(0));
            }
            _ => {}
        }
        self.comprehension_loop(e, generators, 0)?;
        if matches!(e, Expr::Generator(_)) {
            self.load_const(Constant::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit();
        let mut flags = MakeFunctionFlags::default();
        self.make_function(code, &mut flags, range)?;
        self.expr(&first.iter)?;
        self.emit(if first.is_async { Instr::GetAIter } else { Instr::GetIter });
        self.emit(Instr::Call(0));
        if is_coroutine && !is_async_genexpr {
            self.emit_await(0);
        }
        Ok(())
    }

    /// The `for` loop of generator `i`, with the remaining generators and the element inside.
    fn comprehension_loop(&mut self, e: &'a Expr, generators: &'a [ast::Comprehension], i: usize) -> CResult {
        let Some(g) = generators.get(i) else {
            return self.comprehension_element(e, generators.len() as u32);
        };
        let start = self.new_label();
        let end = self.new_label();
        if i == 0 {
            let dot0 = self.varname(".0");
            self.emit(Instr::LoadFast(dot0));
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async { Instr::GetAIter } else { Instr::GetIter });
        }
        self.bind(start);
        if g.is_async {
            let handler = self.new_label();
            self.emit_jump(Instr::SetupFinally, handler);
            self.emit(Instr::GetANext);
            self.emit_await(0);
            self.emit(Instr::PopBlock);
            self.store(&g.target)?;
            for cond in &g.ifs {
                self.jump_if(cond, false, start)?;
            }
            self.comprehension_loop(e, generators, i + 1)?;
            self.emit_jump(Instr::Jump, start);
            self.bind(handler);
            self.emit(Instr::EndAsyncFor);
            return Ok(());
        }
        self.emit_jump(Instr::ForIter, end);
        self.store(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, start)?;
        }
        self.comprehension_loop(e, generators, i + 1)?;
        self.emit_jump(Instr::Jump, start);
        self.bind(end);
        Ok(())
    }

    /// Adds one element to the result (or yields it); `depth` iterators are on the stack.
    fn comprehension_element(&mut self, e: &'a Expr, depth: u32) -> CResult {
        match e {
            Expr::ListComp(c) => {
                self.expr(&c.elt)?;
                self.emit(Instr::ListAppend(depth + 1));
            }
            Expr::SetComp(c) => {
                self.expr(&c.elt)?;
                self.emit(Instr::SetAdd(depth + 1));
            }
            Expr::DictComp(c) => {
                let Some(key) = &c.key else {
                    return Err(self.syntax_error("dict unpacking cannot be used in dict comprehension", c.range));
                };
                self.expr(key)?;
                self.expr(&c.value)?;
                // The dict is `depth + 2` items below the value (key and iterators between).
                self.emit(Instr::MapAdd(depth + 2));
            }
            Expr::Generator(g) => {
                self.expr(&g.elt)?;
                self.emit(Instr::YieldValue);
                self.emit(Instr::PopTop);
            }
            _ => return Err(self.internal("comprehension", e.range())),
        }
        Ok(())
    }
}
