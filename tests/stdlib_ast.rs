//! Acceptance test: tulip's AST of every stdlib file, printed by
//! `tulip::syntax::dump`, equals CPython 3.11's `ast.dump(ast.parse(bytes))`
//! on at least 99.5% of the files.
//!
//! One `python3` process (tests/cpython_stdlib.py) parses and dumps the whole
//! stdlib and streams the dumps; this side parses each file in-process while
//! CPython works on the next. Without CPython 3.11 the test says so and passes.
//!
//! Run it with `cargo test --release --test stdlib_ast -- --nocapture` to see
//! the summary and the first mismatches (TULIP_AST_SHOW=N shows N of them; all
//! are written to a file named in the output). TULIP_AST_DIFF=/path/to/file.py
//! compares that one file and prints a `diff -u` of both dumps, indented.
//! TULIP_AST_CORPUS=dir1:dir2 compares all .py files under those directories
//! instead of the stdlib and only reports (more code to find bugs with).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use tulip::syntax::{decode_source, dump, parse_ast};

const REQUIRED_MATCH_RATE: f64 = 0.995;
const CPYTHON_SIDE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cpython_stdlib.py");
const WORKER_STACK_BYTES: usize = 256 << 20;
const DEFAULT_SHOWN_MISMATCHES: usize = 25;
const CONTEXT_BYTES: usize = 70;

#[test]
fn stdlib_dumps_match_cpython() {
    if !cpython_311_available() {
        println!("stdlib_ast: python3 is not CPython 3.11; skipping the stdlib comparison");
        return;
    }
    let worker = std::thread::Builder::new()
        .stack_size(WORKER_STACK_BYTES)
        .spawn(|| {
            if let Some(path) = std::env::var_os("TULIP_AST_DIFF") {
                diff_one_file(Path::new(&path));
                return None;
            }
            if let Some(roots) = std::env::var_os("TULIP_AST_CORPUS") {
                compare_corpus(&std::env::split_paths(&roots).collect::<Vec<_>>()).print();
                return None;
            }
            Some(compare_corpus(&[]))
        })
        .expect("cannot start the comparison thread");
    let Some(report) = worker.join().expect("the comparison thread panicked") else {
        return;
    };
    report.print();
    assert!(
        report.match_rate() >= REQUIRED_MATCH_RATE,
        "{} of {} stdlib files have CPython's AST ({:.2}%), need {:.1}%",
        report.equal,
        report.total(),
        100.0 * report.match_rate(),
        100.0 * REQUIRED_MATCH_RATE
    );
}

fn cpython_311_available() -> bool {
    Command::new("python3")
        .args(["-c", "import sys; print(sys.version_info[:2] == (3, 11))"])
        .output()
        .map(|out| out.status.success() && out.stdout.starts_with(b"True"))
        .unwrap_or(false)
}

/// How one file compared.
enum Outcome {
    Equal,
    /// `decode_source` rejected the bytes (encoding cookie or invalid text).
    Undecodable(String),
    ParseError(String),
    Panic(String),
    /// The dumps differ first at this byte offset.
    Differs(usize),
}

struct Mismatch {
    path: String,
    category: String,
    details: String,
}

#[derive(Default)]
struct Report {
    equal: usize,
    mismatches: Vec<Mismatch>,
    seconds: f64,
}

impl Report {
    fn total(&self) -> usize {
        self.equal + self.mismatches.len()
    }

    fn match_rate(&self) -> f64 {
        if self.total() == 0 {
            return 0.0;
        }
        self.equal as f64 / self.total() as f64
    }

    fn print(&self) {
        println!(
            "stdlib_ast: {} of {} files equal ({:.2}%) in {:.1}s",
            self.equal,
            self.total(),
            100.0 * self.match_rate(),
            self.seconds
        );
        if self.mismatches.is_empty() {
            return;
        }
        let mut by_category: BTreeMap<&str, usize> = BTreeMap::new();
        for mismatch in &self.mismatches {
            *by_category.entry(&mismatch.category).or_default() += 1;
        }
        let mut categories: Vec<_> = by_category.into_iter().collect();
        categories.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        println!("mismatches by category:");
        for (category, count) in categories {
            println!("  {count:5}  {category}");
        }
        let shown = std::env::var("TULIP_AST_SHOW")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(DEFAULT_SHOWN_MISMATCHES);
        for mismatch in self.mismatches.iter().take(shown) {
            println!(
                "--- {} [{}]\n{}",
                mismatch.path, mismatch.category, mismatch.details
            );
        }
        let listing = mismatch_listing_path();
        match std::fs::write(&listing, self.listing()) {
            Ok(()) => println!("all mismatches: {}", listing.display()),
            Err(err) => println!("cannot write {}: {err}", listing.display()),
        }
    }

    fn listing(&self) -> String {
        let mut text = String::new();
        for mismatch in &self.mismatches {
            text.push_str(&format!(
                "--- {} [{}]\n{}\n",
                mismatch.path, mismatch.category, mismatch.details
            ));
        }
        text
    }
}

fn mismatch_listing_path() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("stdlib_ast_mismatches.txt")
}

/// Compares the stdlib, or the .py files under `roots` when there are any.
fn compare_corpus(roots: &[PathBuf]) -> Report {
    let started = Instant::now();
    let mut cpython = Command::new("python3")
        .args([CPYTHON_SIDE, "dump"])
        .args(roots)
        .stdout(Stdio::piped())
        .spawn()
        .expect("cannot run python3");
    let stdout = cpython.stdout.take().expect("python3 stdout is piped");
    let mut report = Report::default();
    let previous_hook = quiet_panics();
    for (path, expected) in DumpStream::new(stdout) {
        match compare_file(Path::new(&path), &expected) {
            Outcome::Equal => report.equal += 1,
            outcome => report.mismatches.push(describe(path, &expected, outcome)),
        }
    }
    panic::set_hook(previous_hook);
    let status = cpython.wait().expect("python3 did not finish");
    assert!(status.success(), "tests/cpython_stdlib.py failed: {status}");
    report.seconds = started.elapsed().as_secs_f64();
    report
}

/// The (path, dump) pairs that tests/cpython_stdlib.py writes, two lines each.
struct DumpStream<R> {
    lines: BufReader<R>,
}

impl<R: Read> DumpStream<R> {
    fn new(reader: R) -> Self {
        DumpStream {
            lines: BufReader::with_capacity(1 << 20, reader),
        }
    }

    fn next_line(&mut self) -> Option<String> {
        let mut line = String::new();
        match self.lines.read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => {
                if line.ends_with('\n') {
                    line.pop();
                }
                Some(line)
            }
        }
    }
}

impl<R: Read> Iterator for DumpStream<R> {
    type Item = (String, String);

    fn next(&mut self) -> Option<Self::Item> {
        let path = self.next_line()?;
        let dump = self.next_line()?;
        Some((path, dump))
    }
}

fn compare_file(path: &Path, expected: &str) -> Outcome {
    let source = match read_source(path) {
        Ok(source) => source,
        Err(message) => return Outcome::Undecodable(message),
    };
    match tulip_dump(&source) {
        Err(outcome) => outcome,
        Ok(ours) if ours == expected => Outcome::Equal,
        Ok(ours) => Outcome::Differs(first_difference(expected, &ours)),
    }
}

/// The file's text, decoded like CPython does (BOM, PEP 263 cookie, UTF-8).
fn read_source(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|err| err.to_string())?;
    decode_source(&bytes).map_err(|err| err.to_string())
}

/// Our dump of `source`, or why there is none.
fn tulip_dump(source: &str) -> Result<String, Outcome> {
    let parsed = panic::catch_unwind(AssertUnwindSafe(|| {
        parse_ast(source).map(|m| dump::dump_module(&m))
    }));
    match parsed {
        Ok(Ok(dump)) => Ok(dump),
        Ok(Err(error)) => Err(Outcome::ParseError(format!(
            "{error} at {}..{}",
            error.span.start, error.span.end
        ))),
        Err(_) => Err(Outcome::Panic(LAST_PANIC.with(|last| last.take()))),
    }
}

thread_local! {
    static LAST_PANIC: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Keeps panic messages (with their location) for the report instead of
/// printing each one; returns the hook to restore.
fn quiet_panics() -> Box<dyn Fn(&panic::PanicHookInfo<'_>) + Sync + Send + 'static> {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(|info| {
        LAST_PANIC.with(|last| *last.borrow_mut() = info.to_string())
    }));
    previous
}

fn describe(path: String, expected: &str, outcome: Outcome) -> Mismatch {
    let (category, details) = match outcome {
        Outcome::Equal => (String::from("equal"), String::new()),
        Outcome::Undecodable(message) => (format!("cannot decode: {message}"), String::new()),
        Outcome::ParseError(message) => {
            (format!("parse error: {}", message_class(&message)), message)
        }
        Outcome::Panic(message) => (String::from("panic"), message),
        Outcome::Differs(at) => {
            let ours = tulip_dump_of(&path);
            let details = format!(
                "  at byte {at}\n  cpython: {}\n  tulip:   {}",
                excerpt(expected, at),
                excerpt(&ours, at)
            );
            (
                format!("differs in {}", enclosing_node(expected, at)),
                details,
            )
        }
    };
    Mismatch {
        path,
        category,
        details,
    }
}

/// The error message without its position, to group files by error.
fn message_class(message: &str) -> &str {
    message.split(" at ").next().unwrap_or(message)
}

/// Our dump again, for the report (only mismatching files pay for this).
fn tulip_dump_of(path: &str) -> String {
    let source = read_source(Path::new(path)).unwrap_or_default();
    tulip_dump(&source).unwrap_or_default()
}

/// Byte offset of the first difference, on a char boundary of both strings.
fn first_difference(a: &str, b: &str) -> usize {
    let mut at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(at) || !b.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `...text around at...`, with `|` marking the position.
fn excerpt(text: &str, at: usize) -> String {
    let at = at.min(text.len());
    let mut start = at.saturating_sub(CONTEXT_BYTES);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + CONTEXT_BYTES).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let lead = if start > 0 { "..." } else { "" };
    let tail = if end < text.len() { "..." } else { "" };
    format!("{lead}{}|{}{tail}", &text[start..at], &text[at..end])
}

/// The innermost node of the dump whose text contains byte `at`.
fn enclosing_node(dump: &str, at: usize) -> String {
    let mut open_nodes: Vec<&str> = Vec::new();
    let mut name_start = 0;
    for (index, token) in DumpScanner::new(dump) {
        if index >= at {
            break;
        }
        match token {
            Token::Open('(') => open_nodes.push(&dump[name_start..index]),
            Token::Open(_) => open_nodes.push("["),
            Token::Close => {
                open_nodes.pop();
            }
            Token::Separator => name_start = index + 1,
            Token::Other(c) if !(c.is_alphanumeric() || c == '_') => {
                name_start = index + c.len_utf8()
            }
            Token::Other(_) | Token::Quoted => {}
        }
    }
    let node = open_nodes
        .iter()
        .rev()
        .find(|name| **name != "[")
        .copied()
        .unwrap_or("Module");
    node.trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_owned()
}

/// The structure of a dump: brackets and separators outside string reprs.
enum Token {
    Open(char),
    Close,
    Separator,
    Quoted,
    Other(char),
}

struct DumpScanner<'a> {
    chars: std::str::CharIndices<'a>,
    quote: Option<char>,
}

impl<'a> DumpScanner<'a> {
    fn new(dump: &'a str) -> Self {
        DumpScanner {
            chars: dump.char_indices(),
            quote: None,
        }
    }
}

impl Iterator for DumpScanner<'_> {
    type Item = (usize, Token);

    fn next(&mut self) -> Option<Self::Item> {
        let (index, c) = self.chars.next()?;
        if let Some(quote) = self.quote {
            if c == '\\' {
                self.chars.next();
            } else if c == quote {
                self.quote = None;
            }
            return Some((index, Token::Quoted));
        }
        let token = match c {
            '\'' | '"' => {
                self.quote = Some(c);
                Token::Quoted
            }
            '(' | '[' => Token::Open(c),
            ')' | ']' => Token::Close,
            ',' => Token::Separator,
            _ => Token::Other(c),
        };
        Some((index, token))
    }
}

/// One field or element a line, nested by indentation, for `diff -u`.
fn indent_dump(dump: &str) -> String {
    let mut out = String::with_capacity(dump.len() * 2);
    let mut depth = 0usize;
    let mut tokens = DumpScanner::new(dump).peekable();
    while let Some((index, token)) = tokens.next() {
        let c = dump[index..].chars().next().unwrap_or(' ');
        match token {
            Token::Open(_) => {
                out.push(c);
                let empty = matches!(tokens.peek(), Some((_, Token::Close)));
                if !empty {
                    depth += 1;
                    push_newline(&mut out, depth);
                }
            }
            Token::Close => {
                if !out.ends_with('(') && !out.ends_with('[') {
                    depth = depth.saturating_sub(1);
                }
                out.push(c);
            }
            Token::Separator => {
                out.push(',');
                push_newline(&mut out, depth);
                if matches!(tokens.peek(), Some((_, Token::Other(' ')))) {
                    tokens.next();
                }
            }
            Token::Quoted | Token::Other(_) => out.push(c),
        }
    }
    out.push('\n');
    out
}

fn push_newline(out: &mut String, depth: usize) {
    out.push('\n');
    out.extend(std::iter::repeat_n("  ", depth));
}

/// TULIP_AST_DIFF: the first difference and a full indented diff for one file.
fn diff_one_file(path: &Path) {
    let cpython = Command::new("python3")
        .args([
            "-c",
            "import ast, sys; print(ast.dump(ast.parse(open(sys.argv[1], 'rb').read())))",
        ])
        .arg(path)
        .output()
        .expect("cannot run python3");
    let expected = String::from_utf8_lossy(&cpython.stdout)
        .trim_end()
        .to_owned();
    if !cpython.status.success() {
        println!(
            "CPython cannot parse {}:\n{}",
            path.display(),
            String::from_utf8_lossy(&cpython.stderr)
        );
        return;
    }
    let previous_hook = quiet_panics();
    let outcome = compare_file(path, &expected);
    panic::set_hook(previous_hook);
    let mismatch = match outcome {
        Outcome::Equal => {
            println!("{}: tulip's dump equals CPython's", path.display());
            return;
        }
        outcome => describe(path.display().to_string(), &expected, outcome),
    };
    println!(
        "--- {} [{}]\n{}",
        mismatch.path, mismatch.category, mismatch.details
    );
    let ours = tulip_dump_of(&mismatch.path);
    if ours.is_empty() {
        return;
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let cpython_file = dir.join("ast_diff_cpython.txt");
    let tulip_file = dir.join("ast_diff_tulip.txt");
    let written = std::fs::write(&cpython_file, indent_dump(&expected))
        .and_then(|()| std::fs::write(&tulip_file, indent_dump(&ours)));
    if let Err(err) = written {
        println!("cannot write the indented dumps: {err}");
        return;
    }
    match Command::new("diff")
        .arg("-u")
        .arg(&cpython_file)
        .arg(&tulip_file)
        .output()
    {
        Ok(diff) => println!("{}", String::from_utf8_lossy(&diff.stdout)),
        Err(err) => println!(
            "cannot run diff ({err}); compare {} and {}",
            cpython_file.display(),
            tulip_file.display()
        ),
    }
}

#[test]
fn helpers_find_the_difference_and_its_node() {
    let expected = "Module(body=[Expr(value=Constant(value='a(b'))], type_ignores=[])";
    let ours = "Module(body=[Expr(value=Constant(value='a(c'))], type_ignores=[])";
    let at = first_difference(expected, ours);
    assert_eq!(&expected[at..at + 1], "b");
    assert_eq!(enclosing_node(expected, at), "Constant");
    assert_eq!(
        enclosing_node(expected, expected.find("type_ignores").unwrap_or(0)),
        "Module"
    );
    assert_eq!(excerpt("abcdef", 3), "abc|def");
}

#[test]
fn indented_dump_puts_one_field_a_line() {
    let dump = "Module(body=[Pass(), Expr(value=Constant(value=', ['))], type_ignores=[])";
    assert_eq!(
        indent_dump(dump),
        "Module(\n  body=[\n    Pass(),\n    Expr(\n      value=Constant(\n        value=', ['))],\n  type_ignores=[])\n"
    );
}
