//! The matcher of CPython 3.11's `_sre` (`Modules/_sre/sre_lib.h`), ported to Rust: a
//! backtracking interpreter of the code that `re._compiler` produces. Like the C original it
//! keeps its backtracking contexts on an explicit stack (never Rust recursion), so deep
//! patterns cannot overflow the wasm stack. Each `DO_JUMP` of the C code pushes a child
//! context and returns to the parent at the matching `Resume` point; the parent's loop
//! variables live in its [`Ctx`]. The search prefix and charset skipping of the `INFO` block
//! is left out: results are the same, it only runs the general search.
//!
//! The subject is a slice of code units: bytes for `bytes` and ASCII `str` subjects, `char`s
//! for other `str`s. Positions are indices into it.

use interleave_algo as unicode;

// Opcodes (`re._constants.OPCODES`, CPython 3.11's numbering, `MAGIC` 20220615).
const FAILURE: u32 = 0;
const SUCCESS: u32 = 1;
const ANY: u32 = 2;
const ANY_ALL: u32 = 3;
const ASSERT: u32 = 4;
const ASSERT_NOT: u32 = 5;
const AT: u32 = 6;
const BRANCH: u32 = 7;
const CATEGORY: u32 = 8;
const CHARSET: u32 = 9;
const BIGCHARSET: u32 = 10;
const GROUPREF: u32 = 11;
const GROUPREF_EXISTS: u32 = 12;
const IN: u32 = 13;
const INFO: u32 = 14;
const JUMP: u32 = 15;
const LITERAL: u32 = 16;
const MARK: u32 = 17;
const MAX_UNTIL: u32 = 18;
const MIN_UNTIL: u32 = 19;
const NOT_LITERAL: u32 = 20;
const NEGATE: u32 = 21;
const RANGE: u32 = 22;
const REPEAT: u32 = 23;
const REPEAT_ONE: u32 = 24;
const MIN_REPEAT_ONE: u32 = 26;
const ATOMIC_GROUP: u32 = 27;
const POSSESSIVE_REPEAT: u32 = 28;
const POSSESSIVE_REPEAT_ONE: u32 = 29;
const GROUPREF_IGNORE: u32 = 30;
const IN_IGNORE: u32 = 31;
const LITERAL_IGNORE: u32 = 32;
const NOT_LITERAL_IGNORE: u32 = 33;
const GROUPREF_LOC_IGNORE: u32 = 34;
const IN_LOC_IGNORE: u32 = 35;
const LITERAL_LOC_IGNORE: u32 = 36;
const NOT_LITERAL_LOC_IGNORE: u32 = 37;
const GROUPREF_UNI_IGNORE: u32 = 38;
const IN_UNI_IGNORE: u32 = 39;
const LITERAL_UNI_IGNORE: u32 = 40;
const NOT_LITERAL_UNI_IGNORE: u32 = 41;
const RANGE_UNI_IGNORE: u32 = 42;

// `AT` codes.
const AT_BEGINNING: u32 = 0;
const AT_BEGINNING_LINE: u32 = 1;
const AT_BEGINNING_STRING: u32 = 2;
const AT_BOUNDARY: u32 = 3;
const AT_NON_BOUNDARY: u32 = 4;
const AT_END: u32 = 5;
const AT_END_LINE: u32 = 6;
const AT_END_STRING: u32 = 7;
const AT_LOC_BOUNDARY: u32 = 8;
const AT_LOC_NON_BOUNDARY: u32 = 9;
const AT_UNI_BOUNDARY: u32 = 10;
const AT_UNI_NON_BOUNDARY: u32 = 11;

/// `_sre.MAXREPEAT`: a repeat count meaning "no upper bound".
pub const MAXREPEAT: u32 = u32::MAX;

/// How many steps run between two checks of the step budget (`MAYBE_CHECK_SIGNALS`).
const CHECK_EVERY: u64 = 0x1000;

/// Why a match stopped without an answer.
#[derive(Debug)]
pub enum Error {
    /// The run's step budget is spent (a runaway, e.g. catastrophic backtracking).
    Budget,
    /// The code is malformed (`SRE_ERROR_ILLEGAL`/`SRE_ERROR_STATE`).
    Internal,
}

type Res<T> = Result<T, Error>;

/// `Py_UNICODE_ISLINEBREAK` is not what sre uses: `SRE_IS_LINEBREAK` is `\n` only.
fn is_linebreak(ch: u32) -> bool {
    ch == u32::from(b'\n')
}

fn as_char(ch: u32) -> Option<char> {
    char::from_u32(ch)
}

fn is_ascii_digit(ch: u32) -> bool {
    (0x30..=0x39).contains(&ch)
}

fn is_ascii_space(ch: u32) -> bool {
    matches!(ch, 0x09..=0x0d | 0x20)
}

fn is_ascii_word(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphanumeric() || ch == u32::from(b'_')
}

/// `SRE_UNI_IS_WORD`: `str.isalnum()` or `_` (the ASCII answer without the tables).
fn is_uni_word(ch: u32) -> bool {
    if ch < 128 {
        return is_ascii_word(ch);
    }
    as_char(ch).is_some_and(unicode::is_alnum)
}

fn is_uni_digit(ch: u32) -> bool {
    if ch < 128 {
        return is_ascii_digit(ch);
    }
    as_char(ch).is_some_and(unicode::is_decimal)
}

fn is_uni_space(ch: u32) -> bool {
    as_char(ch).is_some_and(unicode::is_space)
}

fn is_uni_linebreak(ch: u32) -> bool {
    as_char(ch).is_some_and(unicode::is_linebreak)
}

/// `SRE_LOC_IS_WORD` in the C locale every simulated process runs in.
fn is_loc_word(ch: u32) -> bool {
    ch < 256 && is_ascii_word(ch)
}

/// `sre_lower_ascii`.
pub fn lower_ascii(ch: u32) -> u32 {
    if (0x41..=0x5a).contains(&ch) { ch + 32 } else { ch }
}

/// `sre_upper_ascii`.
fn upper_ascii(ch: u32) -> u32 {
    if (0x61..=0x7a).contains(&ch) { ch - 32 } else { ch }
}

/// `sre_lower_locale` in the C locale.
fn lower_locale(ch: u32) -> u32 {
    if ch < 256 { lower_ascii(ch) } else { ch }
}

/// `sre_upper_locale` in the C locale.
fn upper_locale(ch: u32) -> u32 {
    if ch < 256 { upper_ascii(ch) } else { ch }
}

/// `sre_lower_unicode`: `_PyUnicode_ToLowercase`.
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return lower_ascii(ch);
    }
    as_char(ch).map_or(ch, |c| unicode::simple_lower(c) as u32)
}

/// `sre_upper_unicode`: `_PyUnicode_ToUppercase`.
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return upper_ascii(ch);
    }
    as_char(ch).map_or(ch, |c| unicode::simple_upper(c) as u32)
}

/// `sre_category`: the codes come in pairs, a class then its negation (`CATEGORY_DIGIT`,
/// `CATEGORY_NOT_DIGIT`, …).
fn category(code: u32, ch: u32) -> bool {
    let class: fn(u32) -> bool = match code / 2 {
        0 => is_ascii_digit,
        1 => is_ascii_space,
        2 => is_ascii_word,
        3 => is_linebreak,
        4 => is_loc_word,
        5 => is_uni_digit,
        6 => is_uni_space,
        7 => is_uni_word,
        8 => is_uni_linebreak,
        _ => return false,
    };
    class(ch) != (code % 2 == 1)
}

/// `SRE(charset)`: is `ch` in the set starting at `code[set]`?
fn charset(code: &[u32], mut set: usize, ch: u32) -> bool {
    let mut ok = true;
    loop {
        let Some(&op) = code.get(set) else { return false };
        set += 1;
        match op {
            FAILURE => return !ok,
            LITERAL => {
                if ch == code[set] {
                    return ok;
                }
                set += 1;
            }
            CATEGORY => {
                if category(code[set], ch) {
                    return ok;
                }
                set += 1;
            }
            CHARSET => {
                if ch < 256 && code[set + (ch / 32) as usize] & (1u32 << (ch & 31)) != 0 {
                    return ok;
                }
                set += 8;
            }
            RANGE => {
                if code[set] <= ch && ch <= code[set + 1] {
                    return ok;
                }
                set += 2;
            }
            RANGE_UNI_IGNORE => {
                if code[set] <= ch && ch <= code[set + 1] {
                    return ok;
                }
                let uch = upper_unicode(ch);
                if code[set] <= uch && uch <= code[set + 1] {
                    return ok;
                }
                set += 2;
            }
            NEGATE => ok = !ok,
            BIGCHARSET => {
                // <BIGCHARSET> <blockcount> <256 block indices, 4 per code> <blocks>
                let count = code[set] as usize;
                set += 1;
                if ch < 0x10000 {
                    let hi = (ch >> 8) as usize;
                    let block = (code[set + hi / 4] >> ((hi % 4) * 8)) & 0xff;
                    let bit = block * 256 + (ch & 255);
                    if code[set + 64 + (bit / 32) as usize] & (1u32 << (bit & 31)) != 0 {
                        return ok;
                    }
                }
                set += 64 + count * 8;
            }
            _ => return false,
        }
    }
}

fn charset_loc_ignore(code: &[u32], set: usize, ch: u32) -> bool {
    let lo = lower_locale(ch);
    if charset(code, set, lo) {
        return true;
    }
    let up = upper_locale(ch);
    up != lo && charset(code, set, up)
}

fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}

/// Is `op` an instruction that matches exactly one character (see [`item_matches`])?
fn is_one_char(op: u32) -> bool {
    matches!(
        op,
        LITERAL | NOT_LITERAL | CATEGORY | ANY | ANY_ALL | IN | LITERAL_IGNORE | LITERAL_UNI_IGNORE
            | LITERAL_LOC_IGNORE | NOT_LITERAL_IGNORE | NOT_LITERAL_UNI_IGNORE | NOT_LITERAL_LOC_IGNORE
            | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE
    )
}

/// Does the one-character instruction at `code[at]` (`LITERAL`, `IN`, `ANY`, their `IGNORE`
/// variants…) match character `ch`?
fn item_matches(code: &[u32], at: usize, ch: u32) -> bool {
    let arg = code.get(at + 1).copied().unwrap_or(0);
    match code[at] {
        LITERAL => ch == arg,
        NOT_LITERAL => ch != arg,
        CATEGORY => category(arg, ch),
        ANY => !is_linebreak(ch),
        ANY_ALL => true,
        IN => charset(code, at + 2, ch),
        LITERAL_IGNORE => lower_ascii(ch) == arg,
        LITERAL_UNI_IGNORE => lower_unicode(ch) == arg,
        LITERAL_LOC_IGNORE => char_loc_ignore(arg, ch),
        NOT_LITERAL_IGNORE => lower_ascii(ch) != arg,
        NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != arg,
        NOT_LITERAL_LOC_IGNORE => !char_loc_ignore(arg, ch),
        IN_IGNORE => charset(code, at + 2, lower_ascii(ch)),
        IN_UNI_IGNORE => charset(code, at + 2, lower_unicode(ch)),
        IN_LOC_IGNORE => charset_loc_ignore(code, at + 2, ch),
        _ => false,
    }
}

/// A repeat context (`SRE_REPEAT`), made by `REPEAT` and used by `MAX_UNTIL`/`MIN_UNTIL`.
struct Repeat {
    count: isize,
    /// Where the `REPEAT` instruction's operands start.
    pattern: usize,
    prev: Option<usize>,
    last_ptr: Option<usize>,
}

/// Where a child context returns to in its parent (the C code's `JUMP_*` labels).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One backtracking context (`SRE(match_context)`).
struct Ctx {
    count: isize,
    /// `u.chr` or `u.rep` of the C context.
    chr: u32,
    rep: Option<usize>,
    lastmark: isize,
    lastindex: isize,
    pattern: usize,
    ptr: usize,
    toplevel: bool,
    jump: Jump,
}

/// What the interpreter loop does next.
enum Next {
    Enter,
    Dispatch,
    Exit,
    BranchLoop,
    RepeatOne1Loop,
    RepeatOne2Loop,
    MinRepeatOneLoop,
    PossRepeat1Loop,
    PossRepeat2Loop,
}

/// `SRE_STATE`: one match or search of `text[..end]`.
pub struct State<'a, S> {
    code: &'a [u32],
    text: &'a [S],
    /// Where the match starts (`state->start`); a search moves it to the match found.
    pub start: usize,
    pub end: usize,
    /// Where matching is (`state->ptr`); after a success, the end of the match.
    pub ptr: usize,
    pub marks: Vec<Option<usize>>,
    pub lastmark: isize,
    pub lastindex: isize,
    repeats: Vec<Repeat>,
    repeat: Option<usize>,
    data: Vec<Option<usize>>,
    pub match_all: bool,
    pub must_advance: bool,
    /// Steps taken (one per instruction dispatched or character counted).
    pub steps: u64,
    /// Steps allowed before [`Error::Budget`].
    budget: u64,
    /// When `tick` next compares `steps` with `budget`.
    next_check: u64,
    /// The context stack of `run`, kept between calls so that a search, which runs the code
    /// at every position, allocates it once.
    ctx_pool: Vec<Ctx>,
}

impl<'a, S: Copy + Into<u32>> State<'a, S> {
    /// A state for `text[start..end]` (`end` is `endpos`; `start` may exceed it, as in C).
    pub fn new(code: &'a [u32], text: &'a [S], start: usize, end: usize, budget: u64) -> Self {
        State {
            code,
            text,
            start,
            end,
            ptr: start,
            marks: Vec::new(),
            lastmark: -1,
            lastindex: -1,
            repeats: Vec::new(),
            repeat: None,
            data: Vec::new(),
            match_all: false,
            must_advance: false,
            steps: 0,
            budget,
            next_check: CHECK_EVERY,
            ctx_pool: Vec::new(),
        }
    }

    /// `state_reset`.
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = None;
        self.repeats.clear();
        self.data.clear();
    }

    /// The code unit at `i` (0 past the end of the string, where C reads its terminator).
    fn ch(&self, i: usize) -> u32 {
        self.text.get(i).map_or(0, |&c| c.into())
    }

    fn tick(&mut self, n: u64) -> Res<()> {
        self.steps += n;
        if self.steps >= self.next_check {
            if self.steps > self.budget {
                return Err(Error::Budget);
            }
            self.next_check = self.steps + CHECK_EVERY;
        }
        Ok(())
    }

    /// `SRE(at)`.
    fn at(&self, ptr: usize, at: u32) -> bool {
        let end = self.end;
        let boundary = |f: fn(u32) -> bool| -> Option<bool> {
            if end == 0 {
                return None;
            }
            let that = ptr > 0 && f(self.ch(ptr - 1));
            let this = ptr < end && f(self.ch(ptr));
            Some(this != that)
        };
        match at {
            AT_BEGINNING | AT_BEGINNING_STRING => ptr == 0,
            AT_BEGINNING_LINE => ptr == 0 || is_linebreak(self.ch(ptr - 1)),
            AT_END => (ptr + 1 == end && is_linebreak(self.ch(ptr))) || ptr == end,
            AT_END_LINE => ptr == end || is_linebreak(self.ch(ptr)),
            AT_END_STRING => ptr == end,
            AT_BOUNDARY => boundary(is_ascii_word) == Some(true),
            AT_NON_BOUNDARY => boundary(is_ascii_word) == Some(false),
            AT_LOC_BOUNDARY => boundary(is_loc_word) == Some(true),
            AT_LOC_NON_BOUNDARY => boundary(is_loc_word) == Some(false),
            AT_UNI_BOUNDARY => boundary(is_uni_word) == Some(true),
            AT_UNI_NON_BOUNDARY => boundary(is_uni_word) == Some(false),
            _ => false,
        }
    }

    /// `SRE(count)`: how many times the one-character item at `code[pc]` matches from
    /// `self.ptr`, at most `maxcount` times.
    fn count(&mut self, pc: usize, maxcount: u32) -> Res<usize> {
        let code = self.code;
        let start = self.ptr;
        let mut end = self.end;
        if start >= end {
            return Ok(0);
        }
        if maxcount != MAXREPEAT && (maxcount as usize) < end - start {
            end = start + maxcount as usize;
        }
        let mut ptr = start;
        let arg = code.get(pc + 1).copied().unwrap_or(0);
        match code[pc] {
            // The common items get loops of their own; C's list (IN, ANY, ANY_ALL and the
            // literals) also goes through `SRE(match)` for the other one-character items, with
            // the same result.
            IN => {
                while ptr < end && charset(code, pc + 2, self.ch(ptr)) {
                    ptr += 1;
                }
            }
            ANY_ALL => ptr = end,
            LITERAL => {
                while ptr < end && self.ch(ptr) == arg {
                    ptr += 1;
                }
            }
            op if is_one_char(op) => {
                while ptr < end && item_matches(code, pc, self.ch(ptr)) {
                    ptr += 1;
                }
            }
            _ => {
                // A general single-character item: match it repeatedly.
                while self.ptr < end {
                    if !self.run(pc, false)? {
                        break;
                    }
                }
                let n = self.ptr - start;
                self.tick(n as u64)?;
                return Ok(n);
            }
        }
        self.tick((ptr - start) as u64)?;
        Ok(ptr - start)
    }

    fn set_mark(&mut self, i: usize, ptr: usize) {
        if self.marks.len() <= i {
            self.marks.resize(i + 1, None);
        }
        if i as isize > self.lastmark {
            for j in (self.lastmark + 1) as usize..i {
                self.marks[j] = None;
            }
            self.lastmark = i as isize;
        }
        self.marks[i] = Some(ptr);
    }

    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            if self.marks.len() < n {
                self.marks.resize(n, None);
            }
            self.data.extend_from_slice(&self.marks[..n]);
        }
    }

    fn mark_pop(&mut self, lastmark: isize, discard: bool) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let from = self.data.len() - n;
            if self.marks.len() < n {
                self.marks.resize(n, None);
            }
            self.marks[..n].copy_from_slice(&self.data[from..]);
            if discard {
                self.data.truncate(from);
            }
        }
    }

    fn mark_pop_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            self.data.truncate(self.data.len() - n);
        }
    }

    /// `if (state->repeat) MARK_PUSH(lastmark)`: marks are saved only inside a repeat.
    fn mark_push_in_repeat(&mut self, lastmark: isize) {
        if self.repeat.is_some() {
            self.mark_push(lastmark);
        }
    }

    /// `if (state->repeat) MARK_POP(lastmark)` (`MARK_POP_KEEP` when not `discard`).
    fn mark_pop_in_repeat(&mut self, lastmark: isize, discard: bool) {
        if self.repeat.is_some() {
            self.mark_pop(lastmark, discard);
        }
    }

    /// `if (state->repeat) MARK_POP_DISCARD(lastmark)`.
    fn mark_pop_discard_in_repeat(&mut self, lastmark: isize) {
        if self.repeat.is_some() {
            self.mark_pop_discard(lastmark);
        }
    }

    /// The span of group `g` (0-based group number minus one) if it is set and well formed.
    fn group_span(&self, gid: u32) -> Option<(usize, usize)> {
        let i = gid as usize * 2;
        if i as isize >= self.lastmark {
            return None;
        }
        match (self.marks.get(i).copied().flatten(), self.marks.get(i + 1).copied().flatten()) {
            (Some(p), Some(e)) if e >= p => Some((p, e)),
            _ => None,
        }
    }

    /// `SRE(match)`: does the code at `pattern` match at `self.ptr`? On success `self.ptr` is
    /// where the match ends.
    pub fn run(&mut self, pattern: usize, toplevel: bool) -> Res<bool> {
        let code = self.code;
        let end = self.end;
        let mut ctxs = std::mem::take(&mut self.ctx_pool);
        ctxs.clear();
        ctxs.push(Ctx {
            count: 0,
            chr: 0,
            rep: None,
            lastmark: 0,
            lastindex: 0,
            pattern,
            ptr: self.ptr,
            toplevel,
            jump: Jump::None,
        });
        let mut pc = pattern;
        let mut ptr = self.ptr;
        let mut ret = false;
        let mut next = Next::Enter;

        macro_rules! ctx {
            () => {
                ctxs.last_mut().expect("context")
            };
        }
        macro_rules! lastmark_save {
            () => {{
                let (lm, li) = (self.lastmark, self.lastindex);
                let c = ctx!();
                c.lastmark = lm;
                c.lastindex = li;
            }};
        }
        macro_rules! lastmark_restore {
            () => {{
                let c = ctx!();
                self.lastmark = c.lastmark;
                self.lastindex = c.lastindex;
            }};
        }
        macro_rules! fail {
            () => {{
                ret = false;
                next = Next::Exit;
                continue;
            }};
        }
        macro_rules! succeed {
            () => {{
                ret = true;
                next = Next::Exit;
                continue;
            }};
        }
        // `DO_JUMPX`: run the code at `$to` in a child context, resuming at `$jump`.
        macro_rules! jump {
            ($jump:expr, $to:expr, $toplevel:expr) => {{
                let to = $to;
                let c = ctx!();
                c.pattern = pc;
                c.ptr = ptr;
                let toplevel = $toplevel;
                ctxs.push(Ctx {
                    count: 0,
                    chr: 0,
                    rep: None,
                    lastmark: 0,
                    lastindex: 0,
                    pattern: to,
                    ptr: 0,
                    toplevel,
                    jump: $jump,
                });
                pc = to;
                next = Next::Enter;
                continue;
            }};
        }

        loop {
            match next {
                Next::Enter => {
                    ptr = self.ptr;
                    if code[pc] == INFO {
                        let min = code[pc + 3] as usize;
                        if min != 0 && end.wrapping_sub(ptr) < min {
                            fail!();
                        }
                        pc += code[pc + 1] as usize + 1;
                    }
                    next = Next::Dispatch;
                }
                Next::Dispatch => {
                    self.tick(1)?;
                    let op = code[pc];
                    pc += 1;
                    match op {
                        MARK => {
                            let i = code[pc] as usize;
                            if i & 1 == 1 {
                                self.lastindex = (i / 2 + 1) as isize;
                            }
                            self.set_mark(i, ptr);
                            pc += 1;
                        }
                        SUCCESS => {
                            if ctx!().toplevel
                                && ((self.match_all && ptr != self.end) || (self.must_advance && ptr == self.start))
                            {
                                fail!();
                            }
                            self.ptr = ptr;
                            succeed!();
                        }
                        AT => {
                            if !self.at(ptr, code[pc]) {
                                fail!();
                            }
                            pc += 1;
                        }
                        _ if is_one_char(op) => {
                            // One character.
                            if ptr >= end || !item_matches(code, pc - 1, self.ch(ptr)) {
                                fail!();
                            }
                            pc += match op {
                                ANY | ANY_ALL => 0,
                                IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => code[pc] as usize,
                                _ => 1,
                            };
                            ptr += 1;
                        }
                        JUMP | INFO => pc += code[pc] as usize,
                        BRANCH => {
                            // <BRANCH> <0=skip> code <JUMP> ... <NULL>
                            lastmark_save!();
                            self.mark_push_in_repeat(ctx!().lastmark);
                            next = Next::BranchLoop;
                        }
                        REPEAT_ONE => {
                            // <REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
                            let min = code[pc + 1] as usize;
                            if min as isize > end as isize - ptr as isize {
                                fail!();
                            }
                            self.ptr = ptr;
                            let count = self.count(pc + 3, code[pc + 2])?;
                            ptr += count;
                            if count < min {
                                fail!();
                            }
                            let tail = pc + code[pc] as usize;
                            let toplevel = ctx!().toplevel;
                            if code[tail] == SUCCESS
                                && ptr == self.end
                                && !(toplevel && self.must_advance && ptr == self.start)
                            {
                                self.ptr = ptr;
                                succeed!();
                            }
                            ctx!().count = count as isize;
                            lastmark_save!();
                            self.mark_push_in_repeat(ctx!().lastmark);
                            if code[tail] == LITERAL {
                                ctx!().chr = code[tail + 1];
                                next = Next::RepeatOne1Loop;
                            } else {
                                next = Next::RepeatOne2Loop;
                            }
                        }
                        MIN_REPEAT_ONE => {
                            // <MIN_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
                            let min = code[pc + 1] as usize;
                            if min as isize > end as isize - ptr as isize {
                                fail!();
                            }
                            self.ptr = ptr;
                            let mut count = 0;
                            if min != 0 {
                                count = self.count(pc + 3, code[pc + 1])?;
                                if count < min {
                                    fail!();
                                }
                                ptr += count;
                            }
                            ctx!().count = count as isize;
                            let toplevel = ctx!().toplevel;
                            if code[pc + code[pc] as usize] == SUCCESS
                                && !(toplevel
                                    && ((self.match_all && ptr != self.end)
                                        || (self.must_advance && ptr == self.start)))
                            {
                                self.ptr = ptr;
                                succeed!();
                            }
                            lastmark_save!();
                            self.mark_push_in_repeat(ctx!().lastmark);
                            next = Next::MinRepeatOneLoop;
                        }
                        POSSESSIVE_REPEAT_ONE => {
                            let min = code[pc + 1] as usize;
                            if ptr + min > end {
                                fail!();
                            }
                            self.ptr = ptr;
                            let count = self.count(pc + 3, code[pc + 2])?;
                            ptr += count;
                            if count < min {
                                fail!();
                            }
                            pc += code[pc] as usize;
                            let toplevel = ctx!().toplevel;
                            if code[pc] == SUCCESS
                                && ptr == self.end
                                && !(toplevel && self.must_advance && ptr == self.start)
                            {
                                self.ptr = ptr;
                                succeed!();
                            }
                        }
                        REPEAT => {
                            // <REPEAT> <skip> <1=min> <2=max> <3=repeat_index> item <UNTIL> tail
                            let prev = self.repeat;
                            self.repeats.push(Repeat { count: -1, pattern: pc, prev, last_ptr: None });
                            let idx = self.repeats.len() - 1;
                            ctx!().rep = Some(idx);
                            self.repeat = Some(idx);
                            self.ptr = ptr;
                            let toplevel = ctx!().toplevel;
                            jump!(Jump::Repeat, pc + code[pc] as usize, toplevel);
                        }
                        MAX_UNTIL | MIN_UNTIL => {
                            // <REPEAT> <skip> <1=min> <2=max> item <MAX_UNTIL|MIN_UNTIL> tail
                            let Some(rep) = self.repeat else { return Err(Error::Internal) };
                            ctx!().rep = Some(rep);
                            self.ptr = ptr;
                            let count = self.repeats[rep].count + 1;
                            ctx!().count = count;
                            let rp = self.repeats[rep].pattern;
                            let toplevel = ctx!().toplevel;
                            if count < code[rp + 1] as isize {
                                // Not enough matches yet.
                                self.repeats[rep].count = count;
                                let jump = if op == MAX_UNTIL { Jump::MaxUntil1 } else { Jump::MinUntil1 };
                                jump!(jump, rp + 3, toplevel);
                            }
                            if op == MIN_UNTIL {
                                // See if the tail matches first.
                                self.repeat = self.repeats[rep].prev;
                                lastmark_save!();
                                self.mark_push_in_repeat(ctx!().lastmark);
                                jump!(Jump::MinUntil2, pc, toplevel);
                            }
                            if (count < code[rp + 2] as isize || code[rp + 2] == MAXREPEAT)
                                && Some(self.ptr) != self.repeats[rep].last_ptr
                            {
                                // One more item if it matches (with zero-width match protection).
                                self.repeats[rep].count = count;
                                lastmark_save!();
                                self.mark_push(ctx!().lastmark);
                                self.data.push(self.repeats[rep].last_ptr);
                                self.repeats[rep].last_ptr = Some(self.ptr);
                                jump!(Jump::MaxUntil2, rp + 3, toplevel);
                            }
                            self.repeat = self.repeats[rep].prev;
                            jump!(Jump::MaxUntil3, pc, toplevel);
                        }
                        POSSESSIVE_REPEAT => {
                            // <POSSESSIVE_REPEAT> <skip> <1=min> <2=max> pattern <SUCCESS> tail
                            self.ptr = ptr;
                            ctx!().count = 0;
                            next = Next::PossRepeat1Loop;
                        }
                        ATOMIC_GROUP => {
                            // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                            self.ptr = ptr;
                            jump!(Jump::AtomicGroup, pc + 1, false);
                        }
                        GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                            let Some((mut p, e)) = self.group_span(code[pc]) else { fail!() };
                            let fold: fn(u32) -> u32 = match op {
                                GROUPREF => |c| c,
                                GROUPREF_IGNORE => lower_ascii,
                                GROUPREF_UNI_IGNORE => lower_unicode,
                                _ => lower_locale,
                            };
                            let mut ok = true;
                            while p < e {
                                if ptr >= end || fold(self.ch(ptr)) != fold(self.ch(p)) {
                                    ok = false;
                                    break;
                                }
                                p += 1;
                                ptr += 1;
                            }
                            if !ok {
                                fail!();
                            }
                            pc += 1;
                        }
                        GROUPREF_EXISTS => {
                            // <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno ...
                            if self.group_span(code[pc]).is_none() {
                                pc += code[pc + 1] as usize;
                            } else {
                                pc += 2;
                            }
                        }
                        ASSERT => {
                            // <ASSERT> <skip> <back> <pattern>
                            let back = code[pc + 1] as usize;
                            if ptr < back {
                                fail!();
                            }
                            self.ptr = ptr - back;
                            jump!(Jump::Assert, pc + 2, false);
                        }
                        ASSERT_NOT => {
                            let back = code[pc + 1] as usize;
                            if ptr >= back {
                                self.ptr = ptr - back;
                                lastmark_save!();
                                self.mark_push_in_repeat(ctx!().lastmark);
                                jump!(Jump::AssertNot, pc + 2, false);
                            }
                            pc += code[pc] as usize;
                        }
                        FAILURE => fail!(),
                        _ => return Err(Error::Internal),
                    }
                }
                Next::BranchLoop => {
                    if code[pc] == 0 {
                        self.mark_pop_discard_in_repeat(ctx!().lastmark);
                        fail!();
                    }
                    let skip = code[pc] as usize;
                    if code[pc + 1] == LITERAL && (ptr >= end || self.ch(ptr) != code[pc + 2]) {
                        pc += skip;
                        continue;
                    }
                    if code[pc + 1] == IN && (ptr >= end || !charset(code, pc + 3, self.ch(ptr))) {
                        pc += skip;
                        continue;
                    }
                    self.ptr = ptr;
                    let toplevel = ctx!().toplevel;
                    jump!(Jump::Branch, pc + 1, toplevel);
                }
                Next::RepeatOne1Loop => {
                    let min = code[pc + 1] as isize;
                    let chr = ctx!().chr;
                    while ctx!().count >= min && (ptr >= end || self.ch(ptr) != chr) {
                        ptr = ptr.wrapping_sub(1);
                        ctx!().count -= 1;
                    }
                    if ctx!().count < min {
                        self.mark_pop_discard_in_repeat(ctx!().lastmark);
                        fail!();
                    }
                    self.ptr = ptr;
                    let toplevel = ctx!().toplevel;
                    jump!(Jump::RepeatOne1, pc + code[pc] as usize, toplevel);
                }
                Next::RepeatOne2Loop => {
                    let min = code[pc + 1] as isize;
                    if ctx!().count < min {
                        self.mark_pop_discard_in_repeat(ctx!().lastmark);
                        fail!();
                    }
                    self.ptr = ptr;
                    let toplevel = ctx!().toplevel;
                    jump!(Jump::RepeatOne2, pc + code[pc] as usize, toplevel);
                }
                Next::MinRepeatOneLoop => {
                    let max = code[pc + 2];
                    if !(max == MAXREPEAT || ctx!().count <= max as isize) {
                        self.mark_pop_discard_in_repeat(ctx!().lastmark);
                        fail!();
                    }
                    self.ptr = ptr;
                    let toplevel = ctx!().toplevel;
                    jump!(Jump::MinRepeatOne, pc + code[pc] as usize, toplevel);
                }
                Next::PossRepeat1Loop => {
                    if ctx!().count < code[pc + 1] as isize {
                        jump!(Jump::PossRepeat1, pc + 3, false);
                    }
                    // Clear the context's pointer so that the loop below is entered.
                    ctx!().ptr = usize::MAX;
                    ptr = usize::MAX;
                    next = Next::PossRepeat2Loop;
                }
                Next::PossRepeat2Loop => {
                    let max = code[pc + 2];
                    if (ctx!().count < max as isize || max == MAXREPEAT) && self.ptr != ptr {
                        lastmark_save!();
                        self.mark_push(ctx!().lastmark);
                        ptr = self.ptr;
                        jump!(Jump::PossRepeat2, pc + 3, false);
                    }
                    pc += code[pc] as usize + 1;
                    ptr = self.ptr;
                    next = Next::Dispatch;
                }
                Next::Exit => {
                    let done = ctxs.pop().expect("context");
                    let Some(c) = ctxs.last() else {
                        self.ctx_pool = ctxs;
                        return Ok(ret);
                    };
                    pc = c.pattern;
                    ptr = c.ptr;
                    match done.jump {
                        Jump::None => {
                            self.ctx_pool = ctxs;
                            return Ok(ret);
                        }
                        Jump::Branch => {
                            if ret {
                                self.mark_pop_discard_in_repeat(ctx!().lastmark);
                                succeed!();
                            }
                            self.mark_pop_in_repeat(ctx!().lastmark, false);
                            lastmark_restore!();
                            pc += code[pc] as usize;
                            next = Next::BranchLoop;
                        }
                        Jump::RepeatOne1 | Jump::RepeatOne2 | Jump::MinRepeatOne => {
                            if ret {
                                self.mark_pop_discard_in_repeat(ctx!().lastmark);
                                succeed!();
                            }
                            self.mark_pop_in_repeat(ctx!().lastmark, false);
                            lastmark_restore!();
                            if done.jump == Jump::MinRepeatOne {
                                self.ptr = ptr;
                                let n = self.count(pc + 3, 1)?;
                                if n == 0 {
                                    self.mark_pop_discard_in_repeat(ctx!().lastmark);
                                    fail!();
                                }
                                ptr += 1;
                                ctx!().count += 1;
                                next = Next::MinRepeatOneLoop;
                            } else {
                                ptr = ptr.wrapping_sub(1);
                                ctx!().count -= 1;
                                next = if done.jump == Jump::RepeatOne1 {
                                    Next::RepeatOne1Loop
                                } else {
                                    Next::RepeatOne2Loop
                                };
                            }
                        }
                        Jump::Repeat => {
                            let rep = ctx!().rep.expect("repeat");
                            self.repeat = self.repeats[rep].prev;
                            self.repeats.truncate(rep);
                            next = Next::Exit;
                        }
                        Jump::MaxUntil1 | Jump::MinUntil1 => {
                            if ret {
                                succeed!();
                            }
                            let rep = ctx!().rep.expect("repeat");
                            self.repeats[rep].count = ctx!().count - 1;
                            self.ptr = ptr;
                            fail!();
                        }
                        Jump::MaxUntil2 => {
                            let rep = ctx!().rep.expect("repeat");
                            self.repeats[rep].last_ptr = self.data.pop().expect("last_ptr");
                            if ret {
                                self.mark_pop_discard(ctx!().lastmark);
                                succeed!();
                            }
                            self.mark_pop(ctx!().lastmark, true);
                            lastmark_restore!();
                            self.repeats[rep].count = ctx!().count - 1;
                            self.ptr = ptr;
                            // Cannot match more repeated items here: make sure the tail matches.
                            self.repeat = self.repeats[rep].prev;
                            let toplevel = ctx!().toplevel;
                            jump!(Jump::MaxUntil3, pc, toplevel);
                        }
                        Jump::MaxUntil3 => {
                            let rep = ctx!().rep.expect("repeat");
                            self.repeat = Some(rep);
                            if ret {
                                succeed!();
                            }
                            self.ptr = ptr;
                            fail!();
                        }
                        Jump::MinUntil2 => {
                            let rep = ctx!().rep.expect("repeat");
                            let repeat_of_tail = self.repeat;
                            self.repeat = Some(rep);
                            if ret {
                                if repeat_of_tail.is_some() {
                                    self.mark_pop_discard(ctx!().lastmark);
                                }
                                succeed!();
                            }
                            if repeat_of_tail.is_some() {
                                self.mark_pop(ctx!().lastmark, true);
                            }
                            lastmark_restore!();
                            self.ptr = ptr;
                            let rp = self.repeats[rep].pattern;
                            let max = code[rp + 2];
                            let count = ctx!().count;
                            if (count >= max as isize && max != MAXREPEAT) || Some(self.ptr) == self.repeats[rep].last_ptr
                            {
                                fail!();
                            }
                            self.repeats[rep].count = count;
                            self.data.push(self.repeats[rep].last_ptr);
                            self.repeats[rep].last_ptr = Some(self.ptr);
                            let toplevel = ctx!().toplevel;
                            jump!(Jump::MinUntil3, rp + 3, toplevel);
                        }
                        Jump::MinUntil3 => {
                            let rep = ctx!().rep.expect("repeat");
                            self.repeats[rep].last_ptr = self.data.pop().expect("last_ptr");
                            if ret {
                                succeed!();
                            }
                            self.repeats[rep].count = ctx!().count - 1;
                            self.ptr = ptr;
                            fail!();
                        }
                        Jump::PossRepeat1 => {
                            if ret {
                                ctx!().count += 1;
                                next = Next::PossRepeat1Loop;
                            } else {
                                self.ptr = ptr;
                                fail!();
                            }
                        }
                        Jump::PossRepeat2 => {
                            if ret {
                                self.mark_pop_discard(ctx!().lastmark);
                                ctx!().count += 1;
                                next = Next::PossRepeat2Loop;
                            } else {
                                self.mark_pop(ctx!().lastmark, true);
                                lastmark_restore!();
                                self.ptr = ptr;
                                pc += code[pc] as usize + 1;
                                ptr = self.ptr;
                                next = Next::Dispatch;
                            }
                        }
                        Jump::AtomicGroup => {
                            if !ret {
                                self.ptr = ptr;
                                fail!();
                            }
                            pc += code[pc] as usize;
                            ptr = self.ptr;
                            next = Next::Dispatch;
                        }
                        Jump::Assert => {
                            if !ret {
                                fail!();
                            }
                            pc += code[pc] as usize;
                            next = Next::Dispatch;
                        }
                        Jump::AssertNot => {
                            if ret {
                                self.mark_pop_discard_in_repeat(ctx!().lastmark);
                                fail!();
                            }
                            self.mark_pop_in_repeat(ctx!().lastmark, true);
                            lastmark_restore!();
                            pc += code[pc] as usize;
                            next = Next::Dispatch;
                        }
                    }
                }
            }
        }
    }

    /// `SRE(search)` without the prefix and charset skipping (same results).
    pub fn search(&mut self) -> Res<bool> {
        let code = self.code;
        let mut ptr = self.start;
        let mut end = self.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0;
        if code[0] == INFO {
            // <INFO> <1=skip> <2=flags> <3=min> ...
            let min = code[3] as usize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                end = (end + 1 - min).max(ptr);
            }
            pc = 1 + code[1] as usize;
        }
        self.start = ptr;
        self.ptr = ptr;
        let mut status = self.run(pc, true)?;
        self.must_advance = false;
        if !status && code[pc] == AT && (code[pc + 1] == AT_BEGINNING || code[pc + 1] == AT_BEGINNING_STRING) {
            self.start = end;
            self.ptr = end;
            return Ok(false);
        }
        while !status && ptr < end {
            ptr += 1;
            self.reset();
            self.start = ptr;
            self.ptr = ptr;
            status = self.run(pc, false)?;
        }
        Ok(status)
    }

    /// `sre_match`: matches at `self.start` (the code's `INFO` block is checked by `run`).
    pub fn matches(&mut self) -> Res<bool> {
        self.ptr = self.start;
        self.run(0, true)
    }
}
