//! The `tulip` command. Thin: parses arguments, then calls the library.

use clap::Parser;

mod allocator;
mod repl;

#[global_allocator]
static GLOBAL: allocator::Mimalloc = allocator::Mimalloc;

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use tulip::diag::render_syntax_error;
use tulip::syntax::{self, SyntaxError};

/// The flags follow python3's where they overlap; `-V` prints tulip's own version.
#[derive(Parser)]
#[command(
    name = "tulip",
    version,
    about = "A Python-compatible interpreter with asyncio built in",
    after_help = "With no script and a terminal on stdin, tulip starts an interactive prompt."
)]
struct Cli {
    /// Print `ast.dump(ast.parse(source))` of FILE, as CPython 3.11 does
    /// (syntax only: no compile-time checks, as with `ast.parse`).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["parse_only", "command"])]
    dump_ast: Option<PathBuf>,

    /// Lex and parse every FILE, printing only errors (syntax only, like `ast.parse`).
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "command")]
    parse_only: Option<Vec<PathBuf>>,

    /// Program passed in as a string.
    #[arg(short = 'c', value_name = "CODE", conflicts_with = "module")]
    command: Option<String>,

    /// Run library module MODULE as a script.
    #[arg(short = 'm', value_name = "MODULE")]
    module: Option<String>,

    /// Inspect interactively after running the script or command.
    #[arg(short = 'i')]
    inspect: bool,

    /// Don't print the version banner when the prompt starts.
    #[arg(short = 'q')]
    quiet: bool,

    /// Unbuffered standard output.
    #[arg(short = 'u')]
    unbuffered: bool,

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
    let (inspect, quiet, unbuffered) = (cli.inspect, cli.quiet, cli.unbuffered);
    let after = move |interp: &tulip::Interpreter, status: ExitCode| {
        if inspect {
            repl::run(interp, false)
        } else {
            status
        }
    };
    tulip::eval::interrupt::catch_sigint();
    if let Some(module) = cli.module.clone() {
        let mut argv = vec![module.clone()];
        argv.extend(cli.script.iter().cloned());
        return on_interpreter_thread(unbuffered, move |interp| {
            interp.set_argv(argv, &std::env::current_dir().map(|p| p.display().to_string()).unwrap_or_default());
            let status = finish(interp.run_module(&module), &module, "", inspect);
            after(interp, status)
        });
    }
    let interactive = cli.command.is_none() && cli.script.is_empty() && (inspect || std::io::stdin().is_terminal());
    if interactive {
        return on_interpreter_thread(unbuffered || std::io::stdout().is_terminal(), move |interp| {
            interp.set_argv(vec![String::new()], "");
            repl::run(interp, !quiet)
        });
    }
    let (name, source, argv, path0) = match (&cli.command, cli.script.first().map(String::as_str)) {
        (Some(code), _) => {
            let mut argv = vec!["-c".to_owned()];
            argv.extend(cli.script.iter().cloned());
            ("<string>".to_owned(), Ok(code.clone()), argv, String::new())
        }
        (None, Some("-") | None) => {
            let mut argv = vec![String::new()];
            argv.extend(cli.script.iter().skip(1).cloned());
            ("<stdin>".to_owned(), read_stdin(), argv, String::new())
        }
        (None, Some(path)) => {
            let dir = std::path::Path::new(path).parent().map(|p| p.display().to_string()).unwrap_or_default();
            let dir = if dir.is_empty() { ".".to_owned() } else { dir };
            let dir = std::fs::canonicalize(&dir).map(|p| p.display().to_string()).unwrap_or(dir);
            (absolute(path), read_source(&PathBuf::from(path)), cli.script.clone(), dir)
        }
    };
    let source = match source {
        Ok(s) => s,
        Err(failure) => return failure.report(&name),
    };
    on_interpreter_thread(unbuffered, move |interp| {
        interp.set_argv(argv, &path0);
        let status = finish(interp.run_source(&source, &name), &name, &source, inspect);
        after(interp, status)
    })
}

/// The script's path made absolute without resolving links, as CPython
/// names the main script in `__file__`, code objects and tracebacks.
fn absolute(path: &str) -> String {
    use std::path::{Component, Path};
    let Ok(cwd) = std::env::current_dir() else { return path.to_owned() };
    let mut out = PathBuf::new();
    for part in cwd.join(Path::new(path)).components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out.display().to_string()
}

/// The interpreter's machine stack: deep recursion is bounded by the
/// recursion limit and by `Vm::check_stack`, never by a crash.
const STACK_SIZE: usize = 1 << 30;

/// Runs `f` with a fresh interpreter on a thread with a large stack.
/// `unbuffered` writes stdout through at once (`-u`, or a prompt on a terminal).
fn on_interpreter_thread(unbuffered: bool, f: impl FnOnce(&tulip::Interpreter) -> ExitCode + Send + 'static) -> ExitCode {
    let thread = std::thread::Builder::new().name("tulip".into()).stack_size(STACK_SIZE).spawn(move || {
        let marker = 0u8;
        let interp = tulip::Interpreter::new();
        interp.set_stack(&marker as *const u8 as usize, STACK_SIZE);
        interp.vm().unbuffered.set(unbuffered);
        interp.set_fancy_tracebacks(std::io::stderr().is_terminal());
        let status = f(&interp);
        interp.run_exit_handlers();
        interp.finalize_main();
        // Exit without tearing the object graph down: the OS reclaims it.
        std::mem::forget(interp);
        status
    });
    match thread.map(|t| t.join()) {
        Ok(Ok(status)) => status,
        _ => {
            eprintln!("tulip: internal error");
            ExitCode::from(70)
        }
    }
}

/// Reports how a script ended and turns it into the process's exit status
/// (`inspect`: the prompt follows, so nothing ends the process here).
fn finish(result: Result<(), tulip::ScriptError>, name: &str, source: &str, inspect: bool) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(tulip::ScriptError::Exit(code, message)) => {
            if let Some(m) = message {
                eprintln!("{m}");
            }
            ExitCode::from((code & 0xff) as u8)
        }
        Err(tulip::ScriptError::Exception(text)) => {
            let _ = std::io::stderr().write_all(text.as_bytes());
            ExitCode::from(1)
        }
        Err(tulip::ScriptError::Interrupted(text)) => {
            let _ = std::io::stderr().write_all(text.as_bytes());
            // CPython ends by killing itself with SIGINT, so a shell sees
            // status 130 and stops a loop of commands.
            if !inspect {
                let _ = std::io::stdout().flush();
                tulip::eval::interrupt::die_of_sigint();
            }
            ExitCode::from(130)
        }
        Err(tulip::ScriptError::Syntax(err)) => Failure::Syntax(err, source.to_owned()).report(name),
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
