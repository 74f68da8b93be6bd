//! Where the simulated machine keeps CPython's standard library: a Debian/Ubuntu layout
//! (`sys.prefix` is `/usr`, the library is `/usr/lib/python3.11`). The embedded modules whose
//! frames users commonly see in tracebacks (threads, processes, pools, futures, queues,
//! `asyncio.run`) are shown as that file, with CPython 3.11.7's line numbers where their
//! sources say so with `#@line N` directives (`interleave_compiler::line_directives`); the
//! others keep the name `<frozen MODULE>`.

/// `sys.prefix`, `sys.exec_prefix` and their `base_` twins.
pub const PREFIX: &str = "/usr";

/// The directory of the standard library's Python files.
pub const LIB_DIR: &str = "/usr/lib/python3.11";

/// CPython's file of embedded module `name`, relative to [`LIB_DIR`], for the modules shown
/// under their real file name.
pub fn cpython_file(name: &str) -> Option<&'static str> {
    Some(match name {
        "threading" => "threading.py",
        "queue" => "queue.py",
        "multiprocessing.process" => "multiprocessing/process.py",
        "multiprocessing.pool" => "multiprocessing/pool.py",
        "multiprocessing.context" => "multiprocessing/context.py",
        "concurrent.futures._base" => "concurrent/futures/_base.py",
        "concurrent.futures.thread" => "concurrent/futures/thread.py",
        "concurrent.futures.process" => "concurrent/futures/process.py",
        "asyncio.runners" => "asyncio/runners.py",
        "asyncio.base_events" => "asyncio/base_events.py",
        "asyncio.tasks" => "asyncio/tasks.py",
        "asyncio.timeouts" => "asyncio/timeouts.py",
        "re" => "re/__init__.py",
        "re._casefix" => "re/_casefix.py",
        "re._compiler" => "re/_compiler.py",
        "re._constants" => "re/_constants.py",
        "re._parser" => "re/_parser.py",
        _ => return None,
    })
}

/// Is `filename` a file of the library (an embedded module), rather than the program's own?
pub fn is_library_file(filename: &str) -> bool {
    filename.starts_with('<') || filename.strip_prefix(LIB_DIR).is_some_and(|rest| rest.starts_with('/'))
}

/// Is `filename` the library file of embedded module `name`?
pub fn is_module_file(filename: &str, name: &str) -> bool {
    match cpython_file(name) {
        Some(path) => filename.strip_prefix(LIB_DIR).and_then(|r| r.strip_prefix('/')) == Some(path),
        None => filename.strip_prefix("<frozen ").and_then(|r| r.strip_suffix('>')) == Some(name),
    }
}

/// The file name a module's frames show: its path under [`LIB_DIR`], or `<frozen NAME>`.
pub fn module_filename(name: &str) -> String {
    match cpython_file(name) {
        Some(path) => format!("{LIB_DIR}/{path}"),
        None => format!("<frozen {name}>"),
    }
}
