//! Dumps Rust's full lower/upper case mappings of every char, for tools/gen_unicode_db.py.
use std::io::Write;
fn main(){
 let mut o = std::io::BufWriter::new(std::io::stdout());
 for cp in 0..0x110000u32 { if let Some(c)=char::from_u32(cp) {
   let l: String = c.to_lowercase().collect(); let u: String = c.to_uppercase().collect();
   let lc: Vec<String> = l.chars().map(|x| format!("{:x}", x as u32)).collect();
   let uc: Vec<String> = u.chars().map(|x| format!("{:x}", x as u32)).collect();
   writeln!(o, "{:x} {} {}", cp, lc.join(","), uc.join(",")).unwrap();
 }}
}
