//! The `tulip` command. Thin: parses arguments, then calls the library.

use clap::Parser;
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use tulip::diag::render_syntax_error;
use tulip::syntax::{self, SyntaxError};

#[derive(Parser)]
#[command(name = "tulip", version, about = "A Python-compatible interpreter with asyncio built in")]
struct Cli {
    /// Print `ast.dump(ast.parse(source))` of FILE, as CPython 3.11 does
    /// (syntax only: no compile-time checks, as with `ast.parse`).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["parse_only", "command"])]
    dump_ast: Option<PathBuf>,

    /// Lex and parse every FILE, printing only errors (syntax only, like `ast.parse`).
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "command")]
    parse_only: Option<Vec<PathBuf>>,

    /// Program passed in as a string.
    #[arg(short = 'c', value_name = "CODE")]
    command: Option<String>,

    /// The script to run (`-` for standard input), then its arguments.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    script: Vec<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(path) = &cli.dump_ast {
        return dump_ast(path);
    }
    if let Some(paths) = &cli.parse_only {
        return parse_only(paths);
    }
    let (name, source) = match (&cli.command, cli.script.first().map(String::as_str)) {
        (Some(code), _) => ("<string>".to_owned(), Ok(code.clone())),
        (None, Some("-") | None) => ("<stdin>".to_owned(), read_stdin()),
        (None, Some(path)) => (path.to_owned(), read_source(&PathBuf::from(path))),
    };
    match parsed(source, syntax::parse_module) {
        Ok(_) => {
            // The evaluator lands with the core-interpreter issue; until then
            // a script that parses cannot be run.
            eprintln!("tulip: {name}: parsed, but this build has no evaluator yet");
            ExitCode::from(2)
        }
        Err(failure) => failure.report(&name),
    }
}

fn dump_ast(path: &PathBuf) -> ExitCode {
    let name = path.display().to_string();
    match parsed(read_source(path), syntax::parse_ast) {
        Ok(module) => {
            let mut stdout = std::io::stdout().lock();
            // A closed stdout (`tulip --dump-ast x.py | head`) is not an error of ours.
            let _ = writeln!(stdout, "{}", syntax::dump::dump_module(&module));
            ExitCode::SUCCESS
        }
        Err(failure) => failure.report(&name),
    }
}

fn parse_only(paths: &[PathBuf]) -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for path in paths {
        let name = path.display().to_string();
        if let Err(failure) = parsed(read_source(path), syntax::parse_ast) {
            status = failure.report(&name);
        }
    }
    status
}

/// Runs `parse` on the source text, keeping the text with a syntax error for rendering.
fn parsed<T>(source: Result<String, Failure>, parse: fn(&str) -> Result<T, SyntaxError>) -> Result<T, Failure> {
    let text = source?;
    parse(&text).map_err(|err| Failure::Syntax(err, text))
}

/// Why a command could not go on.
enum Failure {
    Io(String),
    /// A syntax error, with the source text it points into.
    Syntax(SyntaxError, String),
}

impl Failure {
    fn report(self, name: &str) -> ExitCode {
        let fancy = std::io::stderr().is_terminal();
        // Like CPython: 2 when the script cannot be read, 1 for a syntax error.
        let (text, status) = match self {
            Failure::Io(msg) => (format!("tulip: {msg}\n"), 2),
            Failure::Syntax(err, source) => (render_syntax_error(&err, name, &source, fancy), 1),
        };
        let _ = std::io::stderr().write_all(text.as_bytes());
        ExitCode::from(status)
    }
}

fn read_source(path: &PathBuf) -> Result<String, Failure> {
    let bytes = std::fs::read(path)
        .map_err(|err| Failure::Io(format!("can't open file '{}': {}", path.display(), io_reason(&err))))?;
    decode(&bytes)
}

fn read_stdin() -> Result<String, Failure> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).map_err(|err| Failure::Io(format!("can't read stdin: {err}")))?;
    decode(&bytes)
}

fn decode(bytes: &[u8]) -> Result<String, Failure> {
    syntax::decode_source(bytes).map_err(|err| Failure::Syntax(err, String::from_utf8_lossy(bytes).into_owned()))
}

/// CPython's wording for the usual I/O failures: `[Errno 2] No such file or directory`.
fn io_reason(err: &std::io::Error) -> String {
    match err.raw_os_error() {
        Some(code) => format!("[Errno {code}] {}", err.to_string().split(" (os error").next().unwrap_or("")),
        None => err.to_string(),
    }
}
