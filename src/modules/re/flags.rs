//! The flag bits, with CPython's values.

pub const TEMPLATE: u32 = 1;
pub const IGNORECASE: u32 = 2;
pub const LOCALE: u32 = 4;
pub const MULTILINE: u32 = 8;
pub const DOTALL: u32 = 16;
pub const UNICODE: u32 = 32;
pub const VERBOSE: u32 = 64;
#[allow(dead_code)]
pub const DEBUG: u32 = 128;
pub const ASCII: u32 = 256;
