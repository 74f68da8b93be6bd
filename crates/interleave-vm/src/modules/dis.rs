//! `dis`: prints the bytecode of functions, methods, code objects and source strings in
//! CPython 3.11's `dis.dis` layout (Interleave's own bytecode, which mirrors CPython's).

use std::rc::Rc;

use interleave_compiler::Code;

use crate::interp::Interp;
use crate::native::{Args, PyResult};
use crate::object::Obj;
use crate::value::{ObjRef, Value};

pub fn init(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    interp.def_fn(d, "dis", dis);
    interp.def_fn(d, "disassemble", dis);
    Ok(())
}

/// The code object behind a function, bound method, code object or source string.
fn code_of(interp: &mut Interp, v: &Value) -> PyResult<Rc<Code>> {
    if let Value::Str(s) = v {
        return interleave_compiler::compile_module(s.as_str(), "<dis>")
            .map_err(|e| interp.err(interp.t.syntax_error, e.message.to_string()));
    }
    match v.as_obj().map(|r| interp.heap.get(r)) {
        Some(Obj::Code(c)) => Ok(c.clone()),
        Some(Obj::Function(f)) => Ok(f.code.clone()),
        Some(Obj::BoundMethod { func, .. }) => {
            let func = func.clone();
            code_of(interp, &func)
        }
        Some(Obj::Generator(g)) => match &g.frame {
            Some(fr) => Ok(fr.code.clone()),
            None => Err(interp.err(interp.t.type_error, "don't know how to disassemble generator objects")),
        },
        _ => {
            let msg = format!("don't know how to disassemble {} objects", interp.type_name(v));
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

fn dis(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let file = args.take_kw("file").unwrap_or(Value::None);
    let Some(x) = args.pos.first().cloned() else {
        return Err(interp.err(interp.t.type_error, "dis() needs an argument (Interleave has no traceback to disassemble)"));
    };
    let code = code_of(interp, &x)?;
    let text = interleave_compiler::disassemble(&code, true);
    crate::builtins::functions::write_to(interp, &file, &text)?;
    Ok(Value::None)
}
