//! Prints the disassembly (or the syntax error) of a Python file: `cargo run --example dis FILE`.

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let source = std::fs::read_to_string(&path).unwrap_or_default();
    match interleave_compiler::compile_module(&source, &path) {
        Ok(code) => print!("{}", interleave_compiler::disassemble(&code, true)),
        Err(e) => eprint!("{}", e.render(&path)),
    }
}
