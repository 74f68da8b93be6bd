//! Threads as the scheduler sees them: creating a thread, starting the main module on
//! thread 0, and running one thread for one slice.

use std::rc::Rc;

use interleave_compiler::Code;

use crate::frame::ReturnAction;
use crate::interp::{Interp, Slice, Thread};
use crate::native::{Args, Flow, RunStop, Suspend};
use crate::value::{ObjRef, Value};

/// How one run of a thread (`Interp::run_thread`) ended.
#[derive(Debug)]
pub enum ThreadRun {
    /// The thread stopped for now; its frames are intact.
    Suspended(Suspend),
    /// The thread's outermost call returned.
    Finished,
    /// An exception escaped the thread's outermost call (its frames are gone).
    Raised(ObjRef),
    /// The whole run must stop.
    Stopped(Rc<RunStop>),
}

impl Interp {
    /// Creates a thread that will call `func(*args)` when first run. Returns its index.
    pub fn spawn_thread(&mut self, func: Value, args: Args) -> usize {
        let tid = self.threads.len();
        let ident = crate::modules::thread::ident_for(self.seed, tid);
        let started_by = func.clone();
        self.threads.push(Thread { handled: Value::None, start: Some((func, args)), ident, started_by, ..Thread::default() });
        self.events.push(crate::interp::MachineEvent::ThreadCreated(tid));
        tid
    }

    /// Prepares the main module to run on thread 0 as `__main__` (it runs under `run_thread`).
    pub fn start_main(&mut self, code: Rc<Code>) {
        let globals = self.main_namespace(&code);
        self.cur = 0;
        self.push_module_frame(code, globals, ReturnAction::Discard);
    }

    /// Runs thread `tid` until it blocks, is switched out by `slice`, finishes or raises.
    pub fn run_thread(&mut self, tid: usize, slice: Slice) -> ThreadRun {
        self.cur = tid;
        self.slice = Slice { active: true, ..slice };
        self.clock_base_cpu = self.cpu_ns;
        self.next_check = 0;
        let result = self.run_thread_inner(tid);
        self.slice.active = false;
        self.idle_ns = 0;
        result
    }

    fn run_thread_inner(&mut self, tid: usize) -> ThreadRun {
        if let Some((func, args)) = self.threads[tid].start.take() {
            match self.call_value(func, args, ReturnAction::Discard) {
                Ok(Some(_)) => return self.thread_finished(tid),
                Ok(None) => {}
                Err(e) => return self.thread_error(tid, e),
            }
        }
        if self.threads[tid].frames.is_empty() {
            return self.thread_finished(tid);
        }
        match self.execute(0) {
            Ok(_) => self.thread_finished(tid),
            Err(e) => self.thread_error(tid, e),
        }
    }

    fn thread_finished(&mut self, tid: usize) -> ThreadRun {
        let th = &mut self.threads[tid];
        th.done = true;
        th.stack.clear();
        // The main thread's sentinel is released by `threading._shutdown()`, as in CPython.
        if tid != 0 {
            crate::modules::thread::release_sentinels(self, tid);
        }
        ThreadRun::Finished
    }

    fn thread_error(&mut self, tid: usize, e: Flow) -> ThreadRun {
        match e {
            Flow::Suspend(s) => ThreadRun::Suspended(s),
            Flow::Exc(exc) => {
                self.threads[tid].frames.clear();
                let _ = self.thread_finished(tid);
                ThreadRun::Raised(exc)
            }
            Flow::Stop(s) => ThreadRun::Stopped(s),
            Flow::TailCall(_) => ThreadRun::Stopped(Rc::new(RunStop::Internal("stray tail call in a thread".into()))),
        }
    }

    /// Ends a thread abruptly (a daemon thread at interpreter exit).
    pub fn kill_thread(&mut self, tid: usize) {
        let th = &mut self.threads[tid];
        th.frames.clear();
        th.stack.clear();
        th.start = None;
        th.done = true;
    }
}

impl Interp {
    /// `fork()`: a copy of this process at this instant (heap, modules, output position), in
    /// which only thread `tid` survives. The kernel is shared, not copied.
    pub fn fork_copy(&self, tid: usize, child_pid: u32) -> Interp {
        let mut threads = self.threads.clone();
        for (i, th) in threads.iter_mut().enumerate() {
            if i != tid {
                th.frames.clear();
                th.stack.clear();
                th.start = None;
                th.done = true;
                th.holding.clear();
            }
        }
        Interp {
            heap: self.heap.clone(),
            t: self.t.clone(),
            builtins: self.builtins,
            modules: self.modules,
            threads,
            cur: tid,
            output: Vec::new(),
            stdin: self.stdin.clone(),
            stdin_pos: self.stdin_pos,
            stdin_open: self.stdin_open,
            limits: self.limits.clone(),
            steps: self.steps,
            nested_depth: 0,
            fresh_coroutine: None,
            nested_stack_base: 0,
            fs: self.fs.clone(),
            sources: self.sources.clone(),
            code_values: self.code_values.clone(),
            interned: self.interned.clone(),
            seed: self.seed,
            module_state: self.module_state.clone(),
            builtin_module_names: self.builtin_module_names.clone(),
            main_file: self.main_file.clone(),
            switch_interval_ns: self.switch_interval_ns,
            repr_guard: Vec::new(),
            reraising: false,
            idle_ns: self.idle_ns,
            out_of_memory: false,
            late_properties: self.late_properties,
            late_hooks: self.late_hooks,
            slice: Slice::default(),
            cpu_count: self.cpu_count,
            free_threaded: self.free_threaded,
            cpu_ns: self.cpu_ns,
            clock_base_ns: self.clock_base_ns,
            clock_base_cpu: self.clock_base_cpu,
            events: Vec::new(),
            records: Vec::new(),
            next_check: 0,
            gc_check: self.gc_check,
            lookup_cache: Default::default(),
            kernel: self.kernel.clone(),
            pid: child_pid,
            fork_result: Some(0),
        }
    }
}
