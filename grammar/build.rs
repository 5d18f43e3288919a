//! Generates the LALRPOP parser from `python.lalrpop` into OUT_DIR/python.rs.
fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    lalrpop::Configuration::new()
        .set_in_dir(".")
        .set_out_dir(out_dir)
        .process()
        .expect("LALRPOP failed on grammar/python.lalrpop");
    println!("cargo:rerun-if-changed=python.lalrpop");
}
