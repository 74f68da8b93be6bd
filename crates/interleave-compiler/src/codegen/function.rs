//! `def`, `lambda`, decorators, defaults and closures.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::{CResult, Compiler, docstring, without_docstring};
use crate::bytecode::{Code, Constant, Instr, MakeFunctionFlags};

impl<'a> Compiler<'a> {
    pub(super) fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult {
        if let Some(tp) = &f.type_params {
            return Err(self.syntax_error("invalid syntax", tp.range));
        }
        self.decorators(&f.decorator_list)?;
        let first_line = match f.decorator_list.first() {
            Some(d) => self.line_of(d.range),
            None => self.line_of(f.range),
        };
        let mut flags = self.defaults(&f.parameters)?;
        let name = f.name.id.as_str();
        let Some(scope) = self.table.scope_for(f.range) else {
            return Err(self.internal("function scope", f.range));
        };
        let qualname = self.qualname_for(name);
        self.push_unit(scope, name, &qualname, first_line);
        self.set_params(&f.parameters);
        self.cur().code.doc = docstring(&f.body);
        let body = without_docstring(&f.body);
        self.body(body)?;
        if !matches!(body.last(), Some(Stmt::Return(_))) {
            let saved = body.last().map(|last| self.set_loc(last.range()));
            self.load_const(Constant::None);
            self.emit(Instr::ReturnValue);
            if let Some(s) = saved {
                self.restore_loc(s);
            }
        }
        let code = self.pop_unit();
        self.make_function(code, &mut flags, f.range)?;
        self.apply_decorators(&f.decorator_list);
        self.name_op(name, ast::ExprContext::Store);
        Ok(())
    }

    pub(super) fn lambda(&mut self, l: &'a ast::ExprLambda) -> CResult {
        let empty = ast::Parameters::default();
        let params = l.parameters.as_deref().unwrap_or(&empty);
        let mut flags = match &l.parameters {
            Some(p) => self.defaults(p)?,
            None => MakeFunctionFlags::default(),
        };
        let Some(scope) = self.table.scope_for(l.range) else {
            return Err(self.internal("lambda scope", l.range));
        };
        let qualname = self.qualname_for("<lambda>");
        let line = self.line_of(l.range);
        self.push_unit(scope, "<lambda>", &qualname, line);
        self.set_params(params);
        self.expr(&l.body)?;
        let saved = self.set_loc(l.body.range());
        self.emit(Instr::ReturnValue);
        self.restore_loc(saved);
        let code = self.pop_unit();
        self.make_function(code, &mut flags, l.range)
    }

    /// Loads every decorator (they are called after the function is built).
    pub(super) fn decorators(&mut self, decorators: &'a [ast::Decorator]) -> CResult {
        for d in decorators {
            self.expr(&d.expression)?;
        }
        Ok(())
    }

    /// `decorator function → decorator(function)` for each decorator, innermost first.
    pub(super) fn apply_decorators(&mut self, decorators: &'a [ast::Decorator]) {
        for d in decorators.iter().rev() {
            let saved = self.set_loc(d.expression.range());
            self.emit(Instr::Call(0));
            self.restore_loc(saved);
        }
    }

    /// Pushes the defaults tuple and keyword-defaults dict; returns the flags they need.
    fn defaults(&mut self, p: &'a ast::Parameters) -> CResult<MakeFunctionFlags> {
        let mut flags = MakeFunctionFlags::default();
        let positional: Vec<&ast::Expr> =
            p.posonlyargs.iter().chain(p.args.iter()).filter_map(|a| a.default.as_deref()).collect();
        if !positional.is_empty() {
            let consts: Option<Vec<Constant>> = positional.iter().map(|e| self.constant(e)).collect();
            match consts {
                Some(c) => self.load_const(Constant::Tuple(Rc::from(c))),
                None => {
                    for e in &positional {
                        self.expr(e)?;
                    }
                    self.emit(Instr::BuildTuple(positional.len() as u32));
                }
            }
            flags.defaults = true;
        }
        let mut nkw = 0;
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                let name = self.mangle(a.parameter.name.id.as_str()).into_owned();
                self.load_const(Constant::Str(name.into()));
                self.expr(d)?;
                nkw += 1;
            }
        }
        if nkw > 0 {
            self.emit(Instr::BuildMap(nkw));
            flags.kwdefaults = true;
        }
        Ok(flags)
    }

    /// Fills the parameter counts and flags of the unit just pushed.
    fn set_params(&mut self, p: &ast::Parameters) {
        let code = &mut self.cur().code;
        code.posonlyargcount = p.posonlyargs.len() as u32;
        code.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        code.kwonlyargcount = p.kwonlyargs.len() as u32;
        code.flags.varargs = p.vararg.is_some();
        code.flags.varkeywords = p.kwarg.is_some();
    }

    /// Emits `[closure tuple] LoadConst(code) MakeFunction`.
    pub(super) fn make_function(&mut self, code: Code, flags: &mut MakeFunctionFlags, range: TextRange) -> CResult {
        if !code.freevars.is_empty() {
            for name in code.freevars.clone().iter() {
                let Some(i) = self.cell_index(name) else {
                    return Err(self.internal("closure variable", range));
                };
                self.emit(Instr::LoadClosure(i));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            flags.closure = true;
        }
        self.load_const(Constant::Code(Rc::new(code)));
        self.emit(Instr::MakeFunction(*flags));
        Ok(())
    }
}
