//! The expectation language of `expect="…"` (see `lessons/README.md`).
//!
//! ```text
//! expect     := clause (';' clause)*
//! clause     := subject op operand quantifier?
//! subject    := 'stdout' | 'stderr' | 'exit' | 'time'
//! op         := '==' | '!=' | 'in' | 'contains' | '<' | '<=' | '>' | '>='
//! operand    := string | integer | duration | '[' operand (',' operand)* ']'
//! quantifier := 'for' 'all' 'seeds' | 'for' 'some' 'seed'
//! ```
//!
//! Strings are single-quoted with the escapes `\n`, `\t`, `\\`, `\'`. A clause without a
//! quantifier must hold for every seed.

use std::fmt;

use interleave_machine::parse_duration;

/// What a clause looks at in one run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Stdout,
    Stderr,
    /// The exit code.
    Exit,
    /// Virtual time at the end of the run.
    Time,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Str(String),
    Int(i64),
    /// Nanoseconds.
    Duration(u64),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    In,
    Contains,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantifier {
    AllSeeds,
    SomeSeed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Clause {
    pub subject: Subject,
    pub op: Op,
    /// One value, or several for `in`.
    pub values: Vec<Value>,
    pub quantifier: Quantifier,
}

/// What one run produced, as the clauses see it.
#[derive(Clone, Debug, Default)]
pub struct Observed {
    pub stdout: String,
    pub stderr: String,
    pub exit: i32,
    pub time_ns: u64,
}

impl Clause {
    /// Whether the clause holds for one run (the quantifier is applied by the caller).
    pub fn holds(&self, o: &Observed) -> bool {
        match self.subject {
            Subject::Stdout | Subject::Stderr => {
                let text = if self.subject == Subject::Stdout {
                    &o.stdout
                } else {
                    &o.stderr
                };
                let strs = self.values.iter().filter_map(|v| match v {
                    Value::Str(s) => Some(s.as_str()),
                    _ => None,
                });
                match self.op {
                    Op::Eq => strs.into_iter().any(|s| s == text),
                    Op::Ne => strs.into_iter().all(|s| s != text),
                    Op::In => strs.into_iter().any(|s| s == text),
                    Op::Contains => strs.into_iter().any(|s| text.contains(s)),
                    _ => false,
                }
            }
            Subject::Exit => {
                let code = i64::from(o.exit);
                let mut ints = self.values.iter().filter_map(|v| match v {
                    Value::Int(i) => Some(*i),
                    _ => None,
                });
                match self.op {
                    Op::Eq | Op::In => ints.any(|i| i == code),
                    Op::Ne => ints.all(|i| i != code),
                    _ => false,
                }
            }
            Subject::Time => {
                let Some(Value::Duration(d)) = self.values.first() else {
                    return false;
                };
                let t = o.time_ns;
                match self.op {
                    Op::Lt => t < *d,
                    Op::Le => t <= *d,
                    Op::Gt => t > *d,
                    Op::Ge => t >= *d,
                    _ => false,
                }
            }
        }
    }

    /// The observed value of this clause's subject, for failure messages.
    pub fn observed(&self, o: &Observed) -> String {
        match self.subject {
            Subject::Stdout => quote(&o.stdout),
            Subject::Stderr => quote(&o.stderr),
            Subject::Exit => o.exit.to_string(),
            Subject::Time => format_ns(o.time_ns),
        }
    }
}

/// A string as the expectation language writes it.
pub fn quote(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn format_ns(ns: u64) -> String {
    if ns >= 1_000_000_000 {
        format!("{}s", ns as f64 / 1e9)
    } else if ns >= 1_000_000 {
        format!("{}ms", ns as f64 / 1e6)
    } else {
        format!("{ns}ns")
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Str(s) => f.write_str(&quote(s)),
            Value::Int(i) => write!(f, "{i}"),
            Value::Duration(d) => f.write_str(&format_ns(*d)),
        }
    }
}

impl fmt::Display for Clause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let subject = match self.subject {
            Subject::Stdout => "stdout",
            Subject::Stderr => "stderr",
            Subject::Exit => "exit",
            Subject::Time => "time",
        };
        let op = match self.op {
            Op::Eq => "==",
            Op::Ne => "!=",
            Op::In => "in",
            Op::Contains => "contains",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        };
        write!(f, "{subject} {op} ")?;
        if self.op == Op::In {
            f.write_str("[")?;
            for (i, v) in self.values.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{v}")?;
            }
            f.write_str("]")?;
        } else if let Some(v) = self.values.first() {
            write!(f, "{v}")?;
        }
        match self.quantifier {
            Quantifier::AllSeeds => f.write_str(" for all seeds"),
            Quantifier::SomeSeed => f.write_str(" for some seed"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Str(String),
    Sym(&'static str),
}

fn lex(src: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let mut chars = src.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '\'' {
            chars.next();
            let mut s = String::new();
            loop {
                match chars.next() {
                    None => return Err("unterminated string".into()),
                    Some('\'') => break,
                    Some('\\') => match chars.next() {
                        Some('n') => s.push('\n'),
                        Some('t') => s.push('\t'),
                        Some('\\') => s.push('\\'),
                        Some('\'') => s.push('\''),
                        other => {
                            return Err(format!(
                                "unknown escape \\{} in string",
                                other.map(String::from).unwrap_or_default()
                            ));
                        }
                    },
                    Some(c) => s.push(c),
                }
            }
            out.push(Tok::Str(s));
        } else if c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-' {
            let mut w = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-' {
                    w.push(c);
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(Tok::Word(w));
        } else {
            chars.next();
            let two = chars.peek().copied();
            let sym = match (c, two) {
                ('=', Some('=')) => "==",
                ('!', Some('=')) => "!=",
                ('<', Some('=')) => "<=",
                ('>', Some('=')) => ">=",
                ('<', _) => "<",
                ('>', _) => ">",
                ('[', _) => "[",
                (']', _) => "]",
                (',', _) => ",",
                (';', _) => ";",
                _ => return Err(format!("unexpected character {c:?}")),
            };
            if sym.len() == 2 {
                chars.next();
            }
            out.push(Tok::Sym(sym));
        }
    }
    Ok(out)
}

/// Parses an `expect` attribute into clauses.
pub fn parse(src: &str) -> Result<Vec<Clause>, String> {
    let toks = lex(src)?;
    let mut clauses = Vec::new();
    for part in toks.split(|t| *t == Tok::Sym(";")) {
        if part.is_empty() {
            return Err("empty clause (stray ';')".into());
        }
        clauses.push(parse_clause(part)?);
    }
    if clauses.is_empty() {
        return Err("no clause".into());
    }
    Ok(clauses)
}

fn parse_clause(toks: &[Tok]) -> Result<Clause, String> {
    let mut it = toks.iter().peekable();
    let subject = match it.next() {
        Some(Tok::Word(w)) if w == "stdout" => Subject::Stdout,
        Some(Tok::Word(w)) if w == "stderr" => Subject::Stderr,
        Some(Tok::Word(w)) if w == "exit" => Subject::Exit,
        Some(Tok::Word(w)) if w == "time" => Subject::Time,
        other => {
            return Err(format!(
                "a clause starts with stdout, stderr, exit or time, not {}",
                describe(other)
            ));
        }
    };
    let op = match it.next() {
        Some(Tok::Sym("==")) => Op::Eq,
        Some(Tok::Sym("!=")) => Op::Ne,
        Some(Tok::Sym("<")) => Op::Lt,
        Some(Tok::Sym("<=")) => Op::Le,
        Some(Tok::Sym(">")) => Op::Gt,
        Some(Tok::Sym(">=")) => Op::Ge,
        Some(Tok::Word(w)) if w == "in" => Op::In,
        Some(Tok::Word(w)) if w == "contains" => Op::Contains,
        other => return Err(format!("expected an operator, found {}", describe(other))),
    };
    let allowed: &[Op] = match subject {
        Subject::Stdout | Subject::Stderr => &[Op::Eq, Op::Ne, Op::In, Op::Contains],
        Subject::Exit => &[Op::Eq, Op::Ne, Op::In],
        Subject::Time => &[Op::Lt, Op::Le, Op::Gt, Op::Ge],
    };
    if !allowed.contains(&op) {
        return Err(format!("operator {op:?} cannot be used with {subject:?}"));
    }
    let one = |tok: Option<&Tok>| -> Result<Value, String> {
        match (subject, tok) {
            (Subject::Stdout | Subject::Stderr, Some(Tok::Str(s))) => Ok(Value::Str(s.clone())),
            (Subject::Exit, Some(Tok::Word(w))) => w
                .parse()
                .map(Value::Int)
                .map_err(|_| format!("exit codes are integers, not {w:?}")),
            (Subject::Time, Some(Tok::Word(w))) if w.ends_with(|c: char| c.is_alphabetic()) => {
                parse_duration(w)
                    .map(Value::Duration)
                    .ok_or_else(|| format!("bad duration {w:?}"))
            }
            (Subject::Time, other) => Err(format!(
                "time is compared with a duration such as 1.5s or 300ms, not {}",
                describe(other)
            )),
            (Subject::Exit, other) => Err(format!(
                "exit is compared with an integer, not {}",
                describe(other)
            )),
            (_, other) => Err(format!(
                "{subject:?} is compared with a quoted string such as '0\\n', not {}",
                describe(other)
            )
            .to_lowercase()),
        }
    };
    let mut values = Vec::new();
    if op == Op::In {
        if it.next() != Some(&Tok::Sym("[")) {
            return Err("'in' needs a list: [..., ...]".into());
        }
        loop {
            values.push(one(it.next())?);
            match it.next() {
                Some(Tok::Sym(",")) => {}
                Some(Tok::Sym("]")) => break,
                other => return Err(format!("expected ',' or ']', found {}", describe(other))),
            }
        }
    } else {
        values.push(one(it.next())?);
    }
    let quantifier = match it.next() {
        None => Quantifier::AllSeeds,
        Some(Tok::Word(w)) if w == "for" => {
            let words: Vec<String> = it
                .by_ref()
                .map(|t| match t {
                    Tok::Word(w) => w.clone(),
                    other => describe(Some(other)),
                })
                .collect();
            match words.join(" ").as_str() {
                "all seeds" => Quantifier::AllSeeds,
                "some seed" => Quantifier::SomeSeed,
                other => {
                    return Err(format!(
                        "expected 'for all seeds' or 'for some seed', found 'for {other}'"
                    ));
                }
            }
        }
        other => {
            return Err(format!(
                "unexpected {} after the value (separate clauses with ';')",
                describe(other)
            ));
        }
    };
    Ok(Clause {
        subject,
        op,
        values,
        quantifier,
    })
}

fn describe(t: Option<&Tok>) -> String {
    match t {
        None => "the end".into(),
        Some(Tok::Word(w)) => format!("'{w}'"),
        Some(Tok::Str(s)) => quote(s),
        Some(Tok::Sym(s)) => format!("'{s}'"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(stdout: &str, exit: i32, time_ns: u64) -> Observed {
        Observed {
            stdout: stdout.into(),
            stderr: String::new(),
            exit,
            time_ns,
        }
    }

    #[test]
    fn clauses_parse_and_evaluate() {
        let c = parse(r"stdout == '0\n'; exit == 0; time < 1.5s").unwrap();
        assert_eq!(c.len(), 3);
        let ok = obs("0\n", 0, 1_000_000_000);
        assert!(c.iter().all(|c| c.holds(&ok)));
        let slow = obs("0\n", 0, 2_000_000_000);
        assert!(!c[2].holds(&slow));
        assert_eq!(c[0].to_string(), r"stdout == '0\n' for all seeds");
    }

    #[test]
    fn quantifiers_and_lists() {
        let c = parse(r"stdout != '0\n' for some seed").unwrap();
        assert_eq!(c[0].quantifier, Quantifier::SomeSeed);
        let c = parse(r"stdout in ['a\n', 'b\n'] for all seeds").unwrap();
        assert!(c[0].holds(&obs("b\n", 0, 0)));
        assert!(!c[0].holds(&obs("c\n", 0, 0)));
        let c = parse(r"stdout contains 'it\'s'").unwrap();
        assert!(c[0].holds(&obs("so it's done", 0, 0)));
        let c = parse("exit in [0, 124]").unwrap();
        assert!(c[0].holds(&obs("", 124, 0)));
    }

    #[test]
    fn errors_are_explained() {
        assert!(parse("stdout == 0").unwrap_err().contains("quoted string"));
        assert!(parse("exit < 3").unwrap_err().contains("cannot be used"));
        assert!(
            parse("stdout == 'x' for most seeds")
                .unwrap_err()
                .contains("for most seeds")
        );
        assert!(parse("stdout == 'x").unwrap_err().contains("unterminated"));
        assert!(
            parse("stdout == 'a' exit == 0")
                .unwrap_err()
                .contains("';'")
        );
        assert!(parse("time < 3").unwrap_err().contains("duration"));
        assert!(parse("").is_err());
    }
}
