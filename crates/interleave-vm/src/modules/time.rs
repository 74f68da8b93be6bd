//! `_time`: the native half of `time` (see `py/time.py`). Every clock reads the run's virtual
//! clock — `time.sleep(2)` advances it by two seconds and costs no real time — and the time
//! zone is UTC. `time.time()` starts at [`EPOCH_NS`] (2024-01-01 00:00:00 UTC).

use crate::interp::{EPOCH_NS, Interp};
use crate::native::{Args, NativeFn, PyResult};
use crate::value::{ObjRef, Value};

/// `time.monotonic()` and `time.perf_counter()` at the start of a run: the simulated machine
/// has been up for an hour.
const BOOT_NS: u64 = 3_600_000_000_000;

pub fn init(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[
        ("sleep", sleep),
        ("time", time),
        ("time_ns", time_ns),
        ("perf_counter", monotonic),
        ("perf_counter_ns", monotonic_ns),
        ("monotonic", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("process_time", process_time),
        ("process_time_ns", process_time_ns),
        ("thread_time", process_time),
        ("thread_time_ns", process_time_ns),
        ("_fields", fields),
        ("_strftime", strftime),
        ("_timegm", timegm),
    ];
    for &(name, f) in fns {
        interp.def_fn(d, name, f);
    }
    Ok(())
}

fn no_args(interp: &mut Interp, name: &str, args: &Args) -> PyResult<()> {
    super::no_args(interp, name, args)
}

fn secs(ns: u64) -> Value {
    Value::Float(ns as f64 / 1e9)
}

fn time(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_args(interp, "time", &args)?;
    Ok(secs(EPOCH_NS + interp.now_ns()))
}

fn time_ns(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_args(interp, "time_ns", &args)?;
    Ok(Value::Int((EPOCH_NS + interp.now_ns()) as i64))
}

fn monotonic(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_args(interp, "monotonic", &args)?;
    Ok(secs(BOOT_NS + interp.now_ns()))
}

fn monotonic_ns(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_args(interp, "monotonic_ns", &args)?;
    Ok(Value::Int((BOOT_NS + interp.now_ns()) as i64))
}

/// CPU time: the instructions run so far (sleeping and blocking cost none).
fn cpu_ns(interp: &Interp) -> u64 {
    interp.cpu_ns
}

fn process_time(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_args(interp, "process_time", &args)?;
    Ok(secs(cpu_ns(interp)))
}

fn process_time_ns(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_args(interp, "process_time_ns", &args)?;
    Ok(Value::Int(cpu_ns(interp) as i64))
}

fn sleep(interp: &mut Interp, args: Args) -> PyResult<Value> {
    crate::builtins::args::count(interp, "sleep", &args, 1, 1)?;
    let s = match &args.pos[0] {
        Value::Float(f) => *f,
        Value::Int(i) => *i as f64,
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::BigInt(_) => return Err(interp.err(interp.t.overflow_error, "timestamp too large to convert to C _PyTime_t")),
        other => {
            let msg = format!("'{}' object cannot be interpreted as an integer", interp.type_name(other));
            return Err(interp.err(interp.t.type_error, msg));
        }
    };
    if s.is_nan() {
        return Err(interp.err(interp.t.value_error, "Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(interp.err(interp.t.value_error, "sleep length must be non-negative"));
    }
    if s > 9.2e9 {
        return Err(interp.err(interp.t.overflow_error, "timestamp too large to convert to C _PyTime_t"));
    }
    interp.sleep_for((s * 1e9).round() as u64)?;
    Ok(Value::None)
}

/// Broken-down UTC time: year, month, day, hour, minute, second, weekday (Monday = 0),
/// day of the year (1-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    pub mon: i64,
    pub mday: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub wday: i64,
    pub yday: i64,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The UTC broken-down time of `t` seconds since the Unix epoch.
pub fn civil_from_secs(t: i64) -> Civil {
    let days = t.div_euclid(86_400);
    let rem = t.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let mday = doy - (153 * mp + 2) / 5 + 1;
    let mon = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(mon <= 2);
    let yday = days - days_from_civil(year, 1, 1) + 1;
    Civil {
        year,
        mon,
        mday,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        wday: (days + 3).rem_euclid(7),
        yday,
    }
}

/// `_fields(secs or None)`: the 9 fields of `gmtime(secs)` as a tuple.
fn fields(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let t = match args.pos.first() {
        None | Some(Value::None) => ((EPOCH_NS + interp.now_ns()) / 1_000_000_000) as i64,
        Some(Value::Int(i)) => *i,
        Some(Value::Bool(b)) => i64::from(*b),
        Some(Value::Float(f)) if f.is_finite() && f.abs() < 1e15 => f.floor() as i64,
        Some(Value::Float(f)) if f.is_nan() => return Err(interp.err(interp.t.value_error, "Invalid value NaN (not a number)")),
        Some(Value::Float(_)) | Some(Value::BigInt(_)) => {
            return Err(interp.err(interp.t.overflow_error, "timestamp out of range for platform time_t"));
        }
        Some(other) => {
            let msg = format!("'{}' object cannot be interpreted as an integer", interp.type_name(other));
            return Err(interp.err(interp.t.type_error, msg));
        }
    };
    let c = civil_from_secs(t);
    let items = [c.year, c.mon, c.mday, c.hour, c.min, c.sec, c.wday, c.yday, 0].map(Value::Int).to_vec();
    Ok(interp.new_tuple(items))
}

/// Reads 9 integer fields from a tuple-like value (a `struct_time` or a plain tuple).
fn civil_arg(interp: &mut Interp, v: &Value) -> PyResult<Civil> {
    let items = interp.collect_iterable(v)?;
    if items.len() != 9 {
        return Err(interp.err(interp.t.type_error, "time tuple must have exactly 9 elements"));
    }
    let mut f = [0i64; 9];
    for (slot, v) in f.iter_mut().zip(&items) {
        *slot = crate::builtins::args::int(interp, v)?;
    }
    Ok(Civil { year: f[0], mon: f[1], mday: f[2], hour: f[3], min: f[4], sec: f[5], wday: f[6], yday: f[7] })
}

fn timegm(interp: &mut Interp, args: Args) -> PyResult<Value> {
    crate::builtins::args::count(interp, "mktime", &args, 1, 1)?;
    let c = civil_arg(interp, &args.pos[0])?;
    let days = days_from_civil(c.year, c.mon, 1) + c.mday - 1;
    Ok(Value::Float((days * 86_400 + c.hour * 3600 + c.min * 60 + c.sec) as f64))
}

const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];

/// glibc's `strftime` in the C locale for the UTC time `c`.
pub fn format_time(fmt: &str, c: &Civil) -> String {
    let day = DAYS[c.wday.rem_euclid(7) as usize];
    let month = MONTHS[(c.mon - 1).rem_euclid(12) as usize];
    let hour12 = if c.hour % 12 == 0 { 12 } else { c.hour % 12 };
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(ch) = chars.next() {
        if ch != '%' {
            out.push(ch);
            continue;
        }
        let Some(code) = chars.next() else {
            out.push('%');
            break;
        };
        let s = match code {
            'Y' => c.year.to_string(),
            'y' => format!("{:02}", c.year.rem_euclid(100)),
            'C' => format!("{:02}", c.year.div_euclid(100)),
            'm' => format!("{:02}", c.mon),
            'd' => format!("{:02}", c.mday),
            'e' => format!("{:2}", c.mday),
            'H' => format!("{:02}", c.hour),
            'I' => format!("{hour12:02}"),
            'M' => format!("{:02}", c.min),
            'S' => format!("{:02}", c.sec),
            'j' => format!("{:03}", c.yday),
            'a' => day[..3].to_string(),
            'A' => day.to_string(),
            'b' | 'h' => month[..3].to_string(),
            'B' => month.to_string(),
            'p' => if c.hour < 12 { "AM" } else { "PM" }.to_string(),
            'w' => ((c.wday + 1) % 7).to_string(),
            'u' => (c.wday + 1).to_string(),
            'U' => format!("{:02}", (c.yday - 1 + 7 - (c.wday + 1) % 7) / 7),
            'W' => format!("{:02}", (c.yday - 1 + 7 - c.wday) / 7),
            'Z' => "UTC".to_string(),
            'z' => "+0000".to_string(),
            'c' => format_time("%a %b %e %H:%M:%S %Y", c),
            'x' => format_time("%m/%d/%y", c),
            'X' | 'T' => format_time("%H:%M:%S", c),
            'D' => format_time("%m/%d/%y", c),
            'F' => format_time("%Y-%m-%d", c),
            'R' => format_time("%H:%M", c),
            'r' => format_time("%I:%M:%S %p", c),
            's' => (days_from_civil(c.year, c.mon, c.mday) * 86_400 + c.hour * 3600 + c.min * 60 + c.sec).to_string(),
            'n' => "\n".to_string(),
            't' => "\t".to_string(),
            '%' => "%".to_string(),
            other => format!("%{other}"),
        };
        out.push_str(&s);
    }
    out
}

fn strftime(interp: &mut Interp, args: Args) -> PyResult<Value> {
    crate::builtins::args::count(interp, "strftime", &args, 2, 2)?;
    let fmt = crate::builtins::args::str(interp, &args.pos[0], "strftime() argument 1")?.as_str().to_owned();
    let c = civil_arg(interp, &args.pos[1])?;
    if !(1..=12).contains(&c.mon) {
        return Err(interp.err(interp.t.value_error, "month out of range"));
    }
    if !(1..=31).contains(&c.mday) {
        return Err(interp.err(interp.t.value_error, "day of month out of range"));
    }
    if !(0..=23).contains(&c.hour) {
        return Err(interp.err(interp.t.value_error, "hour out of range"));
    }
    if !(0..=59).contains(&c.min) {
        return Err(interp.err(interp.t.value_error, "minute out of range"));
    }
    if !(0..=61).contains(&c.sec) {
        return Err(interp.err(interp.t.value_error, "seconds out of range"));
    }
    Ok(Value::str(format_time(&fmt, &c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        let c = civil_from_secs((EPOCH_NS / 1_000_000_000) as i64);
        assert_eq!((c.year, c.mon, c.mday, c.wday, c.yday), (2024, 1, 1, 0, 1));
        let c = civil_from_secs(951_782_400); // 2000-02-29
        assert_eq!((c.year, c.mon, c.mday, c.yday), (2000, 2, 29, 60));
        let c = civil_from_secs(-1);
        assert_eq!((c.year, c.mon, c.mday, c.hour, c.min, c.sec, c.wday), (1969, 12, 31, 23, 59, 59, 2));
        assert_eq!(days_from_civil(1970, 1, 1), 0);
    }

    #[test]
    fn strftime_codes() {
        let c = civil_from_secs(1_704_164_645); // Tue 2024-01-02 03:04:05
        assert_eq!(format_time("%Y-%m-%d %H:%M:%S", &c), "2024-01-02 03:04:05");
        assert_eq!(format_time("%a %A %b %B %j %p %I %%", &c), "Tue Tuesday Jan January 002 AM 03 %");
        assert_eq!(format_time("%c", &c), "Tue Jan  2 03:04:05 2024");
    }
}
