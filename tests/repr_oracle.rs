//! `tulip::syntax::repr` against CPython 3.11 itself: `str.isprintable` and
//! `repr(str)` for every code point, `repr(float)` and `repr(complex)` for
//! tens of thousands of values, including every special case of the layout.
//! Without CPython 3.11 (`python3`) the tests say so and pass.

use std::io::Write;
use std::process::{Command, Stdio};

use tulip::syntax::repr::{bytes_repr, complex_repr, float_repr, is_printable, str_repr};

const RANDOM_FLOATS: usize = 50_000;

fn cpython_311_available() -> bool {
    let available = Command::new("python3")
        .args(["-c", "import sys; print(sys.version_info[:2] == (3, 11))"])
        .output()
        .map(|out| out.status.success() && out.stdout.starts_with(b"True"))
        .unwrap_or(false);
    if !available {
        println!("repr_oracle: python3 is not CPython 3.11; skipping");
    }
    available
}

/// Runs `script` with `input` on stdin and returns its stdout lines.
fn python_lines(script: &str, input: &str) -> Vec<String> {
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("cannot run python3");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = input.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("python3 did not finish");
    writer
        .join()
        .expect("writer thread panicked")
        .expect("cannot write to python3");
    assert!(out.status.success(), "python3 failed");
    String::from_utf8(out.stdout)
        .expect("python3 wrote UTF-8")
        .lines()
        .map(str::to_owned)
        .collect()
}

fn all_chars() -> impl Iterator<Item = char> {
    (0..=0x10FFFFu32).filter_map(char::from_u32)
}

#[test]
fn printable_matches_cpython_for_every_code_point() {
    if !cpython_311_available() {
        return;
    }
    let script = "import sys\n\
        sys.stdout.write(''.join('1' if chr(c).isprintable() else '0' \
        for c in range(0x110000) if not 0xD800 <= c < 0xE000) + '\\n')";
    let expected = python_lines(script, "").concat();
    let ours: String = all_chars()
        .map(|c| if is_printable(c) { '1' } else { '0' })
        .collect();
    assert_eq!(expected.len(), ours.len());
    let wrong: Vec<String> = all_chars()
        .zip(expected.bytes().zip(ours.bytes()))
        .filter(|(_, (a, b))| a != b)
        .map(|(c, (a, _))| format!("U+{:04X} (CPython printable: {})", u32::from(c), a == b'1'))
        .take(20)
        .collect();
    assert!(
        wrong.is_empty(),
        "is_printable differs from CPython for {wrong:?}"
    );
}

#[test]
fn str_repr_matches_cpython_for_every_code_point() {
    if !cpython_311_available() {
        return;
    }
    // Each character between letters, so quoting and context both show.
    let script = "import sys\n\
        sys.stdout.reconfigure(encoding='utf-8')\n\
        sys.stdout.write(''.join(repr('a' + chr(c) + 'b') + '\\n' \
        for c in range(0x110000) if not 0xD800 <= c < 0xE000))";
    let expected = python_lines(script, "");
    let ours: Vec<String> = all_chars().map(|c| str_repr(&format!("a{c}b"))).collect();
    assert_eq!(expected.len(), ours.len());
    let wrong: Vec<_> = expected
        .iter()
        .zip(&ours)
        .filter(|(a, b)| a != b)
        .take(20)
        .collect();
    assert!(
        wrong.is_empty(),
        "str_repr differs from CPython (CPython first): {wrong:?}"
    );
}

/// A small deterministic generator (xorshift64*), enough for test inputs.
struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// Bit patterns worth checking: random doubles, random "short" decimals, and
/// the edges of the positional/exponent layout.
fn interesting_floats() -> Vec<f64> {
    let mut random = Xorshift(0x9E37_79B9_7F4A_7C15);
    let mut values: Vec<f64> = (0..RANDOM_FLOATS)
        .map(|_| f64::from_bits(random.next()))
        .collect();
    for exponent in -330..=310 {
        for mantissa in [1.0, 1.5, 9.999, 123.0, 0.5] {
            values.push(mantissa * 10f64.powi(exponent));
            values.push(-mantissa * 10f64.powi(exponent));
        }
    }
    values.extend((0..2_000).map(|_| (random.next() % 100_000_000) as f64 / 1000.0));
    values.extend([
        0.0,
        -0.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        f64::MIN_POSITIVE,
        f64::MAX,
    ]);
    values.extend([1e16, 9999999999999998.0, 1e-4, 9.9999e-5, 1e-5, 0.1 + 0.2]);
    values
}

#[test]
fn float_and_complex_reprs_match_cpython() {
    if !cpython_311_available() {
        return;
    }
    let values = interesting_floats();
    let input: String = values
        .iter()
        .map(|v| format!("{}\n", v.to_bits()))
        .collect();
    let script = "import sys, struct\n\
        b = [struct.unpack('<d', struct.pack('<Q', int(l)))[0] for l in sys.stdin]\n\
        for i, x in enumerate(b):\n    y = b[i - 1]\n    \
        print(repr(x), repr(complex(x, y)), repr(complex(0.0, x)), sep='|')";
    let expected = python_lines(script, &input);
    assert_eq!(expected.len(), values.len());
    let mut wrong = Vec::new();
    for (index, line) in expected.iter().enumerate() {
        let x = values[index];
        let y = values[(index + values.len() - 1) % values.len()];
        let ours = format!(
            "{}|{}|{}",
            float_repr(x),
            complex_repr(x, y),
            complex_repr(0.0, x)
        );
        if &ours != line {
            wrong.push(format!(
                "bits {:#x}: CPython {line}, tulip {ours}",
                x.to_bits()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} reprs differ, first: {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(10)]
    );
}

#[test]
fn bytes_repr_matches_cpython_for_every_byte() {
    if !cpython_311_available() {
        return;
    }
    let samples: Vec<Vec<u8>> = (0..=255u8)
        .map(|b| vec![b'a', b, b'b'])
        .chain([b"'".to_vec(), b"\"".to_vec(), b"'\"".to_vec(), Vec::new()])
        .collect();
    let input: String = samples.iter().map(|s| format!("{}\n", hex(s))).collect();
    let script = "import sys\nfor l in sys.stdin: print(repr(bytes.fromhex(l.strip())))";
    let expected = python_lines(script, &input);
    let ours: Vec<String> = samples.iter().map(|s| bytes_repr(s)).collect();
    assert_eq!(expected, ours);
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
