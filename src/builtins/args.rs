//! Native functions' argument layer: declared signatures, and the one
//! binder that checks a call against them with CPython's messages.
//!
//! Every native declares its signature once, as CPython's text signature
//! (`$self, width, fillchar=' ', /`), in a `sig!` at the top of its body:
//!
//! ```text
//! let ([s, width], [fill]) = sig!("str.center", "$self, width, fillchar=' ', /").bind(vm, args, kw)?;
//! ```
//!
//! `sig!` parses the text at compile time into a `Sig` (a malformed one is
//! a build error) wrapped in a `Shaped` whose type carries the counts, and
//! `Shaped::bind` checks arity and keywords before the body does anything,
//! then hands it fixed-size arrays: the required parameters (`$self` or
//! `$type` first) as `[&Value; R]`, the optional ones (the other positional
//! parameters, then the keyword-only ones) as `[Option<&Value>; O]`, so no
//! body indexes an argument it was not guaranteed. A pattern of the wrong
//! size does not compile; `bind_rest` is the variant for `*args`, which it
//! returns as a slice; `**kwargs` (only after positional-only parameters)
//! leaves the keywords to the body. The binder borrows, so the fast path
//! is the same two comparisons hand-written checks made. The receiver's
//! type is checked before the body by the call layer (`Vm::check_receiver`),
//! from the class a method is registered on.
//!
//! Messages follow the kind of CPython function a signature describes.
//! All-positional-only ones word arity errors like Argument Clinic's
//! (`center expected at most 2 arguments, got 3`), or METH_O's and
//! METH_NOARGS' when they take one or no argument (`len() takes exactly one
//! argument (2 given)`); ones taking keywords like `_PyArg_Parser`'s
//! (`split() takes at most 2 arguments (3 given)`, `'x' is an invalid
//! keyword argument for split()`). The name is written qualified
//! (`str.center`); messages CPython words with the bare name use the part
//! after the last dot. Three prefixes select other parsers' wording: `slot`
//! for slot wrappers (`expected 1 argument, got 0`), `tuple` for
//! `PyArg_ParseTuple` (`find() takes at least 1 argument (0 given)`), and
//! `unpack` for `PyArg_UnpackTuple` (`subgroup expected 1 argument, got 0`),
//! and `py` for natives standing in for functions CPython writes in Python
//! (`join() missing 1 required positional argument: 'a'`).
//!
//! This is the only way natives take their arguments:
//! tools/native_signatures.py counts those that do not, and a test holds
//! that count at zero.

use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// The most parameters (with `$self`) a signature may declare.
const MAX_PARAMS: usize = 16;

/// A native's signature, parsed from its text form by `Sig::parse`.
pub struct Sig {
    /// Qualified name (`str.center`, `len`, `math.sqrt`).
    pub name: &'static str,
    /// The text signature, without parentheses.
    pub text: &'static str,
    has_self: bool,
    /// Positional parameters, not counting `$self`.
    positional: u8,
    /// How many of them are positional-only (before `/`).
    posonly: u8,
    /// How many leading positional parameters have no default.
    required: u8,
    kwonly: u8,
    pub varargs: bool,
    varkw: bool,
    wording: Wording,
}

/// How CPython words a function's argument errors, beyond what the
/// parameters imply.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wording {
    /// Argument Clinic, METH_O and METH_NOARGS functions.
    Clinic,
    /// Slot wrappers (`list.__add__`): no name (`expected 1 argument, got 0`).
    Slot,
    /// `PyArg_ParseTuple` functions (`find() takes at least 1 argument (0 given)`).
    Tuple,
    /// `PyArg_UnpackTuple` functions (`subgroup expected 1 argument, got 0`).
    Unpack,
    /// Natives standing in for functions CPython writes in Python
    /// (`join() missing 1 required positional argument: 'a'`).
    Python,
}

/// `sig!("name", "text")`: the signature parsed at compile time, typed
/// with its shape so that binding it to arrays of the wrong sizes does not
/// compile.
#[macro_export]
macro_rules! sig {
    (slot $name:expr, $text:expr) => {{
        const SIG: $crate::builtins::args::Sig = $crate::builtins::args::Sig::parse($name, $text).slot();
        const REQUIRED: usize = SIG.shape().0;
        const OPTIONAL: usize = SIG.shape().1;
        const REST: bool = SIG.varargs;
        $crate::builtins::args::Shaped::<REQUIRED, OPTIONAL, REST>(&SIG)
    }};
    (unpack $name:expr, $text:expr) => {{
        const SIG: $crate::builtins::args::Sig = $crate::builtins::args::Sig::parse($name, $text).unpack_tuple();
        const REQUIRED: usize = SIG.shape().0;
        const OPTIONAL: usize = SIG.shape().1;
        const REST: bool = SIG.varargs;
        $crate::builtins::args::Shaped::<REQUIRED, OPTIONAL, REST>(&SIG)
    }};
    (tuple $name:expr, $text:expr) => {{
        const SIG: $crate::builtins::args::Sig = $crate::builtins::args::Sig::parse($name, $text).parse_tuple();
        const REQUIRED: usize = SIG.shape().0;
        const OPTIONAL: usize = SIG.shape().1;
        const REST: bool = SIG.varargs;
        $crate::builtins::args::Shaped::<REQUIRED, OPTIONAL, REST>(&SIG)
    }};
    (py $name:expr, $text:expr) => {{
        const SIG: $crate::builtins::args::Sig = $crate::builtins::args::Sig::parse($name, $text).python();
        const REQUIRED: usize = SIG.shape().0;
        const OPTIONAL: usize = SIG.shape().1;
        const REST: bool = SIG.varargs;
        $crate::builtins::args::Shaped::<REQUIRED, OPTIONAL, REST>(&SIG)
    }};
    ($name:expr, $text:expr) => {{
        const SIG: $crate::builtins::args::Sig = $crate::builtins::args::Sig::parse($name, $text);
        const REQUIRED: usize = SIG.shape().0;
        const OPTIONAL: usize = SIG.shape().1;
        const REST: bool = SIG.varargs;
        $crate::builtins::args::Shaped::<REQUIRED, OPTIONAL, REST>(&SIG)
    }};
}

/// A signature with `R` required slots (with `$self`), `O` optional ones,
/// and `*args` when `REST`.
pub struct Shaped<const R: usize, const O: usize, const REST: bool>(pub &'static Sig);

/// The byte range of each top-level comma-separated item of `b`, trimmed;
/// commas inside quotes or brackets (defaults such as `sep=', '`) do not split.
const fn next_item(b: &[u8], mut i: usize) -> Option<(usize, usize, usize)> {
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    if i >= b.len() {
        return None;
    }
    let start = i;
    let (mut depth, mut quote) = (0u32, 0u8);
    while i < b.len() {
        let c = b[i];
        if quote != 0 {
            if c == b'\\' {
                i += 1;
            } else if c == quote {
                quote = 0;
            }
        } else if c == b'\'' || c == b'"' {
            quote = c;
        } else if c == b'(' || c == b'[' || c == b'{' {
            depth += 1;
        } else if c == b')' || c == b']' || c == b'}' {
            depth = depth.saturating_sub(1);
        } else if c == b',' && depth == 0 {
            break;
        }
        i += 1;
    }
    let mut end = i;
    while end > start && b[end - 1] == b' ' {
        end -= 1;
    }
    Some((start, end, i + 1))
}

const fn has_byte(b: &[u8], start: usize, end: usize, c: u8) -> bool {
    let mut i = start;
    while i < end {
        if b[i] == c {
            return true;
        }
        i += 1;
    }
    false
}

/// The name part of a parameter item: up to `=`, without `*`s.
fn item_name(item: &str) -> &str {
    // Bytes, not `split`/`trim`: keyword calls of natives match their
    // keywords against these names at every call.
    let b = item.as_bytes();
    let end = b.iter().position(|&c| c == b'=').unwrap_or(b.len());
    let (mut start, mut stop) = (0, end);
    while start < stop && (b[start] == b' ' || b[start] == b'*') {
        start += 1;
    }
    while stop > start && b[stop - 1] == b' ' {
        stop -= 1;
    }
    item.get(start..stop).unwrap_or("")
}

impl Sig {
    /// Parses a text signature (panicking at compile time when malformed).
    pub const fn parse(name: &'static str, text: &'static str) -> Sig {
        let b = text.as_bytes();
        let mut sig = Sig {
            name,
            text,
            has_self: false,
            positional: 0,
            posonly: 0,
            required: 0,
            kwonly: 0,
            varargs: false,
            varkw: false,
            wording: Wording::Clinic,
        };
        let (mut i, mut first, mut keyword_only, mut seen_default) = (0, true, false, false);
        while let Some((s, e, next)) = next_item(b, i) {
            i = next;
            let len = e - s;
            if s == e {
                panic!("empty parameter in a native signature");
            } else if b[s] == b'$' {
                if !first {
                    panic!("$self must come first");
                }
                sig.has_self = true;
            } else if len == 1 && b[s] == b'/' {
                sig.posonly = sig.positional;
            } else if len == 1 && b[s] == b'*' {
                keyword_only = true;
            } else if len > 2 && b[s] == b'*' && b[s + 1] == b'*' {
                sig.varkw = true;
            } else if b[s] == b'*' {
                sig.varargs = true;
                keyword_only = true;
            } else if sig.varkw {
                panic!("parameter after **kwargs");
            } else if keyword_only {
                if !has_byte(b, s, e, b'=') {
                    panic!("required keyword-only parameters are not supported");
                }
                sig.kwonly += 1;
            } else {
                if has_byte(b, s, e, b'=') {
                    seen_default = true;
                } else if seen_default {
                    panic!("a required parameter follows one with a default");
                } else {
                    sig.required += 1;
                }
                sig.positional += 1;
            }
            first = false;
        }
        if sig.varkw && (sig.posonly < sig.positional || sig.kwonly > 0) {
            panic!("**kwargs is only supported with positional-only parameters");
        }
        if sig.has_self as usize + sig.positional as usize + sig.kwonly as usize > MAX_PARAMS {
            panic!("too many parameters in a native signature");
        }
        sig
    }

    /// Parameter names in slot order after `$self` (without `/`, `*`, `*args`, `**kwargs`).
    fn param_names(&self) -> impl Iterator<Item = &'static str> {
        let text = self.text;
        let mut i = 0;
        std::iter::from_fn(move || loop {
            let (s, e, next) = next_item(text.as_bytes(), i)?;
            i = next;
            let item = text.get(s..e).unwrap_or("");
            if !(item.starts_with('$') || item.starts_with('*') || item == "/") {
                return Some(item_name(item));
            }
        })
    }

    /// This signature as a slot wrapper's (`sig!(slot "list.__add__", ...)`).
    pub const fn slot(self) -> Sig {
        if self.posonly < self.positional || self.kwonly > 0 || self.varargs || self.varkw {
            panic!("a slot wrapper takes positional-only parameters");
        }
        Sig { wording: Wording::Slot, ..self }
    }

    /// This signature as a `PyArg_ParseTuple` function's (`sig!(tuple "str.find", ...)`).
    pub const fn parse_tuple(self) -> Sig {
        if self.posonly < self.positional || self.kwonly > 0 || self.varargs || self.varkw {
            panic!("a PyArg_ParseTuple function takes positional-only parameters");
        }
        Sig { wording: Wording::Tuple, ..self }
    }

    /// This signature as a `PyArg_UnpackTuple` function's (`sig!(unpack "BaseExceptionGroup.split", ...)`).
    pub const fn unpack_tuple(self) -> Sig {
        if self.posonly < self.positional || self.kwonly > 0 || self.varargs || self.varkw {
            panic!("a PyArg_UnpackTuple function takes positional-only parameters");
        }
        Sig { wording: Wording::Unpack, ..self }
    }

    /// This signature as a Python function's (`sig!(py "posixpath.join", ...)`).
    pub const fn python(self) -> Sig {
        if self.posonly > 0 || self.varkw {
            panic!("a Python function's signature here has no positional-only parameters or **kwargs");
        }
        Sig { wording: Wording::Python, ..self }
    }

    fn bare_name(&self) -> &'static str {
        self.name.rsplit('.').next().unwrap_or(self.name)
    }

    /// Whether keywords can name any parameter.
    fn takes_keywords(&self) -> bool {
        self.posonly < self.positional || self.kwonly > 0
    }

    /// Required slots (with `$self`) and optional ones.
    pub const fn shape(&self) -> (usize, usize) {
        let req = self.has_self as usize + self.required as usize;
        (req, (self.positional - self.required + self.kwonly) as usize)
    }

    /// The most positional arguments (with `$self`), unless `*args`.
    fn max_positional(&self) -> usize {
        self.has_self as usize + self.positional as usize
    }

    /// The slow path of a call with keywords: fills `slots` in parameter
    /// order (with `$self`) and checks that every required one is given.
    #[cold]
    #[inline(never)]
    fn bind_keywords<'a>(
        &self,
        vm: &Vm,
        args: &'a [Value],
        kw: &'a KwArgs,
        slots: &mut [Option<&'a Value>; MAX_PARAMS],
    ) -> PyResult<()> {
        let name = self.bare_name();
        if self.wording == Wording::Slot {
            return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
        } else if !self.takes_keywords() {
            return Err(vm.type_error(format!("{}() takes no keyword arguments", self.name)));
        }
        let n = args.len();
        let own = self.has_self as usize;
        let total = self.positional as usize + self.kwonly as usize;
        let given = n - own.min(n);
        let python = self.wording == Wording::Python;
        if given > self.positional as usize && !self.varargs || given + kw.len() > total && !python {
            return Err(self.arity_error(vm, n, kw.len()));
        }
        for (slot, v) in slots.iter_mut().zip(args) {
            *slot = Some(v);
        }
        // Where each keyword names a parameter, found in one pass over the
        // signature's text.
        let mut positions: smallvec::SmallVec<[Option<usize>; 4]> = smallvec::smallvec![None; kw.len()];
        let mut left = kw.len();
        for (i, p) in self.param_names().enumerate() {
            for ((k, _), at) in kw.iter().zip(positions.iter_mut()) {
                if at.is_none() && k.as_str() == p {
                    *at = Some(i);
                    left -= 1;
                }
            }
            if left == 0 {
                break;
            }
        }
        // As CPython's keyword parser: a duplicate, then a missing required
        // parameter, then an unknown keyword.
        let mut unknown = None;
        for ((k, v), at) in kw.iter().zip(positions) {
            let k = k.as_str();
            match at {
                Some(i) if i >= self.posonly as usize => {
                    if python && (own + i < n || slots[own + i].is_some()) {
                        return Err(vm.type_error(format!("{name}() got multiple values for argument '{k}'")));
                    }
                    if own + i < n {
                        return Err(vm.type_error(format!(
                            "argument for {name}() given by name ('{k}') and position ({})",
                            i + 1
                        )));
                    }
                    slots[own + i] = Some(v);
                }
                _ if python => return Err(vm.type_error(format!("{name}() got an unexpected keyword argument '{k}'"))),
                _ => unknown = unknown.or(Some(k)),
            }
        }
        let (req, _) = self.shape();
        if python {
            let missing: Vec<usize> = (own..req).filter(|&i| slots[i].is_none()).map(|i| i - own).collect();
            if !missing.is_empty() {
                return Err(self.missing_python(vm, &missing));
            }
        } else if let Some(missing) = (own..req).find(|&i| slots[i].is_none()) {
            return Err(self.missing_error(vm, missing - own, given));
        }
        match unknown {
            Some(k) => Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))),
            None => Ok(()),
        }
    }

    /// A Python function's TypeError for the required parameters `missing`
    /// (indices not counting `$self`) not given.
    fn missing_python(&self, vm: &Vm, missing: &[usize]) -> PyErr {
        let names: Vec<String> = missing.iter().map(|&i| format!("'{}'", self.param_names().nth(i).unwrap_or(""))).collect();
        let list = match names.as_slice() {
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            [init @ .., last] => format!("{}, and {last}", init.join(", ")),
            [] => String::new(),
        };
        let s = if names.len() == 1 { "" } else { "s" };
        vm.type_error(format!("{}() missing {} required positional argument{s}: {list}", self.bare_name(), names.len()))
    }

    /// The TypeError for required parameter `i` (not counting `$self`) not
    /// given, with `n` positional arguments given.
    fn missing_error(&self, vm: &Vm, i: usize, n: usize) -> PyErr {
        let name = self.bare_name();
        let (posonly, max) = (self.posonly.min(self.required) as usize, self.positional as usize);
        if i < posonly {
            let (how, s) = (if posonly < max { "at least" } else { "exactly" }, if posonly == 1 { "" } else { "s" });
            return vm.type_error(format!("{name}() takes {how} {posonly} positional argument{s} ({n} given)"));
        }
        let pname = self.param_names().nth(i).unwrap_or("");
        vm.type_error(format!("{name}() missing required argument '{pname}' (pos {})", i + 1))
    }

    /// The TypeError for `n` positional arguments (with `$self`) and `nkw`
    /// keywords that do not fit.
    #[cold]
    #[inline(never)]
    fn arity_error(&self, vm: &Vm, n: usize, nkw: usize) -> PyErr {
        let own = self.has_self as usize;
        if own > n {
            // Reached only when the call layer does not know the owner class.
            let owner = self.name.rsplit_once('.').map_or(self.name, |(owner, _)| owner);
            let bare = self.bare_name();
            return vm.type_error(format!("descriptor '{bare}' of '{owner}' object needs an argument"));
        }
        let n = n - own;
        let (min, max) = (self.required as usize, self.positional as usize);
        let s = |k: usize| if k == 1 { "" } else { "s" };
        let (qual, bare) = (self.name, self.bare_name());
        let msg = if self.wording == Wording::Python {
            if n < min {
                return self.missing_python(vm, &(n..min).collect::<Vec<_>>());
            }
            let takes = if min == max { format!("{max}") } else { format!("from {min} to {max}") };
            let was = if n == 1 { "was" } else { "were" };
            format!("{bare}() takes {takes} positional argument{} but {n} {was} given", s(max))
        } else if self.wording == Wording::Tuple {
            let how = if min == max { "exactly" } else if n < min { "at least" } else { "at most" };
            let k = if n < min { min } else { max };
            format!("{bare}() takes {how} {k} argument{} ({n} given)", s(k))
        } else if self.wording == Wording::Slot {
            match (min, max) {
                _ if min == max => format!("expected {min} argument{}, got {n}", s(min)),
                _ if n < min => format!("expected at least {min} argument{}, got {n}", s(min)),
                _ => format!("expected at most {max} argument{}, got {n}", s(max)),
            }
        } else if self.varargs && n >= min && nkw > 0 {
            // Only reached with too many keywords: `*args` takes any positional count.
            let k = self.kwonly as usize;
            format!("{bare}() takes at most {k} keyword argument{} ({nkw} given)", s(k))
        } else if self.varargs {
            format!("{bare} expected at least {min} argument{}, got {n}", s(min))
        } else if !self.takes_keywords() {
            match (min, max) {
                // METH_NOARGS and METH_O functions; ones taking `**kwargs` unpack like Clinic's.
                (0, 0) if !self.varkw && self.wording == Wording::Clinic => format!("{qual}() takes no arguments ({n} given)"),
                (1, 1) if !self.varkw && self.wording == Wording::Clinic => format!("{qual}() takes exactly one argument ({n} given)"),
                _ if min == max => format!("{bare} expected {min} argument{}, got {n}", s(min)),
                _ if n < min => format!("{bare} expected at least {min} argument{}, got {n}", s(min)),
                _ => format!("{bare} expected at most {max} argument{}, got {n}", s(max)),
            }
        } else if n < min {
            // Only reached without keywords: the first missing one is at `n`.
            return self.missing_error(vm, n, n);
        } else if n + nkw > max + self.kwonly as usize {
            // As `_PyArg_Parser`: too many in all comes before too many positional.
            let total = max + self.kwonly as usize;
            let keyword = if n == 0 { "keyword " } else { "" };
            format!("{bare}() takes at most {total} {keyword}argument{} ({} given)", s(total), n + nkw)
        } else if max == 0 {
            format!("{bare}() takes no positional arguments")
        } else {
            let how = if min < max { "at most" } else { "exactly" };
            format!("{bare}() takes {how} {max} positional argument{} ({n} given)", s(max))
        };
        vm.type_error(msg)
    }
}

impl<const R: usize, const O: usize> Shaped<R, O, false> {
    /// Checks a call and binds its arguments: the required ones, then the
    /// optional ones (`None` when not given).
    #[inline]
    pub fn bind<'a>(
        &self,
        vm: &Vm,
        args: &'a [Value],
        kw: &'a KwArgs,
    ) -> PyResult<([&'a Value; R], [Option<&'a Value>; O])> {
        let sig = self.0;
        if kw.is_empty() || sig.varkw {
            let n = args.len();
            if n < R || n > sig.max_positional() {
                return Err(sig.arity_error(vm, n, 0));
            }
            return Ok((std::array::from_fn(|i| &args[i]), std::array::from_fn(|i| args.get(R + i))));
        }
        let mut slots = [None; MAX_PARAMS];
        sig.bind_keywords(vm, args, kw, &mut slots)?;
        let fallback = &kw[0].1;
        Ok((std::array::from_fn(|i| slots[i].unwrap_or(fallback)), std::array::from_fn(|i| slots[R + i])))
    }

}

impl<const R: usize, const O: usize> Shaped<R, O, true> {
    /// `bind` for a signature with `*args`: also returns the positional
    /// arguments past the declared ones.
    #[inline]
    pub fn bind_rest<'a>(
        &self,
        vm: &Vm,
        args: &'a [Value],
        kw: &'a KwArgs,
    ) -> PyResult<([&'a Value; R], [Option<&'a Value>; O], &'a [Value])> {
        let sig = self.0;
        let n = args.len();
        if n < R {
            return Err(sig.arity_error(vm, n, 0));
        }
        let split = n.min(sig.max_positional());
        let rest = &args[split..];
        let args = &args[..split];
        if kw.is_empty() || sig.varkw {
            return Ok((std::array::from_fn(|i| &args[i]), std::array::from_fn(|i| args.get(R + i)), rest));
        }
        let mut slots = [None; MAX_PARAMS];
        sig.bind_keywords(vm, args, kw, &mut slots)?;
        let fallback = &kw[0].1;
        Ok((std::array::from_fn(|i| slots[i].unwrap_or(fallback)), std::array::from_fn(|i| slots[R + i]), rest))
    }

}
