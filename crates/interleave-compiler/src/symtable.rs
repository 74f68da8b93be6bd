//! Scope analysis: which names are local, global, free or cell in each scope (CPython's symtable).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::TextRange;

use crate::error::{CompileError, CompileErrorKind};
use crate::line_index::LineIndex;
use crate::parse::error_at;

/// What kind of code block a scope is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    /// Function-like scopes use fast locals and provide bindings to nested functions.
    pub fn is_function(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
}

/// How a name resolves in one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

const DEF_LOCAL: u8 = 1;
const DEF_PARAM: u8 = 2;
const DEF_GLOBAL: u8 = 4;
const DEF_NONLOCAL: u8 = 8;
const USE: u8 = 16;
/// A comprehension's walrus target, bound in the enclosing function.
const DEF_COMP_WALRUS: u8 = 32;

/// One scope's analysis result.
#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    /// Flags of every name mentioned in the scope, in first-mention order.
    flags: Vec<(String, u8)>,
    positions: HashMap<String, usize>,
    /// Resolution of each symbol (filled by analysis).
    resolved: HashMap<String, NameScope>,
    /// Local names captured by nested scopes, sorted as CPython sorts `co_cellvars`.
    pub cellvars: Vec<String>,
    /// Names captured from enclosing scopes, sorted.
    pub freevars: Vec<String>,
    /// Parameter names in order (positional, keyword-only, `*args`, `**kwargs`).
    pub params: Vec<String>,
    pub children: Vec<usize>,
    /// Contains `yield` (a generator function).
    pub is_generator: bool,
    /// An `async def` (a coroutine function).
    pub is_coroutine: bool,
    /// A class body whose methods use `super`/`__class__`.
    pub needs_class_cell: bool,
    /// Where each `nonlocal` name was declared (for "no binding" errors).
    nonlocal_at: HashMap<String, TextRange>,
    /// The class whose private names (`__x`) are mangled here: the innermost enclosing class
    /// (CPython's `u_private`). Every name this scope records is already mangled.
    pub private: Option<String>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str) -> Self {
        Scope {
            kind,
            name: name.to_string(),
            flags: Vec::new(),
            positions: HashMap::new(),
            resolved: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            needs_class_cell: false,
            nonlocal_at: HashMap::new(),
            private: None,
        }
    }

    /// `name` as this scope records it (private names mangled).
    pub fn mangle<'n>(&self, name: &'n str) -> Cow<'n, str> {
        mangle(self.private.as_deref(), name)
    }

    fn flag(&self, name: &str) -> u8 {
        let name = self.mangle(name);
        self.positions.get(name.as_ref()).map_or(0, |&i| self.flags[i].1)
    }

    fn add(&mut self, name: &str, flag: u8) {
        let name = mangle(self.private.as_deref(), name).into_owned();
        let name = name.as_str();
        match self.positions.get(name) {
            Some(&i) => self.flags[i].1 |= flag,
            None => {
                self.positions.insert(name.to_string(), self.flags.len());
                self.flags.push((name.to_string(), flag));
            }
        }
    }

    /// How `name` resolves here (names never mentioned are implicit globals).
    pub fn lookup(&self, name: &str) -> NameScope {
        self.resolved.get(self.mangle(name).as_ref()).copied().unwrap_or(NameScope::GlobalImplicit)
    }

    /// Names bound in this scope that are not parameters, in first-mention order.
    pub fn local_names(&self) -> impl Iterator<Item = &str> {
        self.flags
            .iter()
            .filter(|(n, f)| f & DEF_LOCAL != 0 && f & DEF_PARAM == 0 && self.lookup(n) == NameScope::Local)
            .map(|(n, _)| n.as_str())
    }
}

/// CPython's `_Py_Mangle`: inside class `private`, `__x` (not `__x__`, not dotted) becomes
/// `_Class__x`, with the class name's leading underscores stripped.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> Cow<'n, str> {
    let Some(class) = private else { return Cow::Borrowed(name) };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{stripped}{name}"))
}

/// All scopes of a module; scope 0 is the module.
#[derive(Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_range: HashMap<(u32, u32), usize>,
}

impl SymbolTable {
    /// The scope created by the node (def, class, lambda, comprehension) with this range.
    pub fn scope_for(&self, range: TextRange) -> Option<usize> {
        self.by_range.get(&(range.start().into(), range.end().into())).copied()
    }
}

/// Builds and analyses the symbol table of a module.
pub fn build(module: &ast::ModModule, index: &LineIndex<'_>) -> Result<SymbolTable, CompileError> {
    let mut b = Builder { scopes: vec![Scope::new(ScopeKind::Module, "top")], stack: vec![0], by_range: HashMap::new(), index };
    for stmt in &module.body {
        b.stmt(stmt)?;
    }
    let mut table = SymbolTable { scopes: b.scopes, by_range: b.by_range };
    analyze(&mut table, 0, &BTreeSet::new(), &BTreeSet::new(), index)?;
    Ok(table)
}

struct Builder<'a, 'i> {
    scopes: Vec<Scope>,
    stack: Vec<usize>,
    by_range: HashMap<(u32, u32), usize>,
    index: &'a LineIndex<'i>,
}

impl Builder<'_, '_> {
    fn cur(&mut self) -> &mut Scope {
        let i = *self.stack.last().unwrap_or(&0);
        &mut self.scopes[i]
    }

    fn err(&self, msg: String, range: TextRange) -> CompileError {
        error_at(self.index, CompileErrorKind::SyntaxError, msg, range)
    }

    fn push(&mut self, kind: ScopeKind, name: &str, range: TextRange) -> usize {
        let id = self.scopes.len();
        let parent = *self.stack.last().unwrap_or(&0);
        let mut scope = Scope::new(kind, name);
        scope.private = if kind == ScopeKind::Class { Some(name.to_string()) } else { self.scopes[parent].private.clone() };
        self.scopes.push(scope);
        self.scopes[parent].children.push(id);
        self.by_range.insert((range.start().into(), range.end().into()), id);
        self.stack.push(id);
        id
    }

    fn bind(&mut self, name: &str) {
        self.cur().add(name, DEF_LOCAL);
    }

    fn use_name(&mut self, name: &str) {
        self.cur().add(name, USE);
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), CompileError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn declare(&mut self, names: &[ast::Identifier], range: TextRange, global: bool) -> Result<(), CompileError> {
        let kind = if global { "global" } else { "nonlocal" };
        let scope_kind = self.cur().kind;
        if !global && scope_kind == ScopeKind::Module {
            return Err(self.err("nonlocal declaration not allowed at module level".into(), range));
        }
        for id in names {
            let name = id.id.as_str();
            let f = self.cur().flag(name);
            let problem = if f & DEF_PARAM != 0 {
                Some(format!("name '{name}' is parameter and {kind}"))
            } else if (global && f & DEF_NONLOCAL != 0) || (!global && f & DEF_GLOBAL != 0) {
                Some(format!("name '{name}' is nonlocal and global"))
            } else if f & DEF_LOCAL != 0 {
                Some(format!("name '{name}' is assigned to before {kind} declaration"))
            } else if f & USE != 0 {
                Some(format!("name '{name}' is used prior to {kind} declaration"))
            } else {
                None
            };
            if let Some(msg) = problem {
                return Err(self.err(msg, range));
            }
            self.cur().add(name, if global { DEF_GLOBAL } else { DEF_NONLOCAL });
            if !global {
                let mangled = self.cur().mangle(name).into_owned();
                self.cur().nonlocal_at.insert(mangled, range);
            }
        }
        Ok(())
    }

    fn stmt(&mut self, stmt: &Stmt) -> Result<(), CompileError> {
        match stmt {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.param_defaults(&f.parameters)?;
                self.bind(f.name.id.as_str());
                self.push(ScopeKind::Function, f.name.id.as_str(), f.range);
                self.cur().is_coroutine = f.is_async;
                self.params(&f.parameters)?;
                self.stmts(&f.body)?;
                self.stack.pop();
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                self.bind(c.name.id.as_str());
                self.push(ScopeKind::Class, c.name.id.as_str(), c.range);
                self.stmts(&c.body)?;
                self.stack.pop();
            }
            Stmt::Return(r) => self.opt(r.value.as_deref())?,
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.expr(t))?,
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                a.targets.iter().try_for_each(|t| self.expr(t))?;
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value)?;
                if let Expr::Name(n) = a.target.as_ref() {
                    self.cur().add(n.id.as_str(), DEF_LOCAL | USE);
                } else {
                    self.expr(&a.target)?;
                }
            }
            Stmt::AnnAssign(a) => {
                self.opt(a.value.as_deref())?;
                if !self.cur().kind.is_function() {
                    self.expr(&a.annotation)?;
                }
                if a.value.is_some() || !matches!(a.target.as_ref(), Expr::Name(_)) {
                    self.expr(&a.target)?;
                } else if let Expr::Name(n) = a.target.as_ref() {
                    self.bind(n.id.as_str());
                }
            }
            Stmt::For(f) => {
                self.expr(&f.iter)?;
                self.expr(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for clause in &i.elif_else_clauses {
                    self.opt(clause.test.as_ref())?;
                    self.stmts(&clause.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    self.opt(item.optional_vars.as_deref())?;
                }
                self.stmts(&w.body)?;
            }
            Stmt::Raise(r) => {
                self.opt(r.exc.as_deref())?;
                self.opt(r.cause.as_deref())?;
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    self.opt(h.type_.as_deref())?;
                    if let Some(n) = &h.name {
                        self.bind(n.id.as_str());
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                self.opt(a.msg.as_deref())?;
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let name = match &alias.asname {
                        Some(a) => a.id.as_str(),
                        None => alias.name.id.as_str().split('.').next().unwrap_or(""),
                    };
                    self.bind(name);
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    if alias.name.id.as_str() == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            return Err(self.err("import * only allowed at module level".into(), i.range));
                        }
                        continue;
                    }
                    let name = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.bind(name.id.as_str());
                }
            }
            Stmt::Global(g) => self.declare(&g.names, g.range, true)?,
            Stmt::Nonlocal(n) => self.declare(&n.names, n.range, false)?,
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for case in &m.cases {
                    self.pattern(&case.pattern)?;
                    self.opt(case.guard.as_deref())?;
                    self.stmts(&case.body)?;
                }
            }
            Stmt::TypeAlias(_) | Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    /// A `case` pattern: captures bind names; value, class and mapping-key expressions are uses.
    fn pattern(&mut self, p: &ast::Pattern) -> Result<(), CompileError> {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value),
            P::MatchSingleton(_) => Ok(()),
            P::MatchSequence(s) => s.patterns.iter().try_for_each(|p| self.pattern(p)),
            P::MatchMapping(m) => {
                m.keys.iter().try_for_each(|k| self.expr(k))?;
                m.patterns.iter().try_for_each(|p| self.pattern(p))?;
                if let Some(rest) = &m.rest {
                    self.bind(rest.id.as_str());
                }
                Ok(())
            }
            P::MatchClass(c) => {
                self.expr(&c.cls)?;
                c.arguments.patterns.iter().try_for_each(|p| self.pattern(p))?;
                c.arguments.keywords.iter().try_for_each(|k| self.pattern(&k.pattern))
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.bind(n.id.as_str());
                }
                Ok(())
            }
            P::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                if let Some(n) = &a.name {
                    self.bind(n.id.as_str());
                }
                Ok(())
            }
            P::MatchOr(o) => o.patterns.iter().try_for_each(|p| self.pattern(p)),
        }
    }

    fn opt(&mut self, e: Option<&Expr>) -> Result<(), CompileError> {
        e.map_or(Ok(()), |e| self.expr(e))
    }

    fn param_defaults(&mut self, p: &ast::Parameters) -> Result<(), CompileError> {
        for pd in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            self.opt(pd.default.as_deref())?;
        }
        Ok(())
    }

    fn params(&mut self, p: &ast::Parameters) -> Result<(), CompileError> {
        let mut names: Vec<String> = Vec::new();
        let all = p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()).map(|pd| &pd.parameter);
        for param in all.chain(p.vararg.as_deref()).chain(p.kwarg.as_deref()) {
            let name = param.name.id.as_str();
            let mangled = self.cur().mangle(name).into_owned();
            if names.contains(&mangled) {
                let range = TextRange::new(param.name.range.start(), param.range.end());
                return Err(self.err(format!("duplicate argument '{name}' in function definition"), range));
            }
            names.push(mangled);
        }
        for n in &names {
            self.cur().add(n, DEF_PARAM | DEF_LOCAL);
        }
        self.cur().params = names;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        match e {
            Expr::Name(n) => {
                let name = n.id.as_str();
                match n.ctx {
                    ast::ExprContext::Load => {
                        self.use_name(name);
                        let kind = self.cur().kind;
                        if name == "super" && kind.is_function() {
                            self.use_name("__class__");
                        }
                    }
                    _ => self.bind(name),
                }
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                if let Expr::Name(t) = n.target.as_ref() {
                    self.walrus_target(t.id.as_str(), n.range)?;
                }
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.param_defaults(p)?;
                }
                self.push(ScopeKind::Lambda, "<lambda>", l.range);
                if let Some(p) = &l.parameters {
                    self.params(p)?;
                }
                self.expr(&l.body)?;
                self.stack.pop();
            }
            Expr::ListComp(c) => self.comprehension("<listcomp>", c.range, &c.generators, &[&c.elt])?,
            Expr::SetComp(c) => self.comprehension("<setcomp>", c.range, &c.generators, &[&c.elt])?,
            Expr::Generator(c) => self.comprehension("<genexpr>", c.range, &c.generators, &[&c.elt])?,
            Expr::DictComp(c) => {
                let mut parts: Vec<&Expr> = Vec::new();
                if let Some(k) = &c.key {
                    parts.push(k);
                }
                parts.push(&c.value);
                self.comprehension("<dictcomp>", c.range, &c.generators, &parts)?
            }
            Expr::Yield(y) => {
                self.mark_generator(y.range)?;
                self.opt(y.value.as_deref())?;
            }
            Expr::YieldFrom(y) => {
                self.mark_generator(y.range)?;
                self.expr(&y.value)?;
            }
            Expr::Await(a) => {
                if self.cur().kind == ScopeKind::Comprehension {
                    self.cur().is_coroutine = true;
                }
                self.expr(&a.value)?
            }
            _ => {
                let mut result = Ok(());
                for_each_child(e, &mut |child| {
                    if result.is_ok() {
                        result = self.expr(child);
                    }
                });
                result?;
            }
        }
        Ok(())
    }

    fn mark_generator(&mut self, range: TextRange) -> Result<(), CompileError> {
        let kind = self.cur().kind;
        match kind {
            ScopeKind::Module | ScopeKind::Class => Err(self.err("'yield' outside function".into(), range)),
            ScopeKind::Comprehension => {
                Err(self.err("'yield' inside list comprehension".into(), range))
            }
            _ => {
                self.cur().is_generator = true;
                Ok(())
            }
        }
    }

    fn walrus_target(&mut self, name: &str, range: TextRange) -> Result<(), CompileError> {
        if self.cur().kind != ScopeKind::Comprehension {
            self.bind(name);
            return Ok(());
        }
        // Bind in the nearest enclosing non-comprehension scope (PEP 572).
        for &id in self.stack.iter().rev() {
            let kind = self.scopes[id].kind;
            match kind {
                ScopeKind::Comprehension => continue,
                ScopeKind::Class => {
                    return Err(self.err(
                        "assignment expression within a comprehension cannot be used in a class body".into(),
                        range,
                    ));
                }
                ScopeKind::Module => {
                    self.scopes[id].add(name, DEF_LOCAL);
                    self.cur().add(name, DEF_GLOBAL | DEF_COMP_WALRUS);
                }
                _ => {
                    if self.scopes[id].flag(name) & DEF_GLOBAL != 0 {
                        self.cur().add(name, DEF_GLOBAL | DEF_COMP_WALRUS);
                    } else {
                        self.scopes[id].add(name, DEF_LOCAL);
                        self.cur().add(name, DEF_NONLOCAL | DEF_COMP_WALRUS);
                    }
                }
            }
            break;
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        name: &str,
        range: TextRange,
        generators: &[ast::Comprehension],
        parts: &[&Expr],
    ) -> Result<(), CompileError> {
        let Some(first) = generators.first() else { return Ok(()) };
        self.expr(&first.iter)?;
        self.push(ScopeKind::Comprehension, name, range);
        self.cur().add(".0", DEF_PARAM | DEF_LOCAL);
        self.cur().params = vec![".0".into()];
        if name == "<genexpr>" {
            self.cur().is_generator = true;
        }
        if generators.iter().any(|g| g.is_async) {
            self.cur().is_coroutine = true;
        }
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.expr(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
            }
        }
        for p in parts {
            self.expr(p)?;
        }
        self.stack.pop();
        Ok(())
    }
}

/// Calls `f` on each direct sub-expression of `e` (for expressions without scope effects).
pub fn for_each_child<'e>(e: &'e Expr, f: &mut dyn FnMut(&'e Expr)) {
    match e {
        Expr::BoolOp(b) => b.values.iter().for_each(f),
        Expr::Named(n) => {
            f(&n.target);
            f(&n.value);
        }
        Expr::BinOp(b) => {
            f(&b.left);
            f(&b.right);
        }
        Expr::UnaryOp(u) => f(&u.operand),
        Expr::If(i) => {
            f(&i.test);
            f(&i.body);
            f(&i.orelse);
        }
        Expr::Dict(d) => {
            for item in &d.items {
                if let Some(k) = &item.key {
                    f(k);
                }
                f(&item.value);
            }
        }
        Expr::Set(s) => s.elts.iter().for_each(f),
        Expr::Await(a) => f(&a.value),
        Expr::Yield(y) => {
            if let Some(v) = &y.value {
                f(v);
            }
        }
        Expr::YieldFrom(y) => f(&y.value),
        Expr::Compare(c) => {
            f(&c.left);
            c.comparators.iter().for_each(f);
        }
        Expr::Call(c) => {
            f(&c.func);
            c.arguments.args.iter().for_each(&mut *f);
            c.arguments.keywords.iter().for_each(|k| f(&k.value));
        }
        Expr::FString(s) => {
            for part in s.value.iter() {
                if let ast::FStringPart::FString(fs) = part {
                    interpolations(&fs.elements, f);
                }
            }
        }
        Expr::Attribute(a) => f(&a.value),
        Expr::Subscript(s) => {
            f(&s.value);
            f(&s.slice);
        }
        Expr::Starred(s) => f(&s.value),
        Expr::List(l) => l.elts.iter().for_each(f),
        Expr::Tuple(t) => t.elts.iter().for_each(f),
        Expr::Slice(s) => {
            for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                f(part);
            }
        }
        _ => {}
    }
}

fn interpolations<'e>(elements: &'e ast::InterpolatedStringElements, f: &mut dyn FnMut(&'e Expr)) {
    for el in elements.iter() {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            f(&i.expression);
            if let Some(spec) = &i.format_spec {
                interpolations(&spec.elements, f);
            }
        }
    }
}

/// Resolves every name of scope `id` and its children; returns the names it needs from
/// enclosing scopes.
fn analyze(
    table: &mut SymbolTable,
    id: usize,
    bound: &BTreeSet<String>,
    globals: &BTreeSet<String>,
    index: &LineIndex<'_>,
) -> Result<BTreeSet<String>, CompileError> {
    let kind = table.scopes[id].kind;
    let mut local = BTreeSet::new();
    let mut free = BTreeSet::new();
    let mut new_globals = globals.clone();
    let flags = table.scopes[id].flags.clone();
    for (name, f) in &flags {
        let scope = if f & DEF_GLOBAL != 0 {
            new_globals.insert(name.clone());
            NameScope::GlobalExplicit
        } else if f & DEF_NONLOCAL != 0 {
            if !bound.contains(name) {
                let msg = format!("no binding for nonlocal '{name}' found");
                let range = table.scopes[id].nonlocal_at.get(name).copied().unwrap_or_default();
                return Err(error_at(index, CompileErrorKind::SyntaxError, msg, range));
            }
            free.insert(name.clone());
            NameScope::Free
        } else if f & (DEF_LOCAL | DEF_PARAM) != 0 {
            local.insert(name.clone());
            new_globals.remove(name);
            NameScope::Local
        } else if bound.contains(name) && kind != ScopeKind::Module {
            free.insert(name.clone());
            NameScope::Free
        } else if globals.contains(name) && kind.is_function() {
            NameScope::GlobalExplicit
        } else {
            NameScope::GlobalImplicit
        };
        table.scopes[id].resolved.insert(name.clone(), scope);
    }
    let mut child_bound = bound.clone();
    match kind {
        ScopeKind::Module => child_bound.clear(),
        ScopeKind::Class => {
            child_bound.insert("__class__".into());
        }
        _ => child_bound.extend(local.iter().cloned()),
    }
    let mut child_free = BTreeSet::new();
    for child in table.scopes[id].children.clone() {
        child_free.extend(analyze(table, child, &child_bound, &new_globals, index)?);
    }
    let mut cells = BTreeSet::new();
    for name in child_free {
        if kind.is_function() && local.contains(&name) {
            table.scopes[id].resolved.insert(name.clone(), NameScope::Cell);
            cells.insert(name);
        } else if kind == ScopeKind::Class && name == "__class__" {
            table.scopes[id].needs_class_cell = true;
            cells.insert(name);
        } else if kind != ScopeKind::Module {
            if kind.is_function() {
                table.scopes[id].resolved.insert(name.clone(), NameScope::Free);
            }
            free.insert(name);
        }
    }
    let scope = &mut table.scopes[id];
    scope.cellvars = cells.into_iter().collect();
    scope.freevars = free.iter().cloned().collect();
    Ok(free)
}

/// Sorted map helper kept for deterministic debugging output.
pub fn describe(table: &SymbolTable, id: usize) -> BTreeMap<String, NameScope> {
    let s = &table.scopes[id];
    s.flags.iter().map(|(n, _)| (n.clone(), s.lookup(n))).collect()
}
