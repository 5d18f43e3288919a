//! `io` (and `_io`): `open()`, file objects (`TextIOWrapper`,
//! `BufferedReader`/`Writer`/`Random`, `FileIO`), `StringIO` and `BytesIO`.
//!
//! File objects are ordinary instances of native classes (so they can be
//! subclassed, given attributes and printed through `__repr__`); their Rust
//! state lives in a hidden slot past the class's own `__slots__`, as a
//! `Value::Native`. A text file and its `.buffer` share one state.

use super::def;
use super::os::{errno_error, io_error};
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::types::new_class;
use crate::runtime::value::Value;
use std::cell::RefCell;
use std::io::{Read, Seek, SeekFrom, Write};
use std::rc::{Rc, Weak};

const CHUNK: usize = 65536;

// ----- state -----

#[derive(Clone, Copy, PartialEq, Eq)]
enum Enc {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
}

impl Enc {
    fn name(self) -> &'static str {
        match self {
            Enc::Utf8 | Enc::Utf8Sig => "utf-8",
            Enc::Ascii => "ascii",
            Enc::Latin1 => "latin-1",
        }
    }
}

fn lookup_encoding(name: &str) -> Option<Enc> {
    let n = name.to_ascii_lowercase().replace('_', "-");
    Some(match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" | "locale" => Enc::Utf8,
        "utf-8-sig" | "utf8-sig" => Enc::Utf8Sig,
        "ascii" | "us-ascii" | "646" | "us" => Enc::Ascii,
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "latin" => Enc::Latin1,
        _ => return None,
    })
}

/// Newline handling of text streams (the `newline` argument).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Nl {
    /// `None`: universal newlines, translated to `\n`.
    Universal,
    /// `''`: universal line splitting, no translation.
    Any,
    Lf,
    Cr,
    CrLf,
}

const SEEN_CR: u8 = 1;
const SEEN_LF: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// An open (or closed) file.
pub struct FileObj {
    file: Option<std::fs::File>,
    closed: bool,
    readable: bool,
    writable: bool,
    seekable: bool,
    closefd: bool,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
    enc: Enc,
    errors: String,
    newline: Nl,
    seen: u8,
    /// Decoded characters not yet returned (from `backslashreplace`).
    pending: Vec<char>,
    at_start: bool,
}

impl FileObj {
    fn file(&mut self) -> std::io::Result<&mut std::fs::File> {
        self.file.as_mut().ok_or_else(|| std::io::Error::from_raw_os_error(libc::EBADF))
    }

    fn flush_w(&mut self) -> std::io::Result<()> {
        if !self.wbuf.is_empty() {
            let buf = std::mem::take(&mut self.wbuf);
            self.file()?.write_all(&buf)?;
        }
        Ok(())
    }

    /// Drops read-ahead, moving the OS position back to the logical one.
    fn drop_r(&mut self) -> std::io::Result<()> {
        let unread = self.rbuf.len() - self.rpos;
        if unread > 0 && self.seekable {
            self.file()?.seek(SeekFrom::Current(-(unread as i64)))?;
        }
        self.rbuf.clear();
        self.rpos = 0;
        self.pending.clear();
        Ok(())
    }

    /// Reads more bytes into the read buffer; 0 at end of file.
    fn fill(&mut self) -> std::io::Result<usize> {
        self.flush_w()?;
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let old = self.rbuf.len();
        self.rbuf.resize(old + CHUNK, 0);
        let r = loop {
            let f = match self.file.as_mut() {
                Some(f) => f,
                None => break Err(std::io::Error::from_raw_os_error(libc::EBADF)),
            };
            match f.read(&mut self.rbuf[old..]) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                r => break r,
            }
        };
        match r {
            Ok(n) => {
                self.rbuf.truncate(old + n);
                Ok(n)
            }
            Err(e) => {
                self.rbuf.truncate(old);
                Err(e)
            }
        }
    }

    fn tell(&mut self) -> std::io::Result<u64> {
        let unread = (self.rbuf.len() - self.rpos) as u64;
        let wlen = self.wbuf.len() as u64;
        let p = self.file()?.stream_position()?;
        Ok((p + wlen).saturating_sub(unread))
    }

    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        self.flush_w()?;
        let unread = (self.rbuf.len() - self.rpos) as i64;
        self.rbuf.clear();
        self.rpos = 0;
        self.pending.clear();
        let pos = match pos {
            SeekFrom::Current(d) => SeekFrom::Current(d - unread),
            p => p,
        };
        let r = self.file()?.seek(pos)?;
        self.at_start = r == 0;
        Ok(r)
    }

    fn write_bytes(&mut self, b: &[u8]) -> std::io::Result<()> {
        if self.rbuf.len() > self.rpos || !self.pending.is_empty() {
            self.drop_r()?;
        } else {
            self.rbuf.clear();
            self.rpos = 0;
        }
        self.wbuf.extend_from_slice(b);
        if self.wbuf.len() >= CHUNK {
            self.flush_w()?;
        }
        Ok(())
    }

    fn read_all_bytes(&mut self) -> std::io::Result<Vec<u8>> {
        self.flush_w()?;
        let mut out = self.rbuf[self.rpos..].to_vec();
        self.rbuf.clear();
        self.rpos = 0;
        self.file()?.read_to_end(&mut out)?;
        Ok(out)
    }

    fn read_n_bytes(&mut self, n: usize) -> std::io::Result<Vec<u8>> {
        while self.rbuf.len() - self.rpos < n {
            if self.fill()? == 0 {
                break;
            }
        }
        let take = n.min(self.rbuf.len() - self.rpos);
        let out = self.rbuf[self.rpos..self.rpos + take].to_vec();
        self.rpos += take;
        Ok(out)
    }

    fn read_line_bytes(&mut self, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
        let mut searched = 0;
        loop {
            let avail = &self.rbuf[self.rpos..];
            let cap = limit.map_or(avail.len(), |l| l.min(avail.len()));
            if let Some(i) = avail[searched.min(cap)..cap].iter().position(|&b| b == b'\n') {
                let end = searched.min(cap) + i + 1;
                let out = avail[..end].to_vec();
                self.rpos += end;
                return Ok(out);
            }
            if limit.is_some_and(|l| avail.len() >= l) {
                let l = limit.unwrap_or(0);
                let out = avail[..l].to_vec();
                self.rpos += l;
                return Ok(out);
            }
            searched = avail.len();
            if self.fill()? == 0 {
                let out = self.rbuf[self.rpos..].to_vec();
                self.rpos = self.rbuf.len();
                return Ok(out);
            }
        }
    }

    fn close(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let r = self.flush_w();
        self.closed = true;
        self.rbuf = Vec::new();
        self.rpos = 0;
        if let Some(f) = self.file.take() {
            if !self.closefd {
                use std::os::fd::IntoRawFd;
                let _ = f.into_raw_fd();
            }
        }
        r
    }
}

impl Drop for FileObj {
    fn drop(&mut self) {
        let _ = self.close();
    }
}

enum TextErr {
    Io(std::io::Error),
    Msg(&'static str, String),
}

impl From<std::io::Error> for TextErr {
    fn from(e: std::io::Error) -> TextErr {
        TextErr::Io(e)
    }
}

fn utf8_len(b: u8) -> usize {
    match b {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 0,
    }
}

impl FileObj {
    /// The absolute file offset of the unread byte `i` of the read buffer.
    fn offset_of(&mut self, i: usize) -> u64 {
        let end = self.file.as_mut().and_then(|f| f.stream_position().ok()).unwrap_or(0);
        (end + i as u64).saturating_sub(self.rbuf.len() as u64)
    }

    fn decode_error(&mut self, byte: u8, at: usize, reason: &str) -> Result<Option<(char, usize)>, TextErr> {
        let pos = self.offset_of(at);
        let enc = self.enc.name();
        Err(TextErr::Msg("UnicodeDecodeError", format!("'{enc}' codec can't decode byte 0x{byte:02x} in position {pos}: {reason}")))
    }

    /// The next character and its length in bytes, without consuming it.
    fn peek_char(&mut self) -> Result<Option<(char, usize)>, TextErr> {
        loop {
            if let Some(&c) = self.pending.first() {
                return Ok(Some((c, 0)));
            }
            if self.at_start && self.enc == Enc::Utf8Sig {
                while self.rbuf.len() - self.rpos < 3 {
                    if self.fill()? == 0 {
                        break;
                    }
                }
                if self.rbuf[self.rpos..].starts_with(&[0xef, 0xbb, 0xbf]) {
                    self.rpos += 3;
                }
                self.at_start = false;
            }
            if self.rpos >= self.rbuf.len() {
                if self.fill()? == 0 {
                    return Ok(None);
                }
                continue;
            }
            let b = self.rbuf[self.rpos];
            let bad = |this: &mut Self, reason: &str, skip: usize| -> Result<Option<(char, usize)>, TextErr> {
                match this.errors.as_str() {
                    "strict" => {
                        let at = this.rpos;
                        this.decode_error(b, at, reason)
                    }
                    "ignore" => {
                        this.rpos += skip;
                        Ok(Some(('\0', usize::MAX)))
                    }
                    "backslashreplace" => {
                        this.rpos += skip;
                        let s = format!("\\x{b:02x}");
                        this.pending.extend(s.chars());
                        Ok(Some(('\0', usize::MAX)))
                    }
                    _ => Ok(Some(('\u{fffd}', skip))),
                }
            };
            match self.enc {
                Enc::Latin1 => return Ok(Some((b as char, 1))),
                Enc::Ascii => {
                    if b < 0x80 {
                        return Ok(Some((b as char, 1)));
                    }
                    match bad(self, "ordinal not in range(128)", 1)? {
                        Some((_, usize::MAX)) => continue,
                        r => return Ok(r),
                    }
                }
                Enc::Utf8 | Enc::Utf8Sig => {
                    if b < 0x80 {
                        return Ok(Some((b as char, 1)));
                    }
                    let need = utf8_len(b);
                    if need == 0 {
                        match bad(self, "invalid start byte", 1)? {
                            Some((_, usize::MAX)) => continue,
                            r => return Ok(r),
                        }
                    }
                    let avail = self.rbuf.len() - self.rpos;
                    let chunk = &self.rbuf[self.rpos..self.rpos + need.min(avail)];
                    match std::str::from_utf8(chunk) {
                        Ok(s) if chunk.len() == need => {
                            let c = s.chars().next().unwrap_or('\u{fffd}');
                            return Ok(Some((c, need)));
                        }
                        Ok(_) => {}
                        Err(e) => {
                            if let Some(k) = e.error_len() {
                                match bad(self, "invalid continuation byte", k.max(1))? {
                                    Some((_, usize::MAX)) => continue,
                                    r => return Ok(r),
                                }
                            }
                        }
                    }
                    // Incomplete: read more, or fail at end of file.
                    if self.fill()? == 0 {
                        let rest = self.rbuf.len() - self.rpos;
                        match bad(self, "unexpected end of data", rest)? {
                            Some((_, usize::MAX)) => continue,
                            r => return Ok(r),
                        }
                    }
                }
            }
        }
    }

    fn consume(&mut self, len: usize) {
        if len == 0 {
            if !self.pending.is_empty() {
                self.pending.remove(0);
            }
        } else {
            self.rpos += len;
        }
    }

    /// Reads up to `limit` characters (all when `None`), or one line.
    fn text_read(&mut self, limit: Option<usize>, line: bool) -> Result<String, TextErr> {
        self.at_start = self.at_start && self.rpos == 0;
        if let Some(s) = self.text_fast(limit, line)? {
            return Ok(s);
        }
        let mut out = String::new();
        let mut n = 0usize;
        while limit.map_or(true, |l| n < l) {
            let Some((c, len)) = self.peek_char()? else { break };
            self.consume(len);
            match self.newline {
                Nl::Universal => {
                    if c == '\r' {
                        match self.peek_char()? {
                            Some(('\n', l2)) => {
                                self.consume(l2);
                                self.seen |= SEEN_CRLF;
                            }
                            _ => self.seen |= SEEN_CR,
                        }
                        out.push('\n');
                        n += 1;
                        if line {
                            break;
                        }
                        continue;
                    }
                    out.push(c);
                    n += 1;
                    if c == '\n' {
                        self.seen |= SEEN_LF;
                        if line {
                            break;
                        }
                    }
                }
                Nl::Any => {
                    out.push(c);
                    n += 1;
                    if c == '\n' {
                        self.seen |= SEEN_LF;
                        if line {
                            break;
                        }
                    } else if c == '\r' {
                        match self.peek_char()? {
                            Some(('\n', l2)) => {
                                self.seen |= SEEN_CRLF;
                                if limit.map_or(true, |l| n < l) {
                                    self.consume(l2);
                                    out.push('\n');
                                    n += 1;
                                }
                            }
                            _ => self.seen |= SEEN_CR,
                        }
                        if line {
                            break;
                        }
                    }
                }
                Nl::Lf => {
                    out.push(c);
                    n += 1;
                    if c == '\n' && line {
                        break;
                    }
                }
                Nl::Cr => {
                    out.push(c);
                    n += 1;
                    if c == '\r' && line {
                        break;
                    }
                }
                Nl::CrLf => {
                    out.push(c);
                    n += 1;
                    if line && out.ends_with("\r\n") {
                        break;
                    }
                }
            }
        }
        Ok(out)
    }

    /// Whole-file reads and UTF-8 lines without decoding character by character.
    fn text_fast(&mut self, limit: Option<usize>, line: bool) -> Result<Option<String>, TextErr> {
        if !self.pending.is_empty() || !matches!(self.enc, Enc::Utf8 | Enc::Utf8Sig) || self.at_start && self.enc == Enc::Utf8Sig {
            return Ok(None);
        }
        if limit.is_none() && !line {
            let start = self.rpos;
            self.flush_w()?;
            // Read everything after the unread part of the buffer.
            let mut rest = Vec::new();
            self.file()?.read_to_end(&mut rest)?;
            self.rbuf.extend_from_slice(&rest);
            let Ok(text) = std::str::from_utf8(&self.rbuf[start..]) else { return Ok(None) };
            let text = text.to_string();
            self.rbuf.clear();
            self.rpos = 0;
            return Ok(Some(self.translate_in(text)));
        }
        if !line || !matches!(self.newline, Nl::Universal | Nl::Lf) {
            return Ok(None);
        }
        let mut searched = 0;
        loop {
            let avail = &self.rbuf[self.rpos..];
            let found = avail[searched..].iter().position(|&b| b == b'\n' || b == b'\r').map(|i| i + searched);
            match found {
                Some(i) => {
                    let is_cr = avail[i] == b'\r';
                    if is_cr && self.newline == Nl::Lf {
                        searched = i + 1;
                        continue;
                    }
                    if is_cr && i + 1 == avail.len() {
                        if self.fill()? == 0 {
                            return Ok(None);
                        }
                        continue;
                    }
                    let avail = &self.rbuf[self.rpos..];
                    if limit.is_some_and(|l| i + 1 > l) {
                        return Ok(None);
                    }
                    let Ok(s) = std::str::from_utf8(&avail[..i]) else { return Ok(None) };
                    let mut out = String::with_capacity(i + 1);
                    out.push_str(s);
                    out.push('\n');
                    let mut used = i + 1;
                    if is_cr {
                        if avail.get(i + 1) == Some(&b'\n') {
                            used += 1;
                            self.seen |= SEEN_CRLF;
                        } else {
                            self.seen |= SEEN_CR;
                        }
                    } else {
                        self.seen |= SEEN_LF;
                    }
                    self.rpos += used;
                    return Ok(Some(out));
                }
                None => {
                    searched = avail.len();
                    if limit.is_some_and(|l| searched >= l) {
                        return Ok(None);
                    }
                    if self.fill()? == 0 {
                        let avail = &self.rbuf[self.rpos..];
                        let Ok(s) = std::str::from_utf8(avail) else { return Ok(None) };
                        let s = s.to_string();
                        self.rpos = self.rbuf.len();
                        return Ok(Some(s));
                    }
                }
            }
        }
    }

    /// Newline translation of decoded input text.
    fn translate_in(&mut self, text: String) -> String {
        if text.contains('\r') {
            let b = text.as_bytes();
            for (i, &c) in b.iter().enumerate() {
                if c == b'\r' {
                    if b.get(i + 1) == Some(&b'\n') {
                        self.seen |= SEEN_CRLF;
                    } else {
                        self.seen |= SEEN_CR;
                    }
                } else if c == b'\n' && (i == 0 || b[i - 1] != b'\r') {
                    self.seen |= SEEN_LF;
                }
            }
        } else if text.contains('\n') {
            self.seen |= SEEN_LF;
        }
        match self.newline {
            Nl::Universal if text.contains('\r') => text.replace("\r\n", "\n").replace('\r', "\n"),
            _ => text,
        }
    }
}

/// An in-memory text stream.
pub struct StringState {
    chars: Vec<char>,
    pos: usize,
    closed: bool,
    newline: Nl,
    /// Whether `\n` is written as `\r` or `\r\n` (newline='\r', '\r\n').
    seen: u8,
}

/// An in-memory binary stream.
pub struct BytesState {
    data: Vec<u8>,
    pos: usize,
    closed: bool,
}

// ----- open files registry (flushed at exit) -----

thread_local! {
    static OPEN: RefCell<Vec<Weak<NativeObj>>> = const { RefCell::new(Vec::new()) };
}

/// The open-files table while no thread holds the GIL: it moves with the
/// GIL from thread to thread (see `aio::gil`).
pub struct DetachedFiles(Vec<Weak<NativeObj>>);

pub fn detach_files() -> DetachedFiles {
    DetachedFiles(OPEN.try_with(|o| std::mem::take(&mut *o.borrow_mut())).unwrap_or_default())
}

pub fn attach_files(files: DetachedFiles) {
    let _ = OPEN.try_with(|o| *o.borrow_mut() = files.0);
}

fn register(n: &Rc<NativeObj>) {
    OPEN.with(|o| {
        let mut o = o.borrow_mut();
        if o.len() > 64 {
            o.retain(|w| w.strong_count() > 0);
        }
        o.push(Rc::downgrade(n));
    });
}

/// Flushes every open file's buffered writes (at interpreter exit).
pub fn flush_all() {
    let files: Vec<Rc<NativeObj>> = OPEN.with(|o| o.borrow().iter().filter_map(|w| w.upgrade()).collect());
    for n in files {
        if let Ok(mut d) = n.data.try_borrow_mut() {
            if let Some(f) = d.downcast_mut::<FileObj>() {
                let _ = f.flush_w();
            }
        }
    }
}

// ----- classes -----

fn cached(vm: &Vm, key: &'static str) -> Option<Rc<Class>> {
    vm.types.iterators.borrow().get(key).cloned()
}

fn class_of(vm: &Vm, key: &'static str) -> PyResult<Rc<Class>> {
    if let Some(c) = cached(vm, key) {
        return Ok(c);
    }
    vm.import_module("io")?;
    cached(vm, key).ok_or_else(|| vm.runtime_error("io classes are missing"))
}

fn make_class(vm: &Vm, key: &'static str, name: &'static str, base: Option<&Rc<Class>>, module: &str) -> Rc<Class> {
    let class = new_class(&vm.interner, name, Some(base.unwrap_or(&vm.types.object)), Layout::Object, None);
    class.dict.borrow_mut().set_str(vm.intern("__module__"), Value::str(module));
    vm.types.iterators.borrow_mut().insert(key, class.clone());
    class
}

fn property(vm: &Vm, class: &Rc<Class>, name: &'static str, f: NativeFn) {
    let p = Property { fget: crate::builtins::function(name, f), fset: Value::None, fdel: Value::None, doc: Value::None, gc: GcHeader::new() };
    class.dict.borrow_mut().set_str(vm.intern(name), Value::Property(Rc::new(p)));
}

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    let set = |n: &str, v: Value| d.set_str(vm.intern(n), v);
    set("DEFAULT_BUFFER_SIZE", Value::Int(8192));
    set("SEEK_SET", Value::Int(0));
    set("SEEK_CUR", Value::Int(1));
    set("SEEK_END", Value::Int(2));

    // io.UnsupportedOperation(OSError, ValueError).
    let os_error = vm.types.exc("OSError");
    let value_error = vm.types.exc("ValueError");
    let unsupported = new_class(&vm.interner, "UnsupportedOperation", Some(&os_error), Layout::Exception, None);
    unsupported.dict.borrow_mut().set_str(vm.intern("__module__"), Value::str("io"));
    *unsupported.bases.borrow_mut() = vec![os_error.clone(), value_error.clone()];
    {
        let mut mro = vec![unsupported.clone(), os_error.clone(), value_error.clone()];
        mro.extend(vm.types.exc("Exception").mro.borrow().iter().cloned());
        *unsupported.mro.borrow_mut() = mro;
    }
    vm.types.iterators.borrow_mut().insert("io.UnsupportedOperation", unsupported.clone());
    set("UnsupportedOperation", Value::Class(unsupported));

    let iobase = make_class(vm, "_io._IOBase", "_IOBase", None, "_io");
    crate::builtins::methods(
        vm,
        &iobase,
        "_IOBase",
        &[
            ("__enter__", base_enter),
            ("__exit__", base_exit),
            ("__iter__", base_iter),
            ("__next__", base_next),
            ("readable", false_fn),
            ("writable", false_fn),
            ("seekable", false_fn),
            ("isatty", false_fn),
            ("flush", none_fn),
            ("close", base_close),
            ("readlines", base_readlines),
            ("writelines", base_writelines),
        ],
    );
    property(vm, &iobase, "closed", base_closed);
    let raw = make_class(vm, "_io._RawIOBase", "_RawIOBase", Some(&iobase), "_io");
    let buffered = make_class(vm, "_io._BufferedIOBase", "_BufferedIOBase", Some(&iobase), "_io");
    let textbase = make_class(vm, "_io._TextIOBase", "_TextIOBase", Some(&iobase), "_io");
    set("IOBase", Value::Class(iobase.clone()));
    set("RawIOBase", Value::Class(raw.clone()));
    set("BufferedIOBase", Value::Class(buffered.clone()));
    set("TextIOBase", Value::Class(textbase.clone()));

    let text = make_class(vm, "_io.TextIOWrapper", "TextIOWrapper", Some(&textbase), "_io");
    crate::builtins::methods(
        vm,
        &text,
        "TextIOWrapper",
        &[
            ("__init__", text_init),
            ("read", text_read),
            ("readline", text_readline),
            ("readlines", text_readlines),
            ("write", text_write),
            ("writelines", text_writelines),
            ("__next__", text_next),
            ("__iter__", file_iter),
            ("__enter__", file_enter),
            ("__exit__", file_exit),
            ("__repr__", text_repr),
            ("seek", text_seek),
            ("tell", text_tell),
            ("truncate", file_truncate),
            ("flush", file_flush),
            ("close", file_close),
            ("fileno", file_fileno),
            ("isatty", file_isatty),
            ("readable", file_readable),
            ("writable", file_writable),
            ("seekable", file_seekable),
            ("detach", text_detach),
            ("reconfigure", text_reconfigure),
        ],
    );
    property(vm, &text, "closed", file_closed);
    property(vm, &text, "encoding", text_encoding);
    property(vm, &text, "errors", text_errors);
    property(vm, &text, "newlines", text_newlines);
    property(vm, &text, "buffer", text_buffer);
    property(vm, &text, "line_buffering", false_fn);
    property(vm, &text, "write_through", false_fn);
    set("TextIOWrapper", Value::Class(text));

    let binary_methods: &[(&'static str, NativeFn)] = &[
        ("read", bin_read),
        ("read1", bin_read),
        ("readall", bin_readall),
        ("readinto", bin_readinto),
        ("readline", bin_readline),
        ("readlines", bin_readlines),
        ("write", bin_write),
        ("writelines", bin_writelines),
        ("peek", bin_peek),
        ("__next__", bin_next),
        ("__iter__", file_iter),
        ("__enter__", file_enter),
        ("__exit__", file_exit),
        ("__repr__", bin_repr),
        ("seek", bin_seek),
        ("tell", bin_tell),
        ("truncate", file_truncate),
        ("flush", file_flush),
        ("close", file_close),
        ("fileno", file_fileno),
        ("isatty", file_isatty),
        ("readable", file_readable),
        ("writable", file_writable),
        ("seekable", file_seekable),
        ("detach", text_detach),
    ];
    for (key, name, base) in [
        ("_io.BufferedReader", "BufferedReader", &buffered),
        ("_io.BufferedWriter", "BufferedWriter", &buffered),
        ("_io.BufferedRandom", "BufferedRandom", &buffered),
        ("_io.FileIO", "FileIO", &raw),
    ] {
        let c = make_class(vm, key, name, Some(base), "_io");
        crate::builtins::methods(vm, &c, name, binary_methods);
        crate::builtins::methods(vm, &c, name, &[("__init__", bin_init)]);
        property(vm, &c, "closed", file_closed);
        property(vm, &c, "raw", bin_raw);
        if name == "FileIO" {
            property(vm, &c, "closefd", file_closefd);
        }
        set(name, Value::Class(c));
    }

    let sio = make_class(vm, "_io.StringIO", "StringIO", Some(&textbase), "_io");
    crate::builtins::methods(
        vm,
        &sio,
        "StringIO",
        &[
            ("__init__", sio_init),
            ("getvalue", sio_getvalue),
            ("read", sio_read),
            ("readline", sio_readline),
            ("readlines", sio_readlines),
            ("write", sio_write),
            ("writelines", sio_writelines),
            ("seek", sio_seek),
            ("tell", sio_tell),
            ("truncate", sio_truncate),
            ("close", sio_close),
            ("flush", sio_flush),
            ("readable", sio_true),
            ("writable", sio_true),
            ("seekable", sio_true),
            ("isatty", sio_isatty),
            ("__next__", sio_next),
            ("__iter__", sio_iter),
            ("__enter__", sio_enter),
            ("__exit__", sio_exit),
            ("detach", sio_detach),
        ],
    );
    property(vm, &sio, "closed", sio_closed);
    property(vm, &sio, "line_buffering", sio_line_buffering);
    property(vm, &sio, "newlines", sio_newlines);
    property(vm, &sio, "encoding", none_fn);
    property(vm, &sio, "errors", none_fn);
    set("StringIO", Value::Class(sio));

    let bio = make_class(vm, "_io.BytesIO", "BytesIO", Some(&buffered), "_io");
    crate::builtins::methods(
        vm,
        &bio,
        "BytesIO",
        &[
            ("__init__", bio_init),
            ("getvalue", bio_getvalue),
            ("getbuffer", bio_getvalue),
            ("read", bio_read),
            ("read1", bio_read),
            ("readinto", bio_readinto),
            ("readline", bio_readline),
            ("readlines", bio_readlines),
            ("write", bio_write),
            ("writelines", bio_writelines),
            ("seek", bio_seek),
            ("tell", bio_tell),
            ("truncate", bio_truncate),
            ("close", bio_close),
            ("flush", bio_flush),
            ("readable", bio_true),
            ("writable", bio_true),
            ("seekable", bio_true),
            ("isatty", bio_isatty),
            ("__next__", bio_next),
            ("__iter__", bio_iter),
            ("__enter__", bio_enter),
            ("__exit__", bio_exit),
        ],
    );
    property(vm, &bio, "closed", bio_closed);
    set("BytesIO", Value::Class(bio));

    def(vm, d, "open", open);
    def(vm, d, "text_encoding", text_encoding_fn);
    // `io.open is open`.
    if let Some(f) = d.get_str(&vm.intern("open")) {
        vm.builtins.set_str(vm.intern("open"), f.clone());
        d.set_str(vm.intern("open_code"), f);
    }
    Ok(())
}

// ----- errors and state access -----

fn unsupported(vm: &Vm, msg: &str) -> PyErr {
    match cached(vm, "io.UnsupportedOperation") {
        Some(c) => vm.new_exc(&c, vec![Value::str(msg)]),
        None => vm.new_error("OSError", msg),
    }
}

fn closed_err(vm: &Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

fn closed_err_np(vm: &Vm) -> PyErr {
    vm.value_error("I/O operation on closed file")
}

/// The hidden state object of a stream instance.
fn native_of<T: 'static>(v: &Value) -> Option<Rc<NativeObj>> {
    let Value::Instance(i) = v else { return None };
    let slots = i.slots.borrow();
    for s in slots.iter().rev() {
        if let Some(Value::Native(n)) = s {
            if n.data.borrow().is::<T>() {
                return Some(n.clone());
            }
        }
    }
    None
}

fn with<T: 'static, R>(vm: &Vm, v: &Value, f: impl FnOnce(&mut T) -> PyResult<R>) -> PyResult<R> {
    let Some(n) = native_of::<T>(v) else {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    };
    let mut data = match n.data.try_borrow_mut() {
        Ok(d) => d,
        Err(_) => return Err(vm.runtime_error("reentrant call inside io object")),
    };
    match data.downcast_mut::<T>() {
        Some(s) => f(s),
        None => Err(vm.value_error("I/O operation on uninitialized object")),
    }
}

/// Installs (or replaces) the hidden state of `inst`.
fn set_state(inst: &Value, state: Rc<NativeObj>) {
    let Value::Instance(i) = inst else { return };
    let mut slots = i.slots.borrow_mut();
    let nslots = i.class().slots.borrow().len();
    slots.truncate(nslots);
    slots.push(Some(Value::Native(state)));
}

fn new_native(vm: &Vm, data: Box<dyn std::any::Any>) -> Rc<NativeObj> {
    Rc::new(NativeObj { class: vm.types.object.clone(), data: RefCell::new(data) })
}

fn attr(vm: &Vm, inst: &Value, name: &str) -> Option<Value> {
    match inst {
        Value::Instance(i) => i.dict.as_ref().and_then(|d| d.get_str(&vm.intern(name))),
        _ => None,
    }
}

fn set_attr(vm: &Vm, inst: &Value, name: &str, v: Value) {
    if let Value::Instance(i) = inst {
        if let Some(d) = &i.dict {
            d.set_str(vm.intern(name), v);
        }
    }
}

fn text_err(vm: &Vm, e: TextErr, filename: Option<Value>) -> PyErr {
    match e {
        TextErr::Io(e) => io_error(vm, &e, filename),
        TextErr::Msg(class, msg) => vm.new_error(class, msg),
    }
}

/// A `size` argument: None or negative means "all".
fn size_arg(vm: &Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(if *i < 0 { None } else { Some(*i as usize) }),
        Some(v) => {
            if matches!(v, Value::Float(_)) || vm.type_of(v).lookup(&vm.names.index).is_none() && !matches!(v, Value::Bool(_) | Value::BigInt(_)) {
                return Err(vm.type_error(format!("argument should be integer or None, not '{}'", vm.type_name(v).as_str())));
            }
            let i = vm.index_value(v)?;
            Ok(if i < 0 { None } else { Some(i as usize) })
        }
    }
}


fn bytes_value(b: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(Bytes { data: b.into() }))
}

// ----- _IOBase (generic methods for Python subclasses) -----

fn base_closed(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("_IOBase.closed", "$self, /").bind(vm, a, kw)?;
    Ok(attr(vm, me, "__IOBase_closed").unwrap_or(Value::bool(false)))
}

fn base_close(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("_IOBase.close", "$self, /").bind(vm, a, kw)?;
    if !vm.truthy(&vm.get_attr(me, &vm.intern("closed"))?)? {
        vm.call_method(me, "flush", &[])?;
    }
    set_attr(vm, me, "__IOBase_closed", Value::bool(true));
    Ok(Value::None)
}

fn base_enter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("_IOBase.__enter__", "$self, /").bind(vm, a, kw)?;
    if vm.truthy(&vm.get_attr(me, &vm.intern("closed"))?)? {
        return Err(closed_err(vm));
    }
    Ok(me.clone())
}

fn base_exit(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [], _) = crate::sig!("_IOBase.__exit__", "$self, /, *args").bind_rest(vm, a, kw)?;
    vm.call_method(me, "close", &[])?;
    Ok(Value::None)
}

fn base_iter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "_IOBase.__iter__", "$self, /").bind(vm, a, kw)?;
    if vm.truthy(&vm.get_attr(me, &vm.intern("closed"))?)? {
        return Err(closed_err(vm));
    }
    Ok(me.clone())
}

fn base_next(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "_IOBase.__next__", "$self, /").bind(vm, a, kw)?;
    let line = vm.call_method(me, "readline", &[])?;
    if vm.len(&line)? == 0 {
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(line)
}

fn base_readlines(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [hint]) = crate::sig!("_IOBase.readlines", "$self, hint=-1, /").bind(vm, a, kw)?;
    let hint = size_arg(vm, hint)?;
    let it = vm.iter(me)?;
    let mut out = Vec::new();
    let mut total = 0;
    while let Some(line) = vm.next(&it)? {
        total += vm.len(&line)?;
        out.push(line);
        if hint.is_some_and(|h| h > 0 && total >= h) {
            break;
        }
    }
    Ok(Value::list(out))
}

fn base_writelines(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, lines], []) = crate::sig!("_IOBase.writelines", "$self, lines, /").bind(vm, a, kw)?;
    let it = vm.iter(lines)?;
    while let Some(line) = vm.next(&it)? {
        vm.call_method(me, "write", &[line])?;
    }
    Ok(Value::None)
}

/// `readable()` and the like where the answer is no.
fn false_fn(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("_IOBase.readable", "$self, /").bind(vm, a, kw)?;
    Ok(Value::bool(false))
}

/// `flush()` and the like where there is nothing to do or tell.
fn none_fn(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("_IOBase.flush", "$self, /").bind(vm, a, kw)?;
    Ok(Value::None)
}

// ----- open() -----

struct Mode {
    reading: bool,
    writing: bool,
    appending: bool,
    creating: bool,
    updating: bool,
    binary: bool,
}

fn parse_mode(vm: &Vm, mode: &str) -> PyResult<Mode> {
    let mut seen = String::new();
    for c in mode.chars() {
        if !"axrwb+t".contains(c) || seen.contains(c) {
            return Err(vm.value_error(format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
    }
    let has = |c: char| mode.contains(c);
    let m = Mode {
        reading: has('r'),
        writing: has('w'),
        appending: has('a'),
        creating: has('x'),
        updating: has('+'),
        binary: has('b'),
    };
    if has('t') && m.binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    let n = m.reading as u8 + m.writing as u8 + m.appending as u8 + m.creating as u8;
    if n > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if n == 0 {
        return Err(vm.value_error("Must have exactly one of create/read/write/append mode and at most one plus"));
    }
    Ok(m)
}

fn str_or_none(vm: &Vm, fname: &str, what: &str, v: Option<Value>) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s.as_str().to_string())),
            None => Err(vm.type_error(format!("{fname}() argument '{what}' must be str or None, not {}", vm.type_name(&v).as_str()))),
        },
    }
}

fn parse_newline(vm: &Vm, nl: Option<&str>) -> PyResult<Nl> {
    Ok(match nl {
        None => Nl::Universal,
        Some("") => Nl::Any,
        Some("\n") => Nl::Lf,
        Some("\r") => Nl::Cr,
        Some("\r\n") => Nl::CrLf,
        Some(other) => return Err(vm.value_error(format!("illegal newline value: {other}"))),
    })
}

fn open(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([file], given) = crate::sig!(
        "open",
        "file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None"
    )
    .bind(vm, a, kw)?;
    let file = file.clone();
    // The optional parameters by position (1 is `mode`).
    let get = |i: usize| given.get(i.wrapping_sub(1)).copied().flatten().cloned();
    let mode_s = match get(1) {
        None => "r".to_string(),
        Some(m) => match m.as_str() {
            Some(s) => s.as_str().to_string(),
            None => return Err(vm.type_error(format!("open() argument 'mode' must be str, not {}", vm.type_name(&m).as_str()))),
        },
    };
    let buffering = match get(2) {
        None => -1,
        Some(b) => vm.index_value(&b)?,
    };
    let encoding = str_or_none(vm, "open", "encoding", get(3))?;
    let errors = str_or_none(vm, "open", "errors", get(4))?;
    let newline = str_or_none(vm, "open", "newline", get(5))?;
    let closefd = match get(6) {
        None => true,
        Some(v) => vm.truthy(&v)?,
    };
    let m = parse_mode(vm, &mode_s)?;
    if m.binary && encoding.is_some() {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    if m.binary && errors.is_some() {
        return Err(vm.value_error("binary mode doesn't take an errors argument"));
    }
    if m.binary && newline.is_some() {
        return Err(vm.value_error("binary mode doesn't take a newline argument"));
    }
    if !m.binary && buffering == 0 {
        return Err(vm.value_error("can't have unbuffered text I/O"));
    }
    let nl = parse_newline(vm, newline.as_deref())?;
    let enc = match &encoding {
        None => Enc::Utf8,
        Some(e) => lookup_encoding(e).ok_or_else(|| vm.new_error("LookupError", format!("unknown encoding: {e}")))?,
    };
    let errors_s = errors.clone().unwrap_or_else(|| "strict".to_string());
    if !m.binary && !["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass", "xmlcharrefreplace", "namereplace"].contains(&errors_s.as_str())
    {
        return Err(vm.new_error("LookupError", format!("unknown error handler name '{errors_s}'")));
    }

    // The file itself.
    let readable = m.reading || m.updating;
    let writable = m.writing || m.appending || m.creating || m.updating;
    let (fobj, name) = match file.builtin_base() {
        Value::Int(fd) => {
            if *fd < 0 {
                return Err(vm.value_error("negative file descriptor"));
            }
            use std::os::fd::FromRawFd;
            if unsafe { libc::fcntl(*fd as i32, libc::F_GETFD) } < 0 {
                return Err(errno_error(vm, libc::EBADF, None, None));
            }
            (unsafe { std::fs::File::from_raw_fd(*fd as i32) }, file.clone())
        }
        Value::Bool(_) => return Err(vm.type_error("expected str, bytes or os.PathLike object, not bool")),
        _ => {
            if !closefd {
                return Err(vm.value_error("Cannot use closefd=False with file name"));
            }
            let path = match super::os::fspath_value(vm, &file)? {
                Some(p) => match &p {
                    Value::Bytes(b) => String::from_utf8_lossy(&b.data).into_owned(),
                    _ => p.as_str().map(|s| s.as_str().to_string()).unwrap_or_default(),
                },
                None => return Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(&file).as_str()))),
            };
            if path.contains('\0') {
                return Err(vm.value_error("embedded null byte"));
            }
            let mut opts = std::fs::OpenOptions::new();
            opts.read(readable);
            if m.writing {
                opts.write(true).create(true).truncate(true);
            } else if m.appending {
                opts.append(true).create(true);
            } else if m.creating {
                opts.write(true).create_new(true);
            } else if m.updating {
                opts.write(true);
            }
            let f = opts.open(&path).map_err(|e| io_error(vm, &e, Some(file.clone())))?;
            if f.metadata().is_ok_and(|md| md.is_dir()) {
                return Err(errno_error(vm, libc::EISDIR, Some(file.clone()), None));
            }
            (f, file.clone())
        }
    };
    let mut fobj = fobj;
    if m.appending {
        let _ = fobj.seek(SeekFrom::End(0));
    }
    let seekable = fobj.stream_position().is_ok();
    let at_start = fobj.stream_position().map(|p| p == 0).unwrap_or(false);
    let state = FileObj {
        file: Some(fobj),
        closed: false,
        readable,
        writable,
        seekable,
        closefd,
        rbuf: Vec::new(),
        rpos: 0,
        wbuf: Vec::new(),
        enc,
        errors: errors_s,
        newline: nl,
        seen: 0,
        pending: Vec::new(),
        at_start,
    };
    let native = new_native(vm, Box::new(state));
    register(&native);

    let raw_mode = {
        let mut s = String::from(if m.creating {
            "xb"
        } else if m.appending {
            "ab"
        } else if readable {
            "rb"
        } else {
            "wb"
        });
        if m.updating {
            s.push('+');
        } else if readable && writable && !m.creating && !m.appending {
            s = "rb+".into();
        }
        s
    };
    let bin_key = if m.binary && buffering == 0 {
        "_io.FileIO"
    } else if m.updating {
        "_io.BufferedRandom"
    } else if readable {
        "_io.BufferedReader"
    } else {
        "_io.BufferedWriter"
    };
    let bin_class = class_of(vm, bin_key)?;
    let bin = Value::Instance(vm.instance_with(&bin_class, Payload::None));
    set_state(&bin, native.clone());
    set_attr(vm, &bin, "name", name.clone());
    set_attr(vm, &bin, "mode", Value::string(raw_mode));
    if m.binary {
        return Ok(bin);
    }
    let text_class = class_of(vm, "_io.TextIOWrapper")?;
    let text = Value::Instance(vm.instance_with(&text_class, Payload::None));
    set_state(&text, native);
    if let Value::Instance(i) = &text {
        i.slots.borrow_mut().push(Some(bin));
    }
    set_attr(vm, &text, "name", name);
    set_attr(vm, &text, "mode", Value::string(mode_s));
    set_attr(vm, &text, "_encoding_name", Value::string(encoding.unwrap_or_else(|| "UTF-8".to_string())));
    Ok(text)
}

fn text_encoding_fn(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([encoding], [_stacklevel]) = crate::sig!("text_encoding", "encoding, stacklevel=2, /").bind(vm, a, kw)?;
    if encoding.is_none() {
        return Ok(Value::str("utf-8"));
    }
    Ok(encoding.clone())
}

// ----- methods shared by file objects -----

fn file_state<R>(vm: &Vm, v: &Value, f: impl FnOnce(&mut FileObj) -> PyResult<R>) -> PyResult<R> {
    with::<FileObj, R>(vm, v, f)
}

fn is_closed(vm: &Vm, v: &Value) -> PyResult<bool> {
    file_state(vm, v, |s| Ok(s.closed))
}

fn name_of(vm: &Vm, v: &Value) -> Option<Value> {
    attr(vm, v, "name")
}

fn file_closed(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("_io.FileIO.closed", "$self, /").bind(vm, a, kw)?;
    Ok(Value::bool(is_closed(vm, me)?))
}

fn file_closefd(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("_io.FileIO.closefd", "$self, /").bind(vm, a, kw)?;
    file_state(vm, me, |s| Ok(Value::bool(s.closefd)))
}

fn file_iter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "_io.FileIO.__iter__", "$self, /").bind(vm, a, kw)?;
    if is_closed(vm, me)? {
        return Err(closed_err(vm));
    }
    Ok(me.clone())
}

fn file_enter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("_io.FileIO.__enter__", "$self, /").bind(vm, a, kw)?;
    if is_closed(vm, me)? {
        return Err(closed_err(vm));
    }
    Ok(me.clone())
}

fn file_exit(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [], _) = crate::sig!("_io.FileIO.__exit__", "$self, /, *args").bind_rest(vm, a, kw)?;
    vm.call_method(me, "close", &[])?;
    Ok(Value::None)
}

fn file_close(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("_io.FileIO.close", "$self, /").bind(vm, a, kw)?;
    let name = name_of(vm, me);
    file_state(vm, me, |s| s.close().map_err(|e| io_error(vm, &e, name)))?;
    Ok(Value::None)
}

fn file_flush(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("_io.FileIO.flush", "$self, /").bind(vm, a, kw)?;
    let name = name_of(vm, me);
    file_state(vm, me, |s| {
        if s.closed {
            return Err(vm.value_error("I/O operation on closed file."));
        }
        s.flush_w().map_err(|e| io_error(vm, &e, name))
    })?;
    Ok(Value::None)
}

fn file_fileno(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("_io.FileIO.fileno", "$self, /").bind(vm, a, kw)?;
    file_state(vm, me, |s| {
        use std::os::fd::AsRawFd;
        match &s.file {
            Some(f) if !s.closed => Ok(Value::Int(f.as_raw_fd() as i64)),
            _ => Err(closed_err_np(vm)),
        }
    })
}

fn file_isatty(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("_io.FileIO.isatty", "$self, /").bind(vm, a, kw)?;
    file_state(vm, me, |s| {
        use std::os::fd::AsRawFd;
        match &s.file {
            Some(f) if !s.closed => Ok(Value::bool(unsafe { libc::isatty(f.as_raw_fd()) } == 1)),
            _ => Err(closed_err_np(vm)),
        }
    })
}

fn file_readable(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("_io.FileIO.readable", "$self, /").bind(vm, a, kw)?;
    file_state(vm, me, |s| if s.closed { Err(closed_err_np(vm)) } else { Ok(Value::bool(s.readable)) })
}

fn file_writable(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("_io.FileIO.writable", "$self, /").bind(vm, a, kw)?;
    file_state(vm, me, |s| if s.closed { Err(closed_err_np(vm)) } else { Ok(Value::bool(s.writable)) })
}

fn file_seekable(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("_io.FileIO.seekable", "$self, /").bind(vm, a, kw)?;
    file_state(vm, me, |s| if s.closed { Err(closed_err_np(vm)) } else { Ok(Value::bool(s.seekable)) })
}

fn file_truncate(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [size]) = crate::sig!("_io.FileIO.truncate", "$self, size=None, /").bind(vm, a, kw)?;
    let size = match size {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.index_value(v)?),
    };
    let name = name_of(vm, me);
    file_state(vm, me, |s| {
        if s.closed {
            return Err(closed_err(vm));
        }
        if !s.writable {
            return Err(unsupported(vm, "truncate"));
        }
        let r = (|| -> std::io::Result<u64> {
            s.flush_w()?;
            let pos = s.tell()?;
            let size = match size {
                Some(n) if n < 0 => return Err(std::io::Error::from_raw_os_error(libc::EINVAL)),
                Some(n) => n as u64,
                None => pos,
            };
            s.drop_r()?;
            s.file()?.set_len(size)?;
            Ok(size)
        })();
        r.map(|n| Value::Int(n as i64)).map_err(|e| io_error(vm, &e, name))
    })
}

// ----- TextIOWrapper -----

fn text_init(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [], _) = crate::sig!("TextIOWrapper.__init__", "$self, /, *args, **kwargs").bind_rest(vm, a, kw)?;
    if native_of::<FileObj>(me).is_some() {
        return Ok(Value::None);
    }
    Err(vm.type_error("TextIOWrapper() over arbitrary buffers is not supported; use open()"))
}

fn bin_init(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [], _) = crate::sig!("BufferedReader.__init__", "$self, /, *args, **kwargs").bind_rest(vm, a, kw)?;
    if native_of::<FileObj>(me).is_some() {
        return Ok(Value::None);
    }
    Err(vm.type_error("creating binary file objects directly is not supported; use open()"))
}

fn text_check_read(vm: &Vm, s: &FileObj) -> PyResult<()> {
    if s.closed {
        return Err(closed_err(vm));
    }
    if !s.readable {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(())
}

fn text_read(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [size]) = crate::sig!("TextIOWrapper.read", "$self, size=-1, /").bind(vm, a, kw)?;
    let size = size_arg(vm, size)?;
    let name = name_of(vm, me);
    let r = file_state(vm, me, |s| {
        text_check_read(vm, s)?;
        s.text_read(size, false).map_err(|e| text_err(vm, e, name))
    })?;
    Ok(Value::string(r))
}

fn text_readline(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [size]) = crate::sig!("TextIOWrapper.readline", "$self, size=-1, /").bind(vm, a, kw)?;
    let size = size_arg(vm, size)?;
    let name = name_of(vm, me);
    let r = file_state(vm, me, |s| {
        text_check_read(vm, s)?;
        s.text_read(size, true).map_err(|e| text_err(vm, e, name))
    })?;
    Ok(Value::string(r))
}

fn text_next(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "TextIOWrapper.__next__", "$self, /").bind(vm, a, kw)?;
    let name = name_of(vm, me);
    let r = file_state(vm, me, |s| {
        text_check_read(vm, s)?;
        s.text_read(None, true).map_err(|e| text_err(vm, e, name))
    })?;
    if r.is_empty() {
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(Value::string(r))
}

fn text_readlines(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [hint]) = crate::sig!("TextIOWrapper.readlines", "$self, hint=-1, /").bind(vm, a, kw)?;
    let hint = size_arg(vm, hint)?.filter(|h| *h > 0);
    let name = name_of(vm, me);
    let lines = file_state(vm, me, |s| {
        text_check_read(vm, s)?;
        let mut out = Vec::new();
        let mut total = 0;
        loop {
            let line = s.text_read(None, true).map_err(|e| text_err(vm, e, name.clone()))?;
            if line.is_empty() {
                break;
            }
            total += line.chars().count();
            out.push(Value::string(line));
            if hint.is_some_and(|h| total >= h) {
                break;
            }
        }
        Ok(out)
    })?;
    Ok(Value::list(lines))
}

fn encode_text(vm: &Vm, s: &FileObj, text: &str) -> PyResult<Vec<u8>> {
    let translated;
    let text = match s.newline {
        Nl::Cr if text.contains('\n') => {
            translated = text.replace('\n', "\r");
            &translated
        }
        Nl::CrLf if text.contains('\n') => {
            translated = text.replace('\n', "\r\n");
            &translated
        }
        _ => text,
    };
    let limit = match s.enc {
        Enc::Utf8 | Enc::Utf8Sig => return Ok(text.as_bytes().to_vec()),
        Enc::Ascii => 0x80u32,
        Enc::Latin1 => 0x100u32,
    };
    let mut out = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            continue;
        }
        match s.errors.as_str() {
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => {
                let cp = c as u32;
                let esc = if cp <= 0xff {
                    format!("\\x{cp:02x}")
                } else if cp <= 0xffff {
                    format!("\\u{cp:04x}")
                } else {
                    format!("\\U{cp:08x}")
                };
                out.extend_from_slice(esc.as_bytes());
            }
            "xmlcharrefreplace" => out.extend_from_slice(format!("&#{};", c as u32).as_bytes()),
            _ => {
                let cp = c as u32;
                let shown = if cp <= 0xff {
                    format!("\\x{cp:02x}")
                } else if cp <= 0xffff {
                    format!("\\u{cp:04x}")
                } else {
                    format!("\\U{cp:08x}")
                };
                return Err(vm.new_error(
                    "UnicodeEncodeError",
                    format!(
                        "'{}' codec can't encode character '{}' in position {}: ordinal not in range({})",
                        s.enc.name(),
                        shown,
                        i,
                        limit
                    ),
                ));
            }
        }
    }
    Ok(out)
}

fn text_write(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, text], []) = crate::sig!("TextIOWrapper.write", "$self, text, /").bind(vm, a, kw)?;
    let Some(text) = text.as_str() else {
        return Err(vm.type_error(format!("write() argument must be str, not {}", vm.type_name(text).as_str())));
    };
    let n = text.char_len();
    let name = name_of(vm, me);
    file_state(vm, me, |s| {
        if s.closed {
            return Err(closed_err(vm));
        }
        if !s.writable {
            return Err(unsupported(vm, "not writable"));
        }
        let mut bytes = encode_text(vm, s, text.as_str())?;
        if s.enc == Enc::Utf8Sig && s.at_start && s.tell().map(|p| p == 0).unwrap_or(false) {
            let mut b = vec![0xef, 0xbb, 0xbf];
            b.extend(bytes);
            bytes = b;
        }
        s.at_start = false;
        s.write_bytes(&bytes).map_err(|e| io_error(vm, &e, name))
    })?;
    Ok(Value::Int(n as i64))
}

fn text_writelines(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, lines], []) = crate::sig!("TextIOWrapper.writelines", "$self, lines, /").bind(vm, a, kw)?;
    if is_closed(vm, me)? {
        return Err(closed_err(vm));
    }
    let it = vm.iter(lines)?;
    while let Some(line) = vm.next(&it)? {
        text_write(vm, &[me.clone(), line], &[])?;
    }
    Ok(Value::None)
}

fn text_seek(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, cookie], [whence]) = crate::sig!("TextIOWrapper.seek", "$self, cookie, whence=0, /").bind(vm, a, kw)?;
    let cookie = vm.index_value(cookie)?;
    let whence = match whence {
        Some(w) => vm.index_value(w)?,
        None => 0,
    };
    let name = name_of(vm, me);
    file_state(vm, me, |s| {
        if s.closed {
            return Err(closed_err(vm));
        }
        if !s.seekable {
            return Err(unsupported(vm, "underlying stream is not seekable"));
        }
        let pos = match whence {
            0 => {
                if cookie < 0 {
                    return Err(vm.value_error(format!("negative seek position {cookie}")));
                }
                SeekFrom::Start(cookie as u64)
            }
            1 => {
                if cookie != 0 {
                    return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
                }
                SeekFrom::Current(0)
            }
            2 => {
                if cookie != 0 {
                    return Err(unsupported(vm, "can't do nonzero end-relative seeks"));
                }
                SeekFrom::End(0)
            }
            w => return Err(vm.value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
        };
        s.seek(pos).map(|p| Value::Int(p as i64)).map_err(|e| io_error(vm, &e, name))
    })
}

fn text_tell(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("TextIOWrapper.tell", "$self, /").bind(vm, a, kw)?;
    let name = name_of(vm, me);
    file_state(vm, me, |s| {
        if s.closed {
            return Err(closed_err(vm));
        }
        if !s.seekable {
            return Err(unsupported(vm, "underlying stream is not seekable"));
        }
        if !s.pending.is_empty() {
            return Err(vm.new_error("OSError", "can't reconstruct logical file position"));
        }
        s.tell().map(|p| Value::Int(p as i64)).map_err(|e| io_error(vm, &e, name))
    })
}

fn text_repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "TextIOWrapper.__repr__", "$self, /").bind(vm, a, kw)?;
    let class = vm.type_of(me);
    let mut out = format!("<{}", vm.class_full_name(&class));
    if let Some(n) = name_of(vm, me) {
        out.push_str(&format!(" name={}", vm.repr(&n)?.as_str()));
    }
    if let Some(m) = attr(vm, me, "mode") {
        out.push_str(&format!(" mode={}", vm.repr(&m)?.as_str()));
    }
    let enc = attr(vm, me, "_encoding_name").unwrap_or(Value::str("UTF-8"));
    out.push_str(&format!(" encoding={}>", vm.repr(&enc)?.as_str()));
    Ok(Value::string(out))
}

fn text_encoding(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("TextIOWrapper.encoding", "$self, /").bind(vm, a, kw)?;
    Ok(attr(vm, me, "_encoding_name").unwrap_or(Value::str("UTF-8")))
}

fn text_errors(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("TextIOWrapper.errors", "$self, /").bind(vm, a, kw)?;
    file_state(vm, me, |s| Ok(Value::string(s.errors.clone())))
}

fn newlines_value(seen: u8) -> Value {
    let mut v: Vec<Value> = Vec::new();
    if seen & SEEN_CR != 0 {
        v.push(Value::str("\r"));
    }
    if seen & SEEN_LF != 0 {
        v.push(Value::str("\n"));
    }
    if seen & SEEN_CRLF != 0 {
        v.push(Value::str("\r\n"));
    }
    match v.len() {
        0 => Value::None,
        1 => v.pop().unwrap_or(Value::None),
        _ => Value::tuple(v),
    }
}

fn text_newlines(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("TextIOWrapper.newlines", "$self, /").bind(vm, a, kw)?;
    file_state(vm, me, |s| Ok(if matches!(s.newline, Nl::Universal | Nl::Any) { newlines_value(s.seen) } else { Value::None }))
}

fn text_buffer(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("TextIOWrapper.buffer", "$self, /").bind(vm, a, kw)?;
    if let Value::Instance(i) = me {
        for s in i.slots.borrow().iter().rev() {
            if let Some(v @ Value::Instance(_)) = s {
                return Ok(v.clone());
            }
        }
    }
    Err(vm.value_error("underlying buffer has been detached"))
}

fn text_detach(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    text_buffer(vm, a, kw)
}

fn text_reconfigure(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [encoding, errors, newline, _line_buffering, _write_through]) = crate::sig!(
        "TextIOWrapper.reconfigure",
        "$self, /, *, encoding=None, errors=None, newline=None, line_buffering=None, write_through=None"
    )
    .bind(vm, a, kw)?;
    let enc = str_or_none(vm, "reconfigure", "encoding", encoding.cloned())?;
    let errors = str_or_none(vm, "reconfigure", "errors", errors.cloned())?;
    let newline = match newline {
        Some(v) => Some(parse_newline(vm, v.as_str().map(|s| s.as_str()))?),
        None => None,
    };
    let e = match &enc {
        Some(e) => Some(lookup_encoding(e).ok_or_else(|| vm.new_error("LookupError", format!("unknown encoding: {e}")))?),
        None => None,
    };
    file_state(vm, me, |s| {
        if let Some(e) = e {
            s.enc = e;
        }
        if let Some(er) = errors {
            s.errors = er;
        }
        if let Some(n) = newline {
            s.newline = n;
        }
        Ok(())
    })?;
    if let Some(e) = enc {
        set_attr(vm, me, "_encoding_name", Value::string(e));
    }
    Ok(Value::None)
}

// ----- binary files -----

fn bin_check_read(vm: &Vm, s: &FileObj) -> PyResult<()> {
    if s.closed {
        return Err(vm.value_error("read of closed file"));
    }
    if !s.readable {
        return Err(unsupported(vm, "read"));
    }
    Ok(())
}

fn bin_read(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [size]) = crate::sig!("BufferedReader.read", "$self, size=-1, /").bind(vm, a, kw)?;
    file_state(vm, me, |s| bin_check_read(vm, s))?;
    let size = size_arg(vm, size)?;
    let name = name_of(vm, me);
    let r = file_state(vm, me, |s| {
        bin_check_read(vm, s)?;
        let r = match size {
            None => s.read_all_bytes(),
            Some(n) => s.read_n_bytes(n),
        };
        r.map_err(|e| io_error(vm, &e, name))
    })?;
    Ok(bytes_value(r))
}

fn bin_readall(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("BufferedReader.readall", "$self, /").bind(vm, a, kw)?;
    bin_read(vm, std::slice::from_ref(me), &[])
}

fn bin_peek(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    // As CPython's, the size is only a hint: whatever is buffered comes back.
    let ([me], [_size]) = crate::sig!("BufferedReader.peek", "$self, size=0, /").bind(vm, a, kw)?;
    let name = name_of(vm, me);
    let r = file_state(vm, me, |s| {
        bin_check_read(vm, s)?;
        if s.rpos >= s.rbuf.len() {
            s.fill().map_err(|e| io_error(vm, &e, name))?;
        }
        Ok(s.rbuf[s.rpos..].to_vec())
    })?;
    Ok(bytes_value(r))
}

fn bin_readinto(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, buffer], []) = crate::sig!("BufferedReader.readinto", "$self, buffer, /").bind(vm, a, kw)?;
    let Value::ByteArray(target) = buffer.builtin_base() else {
        return Err(vm.type_error(format!("readinto() argument must be read-write bytes-like object, not {}", vm.type_name(buffer).as_str())));
    };
    let n = target.data.borrow().len();
    let name = name_of(vm, me);
    let data = file_state(vm, me, |s| {
        bin_check_read(vm, s)?;
        s.read_n_bytes(n).map_err(|e| io_error(vm, &e, name))
    })?;
    target.data.borrow_mut()[..data.len()].copy_from_slice(&data);
    Ok(Value::Int(data.len() as i64))
}

fn bin_readline(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [size]) = crate::sig!("BufferedReader.readline", "$self, size=-1, /").bind(vm, a, kw)?;
    let size = size_arg(vm, size)?;
    let name = name_of(vm, me);
    let r = file_state(vm, me, |s| {
        bin_check_read(vm, s)?;
        s.read_line_bytes(size).map_err(|e| io_error(vm, &e, name))
    })?;
    Ok(bytes_value(r))
}

fn bin_next(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "BufferedReader.__next__", "$self, /").bind(vm, a, kw)?;
    let name = name_of(vm, me);
    let r = file_state(vm, me, |s| {
        bin_check_read(vm, s)?;
        s.read_line_bytes(None).map_err(|e| io_error(vm, &e, name))
    })?;
    if r.is_empty() {
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(bytes_value(r))
}

fn bin_readlines(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [hint]) = crate::sig!("BufferedReader.readlines", "$self, hint=-1, /").bind(vm, a, kw)?;
    let hint = size_arg(vm, hint)?.filter(|h| *h > 0);
    let name = name_of(vm, me);
    let lines = file_state(vm, me, |s| {
        bin_check_read(vm, s)?;
        let mut out = Vec::new();
        let mut total = 0;
        loop {
            let line = s.read_line_bytes(None).map_err(|e| io_error(vm, &e, name.clone()))?;
            if line.is_empty() {
                break;
            }
            total += line.len();
            out.push(bytes_value(line));
            if hint.is_some_and(|h| total >= h) {
                break;
            }
        }
        Ok(out)
    })?;
    Ok(Value::list(lines))
}

fn bin_write(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, buffer], []) = crate::sig!("BufferedWriter.write", "$self, buffer, /").bind(vm, a, kw)?;
    let data = vm.bytes_of(buffer)?;
    let name = name_of(vm, me);
    file_state(vm, me, |s| {
        if s.closed {
            return Err(vm.value_error("write to closed file"));
        }
        if !s.writable {
            return Err(unsupported(vm, "write"));
        }
        s.write_bytes(&data).map_err(|e| io_error(vm, &e, name))
    })?;
    Ok(Value::Int(data.len() as i64))
}

fn bin_writelines(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, lines], []) = crate::sig!("BufferedReader.writelines", "$self, lines, /").bind(vm, a, kw)?;
    let it = vm.iter(lines)?;
    while let Some(line) = vm.next(&it)? {
        bin_write(vm, &[me.clone(), line], &[])?;
    }
    Ok(Value::None)
}

fn bin_seek(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, cookie], [whence]) = crate::sig!("BufferedReader.seek", "$self, cookie, whence=0, /").bind(vm, a, kw)?;
    if matches!(cookie, Value::Float(_)) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let off = vm.index_value(cookie)?;
    let whence = match whence {
        Some(w) => vm.index_value(w)?,
        None => 0,
    };
    let name = name_of(vm, me);
    file_state(vm, me, |s| {
        if s.closed {
            return Err(vm.value_error("seek of closed file"));
        }
        let pos = match whence {
            0 => {
                if off < 0 {
                    return Err(vm.value_error(format!("negative seek position {off}")));
                }
                SeekFrom::Start(off as u64)
            }
            1 => SeekFrom::Current(off),
            2 => SeekFrom::End(off),
            w => return Err(vm.value_error(format!("whence value {w} unsupported"))),
        };
        s.seek(pos).map(|p| Value::Int(p as i64)).map_err(|e| io_error(vm, &e, name))
    })
}

fn bin_tell(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("BufferedReader.tell", "$self, /").bind(vm, a, kw)?;
    let name = name_of(vm, me);
    file_state(vm, me, |s| {
        if s.closed {
            return Err(closed_err_np(vm));
        }
        s.tell().map(|p| Value::Int(p as i64)).map_err(|e| io_error(vm, &e, name))
    })
}

fn bin_repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "BufferedReader.__repr__", "$self, /").bind(vm, a, kw)?;
    let class = vm.type_of(me);
    let full = vm.class_full_name(&class);
    let is_raw = class.name().as_str() == "FileIO";
    if is_raw {
        let (closed, closefd) = file_state(vm, me, |s| Ok((s.closed, s.closefd)))?;
        if closed {
            return Ok(Value::string(format!("<{full} [closed]>")));
        }
        let name = match name_of(vm, me) {
            Some(n) => format!(" name={}", vm.repr(&n)?.as_str()),
            None => String::new(),
        };
        let mode = attr(vm, me, "mode").unwrap_or(Value::str("rb"));
        return Ok(Value::string(format!(
            "<{full}{name} mode={} closefd={}>",
            vm.repr(&mode)?.as_str(),
            if closefd { "True" } else { "False" }
        )));
    }
    match name_of(vm, me) {
        Some(n) => Ok(Value::string(format!("<{full} name={}>", vm.repr(&n)?.as_str()))),
        None => Ok(Value::string(format!("<{full}>"))),
    }
}

fn bin_raw(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("BufferedReader.raw", "$self, /").bind(vm, a, kw)?;
    Ok(me.clone())
}

// ----- StringIO -----

fn sio<R>(vm: &Vm, v: &Value, f: impl FnOnce(&mut StringState) -> PyResult<R>) -> PyResult<R> {
    with::<StringState, R>(vm, v, |s| {
        if s.closed {
            return Err(closed_err_np(vm));
        }
        f(s)
    })
}

fn sio_translate(nl: Nl, text: &str) -> String {
    match nl {
        Nl::Universal if text.contains('\r') => text.replace("\r\n", "\n").replace('\r', "\n"),
        Nl::Cr if text.contains('\n') => text.replace('\n', "\r"),
        Nl::CrLf if text.contains('\n') => text.replace('\n', "\r\n"),
        _ => text.to_string(),
    }
}

fn sio_init(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [initial, newline]) = crate::sig!("StringIO", "$self, initial_value='', newline='\\n'").bind(vm, a, kw)?;
    let initial = initial.cloned().unwrap_or(Value::None);
    let nl = match newline {
        None => Nl::Lf,
        Some(Value::None) => Nl::Universal,
        Some(v) => match v.as_str() {
            Some(s) => parse_newline(vm, Some(s.as_str()))?,
            None => return Err(vm.type_error(format!("newline must be str or None, not {}", vm.type_name(v).as_str()))),
        },
    };
    let text = match &initial {
        Value::None => String::new(),
        v => match v.as_str() {
            Some(s) => s.as_str().to_string(),
            None => return Err(vm.type_error(format!("initial_value must be str or None, not {}", vm.type_name(v).as_str()))),
        },
    };
    let chars: Vec<char> = sio_translate(nl, &text).chars().collect();
    let state = StringState { chars, pos: 0, closed: false, newline: nl, seen: 0 };
    set_state(me, new_native(vm, Box::new(state)));
    Ok(Value::None)
}

fn sio_getvalue(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("StringIO.getvalue", "$self, /").bind(vm, a, kw)?;
    let s = sio(vm, me, |s| Ok(s.chars.iter().collect::<String>()))?;
    Ok(Value::string(s))
}

fn sio_read_impl(s: &mut StringState, limit: Option<usize>, line: bool) -> String {
    let start = s.pos.min(s.chars.len());
    let mut end = match limit {
        Some(n) => (start + n).min(s.chars.len()),
        None => s.chars.len(),
    };
    if line {
        let mut i = start;
        while i < end {
            let c = s.chars[i];
            match s.newline {
                Nl::Any => {
                    if c == '\n' {
                        end = i + 1;
                        break;
                    }
                    if c == '\r' {
                        end = if i + 1 < end && s.chars[i + 1] == '\n' { i + 2 } else { i + 1 };
                        break;
                    }
                }
                Nl::Cr => {
                    if c == '\r' {
                        end = i + 1;
                        break;
                    }
                }
                Nl::CrLf => {
                    if c == '\r' && i + 1 < end && s.chars[i + 1] == '\n' {
                        end = i + 2;
                        break;
                    }
                }
                _ => {
                    if c == '\n' {
                        end = i + 1;
                        break;
                    }
                }
            }
            i += 1;
        }
    }
    s.pos = end.max(start);
    s.chars[start..end.max(start)].iter().collect()
}

fn sio_read(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [size]) = crate::sig!("StringIO.read", "$self, size=-1, /").bind(vm, a, kw)?;
    let size = size_arg(vm, size)?;
    Ok(Value::string(sio(vm, me, |s| Ok(sio_read_impl(s, size, false)))?))
}

fn sio_readline(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [size]) = crate::sig!("StringIO.readline", "$self, size=-1, /").bind(vm, a, kw)?;
    let size = size_arg(vm, size)?;
    Ok(Value::string(sio(vm, me, |s| Ok(sio_read_impl(s, size, true)))?))
}

fn sio_readlines(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [hint]) = crate::sig!("StringIO.readlines", "$self, hint=-1, /").bind(vm, a, kw)?;
    let hint = size_arg(vm, hint)?.filter(|h| *h > 0);
    let lines = sio(vm, me, |s| {
        let mut out = Vec::new();
        let mut total = 0;
        loop {
            let line = sio_read_impl(s, None, true);
            if line.is_empty() {
                break;
            }
            total += line.chars().count();
            out.push(Value::string(line));
            if hint.is_some_and(|h| total >= h) {
                break;
            }
        }
        Ok(out)
    })?;
    Ok(Value::list(lines))
}

fn sio_next(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "StringIO.__next__", "$self, /").bind(vm, a, kw)?;
    let line = sio(vm, me, |s| Ok(sio_read_impl(s, None, true)))?;
    if line.is_empty() {
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(Value::string(line))
}

fn sio_write_str(vm: &Vm, this: &Value, v: &Value) -> PyResult<usize> {
    let Some(text) = v.as_str() else {
        return Err(vm.type_error(format!("string argument expected, got '{}'", vm.type_name(v).as_str())));
    };
    let n = text.char_len();
    sio(vm, this, |s| {
        if text.as_str().contains('\n') {
            s.seen |= SEEN_LF;
        }
        let t = sio_translate(s.newline, text.as_str());
        let new: Vec<char> = t.chars().collect();
        if s.pos > s.chars.len() {
            s.chars.try_reserve_exact(s.pos - s.chars.len()).map_err(|_| vm.memory_error())?;
            s.chars.resize(s.pos, '\0');
        }
        let end = (s.pos + new.len()).min(s.chars.len());
        let k = new.len();
        s.chars.splice(s.pos..end, new);
        s.pos += k;
        Ok(())
    })?;
    Ok(n)
}

fn sio_write(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, s], []) = crate::sig!("StringIO.write", "$self, s, /").bind(vm, a, kw)?;
    Ok(Value::Int(sio_write_str(vm, me, s)? as i64))
}

fn sio_writelines(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, lines], []) = crate::sig!("StringIO.writelines", "$self, lines, /").bind(vm, a, kw)?;
    sio(vm, me, |_| Ok(()))?;
    let it = vm.iter(lines)?;
    while let Some(line) = vm.next(&it)? {
        sio_write_str(vm, me, &line)?;
    }
    Ok(Value::None)
}

fn sio_seek(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, cookie], [whence]) = crate::sig!("StringIO.seek", "$self, cookie, whence=0, /").bind(vm, a, kw)?;
    let pos = vm.index_value(cookie)?;
    let whence = match whence {
        Some(w) => vm.index_value(w)?,
        None => 0,
    };
    sio(vm, me, |s| {
        match whence {
            0 => {
                if pos < 0 {
                    return Err(vm.value_error(format!("Negative seek position {pos}")));
                }
                s.pos = pos as usize;
            }
            1 => {
                if pos != 0 {
                    return Err(vm.new_error("OSError", "Can't do nonzero cur-relative seeks"));
                }
            }
            2 => {
                if pos != 0 {
                    return Err(vm.new_error("OSError", "Can't do nonzero end-relative seeks"));
                }
                s.pos = s.chars.len();
            }
            w => return Err(vm.value_error(format!("Invalid whence ({w}, should be 0, 1 or 2)"))),
        }
        Ok(Value::Int(s.pos as i64))
    })
}

fn sio_tell(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("StringIO.tell", "$self, /").bind(vm, a, kw)?;
    sio(vm, me, |s| Ok(Value::Int(s.pos as i64)))
}

fn sio_truncate(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [pos]) = crate::sig!("StringIO.truncate", "$self, pos=None, /").bind(vm, a, kw)?;
    let size = match pos {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.index_value(v)?),
    };
    sio(vm, me, |s| {
        let size = size.unwrap_or(s.pos as i64);
        if size < 0 {
            return Err(vm.value_error(format!("Negative size value {size}")));
        }
        if (size as usize) < s.chars.len() {
            s.chars.truncate(size as usize);
        }
        Ok(Value::Int(size))
    })
}

fn sio_close(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("StringIO.close", "$self, /").bind(vm, a, kw)?;
    with::<StringState, ()>(vm, me, |s| {
        s.closed = true;
        s.chars = Vec::new();
        Ok(())
    })?;
    Ok(Value::None)
}

fn sio_closed(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("StringIO.closed", "$self, /").bind(vm, a, kw)?;
    with::<StringState, Value>(vm, me, |s| Ok(Value::bool(s.closed)))
}

fn sio_flush(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("StringIO.flush", "$self, /").bind(vm, a, kw)?;
    sio(vm, me, |_| Ok(Value::None))
}

fn sio_true(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("StringIO.readable", "$self, /").bind(vm, a, kw)?;
    sio(vm, me, |_| Ok(Value::bool(true)))
}

fn sio_isatty(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("StringIO.isatty", "$self, /").bind(vm, a, kw)?;
    sio(vm, me, |_| Ok(Value::bool(false)))
}

fn sio_line_buffering(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("StringIO.line_buffering", "$self, /").bind(vm, a, kw)?;
    sio(vm, me, |_| Ok(Value::bool(false)))
}

fn sio_newlines(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("StringIO.newlines", "$self, /").bind(vm, a, kw)?;
    sio(vm, me, |s| Ok(if s.newline == Nl::Universal { newlines_value(s.seen) } else { Value::None }))
}

fn sio_iter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "StringIO.__iter__", "$self, /").bind(vm, a, kw)?;
    sio(vm, me, |_| Ok(()))?;
    Ok(me.clone())
}

fn sio_enter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("StringIO.__enter__", "$self, /").bind(vm, a, kw)?;
    sio(vm, me, |_| Ok(()))?;
    Ok(me.clone())
}

fn sio_exit(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [], _) = crate::sig!("StringIO.__exit__", "$self, /, *args").bind_rest(vm, a, kw)?;
    vm.call_method(me, "close", &[])?;
    Ok(Value::None)
}

fn sio_detach(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("StringIO.detach", "$self, /").bind(vm, a, kw)?;
    Err(unsupported(vm, "detach"))
}

// ----- BytesIO -----

fn bio<R>(vm: &Vm, v: &Value, f: impl FnOnce(&mut BytesState) -> PyResult<R>) -> PyResult<R> {
    with::<BytesState, R>(vm, v, |s| {
        if s.closed {
            return Err(closed_err_np(vm));
        }
        f(s)
    })
}

fn bio_init(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [initial]) = crate::sig!("BytesIO", "$self, initial_bytes=b''").bind(vm, a, kw)?;
    let data = match initial {
        None | Some(Value::None) => Vec::new(),
        Some(v) => vm.bytes_of(v)?,
    };
    set_state(me, new_native(vm, Box::new(BytesState { data, pos: 0, closed: false })));
    Ok(Value::None)
}

fn bio_getvalue(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("BytesIO.getvalue", "$self, /").bind(vm, a, kw)?;
    Ok(bytes_value(bio(vm, me, |s| Ok(s.data.clone()))?))
}

fn bio_read_impl(s: &mut BytesState, limit: Option<usize>, line: bool) -> Vec<u8> {
    let start = s.pos.min(s.data.len());
    let mut end = match limit {
        Some(n) => (start + n).min(s.data.len()),
        None => s.data.len(),
    };
    if line {
        if let Some(i) = s.data[start..end].iter().position(|&b| b == b'\n') {
            end = start + i + 1;
        }
    }
    s.pos = end;
    s.data[start..end].to_vec()
}

fn bio_read(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [size]) = crate::sig!("BytesIO.read", "$self, size=-1, /").bind(vm, a, kw)?;
    let size = size_arg(vm, size)?;
    Ok(bytes_value(bio(vm, me, |s| Ok(bio_read_impl(s, size, false)))?))
}

fn bio_readinto(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, buffer], []) = crate::sig!("BytesIO.readinto", "$self, buffer, /").bind(vm, a, kw)?;
    let Value::ByteArray(target) = buffer.builtin_base() else {
        return Err(vm.type_error(format!("readinto() argument must be read-write bytes-like object, not {}", vm.type_name(buffer).as_str())));
    };
    let n = target.data.borrow().len();
    let data = bio(vm, me, |s| Ok(bio_read_impl(s, Some(n), false)))?;
    target.data.borrow_mut()[..data.len()].copy_from_slice(&data);
    Ok(Value::Int(data.len() as i64))
}

fn bio_readline(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [size]) = crate::sig!("BytesIO.readline", "$self, size=-1, /").bind(vm, a, kw)?;
    let size = size_arg(vm, size)?;
    Ok(bytes_value(bio(vm, me, |s| Ok(bio_read_impl(s, size, true)))?))
}

fn bio_readlines(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [hint]) = crate::sig!("BytesIO.readlines", "$self, hint=-1, /").bind(vm, a, kw)?;
    let hint = size_arg(vm, hint)?.filter(|h| *h > 0);
    let lines = bio(vm, me, |s| {
        let mut out = Vec::new();
        let mut total = 0;
        loop {
            let line = bio_read_impl(s, None, true);
            if line.is_empty() {
                break;
            }
            total += line.len();
            out.push(bytes_value(line));
            if hint.is_some_and(|h| total >= h) {
                break;
            }
        }
        Ok(out)
    })?;
    Ok(Value::list(lines))
}

fn bio_next(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "BytesIO.__next__", "$self, /").bind(vm, a, kw)?;
    let line = bio(vm, me, |s| Ok(bio_read_impl(s, None, true)))?;
    if line.is_empty() {
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(bytes_value(line))
}

fn bio_write_bytes(vm: &Vm, this: &Value, v: &Value) -> PyResult<usize> {
    let data = vm.bytes_of(v)?;
    bio(vm, this, |s| {
        if s.pos > s.data.len() {
            s.data.try_reserve_exact(s.pos - s.data.len()).map_err(|_| vm.memory_error())?;
            s.data.resize(s.pos, 0);
        }
        let end = (s.pos + data.len()).min(s.data.len());
        s.data.splice(s.pos..end, data.iter().copied());
        s.pos += data.len();
        Ok(data.len())
    })
}

fn bio_write(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, b], []) = crate::sig!("BytesIO.write", "$self, b, /").bind(vm, a, kw)?;
    Ok(Value::Int(bio_write_bytes(vm, me, b)? as i64))
}

fn bio_writelines(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, lines], []) = crate::sig!("BytesIO.writelines", "$self, lines, /").bind(vm, a, kw)?;
    let it = vm.iter(lines)?;
    while let Some(line) = vm.next(&it)? {
        bio_write_bytes(vm, me, &line)?;
    }
    Ok(Value::None)
}

fn bio_seek(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, cookie], [whence]) = crate::sig!("BytesIO.seek", "$self, cookie, whence=0, /").bind(vm, a, kw)?;
    if matches!(cookie, Value::Float(_)) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let pos = vm.index_value(cookie)?;
    let whence = match whence {
        Some(w) => vm.index_value(w)?,
        None => 0,
    };
    bio(vm, me, |s| {
        let new = match whence {
            0 => {
                if pos < 0 {
                    return Err(vm.value_error(format!("negative seek value {pos}")));
                }
                pos
            }
            1 => (s.pos as i64 + pos).max(0),
            2 => (s.data.len() as i64 + pos).max(0),
            w => return Err(vm.value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
        };
        s.pos = new as usize;
        Ok(Value::Int(new))
    })
}

fn bio_tell(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("BytesIO.tell", "$self, /").bind(vm, a, kw)?;
    bio(vm, me, |s| Ok(Value::Int(s.pos as i64)))
}

fn bio_truncate(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [pos]) = crate::sig!("BytesIO.truncate", "$self, pos=None, /").bind(vm, a, kw)?;
    let size = match pos {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.index_value(v)?),
    };
    bio(vm, me, |s| {
        let size = size.unwrap_or(s.pos as i64);
        if size < 0 {
            return Err(vm.value_error(format!("negative size value {size}")));
        }
        if (size as usize) < s.data.len() {
            s.data.truncate(size as usize);
        }
        Ok(Value::Int(size))
    })
}

fn bio_close(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("BytesIO.close", "$self, /").bind(vm, a, kw)?;
    with::<BytesState, ()>(vm, me, |s| {
        s.closed = true;
        s.data = Vec::new();
        Ok(())
    })?;
    Ok(Value::None)
}

fn bio_closed(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("BytesIO.closed", "$self, /").bind(vm, a, kw)?;
    with::<BytesState, Value>(vm, me, |s| Ok(Value::bool(s.closed)))
}

fn bio_flush(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("BytesIO.flush", "$self, /").bind(vm, a, kw)?;
    bio(vm, me, |_| Ok(Value::None))
}

fn bio_true(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("BytesIO.readable", "$self, /").bind(vm, a, kw)?;
    bio(vm, me, |_| Ok(Value::bool(true)))
}

fn bio_isatty(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("BytesIO.isatty", "$self, /").bind(vm, a, kw)?;
    bio(vm, me, |_| Ok(Value::bool(false)))
}

fn bio_iter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "BytesIO.__iter__", "$self, /").bind(vm, a, kw)?;
    bio(vm, me, |_| Ok(()))?;
    Ok(me.clone())
}

fn bio_enter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("BytesIO.__enter__", "$self, /").bind(vm, a, kw)?;
    bio(vm, me, |_| Ok(()))?;
    Ok(me.clone())
}

fn bio_exit(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [], _) = crate::sig!("BytesIO.__exit__", "$self, /, *args").bind_rest(vm, a, kw)?;
    vm.call_method(me, "close", &[])?;
    Ok(Value::None)
}
