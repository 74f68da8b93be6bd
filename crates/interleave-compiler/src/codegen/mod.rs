//! Code generation: AST + symbol table → [`Code`] objects, split by construct.

mod class;
mod comprehension;
mod exception;
mod expr;
mod function;
mod pattern;
mod stmt;

use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::{Code, CodeFlags, Constant, Instr, Location};
use crate::error::{CompileError, CompileErrorKind};
use crate::line_index::LineIndex;
use crate::parse::error_at;
use crate::symtable::{NameScope, ScopeKind, SymbolTable};

/// CPython's limit on statically nested blocks (`CO_MAXBLOCKS`).
pub const MAX_STATIC_BLOCKS: usize = 20;

/// A jump target inside the unit being compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(u32);

/// A compile-time block that `return`/`break`/`continue` must unwind (CPython's fblock).
#[derive(Clone)]
enum FBlock<'a> {
    WhileLoop { start: Label, end: Label },
    /// The iterator is on the stack.
    ForLoop { start: Label, end: Label },
    /// Inside `try:` of a try/except: a `SetupFinally` block is active.
    TryExcept,
    /// Inside `try:` of a try/finally: the finally body must run on the way out.
    FinallyTry { body: &'a [Stmt] },
    /// Inside a finally handler: the exception and its `ExceptHandler` block are live.
    FinallyEnd,
    /// Inside an except clause body (`name` is the `as` target, whose cleanup block is live).
    HandlerCleanup { name: Option<&'a str> },
    /// Inside a `with` body: `__exit__` is on the stack and a `SetupFinally` block is active.
    With,
    /// Inside an `async with` body: as `With`, with `__aexit__`, whose result is awaited.
    AsyncWith,
}

/// One code object being built.
struct Unit<'a> {
    scope: usize,
    code: Code,
    labels: Vec<Option<u32>>,
    /// Instructions whose operand is a label id still to be resolved.
    fixups: Vec<usize>,
    fblocks: Vec<FBlock<'a>>,
    loc: Location,
}

/// Compiles one module.
pub struct Compiler<'a> {
    index: &'a LineIndex<'a>,
    source: &'a str,
    filename: Rc<str>,
    table: &'a SymbolTable,
    units: Vec<Unit<'a>>,
}

type CResult<T = ()> = Result<T, CompileError>;

/// Compiles a parsed module to its code object.
pub fn compile(
    module: &ast::ModModule,
    table: &SymbolTable,
    index: &LineIndex<'_>,
    source: &str,
    filename: &str,
) -> Result<Rc<Code>, CompileError> {
    let mut c = Compiler { index, source, filename: filename.into(), table, units: Vec::new() };
    c.push_unit(0, "<module>", "<module>", 1);
    c.cur().code.flags.uses_locals_mapping = true;
    if let Some(first) = module.body.first() {
        c.set_loc(first.range());
    }
    c.setup_annotations(&module.body);
    c.store_docstring(&module.body);
    c.body(without_docstring(&module.body))?;
    if let Some(last) = module.body.last() {
        c.set_loc(last.range());
    }
    let none = c.add_const(Constant::None);
    c.emit(Instr::LoadConst(none));
    c.emit(Instr::ReturnValue);
    Ok(Rc::new(c.pop_unit()))
}

impl<'a> Compiler<'a> {
    fn cur(&mut self) -> &mut Unit<'a> {
        let n = self.units.len();
        &mut self.units[n - 1]
    }

    fn unit(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    fn scope_kind(&self) -> ScopeKind {
        self.table.scopes[self.unit().scope].kind
    }

    fn push_unit(&mut self, scope: usize, name: &str, qualname: &str, first_line: u32) {
        let s = &self.table.scopes[scope];
        let mut varnames: Vec<Rc<str>> = s.params.iter().map(|p| Rc::from(p.as_str())).collect();
        varnames.dedup();
        let cell_params = s.cellvars.iter().map(|c| s.params.iter().position(|p| p == c).map(|i| i as u32)).collect();
        let code = Code {
            name: name.into(),
            qualname: qualname.into(),
            filename: self.filename.clone(),
            first_line,
            instrs: Vec::new(),
            locations: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            varnames,
            cellvars: s.cellvars.iter().map(|c| Rc::from(c.as_str())).collect(),
            cell_params,
            freevars: s.freevars.iter().map(|c| Rc::from(c.as_str())).collect(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: CodeFlags {
                generator: s.is_generator,
                coroutine: s.is_coroutine,
                async_generator: s.is_generator && s.is_coroutine,
                ..CodeFlags::default()
            },
            doc: None,
        };
        let loc = Location { line: first_line, end_line: first_line, col: 0, end_col: 0 };
        self.units.push(Unit { scope, code, labels: Vec::new(), fixups: Vec::new(), fblocks: Vec::new(), loc });
    }

    /// Finishes the current unit: resolves labels and returns its code.
    fn pop_unit(&mut self) -> Code {
        let Some(mut unit) = self.units.pop() else {
            return Code {
                name: "".into(),
                qualname: "".into(),
                filename: self.filename.clone(),
                first_line: 1,
                instrs: Vec::new(),
                locations: Vec::new(),
                consts: Vec::new(),
                names: Vec::new(),
                varnames: Vec::new(),
                cellvars: Vec::new(),
                cell_params: Vec::new(),
                freevars: Vec::new(),
                argcount: 0,
                posonlyargcount: 0,
                kwonlyargcount: 0,
                flags: CodeFlags::default(),
                doc: None,
            };
        };
        for &at in &unit.fixups {
            let instr = &mut unit.code.instrs[at];
            if let Some(t) = target_mut(instr) {
                *t = unit.labels.get(*t as usize).copied().flatten().unwrap_or(0);
            }
        }
        unit.code
    }

    // ---- emission ----

    fn emit(&mut self, instr: Instr) -> usize {
        let u = self.cur();
        u.code.instrs.push(instr);
        u.code.locations.push(u.loc);
        u.code.instrs.len() - 1
    }

    fn new_label(&mut self) -> Label {
        let u = self.cur();
        u.labels.push(None);
        Label(u.labels.len() as u32 - 1)
    }

    fn bind(&mut self, label: Label) {
        let u = self.cur();
        let at = u.code.instrs.len() as u32;
        u.labels[label.0 as usize] = Some(at);
    }

    /// Emits a jump-like instruction built by `make` with the label's id as placeholder.
    fn emit_jump(&mut self, make: fn(u32) -> Instr, label: Label) {
        let at = self.emit(make(label.0));
        self.cur().fixups.push(at);
    }

    /// Sets the current location to `range`, returning the previous one.
    fn set_loc(&mut self, range: TextRange) -> Location {
        let loc = self.index.location(range);
        std::mem::replace(&mut self.cur().loc, loc)
    }

    fn restore_loc(&mut self, loc: Location) {
        self.cur().loc = loc;
    }

    fn add_const(&mut self, c: Constant) -> u32 {
        let consts = &mut self.cur().code.consts;
        if !matches!(c, Constant::Code(_))
            && let Some(i) = consts.iter().position(|k| same_const(k, &c))
        {
            return i as u32;
        }
        consts.push(c);
        consts.len() as u32 - 1
    }

    fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Instr::LoadConst(i));
    }

    fn add_name(&mut self, name: &str) -> u32 {
        let names = &mut self.cur().code.names;
        if let Some(i) = names.iter().position(|n| &**n == name) {
            return i as u32;
        }
        names.push(name.into());
        names.len() as u32 - 1
    }

    fn varname(&mut self, name: &str) -> u32 {
        let names = &mut self.cur().code.varnames;
        if let Some(i) = names.iter().position(|n| &**n == name) {
            return i as u32;
        }
        names.push(name.into());
        names.len() as u32 - 1
    }

    /// Index of `name` among the current unit's cells (cellvars then freevars).
    fn cell_index(&self, name: &str) -> Option<u32> {
        let code = &self.unit().code;
        if let Some(i) = code.cellvars.iter().position(|n| &**n == name) {
            return Some(i as u32);
        }
        code.freevars.iter().position(|n| &**n == name).map(|i| (i + code.cellvars.len()) as u32)
    }

    // ---- errors ----

    fn syntax_error(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        error_at(self.index, CompileErrorKind::SyntaxError, msg, range)
    }

    fn unsupported(&self, feature: &str, range: TextRange) -> CompileError {
        error_at(self.index, CompileErrorKind::NotImplemented, format!("{feature} is not supported yet"), range)
    }

    fn internal(&self, what: &str, range: TextRange) -> CompileError {
        error_at(self.index, CompileErrorKind::SyntaxError, format!("invalid syntax ({what})"), range)
    }

    fn push_fblock(&mut self, fb: FBlock<'a>, range: TextRange) -> CResult {
        if self.unit().fblocks.len() >= MAX_STATIC_BLOCKS {
            return Err(self.syntax_error("too many statically nested blocks", range));
        }
        self.cur().fblocks.push(fb);
        Ok(())
    }

    fn pop_fblock(&mut self) {
        self.cur().fblocks.pop();
    }

    // ---- names ----

    /// Emits the load, store or delete of a variable, as the scope analysis resolved it.
    fn name_op(&mut self, name: &str, ctx: ast::ExprContext) {
        use ast::ExprContext::{Del, Load, Store};
        let mangled = self.mangle(name).into_owned();
        let name = mangled.as_str();
        let scope = &self.table.scopes[self.unit().scope];
        let resolved = scope.lookup(name);
        let kind = scope.kind;
        let cell = self.cell_index(name);
        match (kind.is_function(), resolved, cell) {
            (_, NameScope::GlobalExplicit, _) | (true, NameScope::GlobalImplicit, _) => {
                let i = self.add_name(name);
                self.emit(match ctx {
                    Store => Instr::StoreGlobal(i),
                    Del => Instr::DeleteGlobal(i),
                    _ => Instr::LoadGlobal(i),
                });
            }
            (true, NameScope::Cell | NameScope::Free, Some(i)) => {
                self.emit(match ctx {
                    Store => Instr::StoreDeref(i),
                    Del => Instr::DeleteDeref(i),
                    _ => Instr::LoadDeref(i),
                });
            }
            (true, _, _) => {
                let i = self.varname(name);
                self.emit(match ctx {
                    Store => Instr::StoreFast(i),
                    Del => Instr::DeleteFast(i),
                    Load | ast::ExprContext::Invalid => Instr::LoadFast(i),
                });
            }
            (false, NameScope::Free, Some(i)) if kind == ScopeKind::Class => {
                self.emit(match ctx {
                    Store => Instr::StoreDeref(i),
                    Del => Instr::DeleteDeref(i),
                    _ => Instr::LoadClassDeref(i),
                });
            }
            _ => {
                let i = self.add_name(name);
                self.emit(match ctx {
                    Store => Instr::StoreName(i),
                    Del => Instr::DeleteName(i),
                    _ => Instr::LoadName(i),
                });
            }
        }
    }

    /// `name` with private names mangled for the current class (`__x` → `_C__x`).
    fn mangle<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        self.table.scopes[self.unit().scope].mangle(name)
    }

    /// The `names` index of attribute `name`, mangled as CPython mangles `obj.__x` in a class.
    fn attr_name(&mut self, name: &str) -> u32 {
        let mangled = self.mangle(name).into_owned();
        self.add_name(&mangled)
    }

    /// Qualified name for a def/class/lambda/comprehension named `name` in the current unit.
    fn qualname_for(&self, name: &str) -> String {
        let unit = self.unit();
        let scope = &self.table.scopes[unit.scope];
        match scope.kind {
            ScopeKind::Module => name.to_string(),
            _ if scope.lookup(name) == NameScope::GlobalExplicit => name.to_string(),
            ScopeKind::Class => format!("{}.{name}", unit.code.qualname),
            _ => format!("{}.<locals>.{name}", unit.code.qualname),
        }
    }

    fn line_of(&self, range: TextRange) -> u32 {
        self.index.line_col(range.start().into()).0
    }

    /// The source text of a node.
    fn text(&self, range: TextRange) -> &'a str {
        self.source.get(usize::from(range.start())..usize::from(range.end())).unwrap_or("")
    }

    /// Compiles a statement list.
    fn body(&mut self, body: &'a [Stmt]) -> CResult {
        for stmt in body {
            self.stmt(stmt)?;
        }
        Ok(())
    }

    /// Module and class bodies: `SetupAnnotations` when the body holds an annotated assignment
    /// (CPython's `find_ann`, which looks into compound statements but not into nested
    /// functions and classes).
    fn setup_annotations(&mut self, body: &'a [Stmt]) {
        if find_ann(body) {
            self.emit(Instr::SetupAnnotations);
        }
    }

    /// Module and class bodies: `__doc__ = "…"` when the body opens with a docstring (nothing
    /// otherwise: a class without one gets `__doc__ = None` from the VM, as `type` does).
    fn store_docstring(&mut self, body: &'a [Stmt]) {
        if let (Some(doc), Some(first)) = (docstring(body), body.first()) {
            let saved = self.set_loc(first.range());
            self.load_const(Constant::Str(doc));
            self.name_op("__doc__", ast::ExprContext::Store);
            self.restore_loc(saved);
        }
    }
}

/// Does `body` contain an annotated assignment, directly or inside a compound statement?
fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        _ => false,
    })
}

/// Is `s` a docstring statement?
fn is_docstring(s: &Stmt) -> bool {
    matches!(s, Stmt::Expr(e) if matches!(e.value.as_ref(), Expr::StringLiteral(_)))
}

/// The docstring opening `body`, if any (CPython 3.11 keeps it unprocessed).
fn docstring(body: &[Stmt]) -> Option<Rc<str>> {
    match body.first() {
        Some(Stmt::Expr(e)) => match e.value.as_ref() {
            Expr::StringLiteral(s) => Some(s.value.to_str().into()),
            _ => None,
        },
        _ => None,
    }
}

/// Statements of a function or class body without its docstring.
fn without_docstring(body: &[Stmt]) -> &[Stmt] {
    match body.first() {
        Some(s) if is_docstring(s) => &body[1..],
        _ => body,
    }
}

/// Constants are shared when equal and of the same type (floats compared bitwise).
fn same_const(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::Float(x), Constant::Float(y)) | (Constant::Complex(x), Constant::Complex(y)) => {
            x.to_bits() == y.to_bits()
        }
        (Constant::Tuple(x), Constant::Tuple(y)) | (Constant::FrozenSet(x), Constant::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| same_const(p, q))
        }
        (Constant::Code(_), _) | (_, Constant::Code(_)) => false,
        _ => a == b,
    }
}

/// The jump target operand of an instruction, if it has one.
pub fn jump_target(instr: &Instr) -> Option<u32> {
    let mut copy = *instr;
    target_mut(&mut copy).map(|t| *t)
}

fn target_mut(instr: &mut Instr) -> Option<&mut u32> {
    match instr {
        Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::PopJumpIfNone(t)
        | Instr::PopJumpIfNotNone(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t)
        | Instr::SetupFinally(t) => Some(t),
        _ => None,
    }
}
