//! `time.strptime`: the directives of CPython's `_strptime` in the C locale.
//!
//! CPython turns the format into a regular expression; each directive here
//! reads what that expression's group accepts. Numbers try their widest
//! alternative first, as the regex alternations do (`%m` reads `12` before
//! `1`), without backtracking into a narrower one later.

use crate::eval::Vm;
use crate::runtime::object::PyResult;
use crate::runtime::value::Value;
use tulip_syntax::repr::str_repr;

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const MONTHS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/// What the directives set; unset fields keep CPython's defaults.
#[derive(Default)]
pub(super) struct Parsed {
    year: Option<i64>,
    month: Option<i64>,
    day: Option<i64>,
    hour: i64,
    minute: i64,
    second: i64,
    yday: Option<i64>,
    weekday: Option<i64>,
    /// Seconds east of UTC, from `%z`.
    gmtoff: Option<i64>,
    /// `%Z`'s name and the daylight flag it implies.
    zone: Option<(String, i64)>,
}

struct Parser<'a> {
    data: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn rest(&self) -> &'a str {
        &self.data[self.pos..]
    }

    /// Up to `max` digits whose value lies in `lo..=hi`, the widest first.
    fn number(&mut self, max: usize, lo: i64, hi: i64) -> Option<i64> {
        let digits = self.rest().bytes().take(max).take_while(u8::is_ascii_digit).count();
        for n in (1..=digits).rev() {
            let v: i64 = self.rest()[..n].parse().ok()?;
            if (lo..=hi).contains(&v) {
                self.pos += n;
                return Some(v);
            }
        }
        None
    }

    /// Exactly `n` digits.
    fn fixed(&mut self, n: usize) -> Option<i64> {
        let s = self.rest().get(..n)?;
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        self.pos += n;
        s.parse().ok()
    }

    /// One of `names` (or its three-letter abbreviation), ignoring case.
    fn name(&mut self, names: &[&str], full: bool) -> Option<i64> {
        let rest = self.rest();
        let best = names.iter().enumerate().find_map(|(i, name)| {
            let candidate = if full { *name } else { &name[..3] };
            let head = rest.get(..candidate.len())?;
            head.eq_ignore_ascii_case(candidate).then_some((i, candidate.len()))
        })?;
        self.pos += best.1;
        Some(best.0 as i64)
    }

    /// The character `c`; letters match in either case (CPython's pattern
    /// is compiled with IGNORECASE).
    fn literal(&mut self, c: char) -> bool {
        let matched = match self.rest().chars().next() {
            Some(d) => d == c || (c.is_ascii_alphabetic() && d.eq_ignore_ascii_case(&c)),
            None => false,
        };
        if matched {
            self.pos += c.len_utf8();
        }
        matched
    }

    /// `%z`: `+HHMM`, `+HH:MM`, optionally with seconds, or `Z`.
    fn utc_offset(&mut self) -> Option<i64> {
        if self.rest().starts_with('Z') {
            self.pos += 1;
            return Some(0);
        }
        let sign = match self.rest().chars().next()? {
            '+' => 1,
            '-' => -1,
            _ => return None,
        };
        self.pos += 1;
        let hours = self.fixed(2)?;
        let colon = self.literal(':');
        let minutes = self.fixed(2).filter(|m| *m < 60)?;
        // Seconds follow with the same use of ':' as the minutes.
        let mut seconds = 0;
        let mark = self.pos;
        match (self.literal(':') == colon).then(|| self.fixed(2)).flatten() {
            Some(s) if s < 60 => seconds = s,
            _ => self.pos = mark,
        }
        Some(sign * (hours * 3600 + minutes * 60 + seconds))
    }
}

/// Parses `data` with `format`, or the ValueError CPython raises.
pub(super) fn parse(vm: &Vm, data: &str, format: &str) -> PyResult<Parsed> {
    let original = format;
    check_directives(vm, format)?;
    let format = &expand_locale_formats(format);
    let mut p = Parser { data, pos: 0 };
    let mut out = Parsed::default();
    let mut pm: Option<bool> = None;
    let mut hour12: Option<i64> = None;
    let mismatch = || vm.value_error(format!("time data {} does not match format {}", str_repr(data), str_repr(original)));
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            // Format whitespace matches one or more whitespace characters.
            let n = p.rest().chars().take_while(|c| c.is_whitespace()).map(char::len_utf8).sum::<usize>();
            if n == 0 {
                return Err(mismatch());
            }
            p.pos += n;
            continue;
        }
        if c != '%' {
            if !p.literal(c) {
                return Err(mismatch());
            }
            continue;
        }
        let Some(d) = chars.next() else { break };
        let ok = match d {
            'Y' => p.fixed(4).map(|y| out.year = Some(y)),
            'y' => p.fixed(2).map(|y| out.year = Some(if y < 69 { 2000 + y } else { 1900 + y })),
            'm' => p.number(2, 1, 12).map(|m| out.month = Some(m)),
            'd' => {
                p.literal(' ');
                p.number(2, 1, 31).map(|v| out.day = Some(v))
            }
            'H' => p.number(2, 0, 23).map(|v| out.hour = v),
            'I' => p.number(2, 1, 12).map(|v| hour12 = Some(v)),
            'M' => p.number(2, 0, 59).map(|v| out.minute = v),
            'S' => p.number(2, 0, 61).map(|v| out.second = v),
            'f' => p.number(6, 0, 999_999).map(|_| ()),
            'j' => p.number(3, 1, 366).map(|v| out.yday = Some(v)),
            'w' => p.number(1, 0, 6).map(|v| out.weekday = Some((v + 6) % 7)),
            'u' => p.number(1, 1, 7).map(|v| out.weekday = Some(v - 1)),
            'a' => p.name(&WEEKDAYS, false).map(|v| out.weekday = Some(v)),
            'A' => p.name(&WEEKDAYS, true).map(|v| out.weekday = Some(v)),
            'b' | 'h' => p.name(&MONTHS, false).map(|v| out.month = Some(v + 1)),
            'B' => p.name(&MONTHS, true).map(|v| out.month = Some(v + 1)),
            'p' => {
                if p.name(&["am"], true).is_some() {
                    pm = Some(false);
                    Some(())
                } else {
                    p.name(&["pm"], true).map(|_| pm = Some(true))
                }
            }
            'z' => p.utc_offset().map(|off| out.gmtoff = Some(off)),
            'Z' => zone(&mut p).map(|z| out.zone = Some(z)),
            'U' | 'W' => p.number(2, 0, 53).map(|_| ()),
            '%' => p.literal('%').then_some(()),
            _ => None,
        };
        if ok.is_none() {
            return Err(mismatch());
        }
    }
    if p.pos < data.len() {
        return Err(vm.value_error(format!("unconverted data remains: {}", &data[p.pos..])));
    }
    if let Some(h) = hour12 {
        out.hour = match pm {
            Some(true) => h % 12 + 12,
            _ => h % 12,
        };
    }
    Ok(out)
}

/// The format's errors, in order, before any data is read.
fn check_directives(vm: &Vm, format: &str) -> PyResult<()> {
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        match chars.next() {
            None => return Err(vm.value_error(format!("stray % in format '{format}'"))),
            Some(d) if !"YymdHIMSfjwuaAbBhpzZUWcxX%".contains(d) => {
                return Err(vm.value_error(format!("'{d}' is a bad directive in format '{format}'")));
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// `%c`, `%x` and `%X` as the C locale spells them.
fn expand_locale_formats(format: &str) -> String {
    let mut out = String::with_capacity(format.len());
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('c') => out.push_str("%a %b %d %H:%M:%S %Y"),
            Some('x') => out.push_str("%m/%d/%y"),
            Some('X') => out.push_str("%H:%M:%S"),
            Some(d) => {
                out.push('%');
                out.push(d);
            }
            None => out.push('%'),
        }
    }
    out
}

/// `%Z`: UTC, GMT or the local zone's names (daylight flag 1 for the DST name).
fn zone(p: &mut Parser) -> Option<(String, i64)> {
    let ((_, std_name), (_, dst_name)) = super::time::local_zones();
    let mut names = vec![("utc".to_string(), 0), ("gmt".to_string(), 0), (std_name.to_lowercase(), 0)];
    if !dst_name.is_empty() && dst_name != std_name {
        names.push((dst_name.to_lowercase(), 1));
    }
    names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    let rest = p.rest();
    let (name, dst) = names.into_iter().find(|(n, _)| !n.is_empty() && rest.get(..n.len()).is_some_and(|h| h.eq_ignore_ascii_case(n)))?;
    let text = rest[..name.len()].to_string();
    p.pos += name.len();
    Some((text, dst))
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The struct_time fields: year, month, day, hour, minute, second,
/// weekday (Monday 0), day of the year and the DST flag, derived as
/// `_strptime` does: `%j` decides the date, a parsed weekday is kept.
fn fields(vm: &Vm, p: &Parsed) -> PyResult<[i64; 9]> {
    let (mut month, mut day) = (p.month.unwrap_or(1), p.day.unwrap_or(1));
    // February 29 without a year is checked against a leap year.
    let leap_default = p.year.is_none() && month == 2 && day == 29;
    let mut year = p.year.unwrap_or(if leap_default { 1904 } else { 1900 });
    let first = days_from_civil(year, 1, 1);
    let days = match p.yday {
        Some(yday) => {
            let days = first + yday - 1;
            (year, month, day) = civil_from_days(days);
            days
        }
        None => {
            if day > days_in_month(year, month) {
                return Err(vm.value_error("day is out of range for month"));
            }
            days_from_civil(year, month, day)
        }
    };
    let weekday = p.weekday.unwrap_or((days + 3).rem_euclid(7));
    let yday = days - days_from_civil(year, 1, 1) + 1;
    if leap_default {
        year = 1900;
    }
    let isdst = p.zone.as_ref().map_or(-1, |z| z.1);
    Ok([year, month, day, p.hour, p.minute, p.second, weekday, yday, isdst])
}

/// The date `days` after 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + (m <= 2) as i64, m, d)
}

pub(super) fn to_values(vm: &Vm, p: &Parsed) -> PyResult<(Vec<Value>, Value, Value)> {
    let f = fields(vm, p)?;
    let zone = match &p.zone {
        Some((name, _)) => Value::string(name.clone()),
        None => Value::None,
    };
    let gmtoff = p.gmtoff.map_or(Value::None, Value::Int);
    Ok((f.iter().map(|&v| Value::Int(v)).collect(), zone, gmtoff))
}
