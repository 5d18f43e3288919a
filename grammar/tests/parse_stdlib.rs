//! Parses every file of CPython's stdlib (set TULIP_STDLIB to its directory)
//! and reports the files that fail. Ignored by default: it needs the stdlib.

use std::path::{Path, PathBuf};

fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().map_or(false, |n| n != "site-packages") {
                python_files(&path, out);
            }
        } else if path.extension().map_or(false, |e| e == "py") {
            out.push(path);
        }
    }
}

#[test]
#[ignore]
fn stdlib_parses() {
    let Ok(root) = std::env::var("TULIP_STDLIB") else { return };
    let mut files = Vec::new();
    python_files(Path::new(&root), &mut files);
    files.sort();
    let mut failures = 0;
    for file in &files {
        let Ok(bytes) = std::fs::read(file) else { continue };
        let Ok(source) = tulip_syntax::source::decode_source(&bytes) else { continue };
        if let Err(e) = tulip_syntax::parse_module(&source) {
            let line = tulip_syntax::LineIndex::new(&source).line(e.span.start);
            println!("FAIL {}:{}: {}", file.display(), line, e);
            failures += 1;
        }
    }
    println!("{} files, {} failures", files.len(), failures);
}
