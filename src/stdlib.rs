//! The standard library modules written in Python (`stdlib/` at the
//! repository root), embedded in the binary at build time.

macro_rules! module {
    ($name:literal, $path:literal) => {
        ($name, include_str!(concat!("../stdlib/", $path)), false)
    };
    ($name:literal, $path:literal, package) => {
        ($name, include_str!(concat!("../stdlib/", $path)), true)
    };
}

/// (module name, source, is a package).
const MODULES: &[(&str, &str, bool)] = &[
    module!("__future__", "__future__.py"),
    module!("_collections_abc", "_collections_abc.py"),
    module!("abc", "abc.py"),
    module!("argparse", "argparse.py"),
    module!("array", "array.py"),
    module!("asyncio", "asyncio/__init__.py", package),
    module!("asyncio.channels", "asyncio/channels.py"),
    module!("asyncio.coroutines", "asyncio/coroutines.py"),
    module!("asyncio.events", "asyncio/events.py"),
    module!("asyncio.exceptions", "asyncio/exceptions.py"),
    module!("asyncio.futures", "asyncio/futures.py"),
    module!("asyncio.gathering", "asyncio/gathering.py"),
    module!("asyncio.handles", "asyncio/handles.py"),
    module!("asyncio.locks", "asyncio/locks.py"),
    module!("asyncio.loop", "asyncio/loop.py"),
    module!("asyncio.queues", "asyncio/queues.py"),
    module!("asyncio.readiness", "asyncio/readiness.py"),
    module!("asyncio.runners", "asyncio/runners.py"),
    module!("asyncio.signals", "asyncio/signals.py"),
    module!("asyncio.streams", "asyncio/streams.py"),
    module!("asyncio.subprocess", "asyncio/subprocess.py"),
    module!("asyncio.taskgroups", "asyncio/taskgroups.py"),
    module!("asyncio.tasks", "asyncio/tasks.py"),
    module!("asyncio.threads", "asyncio/threads.py"),
    module!("asyncio.timeouts", "asyncio/timeouts.py"),
    module!("asyncio.waiting", "asyncio/waiting.py"),
    module!("atexit", "atexit.py"),
    module!("base64", "base64.py"),
    module!("bisect", "bisect.py"),
    module!("calendar", "calendar.py"),
    module!("collections", "collections/__init__.py", package),
    module!("collections.abc", "collections/abc.py"),
    module!("colorsys", "colorsys.py"),
    module!("concurrent", "concurrent/__init__.py", package),
    module!("concurrent.futures", "concurrent/futures/__init__.py", package),
    module!("concurrent.futures._base", "concurrent/futures/_base.py"),
    module!("concurrent.futures.thread", "concurrent/futures/thread.py"),
    module!("configparser", "configparser.py"),
    module!("contextlib", "contextlib.py"),
    module!("contextvars", "contextvars.py"),
    module!("copy", "copy.py"),
    module!("copyreg", "copyreg.py"),
    module!("csv", "csv.py"),
    module!("dataclasses", "dataclasses.py"),
    module!("datetime", "datetime.py"),
    module!("difflib", "difflib.py"),
    module!("enum", "enum.py"),
    module!("errno", "errno.py"),
    module!("fnmatch", "fnmatch.py"),
    module!("fractions", "fractions.py"),
    module!("functools", "functools.py"),
    module!("getopt", "getopt.py"),
    module!("gettext", "gettext.py"),
    module!("glob", "glob.py"),
    module!("graphlib", "graphlib.py"),
    module!("hashlib", "hashlib.py"),
    module!("heapq", "heapq.py"),
    module!("hmac", "hmac.py"),
    module!("html", "html/__init__.py", package),
    module!("html.entities", "html/entities.py"),
    module!("importlib", "importlib/__init__.py", package),
    module!("inspect", "inspect.py"),
    module!("itertools", "itertools.py"),
    module!("json", "json/__init__.py", package),
    module!("json.decoder", "json/decoder.py"),
    module!("json.encoder", "json/encoder.py"),
    module!("keyword", "keyword.py"),
    module!("linecache", "linecache.py"),
    module!("logging", "logging/__init__.py", package),
    module!("numbers", "numbers.py"),
    module!("operator", "operator.py"),
    module!("queue", "queue.py"),
    module!("pathlib", "pathlib.py"),
    module!("platform", "platform.py"),
    module!("pprint", "pprint.py"),
    module!("random", "random.py"),
    module!("reprlib", "reprlib.py"),
    module!("secrets", "secrets.py"),
    module!("selectors", "selectors.py"),
    module!("shlex", "shlex.py"),
    module!("shutil", "shutil.py"),
    module!("signal", "signal.py"),
    module!("socket", "socket.py"),
    module!("statistics", "statistics.py"),
    module!("subprocess", "subprocess.py"),
    module!("textwrap", "textwrap.py"),
    module!("threading", "threading.py"),
    module!("timeit", "timeit.py"),
    module!("traceback", "traceback.py"),
    module!("types", "types.py"),
    module!("typing", "typing.py"),
    module!("unittest", "unittest/__init__.py", package),
    module!("urllib", "urllib/__init__.py", package),
    module!("urllib.parse", "urllib/parse.py"),
    module!("uuid", "uuid.py"),
    module!("warnings", "warnings.py"),
    module!("weakref", "weakref.py"),
];

/// The names of the embedded modules.
pub fn names() -> impl Iterator<Item = &'static str> {
    MODULES.iter().map(|(n, _, _)| *n)
}

/// The embedded source of module `name`, and whether it is a package.
pub fn find(name: &str) -> Option<(&'static str, bool)> {
    MODULES.iter().find(|(n, _, _)| *n == name).map(|(_, src, pkg)| (*src, *pkg))
}
