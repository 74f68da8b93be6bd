//! Resource limits of a run: named, documented constants with per-run overrides.

/// Python frames per thread before `RecursionError` (CPython's default recursion limit).
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;

/// Limits applied to one run. Hitting one ends the run cleanly: a Python exception where
/// CPython would raise one (`RecursionError`, `MemoryError`), otherwise a report.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Instructions (plus charges for bulk work inside built-ins) before the run stops.
    pub max_steps: u64,
    /// Frames per thread (`sys.getrecursionlimit()`).
    pub max_recursion: usize,
    /// Depth of Python calls made from Rust code (e.g. `__repr__` inside `print`).
    pub max_nested_native_calls: usize,
    /// Rust stack the nested calls may use together, in bytes: a safety net under
    /// `max_nested_native_calls` for builds whose frames are large (unoptimised ones use about
    /// 36 KiB per nested call), sized for the browser's 2 MiB wasm stack. Optimised builds
    /// reach `max_nested_native_calls` first, so the depth reached stays deterministic.
    pub max_nested_stack_bytes: usize,
    /// Largest `str`/`bytes` a single operation may create, in bytes.
    pub max_str_bytes: usize,
    /// Largest list/tuple a single operation may create, in items.
    pub max_container_len: usize,
    /// Largest int, in bits.
    pub max_int_bits: u64,
    /// Approximate bytes of live heap objects before `MemoryError`.
    pub max_heap_bytes: usize,
    /// Processes alive at once (a run's `RLIMIT_NPROC`): `os.fork()` beyond it raises
    /// `BlockingIOError` (EAGAIN), as on Linux.
    pub max_processes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_steps: 2_000_000_000,
            max_recursion: DEFAULT_RECURSION_LIMIT,
            max_nested_native_calls: 200,
            max_nested_stack_bytes: 1 << 20,
            max_str_bytes: 256 << 20,
            max_container_len: 32 << 20,
            max_processes: 4096,
            max_int_bits: 1 << 24,
            max_heap_bytes: 1 << 30,
        }
    }
}
