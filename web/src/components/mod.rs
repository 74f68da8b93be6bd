//! The page's components.

use std::cell::RefCell;
use std::rc::Rc;

use crate::model::RunModel;

pub mod app;
pub mod editor;
pub mod home;
pub mod lesson;
pub mod panels;
pub mod timeline;
pub mod workbench;

/// A run's model shared between the workbench and its views; equal when it is the same model
/// (views re-render on the workbench's version counter, not on deep comparison).
#[derive(Clone, Default)]
pub struct ModelRef(pub Rc<RefCell<RunModel>>);

impl PartialEq for ModelRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The colour of thread `i` (lanes, console tags, editor line marks).
pub fn thread_color(i: usize) -> &'static str {
    const PALETTE: [&str; 10] = [
        "#3b82c4", "#e8743b", "#2e9e6a", "#d64f8a", "#8a63d2", "#1aa0a8", "#c4a000", "#b5523b", "#5f7d95", "#7c9a2d",
    ];
    PALETTE[i % PALETTE.len()]
}

/// A virtual time for people: `0`, `850 ns`, `12.5 µs`, `3.20 ms`, `1.500 s`.
pub fn fmt_time(ns: u64) -> String {
    let v = ns as f64;
    match ns {
        0 => "0".into(),
        1..1_000 => format!("{ns} ns"),
        1_000..1_000_000 => format!("{:.1} µs", v / 1e3),
        1_000_000..1_000_000_000 => format!("{:.2} ms", v / 1e6),
        _ => format!("{:.3} s", v / 1e9),
    }
}

/// A duration in the settings' spelling (`5ms`, `100us`, `2s`), the shortest exact one.
pub fn fmt_duration(ns: u64) -> String {
    for (unit, scale) in [("s", 1_000_000_000), ("ms", 1_000_000), ("us", 1_000)] {
        if ns >= scale && ns.is_multiple_of(scale) {
            return format!("{}{unit}", ns / scale);
        }
    }
    format!("{ns}ns")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_naturally() {
        assert_eq!(fmt_time(0), "0");
        assert_eq!(fmt_time(850), "850 ns");
        assert_eq!(fmt_time(12_500), "12.5 µs");
        assert_eq!(fmt_time(3_200_000), "3.20 ms");
        assert_eq!(fmt_time(1_500_000_000), "1.500 s");
        assert_eq!(fmt_duration(5_000_000), "5ms");
        assert_eq!(fmt_duration(100_000), "100us");
        assert_eq!(fmt_duration(2_000_000_000), "2s");
        assert_eq!(fmt_duration(1_500), "1500ns");
        assert_eq!(interleave_machine::parse_duration(&fmt_duration(1_500)), Some(1_500));
    }
}
