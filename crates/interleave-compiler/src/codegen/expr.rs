//! Expressions: operators, literals, displays, calls, attribute and subscript access.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr, ExprContext, Number};
use ruff_text_size::{Ranged, TextRange};

use super::{CResult, Compiler, Label};
use crate::bytecode::{BinOp, CmpOp, Constant, Conversion, Instr, UnaryOp};

impl<'a> Compiler<'a> {
    /// Compiles `e`, leaving its value on the stack.
    pub(super) fn expr(&mut self, e: &'a Expr) -> CResult {
        let saved = self.set_loc(e.range());
        let result = self.expr_inner(e);
        self.restore_loc(saved);
        result
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        if let Some(c) = self.constant(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let jump: fn(u32) -> Instr =
                    if b.op == ast::BoolOp::And { Instr::JumpIfFalseOrPop } else { Instr::JumpIfTrueOrPop };
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        self.emit_jump(jump, end);
                    }
                }
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Instr::Copy(1));
                self.store(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Instr::BinaryOp(binop(b.op)));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                self.emit(Instr::UnaryOp(match u.op {
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::UAdd => UnaryOp::Positive,
                    ast::UnaryOp::USub => UnaryOp::Negative,
                }));
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.emit_jump(Instr::Jump, end);
                self.bind(orelse);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.dict(d)?,
            Expr::Set(s) => match self.folded_set(&s.elts) {
                Some(c) => {
                    // CPython 3.11 folds a display of 3+ constants into a frozenset constant.
                    self.emit(Instr::BuildSet(0));
                    self.load_const(c);
                    self.emit(Instr::SetUpdate(1));
                }
                None => self.sequence(&s.elts, Instr::BuildSet, Instr::SetAdd, Instr::SetUpdate, false)?,
            },
            Expr::List(l) => self.sequence(&l.elts, Instr::BuildList, Instr::ListAppend, Instr::ListExtend, false)?,
            Expr::Tuple(t) => self.sequence(&t.elts, Instr::BuildTuple, Instr::ListAppend, Instr::ListExtend, true)?,
            Expr::ListComp(c) => self.comprehension(e, &c.generators)?,
            Expr::SetComp(c) => self.comprehension(e, &c.generators)?,
            Expr::DictComp(c) => self.comprehension(e, &c.generators)?,
            Expr::Generator(c) => self.comprehension(e, &c.generators)?,
            Expr::Await(a) => {
                if !self.cur().code.flags.coroutine {
                    let msg =
                        if self.scope_kind().is_function() { "'await' outside async function" } else { "'await' outside function" };
                    return Err(self.syntax_error(msg, a.range));
                }
                self.expr(&a.value)?;
                self.emit_await(0);
            }
            Expr::Yield(y) => {
                self.check_yield(y.range)?;
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit(Instr::YieldValue);
            }
            Expr::YieldFrom(y) => {
                self.check_yield(y.range)?;
                if self.cur().code.flags.coroutine {
                    return Err(self.syntax_error("'yield from' inside async function", y.range));
                }
                self.expr(&y.value)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Constant::None);
                self.emit(Instr::YieldFrom);
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::TString(t) => return Err(self.syntax_error("invalid syntax", t.range)),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.attr_name(a.attr.id.as_str());
                self.emit(Instr::LoadAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.slice_or_key(&s.slice)?;
                self.emit(Instr::BinarySubscr);
            }
            Expr::Starred(s) => return Err(self.syntax_error("can't use starred expression here", s.range)),
            Expr::Name(n) => self.name_op(n.id.as_str(), ExprContext::Load),
            Expr::Slice(s) => {
                // A bare slice only occurs inside a subscript's tuple: `a[1:2, 3]`.
                let n = self.slice_parts(s)?;
                self.emit(Instr::BuildSlice(n));
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => return Err(self.internal("literal", e.range())),
            Expr::IpyEscapeCommand(c) => return Err(self.syntax_error("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn check_yield(&self, range: TextRange) -> CResult {
        if self.scope_kind().is_function() { Ok(()) } else { Err(self.syntax_error("'yield' outside function", range)) }
    }

    /// The `frozenset` constant for a set display of three or more constants
    /// (`starunpack_helper` in CPython 3.11's compiler).
    fn folded_set(&self, elts: &[Expr]) -> Option<Constant> {
        if elts.len() < 3 {
            return None;
        }
        let items: Option<Vec<Constant>> = elts.iter().map(|x| self.constant(x)).collect();
        Some(Constant::FrozenSet(Rc::from(items?)))
    }

    /// The compile-time value of a literal (or a constant tuple, or a negated number).
    pub(super) fn constant(&self, e: &Expr) -> Option<Constant> {
        Some(match e {
            Expr::StringLiteral(s) => Constant::Str(s.value.to_str().into()),
            Expr::BytesLiteral(b) => Constant::Bytes(b.value.bytes().collect::<Vec<u8>>().into()),
            Expr::NumberLiteral(n) => match &n.value {
                Number::Int(i) => match i.as_i64() {
                    Some(v) => Constant::Int(v),
                    None => Constant::BigInt(big_decimal(self.text(n.range), false).into()),
                },
                Number::Float(f) => Constant::Float(*f),
                Number::Complex { imag, .. } => Constant::Complex(*imag),
            },
            Expr::BooleanLiteral(b) => Constant::Bool(b.value),
            Expr::NoneLiteral(_) => Constant::None,
            Expr::EllipsisLiteral(_) => Constant::Ellipsis,
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match u.operand.as_ref() {
                Expr::NumberLiteral(n) => match &n.value {
                    Number::Int(i) => match i.as_i64() {
                        Some(v) => Constant::Int(-v),
                        None => {
                            let digits = big_decimal(self.text(n.range), true);
                            match digits.parse::<i64>() {
                                Ok(v) => Constant::Int(v),
                                Err(_) => Constant::BigInt(digits.into()),
                            }
                        }
                    },
                    Number::Float(f) => Constant::Float(-f),
                    // `-1j` is `-(0+1j)` = `(-0-1j)`: the real part's sign needs the runtime
                    // negation (a `Constant::Complex` holds only the imaginary part).
                    Number::Complex { .. } => return None,
                },
                _ => return None,
            },
            Expr::Tuple(t) if t.ctx == ExprContext::Load && !t.elts.is_empty() => {
                let items: Option<Vec<Constant>> = t.elts.iter().map(|x| self.constant(x)).collect();
                Constant::Tuple(Rc::from(items?))
            }
            Expr::Tuple(t) if t.ctx == ExprContext::Load => Constant::Tuple(Rc::from(Vec::new())),
            _ => return None,
        })
    }

    /// Lists, tuples and sets, with `*` unpacking.
    fn sequence(
        &mut self,
        elts: &'a [Expr],
        build: fn(u32) -> Instr,
        add: fn(u32) -> Instr,
        extend: fn(u32) -> Instr,
        tuple: bool,
    ) -> CResult {
        let starred = elts.iter().position(|x| matches!(x, Expr::Starred(_)));
        let Some(first_star) = starred else {
            for x in elts {
                self.expr(x)?;
            }
            self.emit(build(elts.len() as u32));
            return Ok(());
        };
        let build_list = if tuple { Instr::BuildList } else { build };
        for x in &elts[..first_star] {
            self.expr(x)?;
        }
        self.emit(build_list(first_star as u32));
        for x in &elts[first_star..] {
            if let Expr::Starred(s) = x {
                self.expr(&s.value)?;
                self.emit(extend(1));
            } else {
                self.expr(x)?;
                self.emit(add(1));
            }
        }
        if tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn dict(&mut self, d: &'a ast::ExprDict) -> CResult {
        let mut pending = 0u32;
        let mut built = false;
        for item in &d.items {
            match &item.key {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(&item.value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 || !built {
                        self.emit(Instr::BuildMap(pending));
                        if built {
                            self.emit(Instr::DictUpdate(1));
                        }
                        built = true;
                        pending = 0;
                    }
                    self.expr(&item.value)?;
                    self.emit(Instr::DictUpdate(1));
                }
            }
        }
        if pending > 0 || !built {
            self.emit(Instr::BuildMap(pending));
            if built {
                self.emit(Instr::DictUpdate(1));
            }
        }
        Ok(())
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.expr(&c.comparators[0])?;
            self.emit(cmp_instr(c.ops[0]));
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            self.expr(right)?;
            if i + 1 < n {
                self.emit(Instr::Swap(2));
                self.emit(Instr::Copy(2));
                self.emit(cmp_instr(*op));
                self.emit_jump(Instr::JumpIfFalseOrPop, cleanup);
            } else {
                self.emit(cmp_instr(*op));
            }
        }
        self.emit_jump(Instr::Jump, end);
        self.bind(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopTop);
        self.bind(end);
        Ok(())
    }

    /// Jumps to `target` when `e` is truthy (`cond`) or falsy (`!cond`), consuming it.
    pub(super) fn jump_if(&mut self, e: &'a Expr, cond: bool, target: Label) -> CResult {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => return self.jump_if(&u.operand, !cond, target),
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                let n = b.values.len();
                // `a and b` jumping when false: any false operand jumps; when true: all must hold.
                if is_and != cond {
                    for v in &b.values {
                        self.jump_if(v, cond, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for (i, v) in b.values.iter().enumerate() {
                        if i + 1 < n {
                            self.jump_if(v, !cond, skip)?;
                        } else {
                            self.jump_if(v, cond, target)?;
                        }
                    }
                    self.bind(skip);
                }
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        let saved = self.set_loc(e.range());
        self.emit_jump(if cond { Instr::PopJumpIfTrue } else { Instr::PopJumpIfFalse }, target);
        self.restore_loc(saved);
        Ok(())
    }

    /// A subscript key: slices become `BuildSlice`.
    fn slice_or_key(&mut self, key: &'a Expr) -> CResult {
        if let Expr::Slice(s) = key {
            let saved = self.set_loc(s.range);
            let n = self.slice_parts(s)?;
            self.emit(Instr::BuildSlice(n));
            self.restore_loc(saved);
            Ok(())
        } else {
            self.expr(key)
        }
    }

    pub(super) fn slice_parts(&mut self, s: &'a ast::ExprSlice) -> CResult<u32> {
        for part in [&s.lower, &s.upper] {
            match part {
                Some(x) => self.expr(x)?,
                None => self.load_const(Constant::None),
            }
        }
        if let Some(step) = &s.step {
            self.expr(step)?;
            return Ok(3);
        }
        Ok(2)
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult {
        let args = &c.arguments;
        let has_star = args.args.iter().any(|a| matches!(a, Expr::Starred(_))) || args.keywords.iter().any(|k| k.arg.is_none());
        self.check_keywords(args)?;
        if has_star {
            self.emit(Instr::PushNull);
            self.expr(&c.func)?;
            return self.call_ex(args, c.range());
        }
        match c.func.as_ref() {
            Expr::Attribute(a) if a.ctx == ExprContext::Load => {
                self.expr(&a.value)?;
                let saved = self.set_loc(a.range);
                let i = self.attr_name(a.attr.id.as_str());
                self.emit(Instr::LoadMethod(i));
                self.restore_loc(saved);
            }
            f => {
                self.emit(Instr::PushNull);
                self.expr(f)?;
            }
        }
        self.call_args(args)
    }

    /// Pushes the arguments and emits `Call`/`CallKw` (no `*`/`**` present).
    pub(super) fn call_args(&mut self, args: &'a ast::Arguments) -> CResult {
        for a in args.args.iter() {
            self.expr(a)?;
        }
        let mut kwnames = Vec::new();
        for k in args.keywords.iter() {
            self.expr(&k.value)?;
            if let Some(name) = &k.arg {
                kwnames.push(Constant::Str(name.id.as_str().into()));
            }
        }
        let argc = (args.args.len() + kwnames.len()) as u32;
        if kwnames.is_empty() {
            self.emit(Instr::Call(argc));
        } else {
            let kw = self.add_const(Constant::Tuple(Rc::from(kwnames)));
            self.emit(Instr::CallKw { argc, kwnames: kw });
        }
        Ok(())
    }

    fn check_keywords(&self, args: &ast::Arguments) -> CResult {
        let mut seen: Vec<&str> = Vec::new();
        for k in args.keywords.iter() {
            if let Some(name) = &k.arg {
                let name = name.id.as_str();
                if seen.contains(&name) {
                    return Err(self.syntax_error(format!("keyword argument repeated: {name}"), k.range));
                }
                seen.push(name);
            }
        }
        Ok(())
    }

    /// `f(*a, **k)`: builds the argument tuple and keyword dict, then `CallEx`.
    fn call_ex(&mut self, args: &'a ast::Arguments, _range: TextRange) -> CResult {
        match &*args.args {
            // `f(*a)`: the iterable itself, as CPython (`CallEx` accepts any iterable and then
            // reports "f() argument after * must be an iterable").
            [Expr::Starred(s)] => self.expr(&s.value)?,
            _ => self.sequence(&args.args, Instr::BuildTuple, Instr::ListAppend, Instr::ListExtend, true)?,
        }
        if args.keywords.is_empty() {
            self.emit(Instr::CallEx { kwargs: false });
            return Ok(());
        }
        let mut pending = 0u32;
        let mut built = false;
        for k in args.keywords.iter() {
            match &k.arg {
                Some(name) => {
                    self.load_const(Constant::Str(name.id.as_str().into()));
                    self.expr(&k.value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 || !built {
                        self.emit(Instr::BuildMap(pending));
                        if built {
                            self.emit(Instr::DictMerge(1));
                        }
                        built = true;
                        pending = 0;
                    }
                    self.expr(&k.value)?;
                    self.emit(Instr::DictMerge(1));
                }
            }
        }
        if pending > 0 {
            self.emit(Instr::BuildMap(pending));
            if built {
                self.emit(Instr::DictMerge(1));
            }
        }
        self.emit(Instr::CallEx { kwargs: true });
        Ok(())
    }

    fn fstring(&mut self, f: &'a ast::ExprFString) -> CResult {
        let mut count = 0u32;
        let mut literal = String::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => literal.push_str(&s.value),
                ast::FStringPart::FString(fs) => self.fstring_elements(&fs.elements, &mut literal, &mut count)?,
            }
        }
        self.finish_fstring(literal, count);
        Ok(())
    }

    /// Pushes the trailing literal and joins the `count` pieces already on the stack.
    fn finish_fstring(&mut self, literal: String, mut count: u32) {
        if !literal.is_empty() || count == 0 {
            self.load_const(Constant::Str(literal.as_str().into()));
            count += 1;
        }
        if count > 1 {
            self.emit(Instr::BuildString(count));
        }
    }

    /// Emits the pieces of an f-string body; literal text accumulates in `literal`.
    fn fstring_elements(
        &mut self,
        elements: &'a ast::InterpolatedStringElements,
        literal: &mut String,
        count: &mut u32,
    ) -> CResult {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => literal.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(debug) = &i.debug_text {
                        literal.push_str(debug.leading());
                        literal.push_str(debug.expression());
                        literal.push_str(debug.trailing());
                    }
                    if !literal.is_empty() {
                        self.load_const(Constant::Str(literal.as_str().into()));
                        literal.clear();
                        *count += 1;
                    }
                    self.expr(&i.expression)?;
                    let mut conversion = match i.conversion {
                        ast::ConversionFlag::None => Conversion::None,
                        ast::ConversionFlag::Str => Conversion::Str,
                        ast::ConversionFlag::Repr => Conversion::Repr,
                        ast::ConversionFlag::Ascii => Conversion::Ascii,
                    };
                    if i.debug_text.is_some() && conversion == Conversion::None && i.format_spec.is_none() {
                        conversion = Conversion::Repr;
                    }
                    let spec = match &i.format_spec {
                        Some(spec) => {
                            let (mut lit, mut n) = (String::new(), 0u32);
                            self.fstring_elements(&spec.elements, &mut lit, &mut n)?;
                            self.finish_fstring(lit, n);
                            true
                        }
                        None => false,
                    };
                    let saved = self.set_loc(i.range);
                    self.emit(Instr::FormatValue { conversion, spec });
                    self.restore_loc(saved);
                    *count += 1;
                }
            }
        }
        Ok(())
    }

    // ---- targets ----

    /// Stores TOS into an assignment target.
    pub(super) fn store(&mut self, target: &'a Expr) -> CResult {
        let saved = self.set_loc(target.range());
        let result = self.store_inner(target);
        self.restore_loc(saved);
        result
    }

    fn store_inner(&mut self, target: &'a Expr) -> CResult {
        match target {
            Expr::Name(n) => self.name_op(n.id.as_str(), ExprContext::Store),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.attr_name(a.attr.id.as_str());
                self.emit(Instr::StoreAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.slice_or_key(&s.slice)?;
                self.emit(Instr::StoreSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let stars: Vec<usize> =
                    elts.iter().enumerate().filter(|(_, x)| matches!(x, Expr::Starred(_))).map(|(i, _)| i).collect();
                match stars.as_slice() {
                    [] => {
                        self.emit(Instr::UnpackSequence(elts.len() as u32));
                    }
                    [star] => {
                        let before = *star as u32;
                        let after = (elts.len() - star - 1) as u32;
                        self.emit(Instr::UnpackEx { before, after });
                    }
                    _ => return Err(self.syntax_error("multiple starred expressions in assignment", target.range())),
                }
                for x in elts {
                    match x {
                        Expr::Starred(s) => self.store(&s.value)?,
                        _ => self.store(x)?,
                    }
                }
            }
            Expr::Starred(s) => {
                return Err(self.syntax_error("starred assignment target must be in a list or tuple", s.range));
            }
            _ => return Err(self.syntax_error("cannot assign to expression", target.range())),
        }
        Ok(())
    }

    /// `del target`.
    pub(super) fn delete(&mut self, target: &'a Expr) -> CResult {
        let saved = self.set_loc(target.range());
        match target {
            Expr::Name(n) => self.name_op(n.id.as_str(), ExprContext::Del),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.attr_name(a.attr.id.as_str());
                self.emit(Instr::DeleteAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.slice_or_key(&s.slice)?;
                self.emit(Instr::DeleteSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for x in elts {
                    self.delete(x)?;
                }
            }
            _ => return Err(self.syntax_error("cannot delete expression", target.range())),
        }
        self.restore_loc(saved);
        Ok(())
    }
}

/// The bytecode operator for a Python binary operator.
pub(super) fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Subtract,
        O::Mult => BinOp::Multiply,
        O::MatMult => BinOp::MatrixMultiply,
        O::Div => BinOp::TrueDivide,
        O::Mod => BinOp::Remainder,
        O::Pow => BinOp::Power,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDivide,
    }
}

fn cmp_instr(op: ast::CmpOp) -> Instr {
    use ast::CmpOp as C;
    match op {
        C::Eq => Instr::CompareOp(CmpOp::Eq),
        C::NotEq => Instr::CompareOp(CmpOp::Ne),
        C::Lt => Instr::CompareOp(CmpOp::Lt),
        C::LtE => Instr::CompareOp(CmpOp::Le),
        C::Gt => Instr::CompareOp(CmpOp::Gt),
        C::GtE => Instr::CompareOp(CmpOp::Ge),
        C::Is => Instr::IsOp(false),
        C::IsNot => Instr::IsOp(true),
        C::In => Instr::ContainsOp(false),
        C::NotIn => Instr::ContainsOp(true),
    }
}

/// The decimal digits of an integer literal too big for i64 (`0x…`, `0o…`, `0b…`, `1_000…`).
fn big_decimal(token: &str, negative: bool) -> String {
    let clean: String = token.chars().filter(|&c| c != '_').collect::<String>().to_ascii_lowercase();
    let (radix, digits) = match clean.get(..2) {
        Some("0x") => (16, &clean[2..]),
        Some("0o") => (8, &clean[2..]),
        Some("0b") => (2, &clean[2..]),
        _ => (10, clean.as_str()),
    };
    // Little-endian base-10^9 limbs.
    let mut limbs: Vec<u64> = vec![0];
    for ch in digits.chars() {
        let d = ch.to_digit(radix).unwrap_or(0) as u64;
        let mut carry = d;
        for limb in limbs.iter_mut() {
            let v = *limb * radix as u64 + carry;
            *limb = v % 1_000_000_000;
            carry = v / 1_000_000_000;
        }
        while carry > 0 {
            limbs.push(carry % 1_000_000_000);
            carry /= 1_000_000_000;
        }
    }
    let mut out = if negative { String::from("-") } else { String::new() };
    let mut iter = limbs.iter().rev();
    if let Some(top) = iter.next() {
        out.push_str(&top.to_string());
    }
    for limb in iter {
        out.push_str(&format!("{limb:09}"));
    }
    out
}
