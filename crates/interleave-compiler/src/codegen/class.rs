//! `class` statements: the class body as a function run by `BuildClass`.

use ruff_python_ast::{self as ast, Expr};

use super::{CResult, Compiler, without_docstring};
use crate::bytecode::{Constant, Instr, MakeFunctionFlags};

impl<'a> Compiler<'a> {
    pub(super) fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        if let Some(tp) = &c.type_params {
            return Err(self.syntax_error("invalid syntax", tp.range));
        }
        if let Some(args) = &c.arguments {
            if let Some(k) = args.keywords.first() {
                return Err(self.unsupported("class keyword arguments (metaclass=…)", k.range));
            }
            if let Some(s) = args.args.iter().find(|a| matches!(a, Expr::Starred(_))) {
                return Err(self.unsupported("starred class bases", ruff_text_size::Ranged::range(s)));
            }
        }
        self.decorators(&c.decorator_list)?;
        let first_line = match c.decorator_list.first() {
            Some(d) => self.line_of(d.range),
            None => self.line_of(c.range),
        };
        let name = c.name.id.as_str();
        let Some(scope) = self.table.scope_for(c.range) else {
            return Err(self.internal("class scope", c.range));
        };
        let qualname = self.qualname_for(name);
        self.push_unit(scope, name, &qualname, first_line);
        self.cur().code.flags.uses_locals_mapping = true;
        self.name_op("__name__", ast::ExprContext::Load);
        let module = self.add_name("__module__");
        self.emit(Instr::StoreName(module));
        self.load_const(Constant::Str(qualname.as_str().into()));
        let q = self.add_name("__qualname__");
        self.emit(Instr::StoreName(q));
        self.setup_annotations(&c.body);
        self.store_docstring(&c.body);
        self.body(without_docstring(&c.body))?;
        if self.table.scopes[scope].needs_class_cell {
            let Some(cell) = self.cell_index("__class__") else {
                return Err(self.internal("class cell", c.range));
            };
            self.emit(Instr::LoadClosure(cell));
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit();
        let mut flags = MakeFunctionFlags::default();
        self.make_function(code, &mut flags, c.range)?;
        self.load_const(Constant::Str(name.into()));
        let mut nbases = 0;
        if let Some(args) = &c.arguments {
            for b in args.args.iter() {
                self.expr(b)?;
                nbases += 1;
            }
        }
        self.emit(Instr::BuildClass { nbases });
        self.apply_decorators(&c.decorator_list);
        self.name_op(name, ast::ExprContext::Store);
        Ok(())
    }
}
